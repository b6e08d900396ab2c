package project_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"coder/exchange"
	"coder/project"
	"coder/qda"
)

// Ensure that a choice attribute takes only values of its list (refusals
// leave the project as it was), that its list can change only to one that
// keeps the values in use, that a text attribute can become a choice, and
// that it goes out to REFI-QDA as Text and comes back as text.
func TestChoiceAttribute_ListIsEnforcedAndTravelsAsText(t *testing.T) {
	p := newProject(t, "empty")
	wu, err := p.AddCase("Resident Wu", "")
	if err != nil {
		t.Fatal(err)
	}
	role := qda.Variable{Name: "Informant role", Type: qda.VarChoice, Choices: []string{"community cadre", "resident", "business operator"}}
	err = p.AddAttributeOf(qda.ScopeCase, wu.ID, role, "street vendor")
	if !errors.Is(err, qda.ErrInvalid) || !strings.Contains(err.Error(), "not one of its choices") {
		t.Fatalf("a value outside the list: %v, want a refusal naming the choices", err)
	}
	if vars, _ := p.Variables(); len(vars) != 0 {
		t.Errorf("the refused value left attributes behind: %+v", vars)
	}
	if _, err := p.AddVariable("Yard", qda.VarChoice, qda.ScopeCase); !errors.Is(err, qda.ErrInvalid) {
		t.Errorf("a choice attribute without a list: %v, want a refusal", err)
	}
	if err := p.AddAttributeOf(qda.ScopeCase, wu.ID, role, "Resident"); err != nil {
		t.Fatal(err)
	}
	if err := p.SetValue(qda.ScopeCase, wu.ID, "Informant role", "landlord"); err == nil {
		t.Error("SetValue took a value outside the list")
	}
	if attrs, _ := p.Attributes(wu.ID); attrs["Informant role"] != "resident" {
		t.Errorf("Informant role = %q, want resident as the list spells it", attrs["Informant role"])
	}
	if _, err := p.DefineChoices(qda.ScopeCase, "Informant role", []string{"community cadre", "business operator"}); err == nil || !strings.Contains(err.Error(), "leaves out") {
		t.Errorf("a list without a value in use: %v, want a refusal", err)
	}
	if _, err := p.DefineChoices(qda.ScopeCase, "Informant role", []string{"community cadre", "Resident", "business operator", "landlord"}); err != nil {
		t.Fatal(err)
	}
	if attrs, _ := p.Attributes(wu.ID); attrs["Informant role"] != "Resident" {
		t.Errorf("after the new list Informant role = %q, want Resident", attrs["Informant role"])
	}
	// A text attribute becomes a choice when its values are in the list.
	if err := p.AddAttribute(qda.ScopeCase, wu.ID, "Yard", qda.VarText, "Yard 3"); err != nil {
		t.Fatal(err)
	}
	if _, err := p.DefineChoices(qda.ScopeCase, "Yard", []string{"Yard 1", "Yard 2", "Yard 3"}); err != nil {
		t.Fatal(err)
	}
	if _, err := p.AddVariable("Age", qda.VarInteger, qda.ScopeCase); err != nil {
		t.Fatal(err)
	}
	if _, err := p.DefineChoices(qda.ScopeCase, "Age", []string{"young", "old"}); err == nil {
		t.Error("a whole-number attribute became a choice")
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
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := exchange.ReadQDPX(out)
	if err != nil {
		t.Fatalf("the export does not read back: %v (%d bytes)", err, len(raw))
	}
	for _, v := range b.Variables {
		if (v.Name == "Informant role" || v.Name == "Yard") && v.Type != qda.VarText {
			t.Errorf("%s came back as %q, want text", v.Name, v.Type)
		}
	}
	q := newProject(t, "empty")
	if _, err := q.ImportExchange(context.Background(), out, nil); err != nil {
		t.Fatal(err)
	}
	cases, _ := q.Cases()
	if len(cases) != 1 {
		t.Fatalf("imported %d cases", len(cases))
	}
	attrs, _ := q.Attributes(cases[0].ID)
	if attrs["Informant role"] != "Resident" || attrs["Yard"] != "Yard 3" {
		t.Errorf("imported attributes %v", attrs)
	}
	vars, _ := q.Variables()
	for _, v := range vars {
		if v.Name == "Informant role" && (v.Type != qda.VarText || v.Choices != nil) {
			t.Errorf("imported Informant role is %q with choices %q, want text", v.Type, v.Choices)
		}
	}
}
