package qda

import "fmt"

// Span is a half-open range [Start, End) of rune offsets into a document's text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of runes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Empty reports whether the span covers no runes.
func (s Span) Empty() bool { return s.End <= s.Start }

// Overlaps reports whether s and o share at least one rune.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Touches reports whether s and o overlap or are directly adjacent.
func (s Span) Touches(o Span) bool { return s.Start <= o.End && o.Start <= s.End }

// Contains reports whether o lies entirely inside s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// ContainsOffset reports whether the rune at offset i lies inside s.
func (s Span) ContainsOffset(i int) bool { return s.Start <= i && i < s.End }

// Intersect returns the runes s and o share; the result is Empty when they share none.
func (s Span) Intersect(o Span) Span {
	r := Span{max(s.Start, o.Start), min(s.End, o.End)}
	if r.End < r.Start {
		r.End = r.Start
	}
	return r
}

// String formats the span as the CLI writes it: START:END.
func (s Span) String() string { return fmt.Sprintf("%d:%d", s.Start, s.End) }

// CheckIn returns an error unless s is a non-empty span inside a text of n runes.
func (s Span) CheckIn(n int) error {
	switch {
	case s.Start < 0 || s.End < 0:
		return Invalidf("span %s has a negative offset", s)
	case s.End <= s.Start:
		return Invalidf("span %s is empty or reversed (END must be greater than START)", s)
	case s.End > n:
		return Invalidf("span %s ends past the text, which has %d characters", s, n)
	}
	return nil
}

// ParseSpan reads START:END as written on the command line.
func ParseSpan(text string) (Span, error) {
	var s Span
	var rest string
	n, err := fmt.Sscanf(text, "%d:%d%s", &s.Start, &s.End, &rest)
	if n < 2 || (err != nil && n != 2) || rest != "" {
		return Span{}, fmt.Errorf("%q is not a span (write START:END, e.g. 10:42)", text)
	}
	return s, nil
}

// Slice returns the text of span s in runes, clamped to the slice.
func (s Span) Slice(runes []rune) string {
	a, b := max(0, s.Start), min(len(runes), s.End)
	if a >= b {
		return ""
	}
	return string(runes[a:b])
}
