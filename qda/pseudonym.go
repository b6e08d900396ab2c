package qda

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Pseudonym is one row of a project's pseudonym table: a real name (of a
// person, a village, an organisation) and what stands for it in
// pseudonymised exports and copies.
type Pseudonym struct {
	ID          ID     `json:"id"`
	Real        string `json:"real"`
	Replacement string `json:"replacement"`
}

// Validate checks a row: both sides given, and the replacement does not
// hold the real name (it would survive pseudonymising).
func (p *Pseudonym) Validate() error {
	r, s := strings.TrimSpace(p.Real), strings.TrimSpace(p.Replacement)
	switch {
	case r == "":
		return Invalidf("a pseudonym needs the real name it replaces")
	case s == "":
		return Invalidf("%q needs a replacement", r)
	case NewPseudonymiser([]Pseudonym{{Real: r, Replacement: "x"}}).Has(s):
		return Invalidf("the replacement %q still holds the real name %q", s, r)
	}
	return nil
}

// Pseudonymiser finds the real names of a pseudonym table in text. A name
// matches regardless of letter case; a name that begins or ends with a
// letter or digit of an alphabetic script (Latin, Cyrillic…) matches only
// as whole words ("Lu" not in "Lunch"), while Chinese, Japanese and Korean
// names match wherever they occur. Where names overlap, the longest wins
// ("Zhang Wei" before "Zhang").
type Pseudonymiser struct {
	byFirst map[rune][]entry // by the name's first rune, folded; longest first
}

type entry struct {
	name []rune // folded
	with string
}

// NewPseudonymiser prepares a table for matching.
func NewPseudonymiser(table []Pseudonym) *Pseudonymiser {
	m := &Pseudonymiser{byFirst: map[rune][]entry{}}
	for _, p := range table {
		name := fold([]rune(NFC(strings.TrimSpace(p.Real))))
		if len(name) == 0 {
			continue
		}
		m.byFirst[name[0]] = append(m.byFirst[name[0]], entry{name, NFC(strings.TrimSpace(p.Replacement))})
	}
	for _, es := range m.byFirst {
		slices.SortStableFunc(es, func(a, b entry) int { return len(b.name) - len(a.name) })
	}
	return m
}

// NFC is the text normal form of every document.
func NFC(s string) string { t, _, _ := NormalizeText(s, false); return t }

func fold(rs []rune) []rune {
	out := make([]rune, len(rs))
	for i, r := range rs {
		out[i] = unicode.ToLower(r)
	}
	return out
}

// wordy reports whether r is a letter or digit of a script written with
// spaces between words: a name starting or ending with one must not run on
// into a neighbouring letter.
func wordy(r rune) bool {
	return (unicode.IsLetter(r) || unicode.IsDigit(r)) && !unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// Replacements returns a replacement for every occurrence of a real name in
// text, in text order (rune offsets).
func (m *Pseudonymiser) Replacements(text string) []Replacement {
	if len(m.byFirst) == 0 {
		return nil
	}
	runes := []rune(text)
	folded := fold(runes)
	var out []Replacement
	for i := 0; i < len(folded); {
		n := 0
		for _, e := range m.byFirst[folded[i]] {
			if m.matches(folded, i, e.name) {
				out = append(out, Replacement{Span{i, i + len(e.name)}, e.with})
				n = len(e.name)
				break
			}
		}
		if n == 0 {
			n = 1
		}
		i += n
	}
	return out
}

func (m *Pseudonymiser) matches(folded []rune, i int, name []rune) bool {
	if i+len(name) > len(folded) || !slices.Equal(folded[i:i+len(name)], name) {
		return false
	}
	if wordy(name[0]) && i > 0 && wordy(folded[i-1]) {
		return false
	}
	end := i + len(name)
	return !(wordy(name[len(name)-1]) && end < len(folded) && wordy(folded[end]))
}

// Has reports whether text holds a real name.
func (m *Pseudonymiser) Has(text string) bool { return len(m.Replacements(text)) > 0 }

// Splice returns the splice that pseudonymises text.
func (m *Pseudonymiser) Splice(text string) (*Splice, error) {
	return NewSplice(utf8.RuneCountInString(text), m.Replacements(text))
}

// Apply returns text with every real name replaced.
func (m *Pseudonymiser) Apply(text string) string {
	rs := m.Replacements(text)
	if len(rs) == 0 {
		return text
	}
	s, _ := NewSplice(utf8.RuneCountInString(text), rs)
	out, _ := s.Apply(text)
	return out
}
