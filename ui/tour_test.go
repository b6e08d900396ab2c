package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// Ensure that a first-time user is offered the tour on the welcome screen,
// that taking it opens the demo project with the first overlay outlining the
// document list, that Next walks through select-and-code, Retrieve and
// Search (each tab shown under its overlay) and Done leaves the document;
// and that the offer is then remembered as shown.
func TestTour_FirstRunOffersTourOnDemoAndRemembersIt(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir()) // where openDemo writes the demo
	app, w := newTestApp(t)
	app.opts.Coder = "" // a first run: nobody has said who is coding
	if app.prefs.tourShown() {
		t.Fatal("a fresh install has already shown the tour")
	}
	test.Tap(button(t, w.Content(), "Take the guided tour"))
	if app.ws == nil {
		t.Fatal("the tour did not open the demo project")
	}
	if !app.prefs.tourShown() {
		t.Error("the tour is not remembered as shown")
	}
	ws := app.ws
	want := []struct {
		title  string
		tab    string // the centre tab under the overlay
		target fyne.CanvasObject
	}{
		{"Import your material", "Document", ws.left},
		{"Select and code", "Document", ws.centre},
		{"Retrieve", "Retrieve", ws.centre},
		{"Search", "Search", ws.centre},
	}
	for i, step := range want {
		o := topOverlay(t, w)
		text := textUnder(o)
		if !strings.Contains(text, step.title) || !strings.Contains(text, "of 4") {
			t.Fatalf("overlay %d says %q, want %q and its step count", i+1, text, step.title)
		}
		for _, under := range w.Canvas().Overlays().List() {
			if under.Visible() && strings.Contains(textUnder(under), "Who is coding?") {
				t.Fatalf("overlay %d: \"Who is coding?\" shows during the tour", i+1)
			}
		}
		if got := ws.centre.Selected().Text; got != step.tab {
			t.Errorf("overlay %d: the %s tab is showing, want %s", i+1, got, step.tab)
		}
		// The outline sits exactly over the part of the window it explains.
		outline := o.(*fyne.Container).Objects[4]
		if got, want := outline.Position(), canvasPos(step.target); got != want || outline.Size() != step.target.Size() {
			t.Errorf("overlay %d outlines %v %v, want %v %v", i+1, got, outline.Size(), want, step.target.Size())
		}
		// The card does not cover what it explains.
		card := o.(*fyne.Container).Objects[5]
		if rectsOverlap(card.Position(), card.Size(), canvasPos(step.target), step.target.Size()) && step.target != ws.centre {
			t.Errorf("overlay %d's card covers its target", i+1)
		}
		next := "Next"
		if i == len(want)-1 {
			next = "Done"
		}
		test.Tap(button(t, o, next))
	}
	if o := w.Canvas().Overlays().Top(); o == nil || !strings.Contains(textUnder(o), "Who is coding?") {
		t.Error("after the tour, \"Who is coding?\" is not asked")
	}
	for _, o := range w.Canvas().Overlays().List() {
		if strings.Contains(textUnder(o), "of 4") {
			t.Error("the tour is still showing after Done")
		}
	}
	if got := ws.centre.Selected(); got != ws.docTab {
		t.Errorf("after the tour the %s tab shows, want the document", got.Text)
	}

	app.closeToWelcome()
	if b := button(t, w.Content(), "Take the guided tour"); b.Importance == widget.HighImportance {
		t.Error("the welcome screen still urges the tour after it was shown")
	}
	if strings.Contains(textUnder(w.Content()), "New to Coder?") {
		t.Error("the welcome screen still offers the tour as new after it was shown")
	}
}

// Ensure that Help ▸ Guided tour replays the tour over the open project,
// that Back returns to the step before, and Escape ends it.
func TestTour_HelpMenuReplaysAndEscapeEnds(t *testing.T) {
	app, w := openDemoCopy(t)
	app.prefs.setTourShown()
	menuItem(t, app.ws.menus.main.Items[len(app.ws.menus.main.Items)-1], "Guided tour").Action()
	o := topOverlay(t, w)
	if !strings.Contains(textUnder(o), "Import your material") {
		t.Fatalf("Help ▸ Guided tour shows %q", textUnder(o))
	}
	test.Tap(button(t, o, "Next"))
	test.Tap(button(t, o, "Next"))
	if !strings.Contains(textUnder(o), "Retrieve") {
		t.Fatalf("two Nexts show %q", textUnder(o))
	}
	test.Tap(button(t, o, "Back"))
	if !strings.Contains(textUnder(o), "Select and code") || app.ws.centre.Selected() != app.ws.docTab {
		t.Errorf("Back shows %q over the %s tab", textUnder(o), app.ws.centre.Selected().Text)
	}
	w.Canvas().(test.WindowlessCanvas).OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	for _, ov := range w.Canvas().Overlays().List() {
		if ov == o {
			t.Fatal("Escape did not end the tour")
		}
	}
}

func rectsOverlap(p1 fyne.Position, s1 fyne.Size, p2 fyne.Position, s2 fyne.Size) bool {
	return p1.X < p2.X+s2.Width && p2.X < p1.X+s1.Width && p1.Y < p2.Y+s2.Height && p2.Y < p1.Y+s1.Height
}
