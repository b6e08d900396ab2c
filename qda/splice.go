package qda

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// A text edit is a splice: a set of replacements on one text, and every span
// into the text (codings, passages, memo anchors, search positions) moves
// through it by the rules of Splice.Map. Correcting a transcript is a splice
// of one replacement; pseudonymising a document is a splice of one
// replacement per occurrence of a name.

// Replacement replaces the runes Span of a text with Text (an empty span
// inserts, an empty Text deletes).
type Replacement struct {
	Span Span
	Text string
}

// Splice is a set of replacements on one text of Old runes, in text order,
// none overlapping another.
type Splice struct {
	Old  int // runes in the text before
	reps []rep
}

type rep struct {
	a, b int    // old span
	n    int    // runes of the new text
	text string // the new text
}

// NewSplice checks replacements against a text of old runes and sorts them.
// Replacements must lie inside the text and not overlap (two insertions at
// one offset, or an insertion inside a replaced range, overlap); their texts
// must be NFC with LF line ends, as every document text is.
func NewSplice(old int, rs []Replacement) (*Splice, error) {
	s := &Splice{Old: old, reps: make([]rep, 0, len(rs))}
	for _, r := range rs {
		if r.Span.Start < 0 || r.Span.End < r.Span.Start || r.Span.End > old {
			return nil, Invalidf("replacement %s lies outside the text, which has %d characters", r.Span, old)
		}
		if !utf8.ValidString(r.Text) || !norm.NFC.IsNormalString(r.Text) || strings.ContainsRune(r.Text, '\r') {
			return nil, Invalidf("replacement text %q is not clean text (UTF-8, NFC, LF line ends)", r.Text)
		}
		s.reps = append(s.reps, rep{r.Span.Start, r.Span.End, utf8.RuneCountInString(r.Text), r.Text})
	}
	slices.SortFunc(s.reps, func(x, y rep) int {
		if x.a != y.a {
			return x.a - y.a
		}
		return x.b - y.b
	})
	for i := 1; i < len(s.reps); i++ {
		p, r := s.reps[i-1], s.reps[i]
		if r.a < p.b || r.a == p.a {
			return nil, Invalidf("replacements %d:%d and %d:%d overlap", p.a, p.b, r.a, r.b)
		}
	}
	return s, nil
}

// Len returns the number of replacements.
func (s *Splice) Len() int { return len(s.reps) }

// New returns the length in runes of the text after the splice.
func (s *Splice) New() int {
	n := s.Old
	for _, r := range s.reps {
		n += r.n - (r.b - r.a)
	}
	return n
}

// Apply returns text (of s.Old runes) with every replacement made.
func (s *Splice) Apply(text string) (string, error) {
	if n := utf8.RuneCountInString(text); n != s.Old {
		return "", fmt.Errorf("splice made for a text of %d characters applied to one of %d", s.Old, n)
	}
	var out strings.Builder
	out.Grow(len(text))
	at, byteAt := 0, 0 // rune and byte offset in text
	advance := func(to int) int {
		start := byteAt
		for ; at < to; at++ {
			_, w := utf8.DecodeRuneInString(text[byteAt:])
			byteAt += w
		}
		return start
	}
	for _, r := range s.reps {
		from := advance(r.a)
		out.WriteString(text[from:byteAt])
		advance(r.b)
		out.WriteString(r.text)
	}
	out.WriteString(text[byteAt:])
	return out.String(), nil
}

// Mode says how Map treats a span that lies wholly inside a replaced range.
type Mode int

const (
	// Drop removes a span whose every rune is replaced (a coding on a word
	// the researcher rewrote): nothing of what it marked is left.
	Drop Mode = iota
	// Widen makes such a span cover the whole replacement (a coding on part
	// of a name covers the pseudonym that stands for the name).
	Widen
	// Cover is for passages, which tile the text: a passage holding the
	// start of a replaced range takes the whole new text, a passage that
	// starts inside it starts after the new text, and one wholly inside it
	// is removed.
	Cover
)

// Map moves span sp of the old text through the splice, and reports false
// when nothing of it is left. For each replacement of [a, b) by n runes:
//   - a span ending at or before a is unchanged;
//   - a span starting at or after b is shifted by the change in length;
//   - a span around [a, b) (an insertion strictly inside it) is stretched
//     or shrunk to hold the new text;
//   - a span overlapping one end of [a, b) keeps its part outside it;
//   - a span wholly inside [a, b) goes (Drop), or covers the new text (Widen).
//
// Cover (for passages) differs as its comment says.
func (s *Splice) Map(sp Span, mode Mode) (Span, bool) {
	// From the last replacement to the first: each moves only offsets at
	// or after its own start, so the ones before it still apply unchanged.
	for i := len(s.reps) - 1; i >= 0; i-- {
		var ok bool
		if sp, ok = s.reps[i].move(sp, mode); !ok {
			return Span{}, false
		}
	}
	return sp, !sp.Empty()
}

func (r rep) move(sp Span, mode Mode) (Span, bool) {
	st, e := sp.Start, sp.End
	d := r.n - (r.b - r.a)
	if mode == Cover {
		switch {
		case e <= r.a:
		case st >= r.b && st > r.a:
			st, e = st+d, e+d
		case st <= r.a: // holds the start of the range: takes the new text
			if e <= r.b {
				e = r.a + r.n
			} else {
				e += d
			}
		case e <= r.b: // wholly inside
			return Span{}, false
		default: // starts inside the range
			st, e = r.a+r.n, e+d
		}
		return Span{st, e}, e > st
	}
	switch {
	case e <= r.a: // before
	case st >= r.b: // after
		st, e = st+d, e+d
	case st <= r.a && r.b <= e: // around
		e += d
	case r.a <= st && e <= r.b: // wholly inside
		if mode != Widen {
			return Span{}, false
		}
		st, e = r.a, r.a+r.n
	case st < r.a: // overlaps the start of the range
		e = r.a
	default: // overlaps the end of the range
		st, e = r.a+r.n, e+d
	}
	return Span{st, e}, e > st
}

// Offset moves a single position (a caret, a search hit's start) through
// the splice: a position inside a replaced range goes to the end of its new
// text, one at a replacement's start stays before it.
func (s *Splice) Offset(i int) int {
	out := i
	for _, r := range s.reps {
		switch {
		case i <= r.a:
			return out
		case i < r.b:
			return out + (r.a - i) + r.n
		default:
			out += r.n - (r.b - r.a)
		}
	}
	return out
}

// Inserted returns the new spans of the replacements' texts in the text
// after the splice, in text order.
func (s *Splice) Inserted() []Span {
	out := make([]Span, len(s.reps))
	shift := 0
	for i, r := range s.reps {
		out[i] = Span{r.a + shift, r.a + shift + r.n}
		shift += r.n - (r.b - r.a)
	}
	return out
}

// Passages moves a document's passages through the splice (see Cover):
// they keep tiling the text, a passage wholly replaced goes, and text added
// at the very end of the document joins its last passage.
func (s *Splice) Passages(ps []Passage) []Passage {
	out := make([]Passage, 0, len(ps))
	for i, p := range ps {
		sp, ok := s.Map(p.Span, Cover)
		if i == len(ps)-1 && p.Span.End == s.Old {
			if !ok {
				sp = Span{s.Offset(p.Span.Start), s.New()}
			}
			sp.End = s.New()
			ok = !sp.Empty()
		}
		if ok {
			p.Span = sp
			out = append(out, p)
		}
	}
	return out
}
