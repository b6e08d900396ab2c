package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// typeOnCanvas types a key where nothing in a dialog has the keyboard.
func typeOnCanvas(w fyne.Window, key fyne.KeyName) {
	if h := w.Canvas().OnTypedKey(); h != nil {
		h(&fyne.KeyEvent{Name: key})
	}
}

// Ensure that the questions before deleting a code or a document answer to
// the keyboard as they are drawn: Escape is No and deletes nothing, Return
// is the highlighted Yes and deletes.
func TestDelete_ReturnAnswersYesAndEscapeNo(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	code, ok := ws.tree.Find("Community logic/Public deliberation spaces")
	if !ok {
		t.Fatal("the demo has no Public deliberation spaces")
	}
	ws.codes.deleteDialog(code.ID)
	typeOnCanvas(w, fyne.KeyEscape)
	if w.Canvas().Overlays().Top() != nil {
		t.Fatal("Escape did not close Delete code")
	}
	if _, ok := ws.tree.Code(code.ID); !ok {
		t.Fatal("Escape deleted the code")
	}
	ws.codes.deleteDialog(code.ID)
	typeOnCanvas(w, fyne.KeyReturn)
	if w.Canvas().Overlays().Top() != nil {
		t.Fatal("Return did not answer Delete code")
	}
	if _, ok := ws.tree.Code(code.ID); ok {
		t.Fatal("Return did not delete the code")
	}

	doc := ws.docs[0]
	ws.openDocument(doc.ID)
	ws.documents.selectDocument(ws.doc)
	del := button(t, ws.documents.form, "Delete…")
	test.Tap(del)
	typeOnCanvas(w, fyne.KeyEscape)
	if w.Canvas().Overlays().Top() != nil {
		t.Fatal("Escape did not close Delete document")
	}
	if _, err := ws.p.Document(doc.ID); err != nil {
		t.Fatal("Escape deleted the document")
	}
	test.Tap(del)
	typeOnCanvas(w, fyne.KeyReturn)
	if _, err := ws.p.Document(doc.ID); err == nil {
		t.Fatal("Return did not delete the document")
	}
}
