package project_test

import (
	"context"
	"testing"

	"coder/qda"
)

// Ensure that the assistant's features are built once while only codings
// change, and built again (holding the new text) after the text is edited.
func TestAssistCorpus_KeptUntilTextChanges(t *testing.T) {
	p := newProject(t, "")
	doc := importText(t, p, "talk.txt", "The rent went up again.\n\nWe planted beans by the shed.\n\nThe rent is due and the beans are up.\n")
	ctx := context.Background()
	first, err := p.AssistCorpus(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	code, err := p.AddCode("Money", "", "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.ApplyCode(doc, qda.Span{Start: 0, End: 23}, code.ID); err != nil {
		t.Fatal(err)
	}
	again, err := p.AssistCorpus(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if again != first {
		t.Error("coding a passage made the assistant build its features again")
	}
	if _, err := p.EditText(doc, qda.Span{Start: 4, End: 8}, "mortgage"); err != nil {
		t.Fatal(err)
	}
	edited, err := p.AssistCorpus(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if edited == first {
		t.Fatal("the features were not built again after the text changed")
	}
	if len(edited.Units) == 0 {
		t.Fatal("no passages in the features after the edit")
	}
	if got := edited.Text(edited.Units[0]); got != "The mortgage went up again." {
		t.Errorf("first unit after the edit is %q", got)
	}
}
