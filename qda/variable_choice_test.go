package qda

import (
	"encoding/json"
	"strings"
	"testing"
)

// Ensure that a choice attribute takes only the values of its list
// (ignoring case, stored as the list spells them) and says which ones it
// takes when a value is not among them.
func TestVariable_ChoiceTakesOnlyItsList(t *testing.T) {
	v := &Variable{Name: "Informant role", Type: VarChoice, Choices: []string{"community cadre", "resident", "business operator"}}
	if got, err := v.Normalize("  Resident "); err != nil || got != "resident" {
		t.Errorf("Normalize(Resident) = %q, %v; want resident", got, err)
	}
	_, err := v.Normalize("street vendor")
	if err == nil || !strings.Contains(err.Error(), `"street vendor" is not one of its choices (community cadre, resident, business operator)`) {
		t.Errorf("a value outside the list gave %v", err)
	}
	if got, err := v.Normalize(""); err != nil || got != "" {
		t.Errorf("an empty value should clear it, got %q, %v", got, err)
	}
	empty := &Variable{Name: "Yard", Type: VarChoice}
	if err := empty.CheckChoices(); err == nil {
		t.Error("a choice attribute without choices passed the check")
	}
	if _, err := empty.Normalize("Yard 3"); err == nil || !strings.Contains(err.Error(), "no choices") {
		t.Errorf("a value of a choice attribute without choices gave %v", err)
	}
	if typ, err := ParseVarType("Choice"); err != nil || typ != VarChoice {
		t.Errorf("ParseVarType(Choice) = %q, %v", typ, err)
	}
}

// Ensure that a list typed one per line or with commas becomes its
// choices, trimmed, without empty ones or repeats.
func TestParseChoices_LinesAndCommas(t *testing.T) {
	got := ParseChoices(" resident, community cadre\n\nBusiness operator\nResident ,")
	want := []string{"resident", "community cadre", "Business operator"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("ParseChoices = %q, want %q", got, want)
	}
}

// Ensure that a variable stored before choice attributes existed (no
// "choices" key) reads as it was.
func TestVariable_OlderStoredVariableReadsAsBefore(t *testing.T) {
	var v Variable
	if err := json.Unmarshal([]byte(`{"id":"5f1c3c53-7b0e-4a43-9d0a-3d2f8f9c1e11","name":"Age","type":"integer","scope":"case"}`), &v); err != nil {
		t.Fatal(err)
	}
	if v.Type != VarInteger || v.Choices != nil || v.CheckChoices() != nil {
		t.Errorf("read %+v", v)
	}
	if got, err := v.Normalize("71"); err != nil || got != "71" {
		t.Errorf("Normalize(71) = %q, %v", got, err)
	}
}
