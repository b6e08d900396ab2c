package exchange

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// NormalizeText fixes a source text the way Coder stores every document: BOM
// removed, CRLF and lone CR turned into LF, C0 control characters other than
// tab and LF dropped (XML cannot carry them), and the result NFC-normalised.
//
// It must stay identical to package ingest's normalisation: a coding imported
// from REFI-QDA lands on the same characters only if the text it points into is
// the one a direct import of the same file would store.
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
	// Pass 1: line ends and control characters, rune by rune.
	nraw := utf8.RuneCountInString(raw)
	toClean := make([]int, 0, nraw+1)
	var clean strings.Builder
	clean.Grow(len(raw))
	cleanRunes := 0
	prevCR := false
	for i, r := range raw {
		toClean = append(toClean, cleanRunes)
		switch {
		case i == 0 && r == '\uFEFF':
			// A byte order mark is an encoding artefact, not text.
		case r == '\r':
			clean.WriteByte('\n')
			cleanRunes++
		case r == '\n' && prevCR:
			// The LF of a CRLF pair: the CR already became the line end.
		case r < 0x20 && r != '\t' && r != '\n':
			// Dropped: XML 1.0 cannot carry it.
		default:
			clean.WriteRune(r)
			cleanRunes++
		}
		prevCR = r == '\r'
	}
	toClean = append(toClean, cleanRunes)

	// Pass 2: NFC, segment by segment, so offsets inside a segment that
	// composition merged map to the segment's start.
	cs := clean.String()
	if norm.NFC.IsNormalString(cs) {
		return cs, offsetMap(toClean)
	}
	toNFC := make([]int, cleanRunes+1)
	var out strings.Builder
	out.Grow(len(cs))
	outRunes, inRunes, inBytes := 0, 0, 0
	var it norm.Iter
	it.InitString(norm.NFC, cs)
	for !it.Done() {
		seg := it.Next()
		end := it.Pos()
		n := utf8.RuneCountInString(cs[inBytes:end])
		for k := 0; k < n; k++ {
			toNFC[inRunes+k] = outRunes
		}
		inRunes += n
		inBytes = end
		out.Write(seg)
		outRunes += utf8.RuneCount(seg)
	}
	toNFC[cleanRunes] = outRunes
	m := make(offsetMap, len(toClean))
	for i, c := range toClean {
		m[i] = toNFC[c]
	}
	return out.String(), m
}

// cleanName tidies a name from another tool: NFC (macOS tools write
// decomposed accents), one line, no control characters, no outer spaces.
func cleanName(s string) string {
	s = strings.NewReplacer("\n", " ", "\t", " ").Replace(NormalizeText(s))
	return strings.TrimSpace(s)
}
