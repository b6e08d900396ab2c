package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"coder/project"
	"coder/qda"
)

// newTestApp starts Coder on its welcome screen in a test window, with the
// search index and preferences kept in the test's temporary folders.
func newTestApp(t *testing.T) (*App, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(1280, 820))
	app := Create(a, w, "")
	app.opts = project.Options{IndexDir: t.TempDir(), Coder: "Tester"}
	app.indexOnOpen = false
	app.fonts.missing = func() bool { return false }
	closed := false
	w.SetOnClosed(func() { closed = true })
	t.Cleanup(func() {
		app.closeProject()
		if !closed {
			w.Close()
		}
	})
	return app, w
}

// openDemoCopy opens a fresh copy of the demo project.
func openDemoCopy(t *testing.T) (*App, fyne.Window) {
	t.Helper()
	app, w := newTestApp(t)
	path := filepath.Join(t.TempDir(), "demo.coder")
	p, err := project.WriteDemo(path, app.opts)
	if err != nil {
		t.Fatal(err)
	}
	app.show(p)
	return app, w
}

// walk visits o and everything drawn under it until fn returns true.
func walk(o fyne.CanvasObject, fn func(fyne.CanvasObject) bool) bool {
	if o == nil || fn(o) {
		return true
	}
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			if walk(c, fn) {
				return true
			}
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			if walk(c, fn) {
				return true
			}
		}
	}
	return false
}

// button finds the visible button labelled text under o.
func button(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	walk(o, func(c fyne.CanvasObject) bool {
		if b, ok := c.(*widget.Button); ok && b.Text == text && b.Visible() {
			found = b
			return true
		}
		return false
	})
	if found == nil {
		t.Fatalf("no button %q", text)
	}
	return found
}

// textUnder joins the text of every label and rich text under o.
func textUnder(o fyne.CanvasObject) string {
	var parts []string
	walk(o, func(c fyne.CanvasObject) bool {
		switch x := c.(type) {
		case *widget.Label:
			parts = append(parts, x.Text)
		case *widget.RichText:
			parts = append(parts, x.String())
		case *widget.Button:
			parts = append(parts, x.Text)
		case *canvas.Text:
			parts = append(parts, x.Text)
		}
		return false
	})
	return strings.Join(parts, "\n")
}

// entries lists the entries under o in layout order.
func entries(o fyne.CanvasObject) []*widget.Entry {
	var out []*widget.Entry
	walk(o, func(c fyne.CanvasObject) bool {
		switch e := c.(type) {
		case *widget.Entry:
			out = append(out, e)
		case *escEntry:
			out = append(out, &e.Entry)
		}
		return false
	})
	return out
}

// topOverlay returns the dialog or pop-up on top of the window.
func topOverlay(t *testing.T, w fyne.Window) fyne.CanvasObject {
	t.Helper()
	o := w.Canvas().Overlays().Top()
	if o == nil {
		t.Fatal("no dialog or pop-up is showing")
	}
	return o
}

// typeInto replaces an entry's text the way a user does: select all, type.
func typeInto(e *widget.Entry, text string) {
	e.TypedShortcut(&fyne.ShortcutSelectAll{})
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	test.Type(e, text)
}

// pressEnter sends Return to an entry.
func pressEnter(e *widget.Entry) {
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
}

// wait blocks until done is closed or a generous deadline passes; it guards
// background work (import, search) so a hang fails rather than stalls.
func wait(t *testing.T, done <-chan struct{}, what string) {
	t.Helper()
	select {
	case <-done:
	case <-time.After(60 * time.Second):
		t.Fatalf("%s did not finish", what)
	}
}

// canvasPos is where o sits in canvas coordinates.
func canvasPos(o fyne.CanvasObject) fyne.Position {
	d := fyne.CurrentApp().Driver()
	inset, _ := d.CanvasForObject(o).InteractiveArea()
	return d.AbsolutePositionForObject(o).Add(inset)
}

// glyphAt is the canvas position a user points at to reach rune offset.
func glyphAt(v *TranscriptView, offset int) fyne.Position {
	return canvasPos(v).Add(v.PositionOf(offset)).AddXY(0.3, v.LineHeight()/2)
}

// dragSelect selects a span in the view by dragging across it.
func dragSelect(w fyne.Window, v *TranscriptView, s qda.Span) {
	from, to := glyphAt(v, s.Start), glyphAt(v, s.End)
	test.Drag(w.Canvas(), to, to.X-from.X, to.Y-from.Y)
}

// spanOf finds text in a document.
func spanOf(t *testing.T, d *qda.Document, text string) qda.Span {
	t.Helper()
	i := strings.Index(d.Text, text)
	if i < 0 {
		t.Fatalf("%q is not in %s", text, d.Name)
	}
	start := len([]rune(d.Text[:i]))
	return qda.Span{Start: start, End: start + len([]rune(text))}
}

// menuItem finds an item by label in a menu or its submenus.
func menuItem(t *testing.T, m *fyne.Menu, labels ...string) *fyne.MenuItem {
	t.Helper()
	for i, l := range labels {
		var next *fyne.MenuItem
		for _, it := range m.Items {
			if it.Label == l {
				next = it
			}
		}
		if next == nil {
			t.Fatalf("no menu item %q", l)
		}
		if i == len(labels)-1 {
			return next
		}
		m = next.ChildMenu
	}
	return nil
}

// writeFile writes a fixture file and returns its path.
func writeFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// codingsOf lists a document's codings as "code path: coded text".
func codingsOf(t *testing.T, p *project.Project, doc qda.ID) []string {
	t.Helper()
	rows, err := p.Codings(project.CodingFilter{Documents: []qda.ID{doc}})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range rows {
		out = append(out, r.CodePath+": "+r.Text)
	}
	return out
}
