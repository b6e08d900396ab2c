package ui

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"coder/project"
	"coder/qda"
)

// memosPanel lists every memo in the project and every coding's note,
// newest first, and opens one in its editor. It keeps only what its rows
// show: an editor always reads the memo from the project.
type memosPanel struct {
	ws      *workspace
	list    *widget.List
	entries []project.MemoEntry
	content fyne.CanvasObject
}

func newMemosPanel(ws *workspace) *memosPanel {
	m := &memosPanel{ws: ws}
	m.list = widget.NewList(func() int { return len(m.entries) },
		func() fyne.CanvasObject {
			title := widget.NewLabelWithStyle("title", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			title.Truncation = fyne.TextTruncateEllipsis
			on := widget.NewLabel("on")
			on.Truncation = fyne.TextTruncateEllipsis
			on.TextStyle.Italic = true
			return container.NewVBox(title, on)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			e := m.entries[i]
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(memoTitle(e.Memo))
			box.Objects[1].(*widget.Label).SetText(ws.memoEntryTarget(e) + " · " + e.Modified.Local().Format("2 Jan 2006"))
		})
	m.list.OnSelected = func(i widget.ListItemID) {
		e := m.entries[i]
		m.list.UnselectAll()
		if e.Note {
			ws.codingMemoDialog(e.ID)
		} else {
			ws.editMemo(e.On, e.Target, e.ID)
		}
	}
	add := widget.NewButtonWithIcon("New project memo…", theme.ContentAddIcon(), func() { ws.editMemo(qda.OnProject, "", "") })
	m.content = container.NewBorder(add, nil, nil, nil, m.list)
	m.refresh()
	return m
}

func (m *memosPanel) refresh() {
	entries, err := m.ws.p.MemoList()
	if err != nil {
		m.ws.showError(err)
		return
	}
	m.entries = entries
	m.list.Refresh()
}

// memoEntryTarget says what an entry of the memo list is on; a coding's
// note and a memo on a coding name the code, the document and the text.
func (ws *workspace) memoEntryTarget(e project.MemoEntry) string {
	switch {
	case e.Note && e.Coding != nil:
		return "note " + e.String()
	case e.Coding != nil:
		return e.String()
	}
	return ws.memoTarget(e.Memo)
}

// memoTitle is the memo's title, or the start of its text.
func memoTitle(m qda.Memo) string {
	if m.ConflictOf != "" {
		m.ConflictOf = ""
		return "Conflicting version: " + memoTitle(m)
	}
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
		if row, _, err := ws.p.CodingMemos(m.Target); err == nil {
			return project.MemoEntry{Coding: row}.String()
		}
		return "on a coding"
	}
	return "on " + string(m.On)
}

// editMemo opens the memo editor on the memo with id as it is now in the
// project, or on a new memo on target when id is "".
func (ws *workspace) editMemo(on qda.TargetKind, target qda.ID, id qda.ID) *memoDialog {
	var base *qda.Memo // the version the editor shows, which a save replaces
	if id != "" {
		m, err := ws.p.Memo(id)
		if !ws.try(err) {
			return nil
		}
		base, on, target = m, m.On, m.Target
	}
	about := ws.memoTarget(qda.Memo{On: on, Target: target})
	md := &memoDialog{ws: ws, what: "the memo " + about}
	md.write = func(title, text string) error {
		if base == nil {
			m, err := ws.p.AddMemo(on, target, title, text)
			if err == nil {
				base = m
			}
			return err
		}
		return ws.p.EditMemo(base.ID, base.Modified, title, text)
	}
	md.current = func() (string, string, error) {
		m, err := ws.p.Memo(base.ID)
		if err != nil {
			return "", "", err
		}
		base = m
		return m.Title, m.Text, nil
	}
	md.title = newEscEntry(false, md.escape)
	md.title.SetPlaceHolder("Title")
	md.text = newEscEntry(true, md.escape)
	md.text.SetPlaceHolder("Write the memo…")
	md.text.SetMinRowsVisible(12)
	if base != nil {
		md.show(base.Title, base.Text)
		about += fmt.Sprintf(" · written %s, changed %s", base.Created.Local().Format("2 Jan 2006 15:04"), base.Modified.Local().Format("2 Jan 2006 15:04"))
	}
	aboutLabel := widget.NewLabel(about)
	aboutLabel.TextStyle.Italic = true
	aboutLabel.Wrapping = fyne.TextWrapWord
	var extra []fyne.CanvasObject
	if base != nil {
		del := widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), func() {
			dialog.ShowConfirm("Delete memo", "Delete this memo? (Edit ▸ Undo brings it back.)", func(ok bool) {
				if ok && ws.try(ws.p.DeleteMemo(base.ID)) {
					md.close()
				}
			}, ws.win)
		})
		extra = append(extra, del)
	}
	md.open("Memo", container.NewVBox(aboutLabel, md.title), fyne.NewSize(640, 480), extra...)
	return md
}

