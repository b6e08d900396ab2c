package merge

import (
	"fmt"

	"coder/qda"
)

// codings unites the codings: by ID (the later edit of a note or event date
// wins), minus deleted ones and those whose document or code was deleted,
// then by what they say: the same span of the same document coded with the
// same code by the same coder is one coding (the least ID stays).
func (m *merger) codings(out *qda.Bundle) []qda.Coding {
	docs := map[qda.ID]*qda.Document{}
	for i := range out.Documents {
		docs[out.Documents[i].ID] = &out.Documents[i]
	}
	codes := map[qda.ID]*qda.Code{}
	for i := range out.Codes {
		codes[out.Codes[i].ID] = &out.Codes[i]
	}
	coders := idSet(out.Coders, func(c *qda.Coder) qda.ID { return c.ID })
	n := len(m.ours.Codings) + len(m.theirs.Codings)/2
	byID := make(map[qda.ID]qda.Coding, n)
	for side, b := range []*qda.Bundle{m.ours, m.theirs} {
		for _, c := range b.Codings {
			c.ID = m.resolve(c.ID)
			if m.deleted(c.ID) {
				if side == 1 {
					m.report.applied(qda.GoneCoding, "")
				}
				continue
			}
			c.Document, c.Code = m.resolve(c.Document), m.resolve(c.Code)
			c.Coder, c.ModifiedBy = m.resolve(c.Coder), m.resolve(c.ModifiedBy)
			if !coders[c.Coder] {
				c.Coder = ""
			}
			d, code := docs[c.Document], codes[c.Code]
			switch {
			case d == nil:
				m.report.dropped(qda.GoneCoding, "its document was deleted")
				continue
			case code == nil:
				m.report.dropped(qda.GoneCoding, "its code was deleted")
				continue
			}
			m.moveSpan(side, &c, d, code.Name)
			switch {
			case c.Span.CheckIn(d.Chars) != nil:
				m.report.dropped(qda.GoneCoding, fmt.Sprintf("its span lies outside document %q", d.Name))
				continue
			}
			o, ok := byID[c.ID]
			if !ok || o == c {
				byID[c.ID] = c
				continue
			}
			win, lose := o, c
			if wins(&c, &o) {
				win, lose = c, o
			}
			if win.Version() != lose.Version() && concurrent(&win, &lose) {
				m.report.conflict(qda.GoneCoding, code.Name+" in "+d.Name, "note or event date", &win, &lose)
			}
			byID[c.ID] = win
		}
	}
	type same struct {
		doc, code, coder qda.ID
		span             qda.Span
	}
	// The least ID of each group of equal codings stays; no sorting of a
	// hundred thousand IDs is needed to find it.
	first := make(map[same]qda.ID, len(byID))
	for id, c := range byID {
		k := same{c.Document, c.Code, c.Coder, c.Span}
		if into, ok := first[k]; !ok || id < into {
			first[k] = id
		}
	}
	for id, c := range byID {
		into := first[same{c.Document, c.Code, c.Coder, c.Span}]
		if into == id {
			continue
		}
		m.unify(qda.GoneCoding, id, into, codes[c.Code].Name+" in "+docs[c.Document].Name, "same span, code and coder")
		delete(byID, id)
		o := byID[into]
		c.ID = into
		if wins(&c, &o) {
			byID[into] = c
		}
	}
	m.reportShifted()
	return values(byID) // in no particular order
}
