package ui

import (
	"testing"

	"fyne.io/fyne/v2/widget"

	"coder/qda"
)

// Ensure that choosing a code set in the codebook shows only the set's codes,
// under the codes above them, and that "All codes" brings the whole tree back.
func TestCodebook_CodeSetFilterShowsTheSetsCodes(t *testing.T) {
	app, _ := openDemoCopy(t)
	ws := app.ws
	if ws.codes.sets.choose.Visible() {
		t.Error("the set filter shows while the project has no sets")
	}
	trust, err := ws.p.FindCode("Community logic/Trust and social capital")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ws.p.AddCodeSet("Feelings", []qda.ID{trust.ID}); err != nil {
		t.Fatal(err)
	}
	f := ws.codes.sets
	if !f.choose.Visible() || len(f.choose.Options) != 2 {
		t.Fatalf("set filter: visible %v, options %q", f.choose.Visible(), f.choose.Options)
	}
	f.choose.SetSelected("Set: Feelings (1)")
	var shown []qda.ID
	var visit func(uid widget.TreeNodeID)
	visit = func(uid widget.TreeNodeID) {
		for _, k := range ws.codes.childUIDs(uid) {
			shown = append(shown, codeOf(k))
			visit(k)
		}
	}
	visit("")
	if len(shown) != 2 || shown[0] != trust.Parent || shown[1] != trust.ID {
		t.Errorf("tree shows %d codes %v, want Community logic and its Trust code", len(shown), shown)
	}
	f.choose.SetSelected(allCodes)
	shown = nil
	visit("")
	if len(shown) != ws.tree.Len() {
		t.Errorf("all codes: tree shows %d of %d", len(shown), ws.tree.Len())
	}
}
