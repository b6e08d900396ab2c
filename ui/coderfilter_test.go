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

// Ensure that the codebook's counts-by-coder toggle says how many codings
// of the selected code each coder made, as the project counts them, and
// goes away when turned off.
func TestCodebook_CountsByCoderOnDemand(t *testing.T) {
	app, _ := openDemoCopy(t)
	ws := app.ws
	code, _ := ws.p.FindCode("Political logic/Mobilisation/Mass persuasion work")
	ws.codes.selectCode(code.ID)
	cc := ws.codes.byCoder
	if cc.label.Visible() {
		t.Fatal("counts by coder show before they are asked for")
	}
	menuItem(t, ws.menus.main.Items[3], "Codebook counts by coder").Action()
	want := "By coder: "
	counts, err := ws.p.CoderCounts(code.ID)
	if err != nil || len(counts) != 2 {
		t.Fatalf("CoderCounts = %+v, %v; want both demo coders", counts, err)
	}
	for i, n := range counts {
		if i > 0 {
			want += "; "
		}
		want += n.Coder.Name + " " + strconv.Itoa(n.Own)
	}
	until(t, "the counts by coder", func() bool { return cc.label.Visible() && cc.label.Text == want })
	if !cc.item.Checked {
		t.Error("View ▸ Codebook counts by coder is not ticked while on")
	}
	menuItem(t, ws.menus.main.Items[3], "Codebook counts by coder").Action()
	if cc.label.Visible() || cc.item.Checked {
		t.Error("turning counts by coder off left them showing, or the menu ticked")
	}
}

// Ensure that Retrieve's coder choice offers a coder who first coded after
// Retrieve was made: accepting a disagreement's version makes the
// "Consensus" coder (and a new colleague's first coding makes theirs), a
// change that only adds codings, and the choice used to stay without them.
func TestCoderFilter_RetrieveOffersANewCoder(t *testing.T) {
	app, _ := openDemoCopy(t)
	ws := app.ws
	if containsString(ws.retrieve.coder.sel.Options, "Tester") {
		t.Fatal("Tester is offered before coding anything")
	}
	code, err := ws.p.FindCode("Political logic")
	if err != nil {
		t.Fatal(err)
	}
	docs, _ := ws.p.Documents()
	if _, err := ws.p.ApplyCode(docs[0].ID, qda.Span{Start: 0, End: 5}, code.ID); err != nil {
		t.Fatal(err)
	}
	until(t, "Tester among Retrieve's coders", func() bool { return containsString(ws.retrieve.coder.sel.Options, "Tester") })
}
