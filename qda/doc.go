// Package qda holds the vocabulary of qualitative data analysis that the rest of
// Coder speaks: documents and their passages, spans, codes, codings, cases,
// variables, memos and coders. It is plain types and their rules, with no I/O, so
// every other package can depend on it and test it without a disk or a display.
//
// Positions are always rune (Unicode code point) offsets into a document's text,
// which is NFC-normalised with LF line ends. That is the unit REFI-QDA uses, and
// it is stable across platforms and fonts; conversions to bytes, UTF-16 units or
// screen coordinates happen only at the edges.
package qda
