package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"coder/project"
)

// The File menu's passphrase items do what 'coder passphrase', 'coder
// encrypt' and 'coder decrypt' do, through the same project functions
// (ChangePassphrase, SaveCopy).

// copyItemLabel is File ▸ Save an encrypted copy… on a project in clear;
// an encrypted project's copy may also be in clear, so there it is Save a
// copy….
func (ws *workspace) copyItemLabel() string {
	if ws.p.Encrypted() {
		return "Save a copy (encrypted or in clear)…"
	}
	return "Save an encrypted copy…"
}

// changePassphraseDialog is File ▸ Change passphrase…: the new passphrase,
// typed twice, replaces the old one in one step.
func (ws *workspace) changePassphraseDialog() {
	name := filepath.Base(ws.p.Path())
	if !ws.p.Encrypted() {
		ws.notice(fmt.Sprintf("“%s” is not encrypted, so it has no passphrase. File ▸ Save an encrypted copy… writes a copy that is.", name))
		return
	}
	f := newEncryptFields()
	f.check.SetChecked(true)
	f.note.SetText("The project is re-encrypted under the new passphrase at once. Its older backups still open with the old one. A forgotten passphrase cannot be recovered: keep it somewhere safe.")
	items := f.items()[1:] // no checkbox: a passphrase there must be
	items[0].Text, items[1].Text = "New passphrase", "Again"
	d := dialog.NewForm("Change the passphrase of “"+name+"”", "Change", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		pass := f.pass.Text
		var err error
		ws.runLong("Changing the passphrase", "Finishing…", func(context.Context, func(project.Progress)) {
			err = ws.p.ChangePassphrase(pass)
		}, func() {
			if ws.try(err) {
				ws.notice(fmt.Sprintf("Changed the passphrase of %s. Its older backups still open with the old one.", name))
			}
		})
	}, ws.win)
	f.refresh = func() {}
	f.confirm.OnSubmitted = func(string) { d.Submit() }
	d.Resize(fyne.NewSize(560, 320))
	d.Show()
	ws.win.Canvas().Focus(f.pass)
}

// saveCopyDialog is File ▸ Save an encrypted copy…: a passphrase typed
// twice, then where to write the copy. On an encrypted project the box may
// be unticked, for a copy in clear (what 'coder decrypt' writes).
func (ws *workspace) saveCopyDialog() {
	f := newEncryptFields()
	f.check.SetChecked(true)
	f.note.SetText("The copy is unreadable without the passphrase. A forgotten passphrase cannot be recovered: keep it somewhere safe.")
	items := f.items()
	if !ws.p.Encrypted() {
		items = items[1:] // a copy in clear of a project in clear is a file copy
	}
	title := ws.copyItemLabel()
	d := dialog.NewForm(title[:len(title)-len("…")], "Choose where…", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		pass := f.passphrase()
		suffix := " encrypted"
		if pass == "" {
			suffix = " in clear"
		}
		ws.chooseNewFile(safeFileName(ws.info.Name+suffix)+".coder", func(path string) { ws.writeCopy(path, pass) })
	}, ws.win)
	f.refresh = func() { d.Refresh() }
	f.confirm.OnSubmitted = func(string) { d.Submit() }
	d.Resize(fyne.NewSize(560, 340))
	d.Show()
	ws.win.Canvas().Focus(f.pass)
}

// writeCopy writes the project's copy to path in the background: encrypted
// under passphrase, or in clear when it is "". Then it says what is left in
// clear, and offers to open the copy.
func (ws *workspace) writeCopy(path, passphrase string) {
	var err error
	what := "an encrypted copy"
	if passphrase == "" {
		what = "a copy in clear"
	}
	ws.runLong("Saving "+what, "Finishing…", func(context.Context, func(project.Progress)) {
		err = ws.p.SaveCopy(path, passphrase)
	}, func() {
		if !ws.try(err) {
			return
		}
		msg := fmt.Sprintf("Saved %s of this project to %s.", what, path)
		switch {
		case passphrase == "":
			msg += " Anyone who can read that file can read the project."
		case !ws.p.Encrypted():
			msg += fmt.Sprintf(" This project itself is still in clear, as are its backups (in %s) and its search index: once the copy opens, delete them.", project.BackupDir(ws.p.Path()))
		}
		l := widget.NewLabel(msg)
		l.Wrapping = fyne.TextWrapWord
		dlg := dialog.NewCustomConfirm("Copy saved", "Open the copy", "Stay here", l, func(open bool) {
			if open {
				ws.app.open(path)
			}
		}, ws.win)
		dlg.Resize(fyne.NewSize(520, 260))
		dlg.Show()
	})
}

// chooseNewFile asks where to write a new file named name (beside the
// project at first) and hands its path on. The save dialog makes the file
// empty; the writer makes its own, so the empty one goes again.
func (ws *workspace) chooseNewFile(name string, then func(path string)) {
	if chooseNewFileHook != nil {
		then(chooseNewFileHook(name))
		return
	}
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			ws.try(err)
			return
		}
		path := w.URI().Path()
		w.Close()
		os.Remove(path)
		then(path)
	}, ws.win)
	d.SetFileName(name)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".coder"}))
	if l, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(ws.p.Path()))); err == nil {
		d.SetLocation(l)
	}
	d.Resize(fileDialogSize(ws.win))
	d.Show()
}

// chooseNewFileHook, when set (by tests), answers chooseNewFile in place
// of the save dialog.
var chooseNewFileHook func(name string) string
