package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"coder/project"
	"coder/qda"
)

// This file holds what the window offers when the project file itself is in
// trouble: the list of backups to restore (after a damaged file failed to
// open, or from File ▸ Restore from backup…), salvage into a new project, and
// the note that a project is open read-only.

// offerBackups shows, when err says the project file at path is damaged or
// empty, what is wrong together with the file's backups to restore, and
// reports whether it did.
func (a *App) offerBackups(path string, err error) bool {
	if !errors.Is(err, project.ErrDamaged) && !errors.Is(err, project.ErrEmpty) {
		return false
	}
	problem := err.Error()
	var qe *qda.Error
	if errors.As(err, &qe) {
		problem = qe.What + ": " + qe.Why // the dialog itself says what to do
	}
	a.backupsDialog(path, problem)
	return true
}

// restoreFromBackup is File ▸ Restore from backup…: the open project's
// backups, or, on the welcome screen, those of a project file chosen first.
func (a *App) restoreFromBackup() {
	if a.ws != nil {
		a.backupsDialog(a.ws.p.Path(), "")
		return
	}
	openFileDialog(a.win, []string{".coder"}, func(error) {}, func(path string) { a.backupsDialog(path, "") }).Show()
}

// backupLabel is one line of the backup list.
func backupLabel(b project.Backup) string {
	when := b.Time.Local().Format("Mon 2 Jan 2006, 15:04")
	size := fmt.Sprintf("%.1f MB", float64(b.Size)/(1<<20))
	if b.Err != nil {
		return when + " · " + size + " · damaged, cannot be restored"
	}
	s := fmt.Sprintf("%s · %s · %s, %s, %s", when, size, qda.Plural(b.Documents, "document", "documents"),
		qda.Plural(b.Codings, "coding", "codings"), qda.Plural(b.Memos, "memo", "memos"))
	if b.Note != "" {
		s += " · " + b.Note
	}
	return s
}

// backupsDialog lists the backups of the project file at path, newest
// first, to restore one; problem, when not empty, says why the file could
// not be opened. The list is read off the event goroutine: each backup is
// opened to count what it holds.
func (a *App) backupsDialog(path, problem string) {
	title := "Restore from backup"
	intro := "Restore " + filepath.Base(path) + " from one of its backups. The current file is kept as a backup itself, so nothing is lost."
	if problem != "" {
		title = "The project file is damaged"
		intro = problem + "\n\nRestore one of its backups (the damaged file is kept as a backup itself), or copy what can still be read into a new project."
	}
	msg := widget.NewLabel(intro)
	msg.Wrapping = fyne.TextWrapWord
	status := widget.NewLabel("Reading the backups…")
	var list []project.Backup
	chosen := -1
	rows := widget.NewList(func() int { return len(list) },
		func() fyne.CanvasObject {
			return widget.NewLabel("Mon 2 Jan 2006, 15:04 · 0.0 MB · 000 documents, 0000 codings, 000 memos")
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(backupLabel(list[i])) })
	var d dialog.Dialog
	restore := widget.NewButtonWithIcon("Restore this backup", theme.HistoryIcon(), func() {
		if chosen < 0 || chosen >= len(list) {
			return
		}
		d.Hide()
		a.restore(path, list[chosen])
	})
	restore.Importance = widget.HighImportance
	restore.Disable()
	rows.OnSelected = func(i widget.ListItemID) {
		chosen = i
		if list[i].Err != nil {
			restore.Disable()
		} else {
			restore.Enable()
		}
	}
	salvage := widget.NewButton("Salvage into a new project…", func() {
		d.Hide()
		a.salvageDialog(path)
	})
	if problem == "" {
		salvage.Hide()
	}
	cancel := widget.NewButton("Cancel", func() { d.Hide() })
	buttons := container.NewHBox(cancel, salvage, restore)
	content := container.NewBorder(container.NewVBox(msg, status), container.NewCenter(buttons), nil, nil, rows)
	d = dialog.NewCustomWithoutButtons(title, content, a.win)
	d.Resize(fyne.NewSize(min(760, a.win.Canvas().Size().Width-40), min(480, a.win.Canvas().Size().Height-40)))
	d.Show()
	closeOnEscape(d, a.win)
	go func() {
		backups, err := project.Backups(path)
		fyne.Do(func() {
			list = backups
			switch {
			case err != nil:
				status.SetText("The backups cannot be read: " + err.Error())
			case len(list) == 0:
				status.SetText("There are no backups of this project (they are kept in " + project.BackupDir(path) + ").")
			default:
				status.SetText(qda.Plural(len(list), "backup", "backups") + ", newest first, kept in " + project.BackupDir(path) + ":")
			}
			rows.Refresh()
		})
	}()
}

