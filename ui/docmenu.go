package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"coder/qda"
)

// A document's actions where a researcher looks for them: right-click a
// document in the list for Open, Rename…, Add to a case…, Memos… and
// Delete…, or press Delete on the row under the focus ring.

// docRow is a row of the document list. It takes right-clicks, so the
// desktop driver gives it every click on the row (not only right ones), and
// it must select and open on a left click itself, as the tree's own row
// beneath would have.
type docRow struct {
	widget.BaseWidget
	panel *documentsPanel
	uid   widget.TreeNodeID
	box   *fyne.Container // the focus ring over the icon and name
}

func newDocRow(d *documentsPanel, box *fyne.Container) *docRow {
	r := &docRow{panel: d, box: box}
	r.ExtendBaseWidget(r)
	return r
}

func (r *docRow) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(r.box) }

// Tapped selects the row (which opens a document) and gives the list the
// keyboard, as a click on a plain tree row does.
func (r *docRow) Tapped(*fyne.PointEvent) {
	r.panel.tree.Select(r.uid)
	takeKeyboard(r.panel.tree)
}

// TappedSecondary opens the document's menu.
func (r *docRow) TappedSecondary(ev *fyne.PointEvent) {
	id := docOfNode(r.uid)
	if id == "" {
		return
	}
	widget.ShowPopUpMenuAtPosition(r.panel.docMenu(id), r.panel.ws.win.Canvas(), ev.AbsolutePosition)
}

// docMenu is a document's context menu.
func (d *documentsPanel) docMenu(id qda.ID) *fyne.Menu {
	ws := d.ws
	return fyne.NewMenu("",
		fyne.NewMenuItem("Open", func() { ws.openDocument(id) }),
		fyne.NewMenuItem("Rename…", func() { d.renameDialog(id) }),
		fyne.NewMenuItem("Add to a case…", func() { ws.assignDialog([]qda.ID{id}) }),
		fyne.NewMenuItem("Memos…", func() { ws.memosOn(qda.OnDocument, id, ws.docName(id)) }),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Delete…", func() { d.deleteDialog(id) }),
	)
}

// renameDialog asks for a document's new name; Enter renames, Escape
// leaves it.
func (d *documentsPanel) renameDialog(id qda.ID) {
	ws := d.ws
	var dlg *dialog.FormDialog
	name := newEscEntry(false, func() { dlg.Hide() })
	name.SetText(ws.docName(id))
	dlg = dialog.NewForm("Rename document", "Rename", "Cancel", []*widget.FormItem{widget.NewFormItem("Name", name)}, func(ok bool) {
		if s := strings.TrimSpace(name.Text); ok && s != "" && s != ws.docName(id) {
			ws.try(ws.p.RenameDocument(id, s))
		}
	}, ws.win)
	dlg.Resize(fyne.NewSize(460, dlg.MinSize().Height))
	dlg.Show()
	name.OnSubmitted = func(string) { dlg.Submit() }
	name.TypedShortcut(&fyne.ShortcutSelectAll{})
	ws.win.Canvas().Focus(name)
}

// deleteDialog asks before deleting a document with its codings and memos.
func (d *documentsPanel) deleteDialog(id qda.ID) {
	ws := d.ws
	what := fmt.Sprintf("Delete %q with its %s and its memos?", ws.docName(id), qda.Plural(ws.codingCount(id), "coding", "codings"))
	if ws.codingCount(id) == 0 {
		what = fmt.Sprintf("Delete %q and its memos? It has no codings.", ws.docName(id))
	}
	confirm("Delete document", what+"\n(Edit ▸ Undo brings it back.)", func() {
		ws.try(ws.p.DeleteDocument(id))
	}, ws.win)
}
