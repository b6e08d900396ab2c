package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"coder/qda"
)

// Choosing a code by typing part of its name: "Code with…" for the
// selection and "Recode…" for a coding. A codebook three levels deep is
// four menus deep in a context menu; here a few letters and Enter reach
// any code.

// pickCodeDialog asks for a code: the codes whose path holds what is typed
// are offered, the best match chosen as it is typed, and a name no code has
// can become a new code when "Create new code" is chosen. pick runs with
// the chosen code's ID (made first when new).
func (ws *workspace) pickCodeDialog(title, about string, pick func(code qda.ID)) {
	paths, ids := ws.codeChoices("", false)
	picker := newCodePicker(paths, ids, "")
	text := []rune(strings.Join(strings.Fields(about), " "))
	if len(text) > 80 {
		text = append(text[:80], '…')
	}
	ws.codePickerDialog(title, "Code", "Code", "“"+string(text)+"”", picker, func(id qda.ID, path string) {
		if id == "" {
			code, err := ws.p.AddCode(path, "", "")
			if !ws.try(err) {
				return
			}
			id = code.ID
		}
		pick(id)
		ws.win.Canvas().Focus(ws.view)
	})
}

// codePickerDialog shows picker in a form titled title, under the words
// about, with its field in the keyboard: typing part of a name chooses the
// best match, Enter confirms it and Escape closes the dialog. pick runs
// with the chosen code's ID and path (an empty ID for a code to create, or
// for a choice the picker was given with no ID).
func (ws *workspace) codePickerDialog(title, confirm, field, about string, picker *codePicker, pick func(id qda.ID, path string)) {
	picker.pickFirst = true
	label := widget.NewLabel(about)
	label.Wrapping = fyne.TextWrapWord
	d := dialog.NewForm(title, confirm, "Cancel", []*widget.FormItem{
		widget.NewFormItem("", label), widget.NewFormItem(field, picker),
	}, func(ok bool) {
		id, path, chosen := picker.chosen()
		if ok && chosen {
			pick(id, path)
		}
	}, ws.win)
	picker.onEscape = d.Hide
	d.Resize(fyne.NewSize(520, 400))
	d.Show()
	picker.entry.OnSubmitted = func(string) { d.Submit() }
	ws.win.Canvas().Focus(picker.input)
}

// codeWithDialog codes the selection with a code found by typing.
func (ws *workspace) codeWithDialog() {
	if ws.doc == nil || ws.view.Selection().Empty() {
		ws.notice("Select some text in the document first.")
		return
	}
	ws.pickCodeDialog("Code with…", ws.view.SelectedText(), func(code qda.ID) {
		if ws.applyCode(code) {
			ws.codes.selectCode(code)
		}
	})
}

// recodeDialog moves a coding to a code found by typing, in one step that
// Edit ▸ Undo takes back.
func (ws *workspace) recodeDialog(coding qda.ID) {
	row, ok := ws.codings[coding]
	if !ok || ws.doc == nil {
		return
	}
	text := string([]rune(ws.doc.Text)[row.Span.Start:row.Span.End])
	ws.pickCodeDialog("Recode “"+row.CodePath+"” with…", text, func(code qda.ID) {
		if _, err := ws.p.Recode(coding, code); ws.try(err) {
			ws.codes.selectCode(code)
		}
	})
}
