package project_test

import (
	"testing"

	"coder/project"
	"coder/qda"
)

// Ensure that a segment's context is the lines around it: the rest of its
// own lines and two whole lines either side, no more.
func TestAddContext_TwoLinesEitherSide(t *testing.T) {
	p := newProject(t, "logics")
	text := "Line one.\nLine two.\nLine three.\nWe met at the gate every evening.\nLine five.\nLine six.\nLine seven.\n"
	doc := importText(t, p, "context.txt", text)
	code, err := p.FindCode("Community logic")
	if err != nil {
		t.Fatal(err)
	}
	made, err := p.CodeMatches(doc, "at the gate", code.ID)
	if err != nil || len(made) != 1 {
		t.Fatalf("coding: %v %v", made, err)
	}
	rows, err := p.Codings(project.CodingFilter{Codes: []qda.ID{code.ID}})
	if err != nil || len(rows) != 1 {
		t.Fatalf("rows %v %v", rows, err)
	}
	if err := p.AddContext(rows, 2); err != nil {
		t.Fatal(err)
	}
	if want := "Line two.\nLine three.\nWe met "; rows[0].Before != want {
		t.Errorf("before = %q, want %q", rows[0].Before, want)
	}
	if want := " every evening.\nLine five.\nLine six."; rows[0].After != want {
		t.Errorf("after = %q, want %q", rows[0].After, want)
	}
}
