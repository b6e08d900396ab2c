package ui

import (
	"strconv"
	"testing"

	"coder/project"
	"coder/qda"
)

// Ensure that choosing a coder in Retrieve and in the Analysis view keeps
// only that coder's codings, by the same rule as `coder codings --by-coder`.
func TestCoderFilter_RetrieveAndAnalysisCountOneCoder(t *testing.T) {
	app, _ := openDemoCopy(t)
	ws := app.ws
	code, err := ws.p.FindCode("Political logic")
	if err != nil {
		t.Fatal(err)
	}
	b, err := ws.p.FindCoders([]string{"Researcher B"})
	if err != nil {
		t.Fatal(err)
	}
	want, err := ws.p.Codings(project.CodingFilter{Codes: []qda.ID{code.ID}, Coders: []qda.ID{b[0].ID}})
	if err != nil {
		t.Fatal(err)
	}
	all, _ := ws.p.Codings(project.CodingFilter{Codes: []qda.ID{code.ID}})
	if len(want) == 0 || len(want) == len(all) {
		t.Fatalf("the demo should have some, not all, Political logic codings by Researcher B: %d of %d", len(want), len(all))
	}

	r := ws.retrieve
	r.show([]qda.ID{code.ID})
	if len(r.rows) != len(all) {
		t.Fatalf("Retrieve with all coders: %d rows, want %d", len(r.rows), len(all))
	}
	r.coder.sel.SetSelected("Researcher B")
	if len(r.rows) != len(want) {
		t.Errorf("Retrieve for Researcher B: %d rows, want %d", len(r.rows), len(want))
	}
	for _, row := range r.rows {
		if row.CoderName != "Researcher B" {
			t.Errorf("Retrieve for Researcher B lists a coding by %s", row.CoderName)
		}
	}

	ws.showAnalysis()
	v := ws.analysis
	v.tabs.SelectIndex(0)
	f := v.pages[0].(*freqPage)
	f.rollup.SetChecked(true)
	until(t, "all coders' frequencies", func() bool {
		r := gridRow(f.g, "Political logic")
		return r != nil && r[1] == strconv.Itoa(len(all))
	})
	v.coder.sel.SetSelected("Researcher B")
	until(t, "Researcher B's frequencies", func() bool {
		r := gridRow(f.g, "Political logic")
		return r != nil && r[1] == strconv.Itoa(len(want))
	})
}
