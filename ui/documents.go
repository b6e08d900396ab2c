package ui

import (
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"coder/project"
	"coder/qda"
)

// documentsPanel lists the documents grouped by case or by kind, with a
// form below for the selected document's name, kind, cases and attributes.
type documentsPanel struct {
	ws      *workspace
	tree    *docTree
	filter  *widget.Entry // narrows the list by name, kind or case
	groupBy *widget.RadioGroup
	form    *fyne.Container
	content fyne.CanvasObject

	groups   []string            // group names in order
	members  map[string][]qda.ID // documents of each group
	selected qda.ID              // the document the form shows
	pending  func()              // saves what was typed into the form
	quiet    bool                // set while the panel selects a node itself
}

const noCase = "(no case)"

func newDocumentsPanel(ws *workspace) *documentsPanel {
	d := &documentsPanel{ws: ws, form: container.NewVBox()}
	d.tree = newDocTree(d)
	d.tree.OnSelected = func(uid widget.TreeNodeID) {
		d.tree.setFocus(uid)
		id := docOfNode(uid)
		if id == "" {
			d.tree.ToggleBranch(uid)
			d.tree.Unselect(uid)
			return
		}
		d.selected = id
		d.showForm()
		if !d.quiet {
			ws.openDocument(id)
			// A click leaves the keyboard in the list, on the row clicked.
			ws.win.Canvas().Focus(d.tree)
		}
	}
	d.groupBy = widget.NewRadioGroup([]string{"Case", "Kind"}, func(s string) {
		ws.app.prefs.setGroupByKind(s == "Kind")
		d.refresh()
		d.tree.OpenAllBranches()
		ws.menus.update()
	})
	d.groupBy.Horizontal = true
	if ws.app.prefs.groupByKind() {
		d.groupBy.Selected = "Kind"
	} else {
		d.groupBy.Selected = "Case"
	}
	d.refresh()
	d.tree.OpenAllBranches()
	d.filter = widget.NewEntry()
	d.filter.SetPlaceHolder("Filter: name, kind or case")
	d.filter.OnChanged = func(string) {
		d.refresh()
		d.tree.OpenAllBranches()
	}
	// Enter or Down goes from the filter to the first document it left.
	d.filter.OnSubmitted = func(string) { d.focusList() }
	importBtn := ws.newImportButton()
	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, importBtn, d.filter),
		container.NewBorder(nil, nil, widget.NewLabel("Group by"), nil, d.groupBy))
	// Scrolled both ways: a long attribute name widens the form, not the pane.
	split := container.NewVSplit(d.tree, container.NewScroll(container.NewPadded(d.form)))
	split.Offset = 0.55
	d.content = container.NewBorder(top, nil, nil, nil, split)
	return d
}

// setGroupByKind switches grouping, as the View menu does.
func (d *documentsPanel) setGroupByKind(byKind bool) {
	if byKind {
		d.groupBy.SetSelected("Kind")
	} else {
		d.groupBy.SetSelected("Case")
	}
}

// refresh regroups the documents from the workspace's cached list.
func (d *documentsPanel) refresh() {
	had := d.members
	d.members = map[string][]qda.ID{}
	d.groups = nil
	add := func(g string, id qda.ID) {
		if _, ok := d.members[g]; !ok {
			d.groups = append(d.groups, g)
		}
		d.members[g] = append(d.members[g], id)
	}
	var docs []project.DocInfo
	for _, doc := range d.ws.docs {
		if d.filter == nil || matchesFilter(doc, d.filter.Text) {
			docs = append(docs, doc)
		}
	}
	byKind := d.groupBy.Selected == "Kind"
	if byKind {
		for _, k := range qda.Kinds {
			for _, doc := range docs {
				if doc.Kind == k {
					add(string(k), doc.ID)
				}
			}
		}
	} else {
		for _, c := range d.ws.cases {
			for _, doc := range docs {
				if c.Has(doc.ID) {
					add(c.Name, doc.ID)
				}
			}
		}
		for _, doc := range docs {
			if len(doc.Cases) == 0 {
				add(noCase, doc.ID)
			}
		}
	}
	d.tree.Refresh()
	// A group that was not listed before (the cases or the "(no case)" of
	// an import) shows its documents; those the researcher closed stay so.
	for _, g := range d.groups {
		if _, ok := had[g]; !ok {
			d.tree.OpenBranch("g\x00" + g)
		}
	}
	d.showForm()
}

func (d *documentsPanel) childUIDs(uid widget.TreeNodeID) []widget.TreeNodeID {
	if uid == "" {
		out := make([]string, len(d.groups))
		for i, g := range d.groups {
			out[i] = "g\x00" + g
		}
		return out
	}
	g := strings.TrimPrefix(uid, "g\x00")
	var out []string
	for _, id := range d.members[g] {
		out = append(out, "d\x00"+g+"\x00"+string(id))
	}
	return out
}

func (d *documentsPanel) isBranch(uid widget.TreeNodeID) bool {
	return uid == "" || strings.HasPrefix(uid, "g\x00")
}

