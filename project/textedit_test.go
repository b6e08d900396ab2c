package project_test

import (
	"context"
	"strings"
	"testing"

	"coder/project"
	"coder/qda"
)

func codedTexts(t *testing.T, p *project.Project, doc qda.ID) map[qda.ID]string {
	t.Helper()
	rows, err := p.DocumentCodings(doc)
	if err != nil {
		t.Fatal(err)
	}
	out := map[qda.ID]string{}
	for _, r := range rows {
		out[r.ID] = r.Text
	}
	return out
}

// Ensure that correcting a typo in a coded transcript keeps every coding on
// its words, removes and reports a coding on text that was rewritten whole,
// moves speaker turns, is found by search at once, and is one undo step.
func TestEditText_CodingsTurnsAndSearchFollow(t *testing.T) {
	p := newProject(t, "empty")
	ctx := context.Background()
	text := "Interviewer: What changed?\nResident Li: The gaet was mended by everyone.\nInterviewer: And the party branch?\nResident Li: 书记带头修门，大家都来了。\n"
	doc := importText(t, p, "yard.txt", text)
	if _, err := p.OpenIndex(ctx, nil); err != nil {
		t.Fatal(err)
	}
	code, _ := p.AddCode("Repairs", "", "")
	runes := []rune(text)
	at := func(s string) qda.Span {
		i := strings.Index(text, s)
		start := len([]rune(text[:i]))
		return qda.Span{Start: start, End: start + len([]rune(s))}
	}
	before, _ := p.ApplyCode(doc, at("What changed?"), code.ID)
	around, _ := p.ApplyCode(doc, at("The gaet was mended"), code.ID)
	inside, _ := p.ApplyCode(doc, at("ae"), code.ID)
	after, _ := p.ApplyCode(doc, at("书记带头修门"), code.ID)
	if err := p.SetCodingMemo(inside.ID, "", "a note on a typo"); err != nil {
		t.Fatal(err)
	}
	old, _ := p.Document(doc)
	rep, err := p.EditText(doc, at("gaet"), "gate")
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Removed) != 0 || rep.Moved != 1 {
		t.Errorf("report = %+v, want one coding moved and none removed", rep)
	}
	// "gaet" becomes "gate" by replacing "et" with "te": the coding on
	// "ae" shrinks to "a", what is left of it.
	got := codedTexts(t, p, doc)
	want := map[qda.ID]string{before.ID: "What changed?", around.ID: "The gate was mended", inside.ID: "a", after.ID: "书记带头修门"}
	if len(got) != len(want) {
		t.Errorf("codings after the edit: %v, want %v", got, want)
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("coding %s covers %q after the edit, want %q", id, got[id], w)
		}
	}
	// A longer correction shifts what follows, turns included; "one" is
	// all that changes: a coding on part of it goes, one on all of it
	// covers the new words.
	gone, _ := p.ApplyCode(doc, qda.Span{Start: at("everyone").Start + 5, End: at("everyone").End - 1}, code.ID)
	whole, _ := p.ApplyCode(doc, qda.Span{Start: at("everyone").Start + 5, End: at("everyone").End}, code.ID)
	rep, err = p.EditText(doc, qda.Span{Start: at("everyone").Start, End: at("everyone").End}, "every household in the yard")
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Removed) != 1 || rep.Removed[0].ID != gone.ID || rep.Removed[0].Text != "on" || rep.Removed[0].CodePath != "Repairs" {
		t.Errorf("report of removed codings = %+v, want the coding on %q", rep.Removed, "on")
	}
	if got := codedTexts(t, p, doc)[whole.ID]; got != " household in the yard" {
		t.Errorf("the coding on the whole replaced word covers %q", got)
	}
	d, _ := p.Document(doc)
	if len(d.Passages) != len(old.Passages) {
		t.Fatalf("passages %d after, %d before", len(d.Passages), len(old.Passages))
	}
	for i, pa := range d.Passages {
		if pa.Speaker != old.Passages[i].Speaker || !strings.HasPrefix(pa.Span.Slice([]rune(d.Text)), old.Passages[i].Span.Slice(runes)[:4]) {
			t.Errorf("passage %d is %q (%s) after the edit, was %q (%s)", i, pa.Span.Slice([]rune(d.Text)), pa.Speaker, old.Passages[i].Span.Slice(runes), old.Passages[i].Speaker)
		}
	}
	if got := codedTexts(t, p, doc)[after.ID]; got != "书记带头修门" {
		t.Errorf("coding after the edit covers %q", got)
	}
	if res, _ := p.Search(ctx, "household", project.SearchOptions{}); res.Total != 1 {
		t.Errorf("search for the new word finds %d passages, want 1", res.Total)
	}
	if res, _ := p.Search(ctx, "gaet", project.SearchOptions{}); res.Total != 0 {
		t.Errorf("search for the corrected typo still finds %d passages", res.Total)
	}
	// Undoing gives back the text as imported, with the removed coding and the note.
	for range 4 {
		if _, err := p.Undo(); err != nil {
			t.Fatal(err)
		}
	}
	d, _ = p.Document(doc)
	if d.Text != old.Text || d.Chars != old.Chars {
		t.Errorf("after undo the text is %q", d.Text)
	}
	if got := codedTexts(t, p, doc)[inside.ID]; got != "ae" {
		t.Errorf("undo did not bring back the shrunk coding: %q", got)
	}
	if row, _, err := p.CodingMemos(inside.ID); err != nil || row.Memo != "a note on a typo" {
		t.Errorf("the coding's note after undo: %v %v", row, err)
	}
	if res, _ := p.Search(ctx, "gaet", project.SearchOptions{}); res.Total != 1 {
		t.Errorf("after undo, search for the old word finds %d", res.Total)
	}
	_ = rep
}

// Ensure that an edit outside the text is refused and changes nothing.
func TestEditText_BadSpanChangesNothing(t *testing.T) {
	p := newProject(t, "empty")
	doc := importText(t, p, "a.txt", "The gate was mended.\n")
	before, undo := p.Changes(), p.CanUndo()
	if _, err := p.EditText(doc, qda.Span{Start: 5, End: 99}, "x"); err == nil || !strings.Contains(err.Error(), "a.txt") && !strings.Contains(err.Error(), "within 0:21") {
		t.Errorf("edit past the end: err = %v", err)
	}
	if p.Changes() != before || p.CanUndo() != undo {
		t.Errorf("a refused edit changed the project")
	}
}
