package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"coder/project"
	"coder/qda"
)

// Ensure that Retrieve's attribute row narrows by ranges of numbers and
// dates, giving exactly what `coder codings --attr` gives, and says so when
// a value cannot be compared instead of narrowing by it.
func TestRetrieve_AttributeRangesMatchTheCLIFilter(t *testing.T) {
	app, _ := openDemoCopy(t)
	ws := app.ws
	r := ws.retrieve
	code, err := ws.p.FindCode("Community logic")
	if err != nil {
		t.Fatal(err)
	}
	r.show([]qda.ID{code.ID})
	all := len(r.rows)

	want := func(conds ...string) int {
		f := project.CodingFilter{Codes: []qda.ID{code.ID}}
		for _, s := range conds {
			c, err := qda.ParseAttrCond(s)
			if err != nil {
				t.Fatal(err)
			}
			f.Attrs = append(f.Attrs, c)
		}
		rows, err := ws.p.Codings(f)
		if err != nil {
			t.Fatal(err)
		}
		return len(rows)
	}

	r.attrRow.name.SetSelected("Years in community")
	if !r.attrRow.op.Visible() {
		t.Fatal("no comparison offered for a number attribute")
	}
	r.attrRow.op.SetSelected("over")
	test.Type(r.attrRow.value, "10")
	if n := want("Years in community>10"); len(r.rows) != n || n == 0 || n == all {
		t.Errorf("over 10: Retrieve shows %d segments, the CLI filter %d (of %d)", len(r.rows), n, all)
	}

	r.attrRow.name.SetSelected("Date")
	r.attrRow.op.SetSelected("between")
	r.attrRow.value.SetText("2024-05-15")
	r.attrRow.to.SetText("2024-05-16")
	if n := want("Date=2024-05-15..2024-05-16"); len(r.rows) != n || n == 0 || n == all {
		t.Errorf("between: Retrieve shows %d segments, the CLI filter %d (of %d)", len(r.rows), n, all)
	}

	r.attrRow.to.SetText("soon")
	if !r.attrRow.problem.Visible() || len(r.rows) != all {
		t.Errorf("a date of \"soon\": problem shown %v, %d of %d segments", r.attrRow.problem.Visible(), len(r.rows), all)
	}

	r.attrRow.name.SetSelected("Informant role")
	if r.attrRow.op.Visible() {
		t.Error("comparisons offered for a text attribute")
	}
	r.attrRow.value.SetText("community cadre")
	if n := want("Informant role=community cadre"); len(r.rows) != n || n == 0 {
		t.Errorf("text value: Retrieve shows %d segments, the CLI filter %d", len(r.rows), n)
	}
}
