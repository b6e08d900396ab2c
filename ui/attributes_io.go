package ui

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"coder/project"
	"coder/qda"
)

// importAttributesDialog is File ▸ Import attributes…: it opens the
// Attributes tab and reads a CSV or XLSX table into the scope it shows.
func (ws *workspace) importAttributesDialog() {
	v := ws.openAttributes()
	openFileDialog(ws.win, []string{".csv", ".xlsx"}, ws.showError, func(path string) { v.importFile(path, false) }).Show()
}

// exportAttributesDialog is File ▸ Export attributes…: the table the
// Attributes tab shows, as CSV or XLSX by the name given.
func (ws *workspace) exportAttributesDialog() {
	v := ws.openAttributes()
	scope := v.scope
	ws.askPseudonymise("attributes", func(pseudo bool) { ws.exportAttributesTo(scope, project.ExportOptions{Pseudonymise: pseudo}) })
}

func (ws *workspace) exportAttributesTo(scope qda.VarScope, opts project.ExportOptions) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			ws.showError(err)
			return
		}
		if w == nil {
			return
		}
		format := strings.TrimPrefix(strings.ToLower(filepath.Ext(w.URI().Path())), ".")
		go func() {
			var err error
			if format != "csv" && format != "xlsx" {
				err = &qda.Error{What: w.URI().Name(), Why: "is neither .csv nor .xlsx", Fix: "give the file a name ending in .csv or .xlsx"}
			} else {
				err = ws.p.ExportAttributes(w, format, scope, opts)
			}
			if cerr := w.Close(); err == nil {
				err = cerr
			}
			fyne.Do(func() {
				if ws.try(err) {
					ws.notice(fmt.Sprintf("Saved %s.", w.URI().Path()))
				}
			})
		}()
	}, ws.win)
	name := "case attributes.xlsx"
	if scope == qda.ScopeDocument {
		name = "document attributes.xlsx"
	}
	d.SetFileName(safeFileName(ws.info.Name + " " + name))
	d.Resize(fileDialogSize(ws.win))
	d.Show()
}

// openAttributes shows the Attributes tab, on the scope it showed last.
func (ws *workspace) openAttributes() *attributesView {
	scope := qda.ScopeCase
	if ws.attributes != nil {
		scope = ws.attributes.scope
	}
	ws.showAttributes(scope)
	return ws.attributes
}

// importFile reads and imports a table off the UI goroutine, then reports.
// Rows naming no case or document refuse it at first; the report then
// offers to import the rest without them.
func (v *attributesView) importFile(path string, skipUnknown bool) {
	ws, scope := v.ws, v.scope
	v.status.SetText("Reading " + filepath.Base(path) + "…")
	go func() {
		var rep *project.AttributeImport
		rows, err := project.ReadAttributeTable(path)
		if err == nil {
			rep, err = ws.p.ImportAttributes(scope, path, rows, project.AttributeImportOptions{SkipUnknown: skipUnknown})
		}
		fyne.Do(func() {
			v.reload()
			if rep == nil {
				ws.showError(err)
				return
			}
			v.showImportReport(path, rep, err)
		})
	}()
}

// showImportReport says what an import did, or what stopped it.
func (v *attributesView) showImportReport(path string, rep *project.AttributeImport, err error) {
	ws := v.ws
	var b strings.Builder
	owners := "cases"
	if rep.Scope == qda.ScopeDocument {
		owners = "documents"
	}
	fmt.Fprintf(&b, "%s: %s, %d naming %s of the project.\n", rep.File, qda.Plural(rep.Rows, "row", "rows"), rep.Matched, owners)
	for _, c := range rep.Columns {
		if c.New {
			fmt.Fprintf(&b, "New attribute %q (%s).\n", c.Name, shortTypeName(c.Type))
		}
	}
	for _, u := range rep.Unknown {
		fmt.Fprintf(&b, "Line %d: %q is no %s of the project.\n", u.Line, u.Name, strings.TrimSuffix(owners, "s"))
	}
	for _, x := range rep.Bad {
		fmt.Fprintf(&b, "Line %d, %s: %s = %q is %s.\n", x.Line, x.Name, x.Attribute, x.Value, x.Why)
	}
	var qe *qda.Error
	switch {
	case err == nil:
		fmt.Fprintf(&b, "Set %s (%d unchanged). Edit ▸ Undo takes the whole import back.", qda.Plural(rep.Set, "value", "values"), rep.Unchanged)
	case errors.As(err, &qe):
		b.WriteString(qe.Why + ".")
	default:
		b.WriteString(err.Error())
	}
	text := widget.NewLabel(b.String())
	text.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(text)
	scroll.SetMinSize(fyne.NewSize(520, min(text.MinSize().Height+20, 360)))
	if err != nil && len(rep.Bad) == 0 && len(rep.Unknown) > 0 && rep.Matched > 0 {
		d := dialog.NewCustomConfirm("Import attributes", "Import the other rows", "Cancel", scroll, func(ok bool) {
			if ok {
				v.importFile(path, true)
			}
		}, ws.win)
		d.Show()
		return
	}
	showMessage(dialog.NewCustom("Import attributes", "OK", scroll, ws.win), ws.win)
}
