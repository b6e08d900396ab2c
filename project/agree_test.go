package project_test

import (
	"testing"

	"coder/analysis"
	"coder/project"
	"coder/qda"
)

// consensusSpans lists the consensus coder's codings as "code start:end".
func consensusSpans(t *testing.T, p *project.Project) []string {
	t.Helper()
	rows, err := p.Codings(project.CodingFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range rows {
		if r.CoderName == project.ConsensusCoder {
			out = append(out, r.CodePath+" "+r.Span.String())
		}
	}
	return out
}

// Ensure that a lead can build a consensus: first what both coders agree
// on, then one coder's version of a stretch they differ on, each one undo
// step, and that the disagreement rows carry the document's name and text.
func TestConsensus_AcceptAgreedThenOneVersion(t *testing.T) {
	p := newProject(t, "empty")
	doc := importText(t, p, "yard.txt", "The residents met at the gate and the cadre spoke of the new rules for the yard.\n")
	gate, _ := p.AddCode("Gate", "", "")
	rules, _ := p.AddCode("Rules", "", "")
	p.SetCoder("Ana")
	p.ApplyCode(doc, qda.Span{Start: 0, End: 30}, gate.ID)
	p.SetCoder("Ben")
	p.ApplyCode(doc, qda.Span{Start: 4, End: 30}, gate.ID)
	p.ApplyCode(doc, qda.Span{Start: 53, End: 80}, rules.ID)
	coders, err := p.FindCoders([]string{"ana", "BEN"})
	if err != nil || len(coders) != 2 {
		t.Fatalf("FindCoders: %v %v", coders, err)
	}
	if _, err := p.FindCoders([]string{"Nobody"}); err == nil {
		t.Error("an unknown coder was found")
	}
	opt := analysis.AgreeOptions{Coders: []qda.ID{coders[0].ID, coders[1].ID}}
	ds, err := p.Disagreements(opt)
	if err != nil || len(ds) != 2 {
		t.Fatalf("disagreements = %+v, %v; want two", ds, err)
	}
	if ds[0].DocName != "yard" || ds[0].Text != "The " || ds[1].Text != "the new rules for the yard." {
		t.Errorf("disagreement rows %q %q %q, want yard, \"The \" and \"the new rules for the yard.\"", ds[0].DocName, ds[0].Text, ds[1].Text)
	}
	n, err := p.AcceptAgreed(opt)
	if err != nil || n != 1 {
		t.Fatalf("AcceptAgreed = %d, %v; want 1 coding", n, err)
	}
	if got := consensusSpans(t, p); len(got) != 1 || got[0] != "Gate 4:30" {
		t.Fatalf("consensus after agreed = %v, want [Gate 4:30]", got)
	}
	// Ana's version of "The ": Gate on [0,4), which joins [4,30).
	if err := p.AcceptVersion(ds[0].Disagreement, ds[0].A); err != nil {
		t.Fatal(err)
	}
	// Ana's version of the rules stretch: no code there.
	if err := p.AcceptVersion(ds[1].Disagreement, ds[1].A); err != nil {
		t.Fatal(err)
	}
	if got := consensusSpans(t, p); len(got) != 1 || got[0] != "Gate 0:30" {
		t.Fatalf("consensus = %v, want [Gate 0:30]", got)
	}
	// Ben's version of the rules stretch instead, then undo it.
	if err := p.AcceptVersion(ds[1].Disagreement, ds[1].B); err != nil {
		t.Fatal(err)
	}
	if got := consensusSpans(t, p); len(got) != 2 {
		t.Fatalf("consensus = %v, want Gate and Rules", got)
	}
	if _, err := p.Undo(); err != nil {
		t.Fatal(err)
	}
	if got := consensusSpans(t, p); len(got) != 1 || got[0] != "Gate 0:30" {
		t.Errorf("after undo consensus = %v, want [Gate 0:30]", got)
	}
}