// memoDialog is the editor of one memo or one coding's note. It starts from
// the version in the project, saves only over that version (a newer one is
// offered to reload or to keep beside the typed text), closes with Escape
// after asking before dropping typed text, and is registered with the
// workspace's editors while it is open, so closing the project or quitting
// saves it or asks.
type memoDialog struct {
	ws    *workspace
	what  string // "the memo on code Gates", for questions
	d     *dialog.CustomDialog
	title *escEntry // nil for a coding's note
	text  *escEntry
	shown [2]string // the title and text the editor started from
	// write saves; the error wraps qda.ErrConflict when the memo moved on
	// since the version current last read.
	write func(title, text string) error
	// current reads the memo as it is now and makes it the version the
	// next write replaces.
	current func() (title, text string, err error)
	remove  func()
	closed  bool
}

// show puts a version of the memo in the editor.
func (md *memoDialog) show(title, text string) {
	md.shown = [2]string{title, text}
	if md.title != nil {
		md.title.SetText(title)
	}
	md.text.SetText(text)
}

func (md *memoDialog) typed() (title, text string) {
	if md.title != nil {
		title = md.title.Text
	}
	return title, md.text.Text
}

// unsaved reports text typed since the editor opened or last saved.
func (md *memoDialog) unsaved() bool {
	title, text := md.typed()
	return title != md.shown[0] || text != md.shown[1]
}

// open shows the editor with top above the text and extra buttons on the
// left of Cancel and Save.
func (md *memoDialog) open(title string, top fyne.CanvasObject, size fyne.Size, extra ...fyne.CanvasObject) {
	ws := md.ws
	save := widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), func() { md.save() })
	save.Importance = widget.HighImportance
	cancel := widget.NewButton("Cancel", md.close)
	buttons := container.NewHBox(append(extra, cancel, save)...)
	content := container.NewBorder(top, container.NewHBox(layoutSpacer(), buttons), nil, nil, md.text)
	md.d = dialog.NewCustomWithoutButtons(title, content, ws.win)
	md.remove = ws.editors.add(&editor{what: md.what, unsaved: md.unsaved, save: md.save, discard: md.close})
	md.d.SetOnClosed(func() {
		md.closed = true
		md.remove()
		ws.win.Canvas().SetOnTypedKey(nil)
	})
	for _, e := range []*escEntry{md.title, md.text} {
		if e != nil {
			e.onSave = func() { md.save() }
		}
	}
	md.d.Resize(size)
	md.d.Show()
	md.escapeKey()
	ws.win.Canvas().Focus(md.text)
	// A memo reopened is most often written on: the caret waits at its
	// end, not before its first word.
	lines := strings.Split(md.text.Text, "\n")
	md.text.CursorRow, md.text.CursorColumn = len(lines)-1, len([]rune(lines[len(lines)-1]))
	md.text.Refresh()
}

// escapeKey makes Escape close the editor when no text field has the
// keyboard (after a click on the dialog's background, say): then keys go
// to the window's canvas.
func (md *memoDialog) escapeKey() {
	md.ws.win.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape {
			md.escape()
		}
	})
}

