package ui

import (
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"coder/qda"
)

// memosPanel lists every memo in the project, newest first, and opens one
// in the memo editor.
type memosPanel struct {
	ws      *workspace
	list    *widget.List
	memos   []qda.Memo
	content fyne.CanvasObject
}

func newMemosPanel(ws *workspace) *memosPanel {
	m := &memosPanel{ws: ws}
	m.list = widget.NewList(func() int { return len(m.memos) },
		func() fyne.CanvasObject {
			title := widget.NewLabelWithStyle("title", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			title.Truncation = fyne.TextTruncateEllipsis
			on := widget.NewLabel("on")
			on.Truncation = fyne.TextTruncateEllipsis
			on.TextStyle.Italic = true
			return container.NewVBox(title, on)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			memo := m.memos[i]
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(memoTitle(memo))
			box.Objects[1].(*widget.Label).SetText(ws.memoTarget(memo) + " · " + memo.Modified.Local().Format("2 Jan 2006"))
		})
	m.list.OnSelected = func(i widget.ListItemID) {
		memo := m.memos[i]
		m.list.UnselectAll()
		ws.editMemo(memo.On, memo.Target, &memo)
	}
	add := widget.NewButtonWithIcon("New project memo…", theme.ContentAddIcon(), func() { ws.editMemo(qda.OnProject, "", nil) })
	m.content = container.NewBorder(add, nil, nil, nil, m.list)
	m.refresh()
	return m
}

func (m *memosPanel) refresh() {
	memos, err := m.ws.p.Memos("", "")
	if err != nil {
		m.ws.showError(err)
		return
	}
	sort.Slice(memos, func(i, j int) bool { return memos[i].Modified.After(memos[j].Modified) })
	m.memos = memos
	m.list.Refresh()
}

// memoTitle is the memo's title, or the start of its text.
func memoTitle(m qda.Memo) string {
	if strings.TrimSpace(m.Title) != "" {
		return m.Title
	}
	line, _, _ := strings.Cut(strings.TrimSpace(m.Text), "\n")
	if r := []rune(line); len(r) > 60 {
		line = string(r[:60]) + "…"
	}
	return line
}

// memoTarget says what a memo is written about.
func (ws *workspace) memoTarget(m qda.Memo) string {
	switch m.On {
	case qda.OnProject:
		return "on the project"
	case qda.OnDocument:
		return "on " + ws.docName(m.Target)
	case qda.OnCode:
		if p := ws.tree.Path(m.Target); p != "" {
			return "on code " + p
		}
	case qda.OnCase:
		for _, c := range ws.cases {
			if c.ID == m.Target {
				return "on case " + c.Name
			}
		}
	case qda.OnCoding:
		return "on a coding"
	}
	return "on " + string(m.On)
}

// editMemo opens the memo editor: a new memo on target when memo is nil.
func (ws *workspace) editMemo(on qda.TargetKind, target qda.ID, memo *qda.Memo) {
	title := widget.NewEntry()
	title.SetPlaceHolder("Title")
	text := widget.NewMultiLineEntry()
	text.Wrapping = fyne.TextWrapWord
	text.SetPlaceHolder("Write the memo…")
	text.SetMinRowsVisible(12)
	about := ws.memoTarget(qda.Memo{On: on, Target: target})
	if memo != nil {
		title.SetText(memo.Title)
		text.SetText(memo.Text)
		about += fmt.Sprintf(" · written %s, changed %s", memo.Created.Local().Format("2 Jan 2006 15:04"), memo.Modified.Local().Format("2 Jan 2006 15:04"))
	}
	aboutLabel := widget.NewLabel(about)
	aboutLabel.TextStyle.Italic = true
	var d *dialog.CustomDialog
	save := widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), func() {
		var err error
		if memo == nil {
			_, err = ws.p.AddMemo(on, target, title.Text, text.Text)
		} else {
			err = ws.p.EditMemo(memo.ID, title.Text, text.Text)
		}
		if ws.try(err) {
			d.Hide()
		}
	})
	save.Importance = widget.HighImportance
	cancel := widget.NewButton("Cancel", func() { d.Hide() })
	buttons := []fyne.CanvasObject{cancel, save}
	if memo != nil {
		id := memo.ID
		del := widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), func() {
			dialog.ShowConfirm("Delete memo", "Delete this memo? (Edit ▸ Undo brings it back.)", func(ok bool) {
				if ok && ws.try(ws.p.DeleteMemo(id)) {
					d.Hide()
				}
			}, ws.win)
		})
		buttons = append([]fyne.CanvasObject{del}, buttons...)
	}
	content := container.NewBorder(container.NewVBox(aboutLabel, title), container.NewHBox(layoutSpacer(), container.NewHBox(buttons...)), nil, nil, text)
	d = dialog.NewCustomWithoutButtons("Memo", content, ws.win)
	d.Resize(fyne.NewSize(640, 480))
	d.Show()
	ws.win.Canvas().Focus(text)
}

// memosOn lists the memos on one document, code or case, with a button for
// a new one. With no memos yet it goes straight to the editor.
func (ws *workspace) memosOn(on qda.TargetKind, target qda.ID, name string) {
	memos, err := ws.p.Memos(on, target)
	if !ws.try(err) {
		return
	}
	if len(memos) == 0 {
		ws.editMemo(on, target, nil)
		return
	}
	var d *dialog.CustomDialog
	box := container.NewVBox()
	for _, m := range memos {
		m := m
		b := widget.NewButtonWithIcon(memoTitle(m)+"  ("+m.Modified.Local().Format("2 Jan 2006")+")", theme.DocumentIcon(), func() {
			d.Hide()
			ws.editMemo(on, target, &m)
		})
		b.Alignment = widget.ButtonAlignLeading
		box.Add(b)
	}
	add := widget.NewButtonWithIcon("New memo…", theme.ContentAddIcon(), func() {
		d.Hide()
		ws.editMemo(on, target, nil)
	})
	d = dialog.NewCustom("Memos on "+name, "Close", container.NewBorder(nil, add, nil, nil, container.NewVScroll(box)), ws.win)
	d.Resize(fyne.NewSize(480, 360))
	d.Show()
}

// memoOnSelection writes a memo on the open document that starts by quoting
// the selected text.
func (ws *workspace) memoOnSelection() {
	if ws.doc == nil {
		return
	}
	sel := ws.view.Selection()
	quote := ws.view.SelectedText()
	ws.editMemo(qda.OnDocument, ws.doc.ID, nil)
	if f, ok := ws.win.Canvas().Focused().(*widget.Entry); ok && quote != "" {
		f.SetText(fmt.Sprintf("“%s” (%s, characters %s)\n\n", strings.TrimSpace(quote), ws.doc.Name, sel))
		f.CursorRow = len(strings.Split(f.Text, "\n")) - 1
	}
}
