package ingest

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// removedChars counts the characters cleaning dropped, so the researcher is
// told what changed between the file and the stored text.
type removedChars struct {
	nul, control, nonchar int
}

func (r removedChars) total() int { return r.nul + r.control + r.nonchar }

// warning describes the removal in one sentence, or "" when nothing went.
func (r removedChars) warning() string {
	switch n := r.total(); {
	case n == 0:
		return ""
	case n == r.nul:
		return fmt.Sprintf("removed %d NUL %s, which XML cannot carry", n, plural(n, "character", "characters"))
	default:
		var parts []string
		if r.nul > 0 {
			parts = append(parts, fmt.Sprintf("%d NUL", r.nul))
		}
		if r.control > 0 {
			parts = append(parts, fmt.Sprintf("%d other control", r.control))
		}
		if r.nonchar > 0 {
			parts = append(parts, fmt.Sprintf("%d non-character", r.nonchar))
		}
		return fmt.Sprintf("removed %d %s (%s), which XML cannot carry", n, plural(n, "character", "characters"), strings.Join(parts, ", "))
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// clean makes s a valid document text: CRLF and lone CR become LF, characters
// XML 1.0 cannot carry are dropped (C0 controls other than tab and LF, U+FFFE,
// U+FFFF, surrogates) and counted in rm, invalid UTF-8 becomes U+FFFD, and
// the result is NFC. Cleaning is applied before any offset is taken, so spans
// are always into the final text.
func clean(s string, rm *removedChars) string {
	if isCleanASCII(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == '\r':
				b.WriteByte('\n')
				if i < len(s) && s[i] == '\n' {
					i++
				}
			case c == '\t' || c == '\n' || c >= 0x20:
				b.WriteByte(c)
			case c == 0:
				rm.nul++
			default:
				rm.control++
			}
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		i += w
		switch {
		case r == 0xFFFE || r == 0xFFFF || (r >= 0xD800 && r <= 0xDFFF):
			rm.nonchar++
		default:
			// An invalid byte decodes as utf8.RuneError, which is written as
			// U+FFFD: the text stays valid and the damage stays visible.
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(b.String())
}

// isCleanASCII reports whether s needs no cleaning at all: printable ASCII,
// tabs and LFs only. Most English text takes this fast path.
func isCleanASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || (c < 0x20 && c != '\t' && c != '\n') {
			return false
		}
	}
	return true
}

// collapseSpace turns every run of white space (including line breaks) into
// one space and trims the ends, the way HTML and XML documents display text.
func collapseSpace(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// trimSpan returns the rune offsets [a, b) of s without its leading and
// trailing white space, relative to s; a == b when s is blank.
func trimSpan(s string) (a, b int) {
	n := 0
	first, last := -1, -1
	for _, r := range s {
		if !unicode.IsSpace(r) {
			if first < 0 {
				first = n
			}
			last = n
		}
		n++
	}
	if first < 0 {
		return 0, 0
	}
	return first, last + 1
}
