package merge_test

import (
	"slices"
	"testing"
	"time"

	"coder/merge"
	"coder/qda"
)

// validRejections checks that every rejected suggestion lies on a present
// document and code, inside the text, and covers the words it records.
func validRejections(t *testing.T, what string, b *qda.Bundle) {
	t.Helper()
	docs := map[qda.ID]qda.Document{}
	for _, d := range b.Documents {
		docs[d.ID] = d
	}
	codes := idsOf(b.Codes, func(c qda.Code) qda.ID { return c.ID })
	tombs := map[qda.ID]qda.Tombstone{}
	for _, ts := range b.Tombstones {
		tombs[ts.ID] = ts
	}
	seen := map[qda.Rejection]bool{}
	for _, r := range b.Rejections {
		k := r
		k.Text, k.At, k.Coder = "", time.Time{}, ""
		d, ok := docs[r.Document]
		ts, taken := tombs[r.TombID()]
		switch {
		case taken && !r.Outlives(ts):
			t.Errorf("%s: rejection %+v was taken back at %s", what, r, ts.At)
		case !ok || !codes[r.Code]:
			t.Errorf("%s: rejection %+v refers to a missing document or code", what, r)
		case r.Span.CheckIn(d.Chars) != nil:
			t.Errorf("%s: rejection %+v lies outside its document", what, r)
		case r.Text != r.Span.Slice([]rune(d.Text)):
			t.Errorf("%s: rejection %+v covers %q, not its words", what, r, r.Span.Slice([]rune(d.Text)))
		case seen[k]:
			t.Errorf("%s: rejection %+v is there twice", what, r)
		}
		seen[k] = true
	}
}

func idsOf[T any](xs []T, id func(T) qda.ID) map[qda.ID]bool {
	out := map[qda.ID]bool{}
	for _, x := range xs {
		out[id(x)] = true
	}
	return out
}

// rejectionOn rejects span s:e of document d for code c, with its words.
func rejectionOn(d qda.Document, c qda.ID, s, e int) qda.Rejection {
	sp := qda.Span{Start: s, End: e}
	return qda.Rejection{Code: c, Document: d.ID, Span: sp, Text: sp.Slice([]rune(d.Text))}
}

// Ensure that rejected suggestions travel in a merge: a team member's come
// into the lead's project, the same rejection in both copies is one, a
// rejection of a code deleted in the other copy (or on a deleted document)
// goes with it, one of a code made separately in both copies lands on the
// unified code, and one whose words the other copy corrected is left out
// rather than pointed at other words; in any order, and again changing
// nothing.
func TestMerge_RejectionsTravel(t *testing.T) {
	lead, ana := qda.ID("c0"), qda.ID("c1")
	text := "Resident Li: The yard committee met under the plane tree and agreed to fix the gate.\nInterviewer: Who paid?\n"
	li := qda.Document{ID: "d1", Name: "Interview Li", Kind: qda.KindInterview, Text: text, Chars: len([]rune(text)), Imported: at(1)}
	notes := qda.Document{ID: "d2", Name: "Yard notes", Kind: qda.KindFieldnote, Text: "Children play by the bicycle shed.\n", Chars: 35, Imported: at(1)}
	base := &qda.Bundle{Project: qda.Project{ID: "p", Name: "Field study", Created: at(0)},
		Coders:    []qda.Coder{{ID: lead, Name: "Lead"}, {ID: ana, Name: "Ana"}},
		Codes:     []qda.Code{{ID: "trust", Name: "Trust"}, {ID: "rules", Name: "Rules"}},
		Documents: []qda.Document{li, notes}}
	a, b := copyOf(base), copyOf(base)
	// The lead rejects one passage for Trust, deletes Rules and makes Money.
	a.Rejections = []qda.Rejection{rejectionOn(li, "trust", 13, 84)}
	a.Codes = []qda.Code{{ID: "trust", Name: "Trust"}, {ID: "money-a", Name: "Money", Edit: qda.Edit{Modified: at(2), ModifiedBy: lead}}}
	a.Tombstones = []qda.Tombstone{{ID: "rules", Kind: qda.GoneCode, At: at(2), Coder: lead}}
	// Ana rejects the same passage, others for Rules, for her own Money
	// and on the notes, which the lead deletes after she made her copy.
	b.Codes = append(b.Codes, qda.Code{ID: "money-b", Name: "Money", Edit: qda.Edit{Modified: at(3), ModifiedBy: ana}})
	b.Rejections = []qda.Rejection{
		rejectionOn(li, "trust", 13, 84), rejectionOn(li, "rules", 13, 84), rejectionOn(li, "money-b", 85, 107),
		rejectionOn(li, "trust", 85, 107), rejectionOn(notes, "trust", 0, 34),
	}
	a.Documents = []qda.Document{li}
	a.Tombstones = append(a.Tombstones, qda.Tombstone{ID: "d2", Kind: qda.GoneDocument, At: at(4), Coder: lead})
	slices.SortFunc(b.Rejections, qda.CompareRejections)

	ab, rep := merge.Merge(a, b)
	validRejections(t, "A⊕B", ab)
	want := []qda.Rejection{rejectionOn(li, "money-a", 85, 107), rejectionOn(li, "trust", 13, 84), rejectionOn(li, "trust", 85, 107)}
	if !slices.Equal(ab.Rejections, want) {
		t.Errorf("A⊕B rejections = %+v\nwant %+v", ab.Rejections, want)
	}
	if rep.Added.Rejections != 2 {
		t.Errorf("report: %d rejected suggestions came in, want 2 (%v)", rep.Added.Rejections, rep.Lines())
	}
	sameProject(t, "A⊕B vs B⊕A", ab, m(b, a))
	sameProject(t, "(A⊕B)⊕B vs A⊕B", m(ab, b), ab)
	sameProject(t, "(A⊕B)⊕A vs A⊕B", m(ab, a), ab)

	// The lead corrects a word before Ana's rejection of "Who paid?" and
	// she rejects "Who paid?" for Trust again in an old copy: where her
	// span now covers other words it is left out, never moved onto them.
	c := copyOf(ab)
	fixed := c.Documents[0]
	fixed.Text = "Resident Li: The yard committee met under the plane tree and agreed to mend the gate.\nInterviewer: Who paid?\n"
	fixed.Chars = len([]rune(fixed.Text))
	old := fixed.Version()
	stampEdit(&fixed, old, at(5), lead)
	c.Documents[0] = fixed
	c.Rejections = nil
	for _, r := range ab.Rejections {
		if r.Span.Start > 70 {
			r.Span.Start, r.Span.End = r.Span.Start+1, r.Span.End+1
		} else {
			r.Span.End++
		}
		r.Text = r.Span.Slice([]rune(fixed.Text))
		c.Rejections = append(c.Rejections, r)
	}
	cb := m(c, b)
	validRejections(t, "C⊕B", cb)
	sameProject(t, "C⊕B vs B⊕C", cb, m(b, c))
	for _, r := range cb.Rejections {
		if r.Span == (qda.Span{Start: 85, End: 107}) {
			t.Errorf("C⊕B: Ana's rejection at the old offsets of %q came in as %+v", "Who paid?", r)
		}
	}
}

