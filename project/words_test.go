package project_test

import (
	"testing"

	"coder/analysis"
	"coder/project"
	"coder/qda"
)

// Ensure that a word list covers what was selected (all, a case, a code's
// segments), leaves out the project's own stop words once edited, and that the
// edit is undoable.
func TestWords_SelectionAndEditableStopWords(t *testing.T) {
	p := newProject(t, "empty")
	a := importText(t, p, "yard.txt", "Gate meeting. The gate stays shut.\n")
	importText(t, p, "town.txt", "Budget meeting for the town.\n")
	c, err := p.AssignToCase("Yard 3", a)
	if err != nil {
		t.Fatal(err)
	}
	code, err := p.AddCode("Conflict", "#C62828", "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.ApplyCode(a, qda.Span{Start: 14, End: 34}, code.ID); err != nil { // "The gate stays shut."
		t.Fatal(err)
	}
	count := func(sel project.TextSelection) map[string]int {
		t.Helper()
		ws, err := p.Words(sel, project.WordOptions{})
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]int{}
		for _, w := range ws {
			m[w.Word] = w.Count
		}
		return m
	}
	if all := count(project.TextSelection{}); all["meeting"] != 2 || all["gate"] != 2 || all["budget"] != 1 || all["the"] != 0 {
		t.Errorf("all: %v", all)
	}
	if yard := count(project.TextSelection{Case: c.ID}); yard["budget"] != 0 || yard["gate"] != 2 {
		t.Errorf("case: %v", yard)
	}
	if coded := count(project.TextSelection{Code: code.ID}); len(coded) != 3 || coded["gate"] != 1 || coded["stays"] != 1 || coded["shut"] != 1 {
		t.Errorf("code: %v", coded)
	}
	if err := p.SetStopWords(analysis.StopWords{English: []string{" Meeting ", "the"}}); err != nil {
		t.Fatal(err)
	}
	if all := count(project.TextSelection{}); all["meeting"] != 0 || all["the"] != 0 || all["for"] != 1 {
		t.Errorf("after editing stop words: %v", all)
	}
	if _, err := p.Undo(); err != nil {
		t.Fatal(err)
	}
	if all := count(project.TextSelection{}); all["meeting"] != 2 || all["for"] != 0 {
		t.Errorf("after undo: %v", all)
	}
}
