// Package ingest turns a researcher's files into qda.Documents: clean text
// (UTF-8, NFC, LF line ends, no characters XML cannot carry) and the passages
// that give it structure (paragraphs, headings, table rows, notes, speaker
// turns and timed subtitle cues).
//
// Every format ends in the same place: a text whose rune offsets are final and
// passages that lie in order inside it, so a coding made on the imported text
// never needs converting. Each refusal (binary data, an empty file, a file over
// the size limit, a zip bomb, XML nested too deep) is a *qda.Error that names
// the file and says what to do.
//
// Passages follow these rules:
//   - Plain text and Markdown: a paragraph is a run of non-blank lines between
//     blank lines; its passage runs from its first to its last non-space
//     character. A run whose lines are long (more than 100 characters on
//     average) is a file that puts one paragraph on each line, and each line
//     becomes its own paragraph.
//   - Structured formats (DOCX, ODT, RTF, HTML, EPUB, PDF) separate blocks with
//     a blank line in the text; each block is one passage: headings are
//     PassageHeading, table rows PassageRow with cells separated by tabs,
//     footnotes, endnotes and comments are appended at the end as
//     PassageNote behind a marker such as "[Footnote 1]".
//   - Transcripts: when speaker labels ("Name: text", "Name  00:13",
//     "[id1] text", "张主任：…") recur, a turn runs from its label to the next
//     label and becomes one PassageTurn whose span covers the label line and
//     the speech; the label stays in the text so the text reads as the file did.
//   - Subtitles (SRT, WebVTT): each cue is one PassageCue carrying its start
//     and end times; the text holds the cue's words, with "Name: " in front
//     when a voice tag named the speaker.
package ingest
