package search

import (
	"strings"
	"unicode"

	"coder/qda"
)

// Snippet sizes in runes. CJK characters are about twice as wide as Latin
// letters and carry more meaning each, so their snippets are shorter.
const (
	snippetLatin   = 240
	snippetCJK     = 110
	snippetLead    = 60 // context before the first match, Latin
	snippetLeadCJK = 30
)

// Marks delimit matches in Snippet; a GUI uses Excerpt.Marks instead.
const (
	MarkOpen  = "«"
	MarkClose = "»"
)

// excerpt cuts a piece of text around the first match. Line breaks become
// spaces (one for one, so rune offsets hold) and cut ends get an ellipsis.
func excerpt(text string, matches []qda.Span) Excerpt {
	rs := []rune(text)
	limit, lead := snippetLatin, snippetLead
	if cjkShare(rs) {
		limit, lead = snippetCJK, snippetLeadCJK
	}
	from, to := 0, len(rs)
	if len(rs) > limit {
		if len(matches) > 0 {
			from = max(0, matches[0].Start-lead)
		}
		to = min(len(rs), from+limit)
		from = max(0, min(from, to-limit))
		// Cut at spaces in spaced scripts, so no word is broken.
		if from > 0 {
			for i := from; i < min(from+15, to); i++ {
				if unicode.IsSpace(rs[i]) {
					from = i + 1
					break
				}
			}
		}
		if to < len(rs) {
			for i := to - 1; i > max(from, to-15); i-- {
				if unicode.IsSpace(rs[i]) {
					to = i
					break
				}
			}
		}
	}
	piece := make([]rune, to-from)
	for i, r := range rs[from:to] {
		if r == '\n' || r == '\t' || r == '\r' {
			r = ' '
		}
		piece[i] = r
	}
	e := Excerpt{Text: string(piece), Start: from}
	for _, m := range matches {
		s := m.Intersect(qda.Span{Start: from, End: to})
		if !s.Empty() {
			e.Marks = append(e.Marks, qda.Span{Start: s.Start - from, End: s.End - from})
		}
	}
	e.cutBefore, e.cutAfter = from > 0, to < len(rs)
	return e
}

// Marked returns the excerpt with its marks written in as «» and "…" where
// the text was cut.
func (e Excerpt) Marked() string {
	rs := []rune(e.Text)
	var b strings.Builder
	if e.cutBefore {
		b.WriteString("…")
	}
	at := 0
	for _, m := range e.Marks {
		b.WriteString(string(rs[at:m.Start]))
		b.WriteString(MarkOpen)
		b.WriteString(string(rs[m.Start:m.End]))
		b.WriteString(MarkClose)
		at = m.End
	}
	b.WriteString(string(rs[at:]))
	if e.cutAfter {
		b.WriteString("…")
	}
	return b.String()
}

// cjkShare reports whether at least a third of the text's letters are CJK.
func cjkShare(rs []rune) bool {
	cjk, letters := 0, 0
	for _, r := range rs {
		if unicode.IsLetter(r) {
			letters++
			if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
				cjk++
			}
		}
	}
	return letters > 0 && 3*cjk >= letters
}