// save writes what the editor holds and closes it, and reports whether it
// did. A memo that moved on since the editor read it is not written over:
// the researcher is offered the newer text.
func (md *memoDialog) save() bool {
	ws := md.ws
	if ws.app.ws != ws {
		ws.showError(&qda.Error{What: "memo", Why: "its project is closed", Fix: "open the project again"})
		return false
	}
	if !md.unsaved() && md.shown != [2]string{} {
		md.close()
		return true
	}
	title, text := md.typed()
	err := md.write(title, text)
	if errors.Is(err, qda.ErrConflict) {
		md.conflict(err)
		return false
	}
	if !ws.try(err) {
		return false
	}
	md.shown = [2]string{title, text}
	md.close()
	return true
}

// conflict tells the researcher the memo changed since the editor read it
// and offers to show the newer text or to keep both, one after the other,
// for them to edit and save.
func (md *memoDialog) conflict(err error) {
	ws := md.ws
	body := wrappedBlock(err.Error()+".\nYour text is still in the editor.", 460)
	var d *dialog.CustomDialog
	reload := widget.NewButton("Show the newer text", func() {
		d.Hide()
		if title, text, err := md.current(); ws.try(err) {
			md.show(title, text)
		}
	})
	both := widget.NewButton("Keep both", func() {
		d.Hide()
		mineTitle, mine := md.typed()
		title, text, err := md.current()
		if !ws.try(err) {
			return
		}
		md.show(title, text)
		if md.title != nil && strings.TrimSpace(title) == "" {
			md.title.SetText(mineTitle)
		}
		md.text.SetText(strings.TrimRight(text, "\n") + "\n\n——— your text ———\n\n" + mine)
	})
	both.Importance = widget.HighImportance
	cancel := widget.NewButton("Cancel", func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons("The memo changed", container.NewBorder(nil, container.NewHBox(layoutSpacer(), cancel, reload, both), nil, nil, body), ws.win)
	d.Show()
}

// escape closes the editor, asking first when it holds typed text.
func (md *memoDialog) escape() {
	if !md.unsaved() {
		md.close()
		return
	}
	d := dialog.NewConfirm("Unsaved memo", "Close the memo without saving what you typed?", func(drop bool) {
		if drop {
			md.close()
		}
	}, md.ws.win)
	d.SetConfirmText("Discard")
	d.SetDismissText("Keep editing")
	showMessage(d, md.ws.win) // Escape or Return keeps editing
	d.SetOnClosed(func() {
		if !md.closed {
			md.escapeKey()
		}
	})
}

// close closes the editor without saving.
func (md *memoDialog) close() { md.d.Hide() }

// memosOn lists the memos on one document, code or case, with a button for
// a new one. With no memos yet it goes straight to the editor.
func (ws *workspace) memosOn(on qda.TargetKind, target qda.ID, name string) {
	memos, err := ws.p.Memos(on, target)
	if !ws.try(err) {
		return
	}
	if len(memos) == 0 {
		ws.editMemo(on, target, "")
		return
	}
	var d *dialog.CustomDialog
	box := container.NewVBox()
	for _, m := range memos {
		m := m
		b := widget.NewButtonWithIcon(memoTitle(m)+"  ("+m.Modified.Local().Format("2 Jan 2006")+")", theme.DocumentIcon(), func() {
			d.Hide()
			ws.editMemo(on, target, m.ID)
		})
		b.Alignment = widget.ButtonAlignLeading
		box.Add(b)
	}
	add := widget.NewButtonWithIcon("New memo…", theme.ContentAddIcon(), func() {
		d.Hide()
		ws.editMemo(on, target, "")
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
	md := ws.editMemo(qda.OnDocument, ws.doc.ID, "")
	if md != nil && quote != "" {
		// The quote is the editor's starting text: only what is typed
		// after it counts as unsaved.
		md.show("", fmt.Sprintf("“%s” (%s, characters %s)\n\n", strings.TrimSpace(quote), ws.doc.Name, sel))
		md.text.CursorRow = len(strings.Split(md.text.Text, "\n")) - 1
	}
}
