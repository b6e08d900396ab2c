package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"coder/project"
)

// Ensure that deleting or merging away the last code of a long codebook,
// with the tree scrolled to its end so that code is the last row in view,
// takes its row out of what the tree draws when the change arrives (late,
// as the desktop driver delivers it), and no row of a removed code is left.
func TestCodebook_LastRowInViewLeavesWhenDeletedOrMerged(t *testing.T) {
	app, w := openDemoCopy(t)
	w.Resize(fyne.NewSize(1400, 700))
	ws := app.ws
	c := ws.codes
	for _, path := range []string{"Zz/Gate one", "Zz/Gate two", "Zz/Gate three"} {
		if _, err := ws.p.AddCode(path, "", ""); err != nil {
			t.Fatal(err)
		}
	}
	last := func() string {
		m := modelTree(c)
		return m[len(m)-1]
	}
	for _, how := range []string{"delete", "merge", "delete"} {
		path := last()
		code, _ := ws.tree.Find(path)
		c.selectCode(code.ID)
		c.tree.ScrollToBottom()
		deliver := lateChanges(ws)
		switch how {
		case "delete":
			c.deleteDialog(code.ID)
			test.Tap(button(t, topOverlay(t, w), "Yes"))
		case "merge":
			c.mergeDialog(code.ID)
			form := topOverlay(t, w)
			pickCode(t, form, "Zz/Gate one", "Zz/Gate one")
			test.Tap(button(t, form, "Merge"))
		}
		deliver(project.Change{Codebook: true, All: true})
		if _, still := ws.tree.Find(path); still {
			t.Fatalf("%s: %q is still in the codebook", how, path)
		}
		name := path[strings.LastIndex(path, "/")+1:]
		for _, row := range drawnTree(t, c) {
			if strings.Contains(row, name) {
				t.Fatalf("after %s of %q, the last row in view, the tree still draws %q", how, path, row)
			}
		}
	}
}