// restore closes the project if it is the one at path, restores the backup
// over it and opens the result.
func (a *App) restore(path string, b project.Backup) {
	if a.ws != nil && a.ws.p.Path() == path {
		a.closeProject()
		a.showWelcome()
	}
	saved, err := project.Restore(path, b.Path)
	if err != nil {
		a.showError(err)
		return
	}
	a.open(path)
	note := "Restored the backup of " + b.Time.Local().Format("2 Jan 2006, 15:04") + "."
	if saved != "" {
		note += " The file it replaced is kept as the backup " + filepath.Base(saved) + "."
	}
	showMessage(dialog.NewInformation("Restored", note, a.win), a.win)
}

// salvageDialog asks where to put a new project, copies into it what the
// damaged file at path still holds, says what was lost and opens it.
func (a *App) salvageDialog(path string) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		w.Close()
		out := w.URI().Path()
		if !strings.HasSuffix(out, ".coder") {
			out += ".coder"
		}
		// The save dialog made an empty file there; salvage makes its own.
		removeEmpty(out)
		rep, err := project.Salvage(path, out)
		if err != nil {
			a.showError(err)
			return
		}
		a.open(out)
		text := "Copied " + rep.Summary() + " into " + filepath.Base(out) + "."
		if len(rep.Lost) > 0 {
			lost := rep.Lost
			if len(lost) > 12 {
				lost = append(lost[:12:12], fmt.Sprintf("… and %d more", len(rep.Lost)-12))
			}
			text += "\n\nLost:\n" + strings.Join(lost, "\n")
		}
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		sd := dialog.NewCustom("Salvaged", "OK", container.NewVScroll(l), a.win)
		sd.Resize(fyne.NewSize(640, 420))
		sd.Show()
	}, a.win)
	d.SetFileName(strings.TrimSuffix(filepath.Base(path), ".coder") + " (salvaged).coder")
	if l, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(path))); err == nil {
		d.SetLocation(l)
	}
	d.Resize(fileDialogSize(a.win))
	d.Show()
}

// noteReadOnly marks the window of a project open read-only and says why,
// and shows any other warning from opening it (a backup not written).
func (a *App) noteReadOnly(p *project.Project) {
	warnings := p.Warnings()
	if p.ReadOnly() {
		a.win.SetTitle(a.win.Title() + " (read-only)")
	}
	if len(warnings) == 0 {
		return
	}
	var lines []string
	if p.ReadOnly() {
		lines = append(lines, "This project file is read-only, so it is open read-only: you can read, search and export, but not change it.")
	}
	for _, w := range warnings {
		if !strings.Contains(w, "read-only") {
			lines = append(lines, w)
		}
	}
	text := strings.Join(lines, "\n\n")
	showMessage(dialog.NewInformation("Note", text, a.win), a.win)
}

// removeEmpty removes path if it is an empty file (what a save dialog leaves).
func removeEmpty(path string) {
	if st, err := os.Stat(path); err == nil && st.Size() == 0 {
		os.Remove(path)
	}
}
