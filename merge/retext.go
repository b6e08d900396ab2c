package merge

import (
	"fmt"
	"sort"

	"coder/qda"
)

// textCorrections finds the documents whose text differs between the two
// copies (one copy corrected it, see project.EditText): the text of the
// version that wins (the later correction, see wins) stays, and each
// side's spans on the other text move onto it through a rune-level
// difference of the two texts (see textSplice and moveSpan).
func (m *merger) textCorrections(byID map[qda.ID]qda.Document) {
	for _, id := range sortedKeys(byID) {
		win := byID[id]
		for side := range m.docs {
			d, ok := m.docs[side][id]
			if !ok || d.Text == win.Text {
				continue
			}
			m.retext[side][id] = textSplice(d.Text, win.Text)
			if win.Version() != d.Version() && concurrent(&win, &d) {
				m.report.conflict(qda.GoneDocument, win.Name, "text corrected in both copies: the later correction stays, the other is lost", &win, &d)
				continue
			}
			m.report.Moved = append(m.report.Moved, Note{What: "document " + win.Name,
				Why: "its text differs between the copies (a text correction): the later text stays, and the codings made on the other moved onto it"})
		}
	}
}

// moveSpan moves a coding made on side's text of its document onto the
// text the merge keeps. A coding whose words a correction changed or
// deleted is kept where they went (on the new words, or on the character
// after a deletion) and reported; it is never dropped.
func (m *merger) moveSpan(side int, c *qda.Coding, d *qda.Document, code string) {
	sp := m.retext[side][c.Document]
	if sp == nil {
		return
	}
	ns, ok := sp.Map(c.Span, qda.Widen)
	if !ok {
		p := max(min(sp.Offset(c.Span.Start), d.Chars-1), 0)
		ns = qda.Span{Start: p, End: p + 1}
	}
	if ns == c.Span {
		return
	}
	was := c.Span.Slice(m.runesOf(side, c.Document, m.docs[side][c.Document].Text))
	now := ns.Slice(m.runesOf(2, c.Document, d.Text))
	c.Span = ns
	if was == now {
		if m.shifted == nil {
			m.shifted = map[string]int{}
		}
		m.shifted[d.Name]++
		return
	}
	m.report.Moved = append(m.report.Moved, Note{What: code + " in " + d.Name,
		Why: fmt.Sprintf("its text was changed by a text correction: it marked %q and now marks %q", firstWords(was), firstWords(now))})
}

// runesOf is a document's text as runes, kept for the next coding on it
// (side 2 is the merged text).
func (m *merger) runesOf(side int, id qda.ID, text string) []rune {
	if m.runes[side] == nil {
		m.runes[side] = map[qda.ID][]rune{}
	}
	r, ok := m.runes[side][id]
	if !ok {
		r = []rune(text)
		m.runes[side][id] = r
	}
	return r
}

// reportShifted says how many codings on each document only moved with a
// text correction (their words are the same).
func (m *merger) reportShifted() {
	names := make([]string, 0, len(m.shifted))
	for n := range m.shifted {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		m.report.Moved = append(m.report.Moved, Note{What: qda.Plural(m.shifted[n], "coding", "codings") + " in " + n, Why: "moved by a text correction, onto the same words"})
	}
}
