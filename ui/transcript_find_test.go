package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// Ensure that Ctrl+F with a document shown opens a find bar over it, apart
// from the project search: every match is marked, the current one stands
// out, "n of N" counts them, Enter and Shift+Enter and the buttons step
// through them, and Escape closes the bar with the current match selected.
// Ctrl+Shift+F still reaches the project search.
func TestFind_CtrlFFindsInTheDocumentCtrlShiftFSearchesTheProject(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	edit := ws.menus.main.Items[1]
	find := menuItem(t, edit, "Find in this document…")
	if sc, ok := find.Shortcut.(*desktop.CustomShortcut); !ok || sc.KeyName != fyne.KeyF || sc.Modifier != fyne.KeyModifierShortcutDefault {
		t.Fatalf("Find in this document has shortcut %v, want Ctrl+F", find.Shortcut)
	}
	all := menuItem(t, edit, "Search all documents…")
	if sc, ok := all.Shortcut.(*desktop.CustomShortcut); !ok || sc.KeyName != fyne.KeyF || sc.Modifier != fyne.KeyModifierShortcutDefault|fyne.KeyModifierShift {
		t.Fatalf("Search all documents has shortcut %v, want Ctrl+Shift+F", all.Shortcut)
	}
	if ws.doc == nil {
		t.Fatal("the demo opened no document")
	}
	v := ws.view
	w.Canvas().Focus(v)
	find.Action()
	e := v.find.entry
	if !v.find.bar.Visible() || w.Canvas().Focused() != e {
		t.Fatal("Ctrl+F did not open the find bar with the keyboard in it")
	}
	if ws.centre.Selected() != ws.docTab {
		t.Fatal("Ctrl+F left the document")
	}

	const word = "residents"
	test.Type(e, word)
	lower := strings.ToLower(ws.doc.Text)
	n := strings.Count(lower, word)
	if n < 3 {
		t.Fatalf("the demo document has %d %q, too few to step through", n, word)
	}
	matches, cur := v.FindMatches()
	if len(matches) != n || cur != 0 {
		t.Fatalf("%d matches with %d current, want %d with the first current", len(matches), cur, n)
	}
	for _, m := range matches {
		if got := strings.ToLower(m.Slice([]rune(ws.doc.Text))); got != word {
			t.Fatalf("match %v is %q", m, got)
		}
	}
	count := func(want string) {
		t.Helper()
		if got := v.find.count.Text; got != want {
			t.Errorf("the bar says %q, want %q", got, want)
		}
	}
	count(fmt.Sprintf("1 of %d", n))
	checkFindPainted(t, v)

	enter := func(shift bool) {
		if shift {
			e.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
		}
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		if shift {
			e.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
		}
	}
	enter(false)
	enter(false)
	count(fmt.Sprintf("3 of %d", n))
	checkFindPainted(t, v)
	enter(true)
	count(fmt.Sprintf("2 of %d", n))
	tapIcon(t, v.find.bar, 0) // previous
	tapIcon(t, v.find.bar, 0)
	count(fmt.Sprintf("%d of %d", n, n))
	tapIcon(t, v.find.bar, 1) // next wraps to the first
	count(fmt.Sprintf("1 of %d", n))
	if !v.Selection().Empty() {
		t.Errorf("finding changed the selection to %v", v.Selection())
	}

	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if v.find.bar.Visible() {
		t.Fatal("Escape did not close the find bar")
	}
	if got := v.Selection(); got != matches[0] {
		t.Errorf("closing the bar selected %v, want the current match %v", got, matches[0])
	}
	if w.Canvas().Focused() != v {
		t.Error("closing the bar did not give the keyboard back to the text")
	}
	if ms, _ := v.FindMatches(); len(ms) != 0 {
		t.Errorf("%d find marks stay after closing", len(ms))
	}

	all.Action()
	if ws.centre.Selected() != ws.searchTab || w.Canvas().Focused() != ws.search.query {
		t.Error("Ctrl+Shift+F did not open the project search")
	}
	find.Action()
	if ws.centre.Selected() != ws.searchTab || v.find.bar.Visible() {
		t.Error("Ctrl+F in the Search tab opened the document's find bar")
	}
}

// checkFindPainted fails unless the current match is drawn in the current
// match's colour and the other matches in view in the matches' colour.
func checkFindPainted(t *testing.T, v *TranscriptView) {
	t.Helper()
	current, others := 0, 0
	for _, o := range test.WidgetRenderer(v.surface).Objects() {
		r, ok := o.(*canvas.Rectangle)
		if !ok {
			continue
		}
		switch r.FillColor {
		case findCurrentFill:
			current++
		case findFill:
			others++
		}
	}
	if current != 1 || others == 0 {
		t.Errorf("the text shows %d current and %d other matches, want 1 and some", current, others)
	}
}

// tapIcon taps the i-th button with an icon and no text under o.
func tapIcon(t *testing.T, o fyne.CanvasObject, i int) {
	t.Helper()
	var icons []*widget.Button
	walk(o, func(c fyne.CanvasObject) bool {
		if b, ok := c.(*widget.Button); ok && b.Text == "" && b.Icon != nil {
			icons = append(icons, b)
		}
		return false
	})
	if i >= len(icons) {
		t.Fatalf("only %d icon buttons", len(icons))
	}
	test.Tap(icons[i])
}
