package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"coder/project"
)

// docRowOf finds the document list's row that shows a document's name.
func docRowOf(t *testing.T, d *documentsPanel, name string) *docRow {
	t.Helper()
	var found *docRow
	walk(d.tree, func(o fyne.CanvasObject) bool {
		if r, ok := o.(*docRow); ok && r.Visible() && strings.HasPrefix(textUnder(r), name+"\n") {
			found = r
			return true
		}
		return false
	})
	if found == nil {
		t.Fatalf("no row of the document list shows %q", name)
	}
	return found
}

// Ensure that a document in the list has its actions where a researcher
// looks for them: a right-click menu with Rename… and Delete…, and the
// Delete key on the row under the focus ring; a click on the row still
// opens the document.
func TestDocumentList_RightClickRenamesAndDeletesAndDeleteKeyDeletes(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	d := ws.documents
	first, second := ws.docs[0], ws.docs[1]

	r2 := docRowOf(t, d, second.Name)
	realTap(w.Canvas(), canvasPos(r2).AddXY(20, r2.Size().Height/2))
	if ws.doc == nil || ws.doc.ID != second.ID {
		t.Fatal("clicking a document in the list did not open it")
	}

	row := docRowOf(t, d, first.Name)
	test.TapSecondary(row)
	menu := topOverlay(t, w)
	if txt := textUnder(menu); !strings.Contains(txt, "Rename…") || !strings.Contains(txt, "Delete…") {
		t.Fatalf("right-clicking a document showed:\n%s", txt)
	}
	menu.Hide()
	menuItem(t, d.docMenu(first.ID), "Rename…").Action()
	name := w.Canvas().Focused().(*escEntry)
	typeInto(&name.Entry, "Yard 3 notes")
	name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := ws.docName(first.ID); got != "Yard 3 notes" {
		t.Fatalf("after Rename… the document is named %q", got)
	}

	menuItem(t, d.docMenu(first.ID), "Delete…").Action()
	typeOnCanvas(w, fyne.KeyEscape)
	if _, err := ws.p.Document(first.ID); err != nil {
		t.Fatal("Escape deleted the document")
	}
	w.Canvas().Focus(d.tree)
	d.tree.setFocus(d.tree.selectedRow())
	for _, uid := range d.tree.rows() {
		if docOfNode(uid) == second.ID {
			d.tree.setFocus(uid)
		}
	}
	d.tree.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	typeOnCanvas(w, fyne.KeyReturn)
	if _, err := ws.p.Document(second.ID); err == nil {
		t.Fatal("Delete on the list and Return did not delete the document")
	}
}

// Ensure that the question before deleting a document without codings does
// not speak of "its 0 codings".
func TestDocumentList_DeletingADocumentWithoutCodingsSaysSo(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	path := writeFile(t, t.TempDir(), "empty-of-codes.txt", "A note with nothing coded yet.\n")
	rep, err := ws.p.Import(context.Background(), []string{path}, project.ImportOptions{}, nil)
	if err != nil || len(rep.Imported) != 1 {
		t.Fatalf("import: %v", err)
	}
	ws.documents.deleteDialog(rep.Imported[0].Document)
	text := textUnder(topOverlay(t, w))
	if strings.Contains(text, "0 codings") || !strings.Contains(text, "no codings") {
		t.Errorf("the question says:\n%s", text)
	}
}
