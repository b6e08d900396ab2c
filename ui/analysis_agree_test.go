package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"coder/analysis"
	"coder/project"
	"coder/qda"
)

// consensusCount counts the consensus coder's codings.
func consensusCount(t *testing.T, p *project.Project) int {
	t.Helper()
	rows, err := p.Codings(project.CodingFilter{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range rows {
		if r.CoderName == project.ConsensusCoder {
			n++
		}
	}
	return n
}

// Ensure that Analysis ▸ Agreement shows the demo's two coders' table as
// coder agree computes it, that a row lists the passages where they differ
// with both versions side by side, that accepting one version puts it in
// the consensus coder as one undoable step, and that a passage opens its
// document.
func TestAnalysis_AgreementTableAndConsensus(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	ws.showAnalysis()
	v := ws.analysis
	var pg *agreePage
	for i, p := range v.pages {
		if a, ok := p.(*agreePage); ok {
			pg = a
			v.tabs.SelectIndex(i)
		}
	}
	if pg == nil {
		t.Fatal("the Analysis view has no Agreement tab")
	}
	until(t, "the agreement table", func() bool { return pg.last != nil && gridRow(pg.g, "Overall") != nil })
	if pg.a.Selected != "Researcher A" || pg.b.Selected != "Researcher B" {
		t.Errorf("coders chosen: %q and %q, want the demo's Researcher A and B", pg.a.Selected, pg.b.Selected)
	}
	coders, _ := ws.p.FindCoders([]string{"Researcher A", "Researcher B"})
	want, err := ws.p.Agreement(analysis.AgreeOptions{Coders: []qda.ID{coders[0].ID, coders[1].ID}})
	if err != nil {
		t.Fatal(err)
	}
	if got := gridRow(pg.g, "Overall"); got[2] != analysis.MeasureText(want.Overall.Kappa) {
		t.Errorf("overall kappa shown %q, want %q", got[2], analysis.MeasureText(want.Overall.Kappa))
	}
	// The row of Political logic: the passages where they differ on it.
	for i, r := range pg.g.cells {
		if strings.TrimSpace(r[0]) == "Political logic" {
			pg.g.table.Select(widget.TableCellID{Row: i, Col: 1})
		}
	}
	until(t, "the disagreements", func() bool { return strings.Contains(v.evidence.title.Text, "passages") })
	if !strings.Contains(v.evidence.title.Text, "differ on Political logic") || len(v.evidence.list.Objects) == 0 {
		t.Fatalf("title %q over %d passages", v.evidence.title.Text, len(v.evidence.list.Objects))
	}
	card := v.evidence.list.Objects[0]
	text := textUnder(card)
	if !strings.Contains(text, "Researcher A") || !strings.Contains(text, "Researcher B") {
		t.Errorf("the card does not show both coders side by side: %q", text)
	}
	before := consensusCount(t, ws.p)
	test.Tap(button(t, card, "Accept Researcher A's version"))
	if !strings.Contains(textUnder(card), "version is in Consensus") {
		t.Errorf("the card does not say the version was accepted: %q", textUnder(card))
	}
	if ws.p.CanUndo() != "Accept a version" {
		t.Errorf("undo offers %q, want the accepted version", ws.p.CanUndo())
	}
	ws.p.Undo()
	if got := consensusCount(t, ws.p); got != before {
		t.Errorf("after undo the consensus coder has %d codings, want %d", got, before)
	}
	until(t, "the table after undo", func() bool { return !v.busy.Visible() })
	// Accept what both coded alike: one step, and the consensus grows.
	test.Tap(button(t, v.tab.Content, "Accept what both coded alike"))
	if consensusCount(t, ws.p) == 0 {
		t.Error("accepting what both coded alike put nothing in the consensus coder")
	}
	// A passage opens its document.
	test.Tap(card.(*tapCard))
	if ws.doc == nil {
		t.Error("clicking a passage did not open its document")
	}
	_ = w
}
