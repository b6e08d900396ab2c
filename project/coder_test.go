package project_test

import (
	"testing"

	"coder/project"
	"coder/qda"
)

// Ensure that SetCoder changes who the next codings are recorded for,
// leaves earlier codings with their coder, makes a known name the same
// coder again, and refuses an empty name.
func TestSetCoder_NextCodingsCarryTheNewName(t *testing.T) {
	p := newProject(t, "empty")
	doc := importText(t, p, "n.txt", "The yard committee met on Sunday.\n")
	code, err := p.AddCode("Deliberation", "", "")
	if err != nil {
		t.Fatal(err)
	}
	first, _ := p.ApplyCode(doc, qda.Span{Start: 0, End: 3}, code.ID)
	tester := p.Coder()
	if err := p.SetCoder("  Li Wei "); err != nil {
		t.Fatal(err)
	}
	second, _ := p.ApplyCode(doc, qda.Span{Start: 4, End: 8}, code.ID)
	if err := p.SetCoder("Tester"); err != nil {
		t.Fatal(err)
	}
	if p.Coder().ID != tester.ID {
		t.Error("naming a known coder again made a new coder")
	}
	if err := p.SetCoder(" "); err == nil {
		t.Error("an empty coder name was accepted")
	}
	rows, err := p.Codings(project.CodingFilter{})
	if err != nil {
		t.Fatal(err)
	}
	by := map[qda.ID]string{}
	for _, r := range rows {
		by[r.ID] = r.CoderName
	}
	if by[first.ID] != "Tester" || by[second.ID] != "Li Wei" {
		t.Errorf("codings recorded by %q and %q, want Tester and Li Wei", by[first.ID], by[second.ID])
	}
}

// Ensure that two coders coding the same span with the same code make two
// codings, one each: agreement needs both, and only the same span, code
// and coder is one coding.
func TestApplyCode_SameSpanByTwoCodersIsTwoCodings(t *testing.T) {
	p := newProject(t, "empty")
	doc := importText(t, p, "n.txt", "The yard committee met on Sunday.\n")
	code, err := p.AddCode("Deliberation", "", "")
	if err != nil {
		t.Fatal(err)
	}
	span := qda.Span{Start: 4, End: 8}
	first, _ := p.ApplyCode(doc, span, code.ID)
	again, _ := p.ApplyCode(doc, span, code.ID)
	if again.ID != first.ID {
		t.Error("the same coder coding the same span twice made two codings")
	}
	if err := p.SetCoder("Li Wei"); err != nil {
		t.Fatal(err)
	}
	second, _ := p.ApplyCode(doc, span, code.ID)
	if second.ID == first.ID {
		t.Fatal("Li Wei's coding of the same span was taken for the first coder's")
	}
	rows, _ := p.Codings(project.CodingFilter{})
	if len(rows) != 2 {
		t.Errorf("%d codings, want 2 (one per coder)", len(rows))
	}
}
