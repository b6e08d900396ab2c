package ingest

import (
	"fmt"
	"strings"
	"unicode"

	"coder/qda"
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
		return fmt.Sprintf("removed %s, which XML cannot carry", qda.Plural(n, "NUL character", "NUL characters"))
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
		return fmt.Sprintf("removed %s (%s), which XML cannot carry", qda.Plural(n, "character", "characters"), strings.Join(parts, ", "))
	}
}

// clean makes s a valid document text by the one rule every text follows
// (qda.NormalizeText), counting what it dropped in rm. Cleaning is applied
// before any offset is taken, so spans are always into the final text.
func clean(s string, rm *removedChars) string {
	out, _, r := qda.NormalizeText(s, false)
	rm.nul += r.NUL
	rm.control += r.Control
	rm.nonchar += r.Nonchar
	return out
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
