package project_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"coder/exchange"
	"coder/project"
	"coder/qda"
)

// Ensure that an attribute added with a type refuses values that do not fit
// it (leaving the project as it was), keeps its type when added again, sets
// several values as one undoable action, and goes out in REFI-QDA with its
// typeOfVariable and typed value.
func TestAddAttribute_TypedValuesAreCheckedAndExported(t *testing.T) {
	p := newProject(t, "empty")
	k, err := p.AddCase("Resident Wu", "")
	if err != nil {
		t.Fatal(err)
	}
	err = p.AddAttribute(qda.ScopeCase, k.ID, "Age", qda.VarInteger, "about seventy")
	if !errors.Is(err, qda.ErrInvalid) {
		t.Fatalf("“about seventy” as a whole number: %v, want a refusal", err)
	}
	if vars, _ := p.Variables(); len(vars) != 0 {
		t.Errorf("the refused value left attributes behind: %+v", vars)
	}
	if err := p.AddAttribute(qda.ScopeCase, k.ID, "Age", qda.VarInteger, "71"); err != nil {
		t.Fatal(err)
	}
	if err := p.AddAttribute(qda.ScopeCase, k.ID, "Interviewed", qda.VarDate, "2024/05/16"); err != nil {
		t.Fatal(err)
	}
	if err := p.AddAttribute(qda.ScopeCase, k.ID, "Party member", qda.VarBoolean, "no"); err != nil {
		t.Fatal(err)
	}
	if err := p.AddAttribute(qda.ScopeCase, k.ID, "age", qda.VarText, "seventy"); err == nil {
		t.Error("adding Age again as text took a value that is not a number")
	}
	if err := p.SetValues(qda.ScopeCase, k.ID, map[string]string{"Age": "72", "Interviewed": "someday"}); err == nil {
		t.Error("a set of values with a bad date was accepted")
	}
	attrs, _ := p.Attributes(k.ID)
	if attrs["Age"] != "71" || attrs["Interviewed"] != "2024-05-16" || attrs["Party member"] != "false" {
		t.Errorf("attributes are %v", attrs)
	}
	if err := p.SetValues(qda.ScopeCase, k.ID, map[string]string{"Age": "72", "Interviewed": "2024-05-17"}); err != nil {
		t.Fatal(err)
	}
	if label := p.CanUndo(); label != "Set attributes" {
		t.Errorf("Edit ▸ Undo offers %q", label)
	}

	out := filepath.Join(t.TempDir(), "p.qdpx")
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Export(context.Background(), f, "qdpx", project.CodingFilter{}, nil); err != nil {
		t.Fatal(err)
	}
	f.Close()
	b, _, err := exchange.ReadQDPX(out)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]qda.VarType{"Age": qda.VarInteger, "Interviewed": qda.VarDate, "Party member": qda.VarBoolean}
	for _, v := range b.Variables {
		if v.Type != want[v.Name] {
			t.Errorf("%s went out as %q, want %q", v.Name, v.Type, want[v.Name])
		}
	}
	if len(b.Variables) != len(want) {
		t.Errorf("%d attributes went out, want %d", len(b.Variables), len(want))
	}
}
