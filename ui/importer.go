package ui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"coder/project"
	"coder/qda"
)

// importExts are the files the import dialog offers.
var importExts = []string{".txt", ".md", ".docx", ".odt", ".rtf", ".html", ".htm", ".pdf", ".srt", ".vtt", ".epub"}

// newImportButton is the Documents list's + button: it offers importing a
// file or a whole folder (Fyne's file dialog picks one file at a time), and
// says that any number of files can be dropped on the window.
func (ws *workspace) newImportButton() *widget.Button {
	var b *widget.Button
	b = widget.NewButtonWithIcon("", theme.ContentAddIcon(), func() {
		menu := fyne.NewMenu("",
			fyne.NewMenuItem("Import a file…", ws.importFilesDialog),
			fyne.NewMenuItem("Import a folder… (every file Coder can read in it)", ws.importFolderDialog),
			fyne.NewMenuItemSeparator(),
			&fyne.MenuItem{Label: "Or drop any number of files on the window", Disabled: true},
		)
		c := ws.win.Canvas()
		widget.ShowPopUpMenuAtRelativePosition(menu, c, fyne.NewPos(0, b.Size().Height), b)
	})
	return b
}

// importFilesDialog picks one file to import. Whole folders go through
// importFolderDialog, and any number of files can be dropped on the window.
func (ws *workspace) importFilesDialog() {
	openFileDialog(ws.win, importExts, ws.showError, func(path string) { ws.askImport([]string{path}) }).Show()
}

// importFolderDialog imports every file Coder can read in a folder and its
// sub-folders.
func (ws *workspace) importFolderDialog() {
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil {
			ws.showError(err)
			return
		}
		if l != nil {
			ws.askImport([]string{l.Path()})
		}
	}, ws.win)
	d.Resize(fileDialogSize(ws.win))
	d.Show()
}

// askImport asks what kind of documents the files are and which case they
// belong to, then imports them.
func (ws *workspace) askImport(paths []string) {
	kinds := []string{"Guess from the file"}
	for _, k := range qda.Kinds {
		kinds = append(kinds, string(k))
	}
	kind := widget.NewSelect(kinds, nil)
	kind.SetSelected(kinds[0])
	var cases []string
	for _, c := range ws.cases {
		cases = append(cases, c.Name)
	}
	caseName := widget.NewSelectEntry(cases)
	caseName.SetPlaceHolder("none (optional)")
	what := filepath.Base(paths[0])
	if len(paths) > 1 {
		what = qda.Plural(len(paths), "file", "files")
	} else if fi, err := os.Stat(paths[0]); err == nil && fi.IsDir() {
		what = "every file in " + what
	}
	d := dialog.NewForm("Import "+what, "Import", "Cancel", []*widget.FormItem{
		widget.NewFormItem("Kind", kind), widget.NewFormItem("Into case", caseName),
	}, func(ok bool) {
		if !ok {
			return
		}
		opt := project.ImportOptions{Case: strings.TrimSpace(caseName.Text)}
		if kind.Selected != kinds[0] {
			opt.Kind = qda.Kind(kind.Selected)
		}
		ws.runImport(paths, opt)
	}, ws.win)
	d.Resize(fyne.NewSize(440, 220))
	d.Show()
	// Typing a case name and pressing Enter imports, without the mouse.
	caseName.OnSubmitted = func(string) { d.Submit() }
	ws.win.Canvas().Focus(caseName)
}

// runImport imports in the background behind a progress dialog with a
// Cancel button, then reports what went in and what did not.
func (ws *workspace) runImport(paths []string, opt project.ImportOptions) {
	var rep *project.ImportReport
	var err error
	p := ws.p
	ws.runLong("Importing", "Stopping after this file; the files imported so far are kept…", func(ctx context.Context, progress func(project.Progress)) {
		rep, err = p.Import(ctx, paths, opt, progress)
	}, func() { ws.imported(rep, err) })
}

