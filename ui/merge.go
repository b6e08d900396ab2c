package ui

import (
	"context"
	"errors"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"coder/project"
)

// mergeDialog is File ▸ Merge a colleague's project…: it asks for their copy
// of the project (a .coder file, or a .qdpx they exported) and merges it.
func (ws *workspace) mergeDialog() {
	openFileDialog(ws.win, []string{".coder", ".qdpx"}, ws.showError, ws.runMerge).Show()
}

// runMerge merges a colleague's copy in the background behind a progress
// dialog, then shows the merge report. Cancel merges nothing; Edit ▸ Undo
// takes the whole merge back.
func (ws *workspace) runMerge(path string) { ws.runMergeUnlocking(path, "") }

// runMergeUnlocking is runMerge with the passphrase of a copy encrypted
// under its own ("" tries the project's); when that is needed, or the one
// typed is wrong, it asks for it and tries again.
func (ws *workspace) runMergeUnlocking(path, passphrase string) {
	p := ws.p
	name := filepath.Base(path)
	var rep *project.MergeReport
	var err error
	ws.runLong("Merging "+name, "Cancelling; nothing will be merged…", func(ctx context.Context, progress func(project.Progress)) {
		rep, err = p.MergeUnlocking(ctx, path, passphrase, progress)
	}, func() {
		switch {
		case errors.Is(err, context.Canceled):
			ws.notice("Merge cancelled; the project is as it was.")
		case errors.Is(err, project.ErrPassphraseNeeded) || errors.Is(err, project.ErrWrongPassphrase):
			why := "This copy is encrypted with a passphrase of its own. Type it to merge the copy."
			askPassphraseFor(ws.win, "Merge “"+name+"”", why, "Merge", errors.Is(err, project.ErrWrongPassphrase), func(pass string) {
				ws.runMergeUnlocking(path, pass)
			})
		case ws.try(err):
			ws.showMergeReport(name, rep)
		}
	})
}

// showMergeReport shows what a merge did, a line per fact, scrollable when
// long.
func (ws *workspace) showMergeReport(name string, rep *project.MergeReport) {
	lines := rep.Lines()
	if ws.p.CanUndo() == "Merge "+name { // a merge that changed nothing left no undo step
		lines = append(lines, "", "Edit ▸ Undo takes the whole merge back.")
	}
	l := widget.NewLabel(strings.Join(lines, "\n"))
	l.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(l)
	scroll.SetMinSize(fyne.NewSize(560, min(360, l.MinSize().Height*2+40)))
	d := dialog.NewCustom("Merged "+name, "OK", scroll, ws.win)
	showMessage(d, ws.win)
}
