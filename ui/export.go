package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"coder/project"
)

// exportFormat is one entry of the Export menu.
type exportFormat struct {
	label  string
	ext    string
	format string
	// codebook selects ExportCodebook rather than Export.
	codebook bool
}

var exportFormats = []exportFormat{
	{"REFI-QDA project (.qdpx)", "qdpx", "qdpx", false},
	{"REFI-QDA codebook (.qdc)", "qdc", "qdc", false},
	{"Coded excerpts as CSV", "csv", "csv", false},
	{"Coded excerpts as Excel workbook", "xlsx", "xlsx", false},
	{"Coded excerpts as web page", "html", "html", false},
	{"Coded excerpts as Markdown", "md", "md", false},
	{"Coded excerpts as Word document", "docx", "docx", false},
	{"Codebook with definitions (Word)", "docx", "docx", true},
	{"Codebook with definitions (web page)", "html", "html", true},
	{"Codebook with definitions (Markdown)", "md", "md", true},
	{"Codebook with definitions (CSV)", "csv", "csv", true},
}

// exportMenu lists every export.
func (ws *workspace) exportMenu() *fyne.Menu {
	var items []*fyne.MenuItem
	for i, f := range exportFormats {
		f := f
		if i == 2 || i == 7 {
			items = append(items, fyne.NewMenuItemSeparator())
		}
		items = append(items, fyne.NewMenuItem(f.label+"…", func() { ws.exportDialog(f, project.CodingFilter{}) }))
	}
	return fyne.NewMenu("Export", items...)
}

// exportExcerptsDialog exports the excerpts a filter selects, in a format
// the user picks from the save dialog's file name.
func (ws *workspace) exportExcerptsDialog(f project.CodingFilter) {
	ws.exportDialog(exportFormat{label: "excerpts", ext: "docx", format: "docx"}, f)
}

// exportDialog asks where to save and writes the export there. For
// excerpts, the file name's extension may pick another excerpt format.
func (ws *workspace) exportDialog(f exportFormat, filter project.CodingFilter) {
	ws.askPseudonymise(f.label, func(pseudo bool) { ws.exportSave(f, filter, pseudo) })
}

func (ws *workspace) exportSave(f exportFormat, filter project.CodingFilter, pseudo bool) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			ws.showError(err)
			return
		}
		if w == nil {
			return
		}
		format := f.format
		if ext := strings.TrimPrefix(strings.ToLower(w.URI().Extension()), "."); !f.codebook && f.format != "qdpx" && f.format != "qdc" {
			switch ext {
			case "csv", "xlsx", "html", "md", "docx":
				format = ext
			}
		}
		ws.runExport(w, f.codebook, format, filter, project.ExportOptions{Pseudonymise: pseudo})
	}, ws.win)
	d.SetFileName(safeFileName(ws.info.Name) + "." + f.ext)
	if pseudo {
		d.SetFileName(safeFileName(ws.info.Name+" pseudonymised") + "." + f.ext)
	}
	d.SetFilter(storage.NewExtensionFileFilter([]string{"." + f.ext}))
	if !f.codebook && f.format != "qdpx" && f.format != "qdc" {
		d.SetFilter(nil)
	}
	d.Resize(fileDialogSize(ws.win))
	d.Show()
}

// runExport writes an export in the background behind a progress dialog.
// Cancelled or failed, the half-written file is removed.
func (ws *workspace) runExport(w fyne.URIWriteCloser, codebook bool, format string, filter project.CodingFilter, opts ...project.ExportOptions) {
	p := ws.p
	var err, cancelled error
	ws.runLong("Exporting", "Cancelling; no file will be left…", func(ctx context.Context, progress func(project.Progress)) {
		if codebook {
			err = p.ExportCodebook(ctx, w, format, progress, opts...)
		} else {
			err = p.Export(ctx, w, format, filter, progress, opts...)
		}
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		cancelled = ctx.Err()
		if err != nil || cancelled != nil {
			storage.Delete(w.URI())
		}
	}, func() {
		switch {
		case cancelled != nil:
			ws.notice("Export cancelled; no file was written.")
		case ws.try(err):
			ws.notice(fmt.Sprintf("Saved %s.", w.URI().Path()))
		}
	})
}