// Ensure that a rejection taken back (undone) in one copy is not brought
// back by a copy that still holds it, that the same span rejected again
// after it was taken back stands, and that of a span rejected and taken
// back in several copies the latest decision wins in any order of merging:
// the later of two tombstones is the one a rejection is weighed against.
func TestMerge_RejectionTakenBackStaysTakenBack(t *testing.T) {
	lead, ana, bo := qda.ID("c0"), qda.ID("c1"), qda.ID("c2")
	text := "Resident Li: The yard committee met under the plane tree and agreed to fix the gate.\n"
	li := qda.Document{ID: "d1", Name: "Interview Li", Kind: qda.KindInterview, Text: text, Chars: len([]rune(text)), Imported: at(1)}
	base := &qda.Bundle{Project: qda.Project{ID: "p", Name: "Field study", Created: at(0)},
		Coders:    []qda.Coder{{ID: lead, Name: "Lead"}, {ID: ana, Name: "Ana"}, {ID: bo, Name: "Bo"}},
		Codes:     []qda.Code{{ID: "trust", Name: "Trust"}},
		Documents: []qda.Document{li}}
	rejected := func(when int, by qda.ID) qda.Rejection {
		r := rejectionOn(li, "trust", 13, 84)
		r.At, r.Coder = at(when), by
		return r
	}
	takenBack := func(when int, by qda.ID) qda.Tombstone {
		return qda.Tombstone{ID: rejectionOn(li, "trust", 13, 84).TombID(), Kind: qda.GoneRejection, At: at(when), Coder: by}
	}
	// The lead rejected at 2 and Ana's copy was made then; the lead took
	// it back at 3.
	a, b := copyOf(base), copyOf(base)
	a.Tombstones = []qda.Tombstone{takenBack(3, lead)}
	b.Rejections = []qda.Rejection{rejected(2, lead)}
	ab, rep := merge.Merge(a, b)
	if len(ab.Rejections) != 0 || len(ab.Tombstones) != 1 {
		t.Errorf("A⊕B: rejections %+v, tombstones %+v; want the rejection taken back", ab.Rejections, ab.Tombstones)
	}
	if len(rep.Applied) != 1 || rep.Applied[0].Kind != "rejected suggestion" {
		t.Errorf("report applied %+v; want the rejection not brought back", rep.Applied)
	}
	sameProject(t, "A⊕B vs B⊕A", ab, m(b, a))
	ba, rep := merge.Merge(b, a)
	if len(ba.Rejections) != 0 || rep.Removed.Rejections != 1 {
		t.Errorf("B⊕A: rejections %+v, removed %d; want Ana's copy to lose it", ba.Rejections, rep.Removed.Rejections)
	}

	// Ana rejects the span again at 4, after the lead took it back: it
	// stands. Bo rejected and took it back at 5 and 6: it goes, whichever
	// copies meet first.
	c := copyOf(base)
	c.Rejections = []qda.Rejection{rejected(4, ana)}
	d := copyOf(base)
	d.Tombstones = []qda.Tombstone{takenBack(6, bo)}
	if ac := m(a, c); len(ac.Rejections) != 1 || ac.Rejections[0].Coder != ana {
		t.Errorf("A⊕C: rejections %+v; want Ana's later one", ac.Rejections)
	}
	all := m(m(a, c), d)
	if len(all.Rejections) != 0 || len(all.Tombstones) != 1 || !all.Tombstones[0].At.Equal(at(6)) {
		t.Errorf("(A⊕C)⊕D: rejections %+v, tombstones %+v; want it taken back by Bo at 6", all.Rejections, all.Tombstones)
	}
	sameProject(t, "(A⊕C)⊕D vs (A⊕D)⊕C", all, m(m(a, d), c))
	sameProject(t, "(A⊕C)⊕D vs A⊕(C⊕D)", all, m(a, m(c, d)))
	sameProject(t, "(A⊕C)⊕D vs (D⊕A)⊕C", all, m(m(d, a), c))
	validRejections(t, "A⊕C⊕D", all)
}
