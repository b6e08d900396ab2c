package ui

import (
	"testing"

	"fyne.io/fyne/v2/widget"
)

// Ensure that Retrieve's attribute row, set to "Any attribute", is as high as
// its one choice: the line that tells of a value it cannot compare is out of
// the way until there is one (it left an empty band above "All coders" when
// the window opened).
func TestRetrieve_AnyAttributeLeavesNoEmptyBand(t *testing.T) {
	app, _ := openDemoCopy(t)
	a := app.ws.retrieve.attrRow
	if a.problem.Visible() {
		t.Errorf("the problem line is shown with %q before any value is typed", a.problem.Text)
	}
	line := widget.NewLabel("x").MinSize().Height
	if got, want := a.content.MinSize().Height, a.name.MinSize().Height+line/2; got > want {
		t.Errorf("the attribute row is %.0f high with Any attribute, want at most %.0f", got, want)
	}
}
