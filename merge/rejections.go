package merge

import (
	"slices"

	"coder/qda"
)

// rejections unites the assistant's rejected suggestions (see
// qda.Rejection): they have no identity but what they say, so the same
// code, document and span in both copies is one. A rejection goes with
// its document or code, as codings do: a tombstone in either copy takes
// it, and one on a code unified with another lands on that code. A span
// that now lies outside its document, or covers other words than the
// rejection recorded (the other copy corrected the text), is left out: a
// rejection never lands on words nobody rejected.
func (m *merger) rejections(out *qda.Bundle) []qda.Rejection {
	docs := map[qda.ID]*qda.Document{}
	for i := range out.Documents {
		docs[out.Documents[i].ID] = &out.Documents[i]
	}
	codes := idSet(out.Codes, func(c *qda.Code) qda.ID { return c.ID })
	runes := map[qda.ID][]rune{}
	type key struct {
		doc, code qda.ID
		span      qda.Span
	}
	byKey := map[key]qda.Rejection{}
	for side, b := range []*qda.Bundle{m.ours, m.theirs} {
		for _, r := range b.Rejections {
			r.Document, r.Code = m.resolve(r.Document), m.resolve(r.Code)
			d := docs[r.Document]
			why := ""
			switch {
			case d == nil:
				why = "its document was deleted"
			case !codes[r.Code]:
				why = "its code was deleted"
			default:
				if runes[d.ID] == nil {
					runes[d.ID] = []rune(d.Text)
				}
				// Made on a text the other copy corrected: it moves onto
				// the corrected text as the store moves it (see retext.go).
				if sp := m.retext[side][d.ID]; sp != nil {
					var ok bool
					if r, ok = r.Through(sp, qda.Drop, runes[d.ID]); !ok {
						why = "the words it rejected were replaced by a text correction"
						break
					}
				}
				if err := r.CheckOn(d, runes[d.ID]); err != nil {
					why = err.Error()
				}
			}
			if why != "" {
				if side == 1 {
					m.report.dropped(kindRejection, why)
				}
				continue
			}
			// Of a rejection with and without its words (a record from
			// before they were kept), the one with them stays.
			k := key{r.Document, r.Code, r.Span}
			if o, ok := byKey[k]; !ok || o.Text < r.Text {
				byKey[k] = r
			}
		}
	}
	if len(byKey) == 0 {
		return nil
	}
	res := make([]qda.Rejection, 0, len(byKey))
	for _, r := range byKey {
		res = append(res, r)
	}
	slices.SortFunc(res, qda.CompareRejections)
	return res
}

// kindRejection names rejected suggestions in reports.
const kindRejection = "rejected suggestion"
