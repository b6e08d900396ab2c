package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// ringedRow returns the text of the document list's row that shows the
// focus ring, "" when none does.
func ringedRow(d *documentsPanel) string {
	out := ""
	walk(d.tree, func(o fyne.CanvasObject) bool {
		c, ok := o.(*fyne.Container)
		if !ok || len(c.Objects) != 2 {
			return false
		}
		if ring, ok := c.Objects[0].(*canvas.Rectangle); ok && ring.Visible() && ring.StrokeWidth > 0 {
			if l := textUnder(c.Objects[1]); l != "" {
				out = strings.Split(l, "\n")[0] // the label, then what it draws
				return true
			}
		}
		return false
	})
	return out
}

// Ensure that the document list is usable from the keyboard: Down moves a
// visible focus ring, Enter opens the document under it and puts the
// keyboard in its text, Tab goes from the list to the text, Ctrl+D (View ▸
// Document) from anywhere to the text, and the codebook is a few Tabs on.
func TestDocumentList_TheKeyboardOpensDocumentsAndReachesTheText(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	d := ws.documents
	w.Canvas().Focus(d.tree)
	first := ringedRow(d)
	if first == "" || first != ws.doc.Name {
		t.Fatalf("with the keyboard in the list the ring is on %q, want the open document %q", first, ws.doc.Name)
	}
	d.tree.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	next := ringedRow(d)
	if next == "" || next == first {
		t.Fatalf("Down left the ring on %q", next)
	}
	d.tree.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if ws.doc.Name != next {
		t.Errorf("Enter opened %q, want %q", ws.doc.Name, next)
	}
	if w.Canvas().Focused() != ws.view {
		t.Errorf("after Enter the keyboard is in %T, want the text", w.Canvas().Focused())
	}

	// A click on a row opens it and leaves the keyboard in the list.
	w.Canvas().Focus(ws.view)
	for _, uid := range d.tree.rows() {
		if id := docOfNode(uid); id != "" && id != ws.doc.ID {
			d.tree.Select(uid)
			break
		}
	}
	if w.Canvas().Focused() != d.tree || ringedRow(d) != ws.doc.Name {
		t.Errorf("after a click on %q the keyboard is in %T with the ring on %q", ws.doc.Name, w.Canvas().Focused(), ringedRow(d))
	}
	d.tree.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
	if w.Canvas().Focused() != ws.view {
		t.Errorf("Tab in the list went to %T, want the text", w.Canvas().Focused())
	}
	steps := 0
	for ; steps < 10; steps++ {
		f := w.Canvas().Focused()
		if f == ws.codes.filter || f == ws.codes.tree {
			break
		}
		test.FocusNext(w.Canvas())
	}
	if steps > 5 {
		t.Errorf("the codebook is %d Tabs from the text, want at most 5", steps)
	}

	w.Canvas().Focus(d.tree)
	ws.centre.Select(ws.searchTab)
	menuItem(t, menuNamed(t, ws.menus.main, "View"), "Document").Action()
	if ws.centre.Selected() != ws.docTab || w.Canvas().Focused() != ws.view {
		t.Errorf("Ctrl+D left the keyboard in %T", w.Canvas().Focused())
	}
}

// Ensure that the filter over the document list keeps the documents whose
// name, kind or case contains what is typed.
func TestDocumentList_FilterByNameKindOrCase(t *testing.T) {
	app, _ := openDemoCopy(t)
	d := app.ws.documents
	listed := func() []string {
		var out []string
		for _, g := range d.groups {
			for _, id := range d.members[g] {
				out = append(out, app.ws.docName(id))
			}
		}
		return out
	}
	all := len(listed())
	for _, c := range []struct{ typed, each string }{
		{"courtyard", "courtyard"},
		{"INTERVIEW", "Interview"},
		{"business operator", "business"},
	} {
		typeInto(d.filter, c.typed)
		got := listed()
		if len(got) == 0 || len(got) >= all {
			t.Errorf("filter %q lists %d of %d documents", c.typed, len(got), all)
		}
		for _, name := range got {
			if !strings.Contains(strings.ToLower(name), strings.ToLower(c.each)) {
				t.Errorf("filter %q lists %q", c.typed, name)
			}
		}
	}
	typeInto(d.filter, "")
	if got := len(listed()); got != all {
		t.Errorf("an empty filter lists %d of %d documents", got, all)
	}
}
