package project_test

import (
	"testing"

	"coder/project"
	"coder/qda"
)

// Ensure that a case's timeline dates codings by their document's Date
// attribute unless they carry an event date, filters by code (with the codes
// under it), colours by the top-level code, and that a bad event date is
// refused with the project unchanged.
func TestTimeline_DocumentDatesEventDatesAndFilter(t *testing.T) {
	p := newProject(t, "empty")
	notice := importText(t, p, "notice.txt", "The town issued the pilot notice.\n")
	meeting := importText(t, p, "meeting.txt", "Residents met in the yard on 4 May 2023. The gate was repaired.\n")
	undated := importText(t, p, "undated.txt", "A note without a date.\n")
	yard, err := p.AssignToCase("Yard 3", notice, meeting, undated)
	if err != nil {
		t.Fatal(err)
	}
	pol, _ := p.AddCode("Political logic", "#C62828", "")
	mob, _ := p.AddCode("Political logic/Mobilisation", "#E8553E", "")
	com, _ := p.AddCode("Community logic", "#3CB44B", "")
	if err := p.AddAttribute(qda.ScopeDocument, notice, project.DateAttribute, qda.VarDate, "2023-03-01"); err != nil {
		t.Fatal(err)
	}
	if err := p.SetValue(qda.ScopeDocument, meeting, project.DateAttribute, "2023-06-30"); err != nil {
		t.Fatal(err)
	}
	code := func(doc qda.ID, s, e int, c qda.ID) qda.ID {
		t.Helper()
		k, err := p.ApplyCode(doc, qda.Span{Start: s, End: e}, c)
		if err != nil {
			t.Fatal(err)
		}
		return k.ID
	}
	code(notice, 0, 33, pol.ID)         // The town issued the pilot notice.
	met := code(meeting, 0, 40, mob.ID) // Residents met in the yard on 4 May 2023.
	code(meeting, 41, 63, com.ID)       // The gate was repaired.
	code(undated, 0, 22, com.ID)        // A note without a date.
	date, ok, err := p.SuggestEventDate(met)
	if err != nil || !ok || date != "2023-05-04" {
		t.Fatalf("suggested %q %v %v, want 2023-05-04", date, ok, err)
	}
	if err := p.SetEventDate(met, date); err != nil {
		t.Fatal(err)
	}
	if err := p.SetEventDate(met, "4th of May"); err == nil {
		t.Error("a date that is no date was accepted")
	}
	evs, left, err := p.Timeline(project.TimelineFilter{Case: yard.ID})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ date, code, logic, color string }{
		{"2023-03-01", "Political logic", "Political logic", "#C62828"},
		{"2023-05-04", "Political logic/Mobilisation", "Political logic", "#C62828"},
		{"2023-06-30", "Community logic", "Community logic", "#3CB44B"},
	}
	if left != 1 || len(evs) != len(want) {
		t.Fatalf("got %d events (%+v) and %d undated, want %d and 1", len(evs), evs, left, len(want))
	}
	for i, w := range want {
		if e := evs[i]; e.Date != w.date || e.Code != w.code || e.Logic != w.logic || e.Color != w.color {
			t.Errorf("event %d: got %+v, want %+v", i, e, w)
		}
	}
	if evs[1].FromDocument || !evs[0].FromDocument {
		t.Errorf("date sources: %v %v", evs[0].FromDocument, evs[1].FromDocument)
	}
	pols, _, err := p.Timeline(project.TimelineFilter{Case: yard.ID, Codes: []qda.ID{pol.ID}})
	if err != nil || len(pols) != 2 || pols[1].Text != "Residents met in the yard on 4 May 2023." {
		t.Errorf("filtered by Political logic: %+v %v", pols, err)
	}
}