// imported shows the result of an import and opens the first new document.
func (ws *workspace) imported(rep *project.ImportReport, err error) {
	defer func() {
		if ws.onImported != nil {
			ws.onImported(rep, err)
		}
	}()
	if err != nil && (rep == nil || len(rep.Imported) == 0) {
		ws.showError(err)
		return
	}
	if len(rep.Imported) > 0 {
		ws.openDocument(rep.Imported[0].Document)
	}
	var warnings int
	for _, im := range rep.Imported {
		warnings += len(im.Warnings)
	}
	if len(rep.Failed) == 0 && len(rep.Duplicates) == 0 && len(rep.Skipped) == 0 && warnings == 0 && !rep.Cancelled {
		return // all went in: the new documents in the list say so
	}
	ws.showImportReport(rep)
}

// showImportReport lists, file by file, what was imported with warnings,
// what failed and why, what was already there and what was passed over.
func (ws *workspace) showImportReport(rep *project.ImportReport) {
	box := container.NewVBox()
	add := func(head string, lines []string) {
		if len(lines) == 0 {
			return
		}
		box.Add(widget.NewLabelWithStyle(head, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		for _, l := range lines {
			lab := widget.NewLabel(l)
			lab.Wrapping = fyne.TextWrapWord
			box.Add(lab)
		}
	}
	summary := fmt.Sprintf("%d imported, %d failed, %d already in the project", len(rep.Imported), len(rep.Failed), len(rep.Duplicates))
	if rep.Cancelled {
		summary += "; cancelled before the rest"
	}
	box.Add(widget.NewLabel(summary + "."))
	var failed, dups, skipped, warned []string
	for _, f := range rep.Failed {
		failed = append(failed, failureLine(f.Path, f.Err))
	}
	for _, f := range rep.Duplicates {
		dups = append(dups, f.Err.Error())
	}
	for _, s := range rep.Skipped {
		skipped = append(skipped, filepath.Base(s.Path)+": "+s.Reason)
	}
	for _, im := range rep.Imported {
		for _, w := range im.Warnings {
			warned = append(warned, im.Name+": "+w)
		}
	}
	add("Not imported", failed)
	add("Already in the project", dups)
	add("Passed over", skipped)
	add("Imported with warnings", warned)
	scroll := container.NewVScroll(box)
	scroll.SetMinSize(fyne.NewSize(600, 320))
	showMessage(dialog.NewCustom("Import report", "Close", scroll, ws.win), ws.win)
}

// failureLine says why a file was not imported, named once: the reason
// usually starts with the file's name already ("blob.txt: this looks like a
// binary file"), and "blob.txt: blob.txt: …" read as a glitch.
func failureLine(path string, err error) string {
	name, msg := filepath.Base(path), err.Error()
	switch {
	case strings.HasPrefix(msg, name+":"):
		return msg
	case strings.HasPrefix(msg, path+":"):
		return name + msg[len(path):]
	}
	return name + ": " + msg
}

// importExchangeDialog merges a REFI-QDA project or codebook into this
// project.
func (ws *workspace) importExchangeDialog() {
	openFileDialog(ws.win, []string{".qdpx", ".qde", ".qdc"}, ws.showError, ws.runImportExchange).Show()
}

// runImportExchange merges a REFI-QDA file in the background behind a
// progress dialog, then says what came in. Cancel merges nothing.
func (ws *workspace) runImportExchange(path string) {
	p := ws.p
	var msg string
	var err error
	ws.runLong("Merging "+filepath.Base(path), "Cancelling; nothing will be merged…", func(ctx context.Context, progress func(project.Progress)) {
		rep, ierr := p.ImportExchange(ctx, path, progress)
		if err = ierr; err != nil {
			return
		}
		var lines []string
		for _, k := range []string{"sources", "codes", "codings", "cases", "notes"} {
			if n := rep.Counts[k]; n > 0 {
				lines = append(lines, qda.Plural(n, strings.TrimSuffix(k, "s"), k))
			}
		}
		msg = "Imported " + strings.Join(lines, ", ") + "."
		if rep.Producer != "" {
			msg += "\nWritten by " + rep.Producer + "."
		}
		for _, m := range rep.MissingSources {
			msg += "\nMissing text of " + m + " (not imported)."
		}
		for _, w := range rep.Warnings {
			msg += "\n" + w
		}
	}, func() {
		if errors.Is(err, context.Canceled) {
			ws.notice("Merge cancelled; the project is as it was.")
		} else if ws.try(err) {
			ws.notice(msg)
		}
	})
}
