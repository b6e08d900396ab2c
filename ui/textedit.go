package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"coder/qda"
)

// correctTextDialog lets the researcher correct the open document's text
// after coding (Code ▸ Correct the text…): the selection, or with none the
// passage at the caret, in an editable field. Saving replaces only what was
// changed, as one undoable step; codings move with the text, and those on
// words rewritten whole are removed and listed.
func (ws *workspace) correctTextDialog() {
	if ws.doc == nil {
		ws.notice("Open a document first, then select the text to correct.")
		return
	}
	doc := ws.doc
	span := ws.view.Selection()
	if span.Empty() {
		i := doc.PassageAt(span.Start)
		if i < 0 {
			ws.notice("Select the text to correct first, or click in the passage to correct.")
			return
		}
		span = doc.Passages[i].Span
	}
	old := span.Slice([]rune(doc.Text))
	field := widget.NewMultiLineEntry()
	field.Wrapping = fyne.TextWrapWord
	field.SetText(old)
	field.SetMinRowsVisible(6)
	touching := 0
	for _, c := range ws.codings {
		if c.Span.Overlaps(span) {
			touching++
		}
	}
	about := widget.NewLabel(fmt.Sprintf("%s, characters %s. %s on this text. Codings stay on the words you keep and stretch over what you add; a coding on words you rewrite whole is removed. Edit ▸ Undo takes the correction back.",
		doc.Name, span, qda.Plural(touching, "coding lies", "codings lie")))
	about.Wrapping = fyne.TextWrapWord
	body := container.NewBorder(about, nil, nil, nil, field)
	d := dialog.NewCustomConfirm("Correct the text", "Save", "Cancel", body, func(ok bool) {
		if !ok || field.Text == old {
			return
		}
		ws.saveCorrection(doc.ID, span, field.Text)
	}, ws.win)
	d.Resize(fyne.NewSize(640, 420))
	d.Show()
	ws.win.Canvas().Focus(field)
}

// saveCorrection replaces span of a document with text, selects the new
// text once the view has the new document, and lists the codings removed.
func (ws *workspace) saveCorrection(doc qda.ID, span qda.Span, text string) {
	rep, err := ws.p.EditText(doc, span, text)
	if !ws.try(err) {
		return
	}
	// After the change has reached the view (it comes by fyne.Do too).
	fyne.Do(func() {
		if ws.doc != nil && ws.doc.ID == doc {
			ws.view.Select(rep.New)
			ws.win.Canvas().Focus(ws.view)
		}
		if len(rep.Removed) > 0 {
			lines := make([]string, len(rep.Removed))
			for i, r := range rep.Removed {
				lines[i] = fmt.Sprintf("%s: “%s”", r.CodePath, selectionName(r.Text))
			}
			ws.notice(fmt.Sprintf("The correction removed %s whose text it rewrote whole (Edit ▸ Undo brings back what it removed):\n\n%s",
				qda.Plural(len(lines), "coding", "codings"), strings.Join(lines, "\n")))
		}
	})
}
