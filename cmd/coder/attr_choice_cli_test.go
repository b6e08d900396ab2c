package main_test

import (
	"strings"
	"testing"
)

// Ensure that `coder attr --choices` defines a choice attribute, that a
// value outside its list is refused with the list named and exit 1, that a
// new choice attribute without its list is a usage error, and that the
// value is kept as the list spells it.
func TestCLI_AttrChoiceRefusesValuesOutsideTheList(t *testing.T) {
	_, p := attrProject(t)
	if r := coder(t, "attr", p, "--case", "Yard 3", "Informant role", "resident", "--type", "choice"); r.code != 2 || !strings.Contains(r.stderr, "--choices") {
		t.Errorf("--type choice without a list: exit %d, stderr %q", r.code, r.stderr)
	}
	ok(t, "attr", p, "--case", "Yard 3", "Informant role", "Resident", "--choices", "community cadre, resident, business operator")
	r := coder(t, "attr", p, "--case", "Yard 3", "Informant role", "street vendor")
	if r.code != 1 || !strings.Contains(r.stderr, `"street vendor" is not one of its choices (community cadre, resident, business operator)`) {
		t.Errorf("a value outside the list: exit %d, stderr %q", r.code, r.stderr)
	}
	if got := exportCSV(t, p, "case"); !strings.Contains(got, "Yard 3,resident") {
		t.Errorf("the attribute table reads:\n%s", got)
	}
	if r := coder(t, "attr", p, "--case", "Yard 3", "Informant role", "resident", "--choices", "cadre, landlord"); r.code != 1 || !strings.Contains(r.stderr, "leaves out") {
		t.Errorf("a list without the value in use: exit %d, stderr %q", r.code, r.stderr)
	}
}
