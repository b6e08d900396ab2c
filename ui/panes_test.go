package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"coder/qda"
)

// Ensure that the document gets the larger share of the window at the
// smallest size Coder is used at and most of it on a large screen, and that
// no tab of the side panel or the centre goes behind a "…" button.
func TestPanes_TheDocumentGetsTheLargerShare(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	for _, c := range []struct {
		size  fyne.Size
		share float32 // of the window's width, at least
	}{
		{fyne.NewSize(900, 600), 0.5},
		{fyne.NewSize(1280, 820), 0.55},
		{fyne.NewSize(1600, 1000), 0.6},
	} {
		w.Resize(c.size)
		l, m, r := ws.left.Size().Width, ws.centre.Size().Width, ws.codes.content.Size().Width
		t.Logf("%v: left %.0f, centre %.0f (%.0f%%), codebook %.0f", c.size, l, m, 100*m/c.size.Width, r)
		if m < c.share*c.size.Width || m < l+r {
			t.Errorf("at %v the centre is %.0f px (%.0f%%), the side panels %.0f and %.0f: want at least %.0f%% and more than both", c.size, m, 100*m/c.size.Width, l, r, 100*c.share)
		}
		if need := tabBarWidth(ws.left); l < need {
			t.Errorf("at %v the left panel is %.0f px, its tabs need %.0f", c.size, l, need)
		}
		if need := tabBarWidth(ws.centre); m < need {
			t.Errorf("at %v the centre is %.0f px, its tabs need %.0f", c.size, m, need)
		}
		if need := ws.codes.content.MinSize().Width; r < need {
			t.Errorf("at %v the codebook is %.0f px, it needs %.0f", c.size, r, need)
		}
	}
}

// Ensure that at 900×600 the Retrieve tab's summary has room for its
// words (it read "1 segme nt in 1 docum ent") and the Search box stays a
// box a query fits in.
func TestPanes_RetrieveAndSearchAreUsableInASmallWindow(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	w.Resize(fyne.NewSize(900, 600))
	var roots []qda.ID
	for _, c := range ws.tree.Children("") {
		roots = append(roots, c.ID)
	}
	ws.retrieve.show(roots)
	summary := ws.retrieve.summary
	widest := float32(0)
	for _, word := range strings.Fields(summary.Text) {
		widest = max(widest, fyne.MeasureText(word, theme.TextSize(), summary.TextStyle).Width)
	}
	if got := summary.Size().Width - 2*theme.InnerPadding(); got < widest {
		t.Errorf("the summary %q has %.0f px for words up to %.0f px wide", summary.Text, got, widest)
	}
	ws.search.focus()
	if got := ws.search.query.Size().Width; got < 200 {
		t.Errorf("the search box is %.0f px wide at 900×600, want at least 200", got)
	}
}

// Ensure that paneWidths gives the side panels the widths asked for on a
// wide window, takes room from them (never below their least) for the
// centre on a narrow one, and gives a hidden panel's room to the centre.
func TestPanes_WidthsShareTheWindow(t *testing.T) {
	for _, c := range []struct {
		name        string
		total       float32
		want, least [2]float32
		l, m, r     float32
	}{
		{"wide", 1600, [2]float32{260, 300}, [2]float32{220, 210}, 260, 1028, 300},
		{"narrow", 900, [2]float32{260, 300}, [2]float32{220, 210}, 222.5, 450, 215.5},
		{"too narrow to keep half", 600, [2]float32{260, 300}, [2]float32{220, 210}, 220, 158, 210},
		{"left hidden", 900, [2]float32{0, 300}, [2]float32{0, 210}, 0, 594, 300},
		{"both hidden", 900, [2]float32{}, [2]float32{}, 0, 900, 0},
	} {
		div := float32(12)
		if c.want[0] == 0 {
			div = 6
		}
		if c.want[1] == 0 && c.want[0] == 0 {
			div = 0
		}
		l, m, r := paneWidths(c.total, div, c.want, c.least, 100)
		near := func(a, b float32) bool { return a-b < 0.5 && b-a < 0.5 }
		if !near(l, c.l) || !near(m, c.m) || !near(r, c.r) {
			t.Errorf("%s: widths %.1f, %.1f, %.1f, want %.1f, %.1f, %.1f", c.name, l, m, r, c.l, c.m, c.r)
		}
	}
}