func (d *documentsPanel) updateNode(uid widget.TreeNodeID, branch bool, o fyne.CanvasObject) {
	r := o.(*docRow)
	r.uid = uid
	row := r.box
	d.tree.showRing(uid, row.Objects[0].(*canvas.Rectangle))
	box := row.Objects[1].(*fyne.Container)
	label, icon := box.Objects[0].(*widget.Label), box.Objects[1].(*widget.Icon)
	if branch {
		g := strings.TrimPrefix(uid, "g\x00")
		icon.SetResource(theme.FolderIcon())
		label.TextStyle.Bold = true
		label.SetText(fmt.Sprintf("%s (%d)", g, len(d.members[g])))
		return
	}
	id := docOfNode(uid)
	icon.SetResource(theme.DocumentIcon())
	label.TextStyle.Bold = false
	label.SetText(d.ws.docName(id))
}

// docOfNode returns the document a tree node stands for, "" for a group.
func docOfNode(uid string) qda.ID {
	parts := strings.Split(uid, "\x00")
	if len(parts) != 3 || parts[0] != "d" {
		return ""
	}
	return qda.ID(parts[2])
}

// selectDocument marks doc in the tree without reopening it.
func (d *documentsPanel) selectDocument(doc *qda.Document) {
	if doc == nil {
		d.tree.UnselectAll()
		return
	}
	for _, g := range d.groups {
		for _, id := range d.members[g] {
			if id == doc.ID {
				d.quiet = true
				d.tree.OpenBranch("g\x00" + g)
				d.tree.Select("d\x00" + g + "\x00" + string(id))
				d.quiet = false
				return
			}
		}
	}
}

// showForm fills the form for the selected document.
func (d *documentsPanel) showForm() {
	keepEdits(&d.pending)
	d.form.RemoveAll()
	ws := d.ws
	var info *project.DocInfo
	for i := range ws.docs {
		if ws.docs[i].ID == d.selected {
			info = &ws.docs[i]
		}
	}
	if info == nil {
		d.form.Add(wrapped("Select a document to see and edit its kind, cases and attributes."))
		return
	}
	id := info.ID
	name, rename := nameEntry(ws, info.Name, func(s string) error { return ws.p.RenameDocument(id, s) })
	var kinds []string
	for _, k := range qda.Kinds {
		kinds = append(kinds, string(k))
	}
	kind := widget.NewSelect(kinds, nil)
	kind.SetSelected(string(info.Kind))
	kind.OnChanged = func(s string) {
		if s != string(info.Kind) {
			ws.try(ws.p.SetDocumentKind(id, qda.Kind(s)))
		}
	}
	cases := widget.NewLabel(strings.Join(info.Cases, ", "))
	if len(info.Cases) == 0 {
		cases.SetText(noCase)
	}
	cases.Truncation = fyne.TextTruncateEllipsis
	addCase := widget.NewButtonWithIcon("", theme.ContentAddIcon(), func() { ws.assignDialog([]qda.ID{id}) })
	attrs := newAttributeEditor(ws, qda.ScopeDocument, id)
	d.pending = func() {
		rename()
		attrs.flush()
	}
	src := info.Source.FileName
	if info.Source.Format != "" {
		src += " (" + info.Source.Format
		if info.Source.Encoding != "" {
			src += ", " + info.Source.Encoding
		}
		src += ")"
	}
	source := widget.NewLabel(src)
	source.Truncation = fyne.TextTruncateEllipsis
	items := []*widget.FormItem{
		widget.NewFormItem("Name", name),
		widget.NewFormItem("Kind", kind),
		widget.NewFormItem("Cases", container.NewBorder(nil, nil, nil, addCase, cases)),
		widget.NewFormItem("Source", source),
	}
	items = append(items, attrs.items...)
	form := widget.NewForm(items...)
	del := widget.NewButtonWithIcon("Delete…", theme.DeleteIcon(), func() { d.deleteDialog(id) })
	memo := widget.NewButtonWithIcon("Memos…", theme.DocumentCreateIcon(), func() { ws.memosOn(qda.OnDocument, id, info.Name) })
	d.form.Add(widget.NewLabelWithStyle("Document", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	d.form.Add(form)
	d.form.Add(attrs.buttons)
	d.form.Add(container.NewGridWithColumns(2, memo, del))
}

// codingCount counts a document's codings.
func (ws *workspace) codingCount(doc qda.ID) int {
	if ws.doc != nil && ws.doc.ID == doc {
		return len(ws.codings)
	}
	rows, _ := ws.p.DocumentCodings(doc)
	return len(rows)
}

// try shows err, if any, and reports whether there was none.
func (ws *workspace) try(err error) bool {
	if err != nil {
		ws.showError(err)
		return false
	}
	return true
}

// assignDialog puts documents into a case chosen or named by the user.
func (ws *workspace) assignDialog(docs []qda.ID) {
	var names []string
	for _, c := range ws.cases {
		names = append(names, c.Name)
	}
	sort.Strings(names)
	entry := widget.NewSelectEntry(names)
	entry.SetPlaceHolder("a case name (new or existing)")
	d := dialog.NewForm("Add to case", "Add", "Cancel", []*widget.FormItem{widget.NewFormItem("Case", entry)}, func(ok bool) {
		if ok && strings.TrimSpace(entry.Text) != "" {
			_, err := ws.p.AssignToCase(entry.Text, docs...)
			ws.try(err)
		}
	}, ws.win)
	d.Show()
	entry.OnSubmitted = func(string) { d.Submit() }
	ws.win.Canvas().Focus(entry)
}
