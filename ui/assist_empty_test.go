package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// Ensure that the Suggest codings queue turns Accept, Reject and Skip off
// and says "No more suggestions" once the last suggestion is taken, and
// that it has them on while a suggestion is showing.
func TestSuggestQueue_EmptyQueueTurnsItsButtonsOff(t *testing.T) {
	app, w := newTestApp(t)
	p, _, _, code := moneyProject(t, app)
	app.show(p)
	ws := app.ws
	ws.codes.selectCode(code.ID)
	ended := make(chan struct{}, 1)
	ws.jobs.ended = func() { ended <- struct{}{} }
	ws.suggestCodings()
	wait(t, ended, "learning from the codings")
	dlg := topOverlay(t, w)
	buttons := func() map[string]*widget.Button {
		out := map[string]*widget.Button{}
		walk(dlg, func(o fyne.CanvasObject) bool {
			if b, ok := o.(*widget.Button); ok && b.Text != "" {
				out[b.Text] = b
			}
			return false
		})
		return out
	}
	names := []string{"Accept (A)", "Reject (R)", "Skip (S)"}
	for _, n := range names {
		if b := buttons()[n]; b == nil || b.Disabled() {
			t.Fatalf("with suggestions showing, %s is missing or off:\n%s", n, textUnder(dlg))
		}
	}
	test.Tap(buttons()["Accept (A)"])
	test.Tap(buttons()["Reject (R)"])
	if txt := textUnder(dlg); !strings.Contains(txt, "No more suggestions") {
		t.Errorf("with the queue empty, it shows:\n%s", txt)
	}
	for _, n := range names {
		if b := buttons()[n]; b == nil || !b.Disabled() {
			t.Errorf("with the queue empty, %s is still on", n)
		}
	}
}