// Ensure that dragging a divider resizes the panel beside it, and that the
// widths and hidden panels come back at the next start.
func TestPanes_DividersMoveAndAreRemembered(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	w.Resize(fyne.NewSize(1600, 1000))
	before := ws.codes.content.Size().Width
	test.Drag(w.Canvas(), canvasPos(ws.panes.rightDiv).Add(fyne.NewPos(2, 300)), -80, 0)
	ws.panes.rightDiv.DragEnd()
	after := ws.codes.content.Size().Width
	if after < before+70 || after > before+90 {
		t.Fatalf("dragging the codebook's divider 80 px left made it %.0f px wide, was %.0f", after, before)
	}
	test.Drag(w.Canvas(), canvasPos(ws.panes.leftDiv).Add(fyne.NewPos(2, 300)), 40, 0)
	ws.panes.leftDiv.DragEnd()
	left := ws.left.Size().Width
	ws.togglePane(0)
	if ws.left.Visible() {
		t.Fatal("View ▸ Documents, cases and memos panel did not hide the panel")
	}
	app.quit()

	w2 := test.NewWindow(nil)
	defer w2.Close()
	again := Create(app.fyne, w2, "")
	again.opts = app.opts
	defer again.closeProject()
	w2.Resize(fyne.NewSize(1600, 1000))
	if again.ws == nil {
		t.Fatal("the project was not reopened")
	}
	if got := again.ws.codes.content.Size().Width; got != after {
		t.Errorf("the codebook came back %.0f px wide, was %.0f", got, after)
	}
	if again.ws.left.Visible() {
		t.Error("the hidden panel came back")
	}
	again.ws.togglePane(0)
	if got := again.ws.left.Size().Width; got != left {
		t.Errorf("the left panel came back %.0f px wide, was %.0f", got, left)
	}
}

// Ensure that the View menu hides and shows the side panels, each giving
// its room to the document, and that focus mode shows only the document
// and the codebook with the keyboard in the text, and undoes itself.
func TestPanes_ViewMenuHidesPanelsAndFocusesOnTheDocument(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	w.Resize(fyne.NewSize(900, 600))
	full := ws.centre.Size().Width
	view := menuNamed(t, ws.menus.main, "View")
	menuItem(t, view, "Codebook panel").Action()
	if ws.codes.content.Visible() || ws.centre.Size().Width <= full+150 {
		t.Errorf("hiding the codebook left it visible=%v and the centre %.0f px (was %.0f)", ws.codes.content.Visible(), ws.centre.Size().Width, full)
	}
	if menuItem(t, view, "Codebook panel").Checked {
		t.Error("the menu still ticks the hidden codebook")
	}
	menuItem(t, view, "Codebook panel").Action()
	ws.centre.Select(ws.searchTab)
	menuItem(t, view, "Focus on the document").Action()
	if ws.left.Visible() || !ws.codes.content.Visible() {
		t.Errorf("focus mode shows the left panel: %v, the codebook: %v; want only the codebook", ws.left.Visible(), ws.codes.content.Visible())
	}
	if ws.centre.Selected() != ws.docTab || w.Canvas().Focused() != ws.view {
		t.Error("focus mode did not put the keyboard in the document's text")
	}
	if got := ws.centre.Size().Width; got < 0.65*900 {
		t.Errorf("in focus mode the document is %.0f px of 900", got)
	}
	menuItem(t, view, "Focus on the document").Action()
	if !ws.left.Visible() || !ws.codes.content.Visible() {
		t.Error("leaving focus mode did not bring the panels back")
	}
}

// menuNamed finds a menu of the main menu by its label.
func menuNamed(t *testing.T, m *fyne.MainMenu, label string) *fyne.Menu {
	t.Helper()
	for _, x := range m.Items {
		if x.Label == label {
			return x
		}
	}
	t.Fatalf("no %s menu", label)
	return nil
}
