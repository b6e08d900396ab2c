package exchange

import (
	"strings"

	"coder/qda"
)

// NormalizeText fixes a source text the way Coder stores every document: BOM
// removed, CRLF and lone CR turned into LF, C0 control characters other than
// tab and LF, U+FFFE, U+FFFF and surrogates dropped (XML cannot carry them),
// and the result NFC-normalised.
//
// It is qda.NormalizeText, the rule package ingest applies too: a coding
// imported from REFI-QDA lands on the same characters only if the text it
// points into is the one a direct import of the same file would store.
func NormalizeText(raw string) string {
	s, _ := normalizeWithMap(raw)
	return s
}

// offsetMap maps rune offsets in a raw text to rune offsets in its normalised
// form. It has one entry per raw rune plus one for the end of the text.
type offsetMap []int

// at returns the normalised offset for raw rune offset i, clamped to the text.
func (m offsetMap) at(i int) int {
	switch {
	case len(m) == 0:
		return 0
	case i < 0:
		return m[0]
	case i >= len(m):
		return m[len(m)-1]
	}
	return m[i]
}

// normalizeWithMap normalises raw as NormalizeText does and records where each
// raw rune went, so positions counted over the raw text can be carried over.
// A raw rune that was dropped or merged into a neighbour maps to the offset of
// the normalised rune that replaced it.
func normalizeWithMap(raw string) (string, offsetMap) {
	s, m, _ := qda.NormalizeText(raw, true)
	return s, m
}

// cleanName tidies a name from another tool: NFC (macOS tools write
// decomposed accents), one line, no control characters, no outer spaces.
func cleanName(s string) string {
	s = strings.NewReplacer("\n", " ", "\t", " ").Replace(NormalizeText(s))
	return strings.TrimSpace(s)
}
