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
//
// A rejection taken back leaves a tombstone under its TombID; the same
// span may be rejected again after. Of all that the copies say about one
// span the latest decision stands: a rejection goes when a tombstone of
// its span (as either copy recorded it, or as it lands after codes are
// unified and texts corrected) is as late as it or later (qda.Rejection.Outlives), and of two
// tombstones of one span the later is kept.
func (m *merger) rejections(out *qda.Bundle) []qda.Rejection {
	m.latestRejectionTombs()
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
			recorded := r.TombID()
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
			// Taken back as its copy recorded it, or as it lands here
			// (on a unified code, moved onto a corrected text).
			if m.takenBack(r, recorded) || (why == "" && m.takenBack(r, r.TombID())) {
				if side == 1 {
					m.report.applied(kindRejection, "")
				}
				continue
			}
			if why != "" {
				if side == 1 {
					m.report.dropped(kindRejection, why)
				}
				continue
			}
			// Of one span rejected in both copies the later rejection
			// stays (then the one with its words: a record from before
			// they were kept has none).
			k := key{r.Document, r.Code, r.Span}
			if o, ok := byKey[k]; !ok || laterRejection(r, o) {
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

// laterRejection reports whether a should be kept rather than b, two
// rejections of one span: the later, then the one with the greater coder
// ID and words, so the choice does not depend on which copy had which.
func laterRejection(a, b qda.Rejection) bool {
	if !a.At.Equal(b.At) {
		return a.At.After(b.At)
	}
	if a.Coder != b.Coder {
		return a.Coder > b.Coder
	}
	return a.Text > b.Text
}

// latestRejectionTombs keeps, of the tombstones both copies hold for one
// rejected span, the later: unlike an entity's deletion, a span's
// rejection can be made and taken back again, and the last taking back is
// the one a later rejection must be weighed against. m.tombs (which keeps
// the earliest of other tombstones) is what m.tombstones writes out.
func (m *merger) latestRejectionTombs() {
	for _, b := range []*qda.Bundle{m.ours, m.theirs} {
		for _, t := range b.Tombstones {
			if t.Kind != qda.GoneRejection {
				continue
			}
			if o, ok := m.tombs[t.ID]; ok && o.Kind == qda.GoneRejection && !tombLess(o, t) {
				continue
			}
			m.tombs[t.ID] = t
		}
	}
}

// takenBack reports whether r was taken back after it was made, by the
// tombstone kept under id.
func (m *merger) takenBack(r qda.Rejection, id qda.ID) bool {
	t, ok := m.tombs[id]
	return ok && t.Kind == qda.GoneRejection && !r.Outlives(t)
}
