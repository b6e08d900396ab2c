package ui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"

	"coder/qda"
)

// Ensure that Retrieve's attribute row offers a yes/no attribute's values as
// yes and no, the words the attributes table and the case editor show, and
// that typing "yes" narrows to the cases marked yes (it found nothing).
func TestRetrieve_YesNoAttributeOffersAndMatchesYes(t *testing.T) {
	app, _ := openDemoCopy(t)
	ws := app.ws
	r := ws.retrieve
	code, err := ws.p.FindCode("Political logic")
	if err != nil {
		t.Fatal(err)
	}
	r.show([]qda.ID{code.ID})
	all := len(r.rows)

	r.attrRow.name.SetSelected("Party member")
	if got := r.attrRow.offered; !slices.Equal(got, []string{"yes", "no"}) {
		t.Errorf("values offered for a yes/no attribute: %q, want [yes no]", got)
	}
	test.Type(r.attrRow.value, "yes")
	yes := len(r.rows)
	if yes == 0 || yes == all {
		t.Fatalf("Party member yes: %d of %d segments", yes, all)
	}
	r.attrRow.value.SetText("true")
	if len(r.rows) != yes {
		t.Errorf("Party member true gives %d segments, yes %d", len(r.rows), yes)
	}
}
