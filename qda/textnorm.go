package qda

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Removed counts the characters NormalizeText dropped, so the researcher
// can be told what changed between a file and its stored text.
type Removed struct {
	NUL     int // U+0000
	Control int // other C0 controls but tab and LF (CR becomes LF instead)
	Nonchar int // U+FFFE, U+FFFF and lone surrogates
}

// Total is how many characters were dropped.
func (r Removed) Total() int { return r.NUL + r.Control + r.Nonchar }

// NormalizeText is the one rule for a document's text, whichever way it
// comes in (a file import or a REFI-QDA source): a leading byte order mark
// removed, CRLF and lone CR turned into LF, characters XML 1.0 cannot carry
// dropped (C0 controls other than tab and LF, U+FFFE, U+FFFF, surrogates)
// and counted, invalid UTF-8 written as U+FFFD, and the result NFC.
//
// With track set it also returns, for every rune of s plus its end, the
// rune offset it became in the result (a dropped or merged rune maps to the
// rune that replaced it), so positions counted over s can be carried over;
// without it the map is nil and a clean text costs no copy.
func NormalizeText(s string, track bool) (string, []int, Removed) {
	var rm Removed
	if !track && isCleanASCII(s) {
		return s, nil, rm
	}
	// Pass 1: line ends and characters XML cannot carry, rune by rune.
	var toClean []int
	if track {
		toClean = make([]int, 0, utf8.RuneCountInString(s)+1)
	}
	var clean strings.Builder
	clean.Grow(len(s))
	cleanRunes := 0
	prevCR := false
	for i, r := range s {
		if track {
			toClean = append(toClean, cleanRunes)
		}
		switch {
		case i == 0 && r == '\uFEFF':
			// A byte order mark is an encoding artefact, not text.
		case r == '\r':
			clean.WriteByte('\n')
			cleanRunes++
		case r == '\n' && prevCR:
			// The LF of a CRLF pair: the CR already became the line end.
		case r == 0:
			rm.NUL++
		case r < 0x20 && r != '\t' && r != '\n':
			rm.Control++
		case r == 0xFFFE || r == 0xFFFF || (r >= 0xD800 && r <= 0xDFFF):
			rm.Nonchar++
		default:
			// An invalid byte decodes as utf8.RuneError, written as U+FFFD:
			// the text stays valid and the damage stays visible.
			clean.WriteRune(r)
			cleanRunes++
		}
		prevCR = r == '\r'
	}
	cs := clean.String()
	if !track {
		return norm.NFC.String(cs), nil, rm
	}
	toClean = append(toClean, cleanRunes)

	// Pass 2: NFC, segment by segment, so offsets inside a segment that
	// composition merged map to the segment's start.
	if norm.NFC.IsNormalString(cs) {
		return cs, toClean, rm
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
	for i, c := range toClean {
		toClean[i] = toNFC[c]
	}
	return out.String(), toClean, rm
}

// isCleanASCII reports whether s needs no normalising at all: printable
// ASCII, tabs and LFs only. Most English text takes this fast path.
func isCleanASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || (c < 0x20 && c != '\t' && c != '\n') {
			return false
		}
	}
	return true
}
