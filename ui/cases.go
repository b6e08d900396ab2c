package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"coder/qda"
)

// casesPanel lists the cases, with a form for the selected case: its name,
// documents and attributes.
type casesPanel struct {
	ws       *workspace
	list     *widget.List
	form     *fyne.Container
	content  fyne.CanvasObject
	selected qda.ID
	pending  func() // saves what was typed into the form
}

func newCasesPanel(ws *workspace) *casesPanel {
	c := &casesPanel{ws: ws, form: container.NewVBox()}
	c.list = widget.NewList(func() int { return len(ws.cases) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("case name")
			l.Truncation = fyne.TextTruncateEllipsis // a long name must not widen the pane
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			k := ws.cases[i]
			o.(*widget.Label).SetText(fmt.Sprintf("%s (%d)", k.Name, len(k.Documents)))
		})
	c.list.OnSelected = func(i widget.ListItemID) {
		c.selected = ws.cases[i].ID
		c.showForm()
	}
	add := widget.NewButtonWithIcon("New case…", theme.ContentAddIcon(), func() {
		e := widget.NewEntry()
		e.SetPlaceHolder("e.g. G Community, or an informant")
		d := dialog.NewForm("New case", "Add", "Cancel", []*widget.FormItem{widget.NewFormItem("Name", e)}, func(ok bool) {
			if ok && strings.TrimSpace(e.Text) != "" {
				k, err := ws.p.AddCase(e.Text, "")
				if ws.try(err) {
					c.selected = k.ID
					c.markSelected()
					c.showForm()
				}
			}
		}, ws.win)
		d.Resize(fyne.NewSize(440, d.MinSize().Height))
		enterSubmits(d, ws.win, e)
	})
	split := container.NewVSplit(c.list, container.NewVScroll(container.NewPadded(c.form)))
	split.Offset = 0.4
	table := widget.NewButtonWithIcon("Attributes table", theme.GridIcon(), func() { ws.showAttributes(qda.ScopeCase) })
	c.content = container.NewBorder(newFitRow(add, table), nil, nil, nil, split)
	c.showForm()
	return c
}

func (c *casesPanel) refresh() {
	c.list.Refresh()
	c.markSelected()
	c.showForm()
}

// markSelected marks the selected case's row in the list: the rows are
// sorted by name, so a case added, renamed or deleted moves it.
func (c *casesPanel) markSelected() {
	for i, k := range c.ws.cases {
		if k.ID == c.selected {
			c.list.Select(i)
			return
		}
	}
	c.list.UnselectAll()
}

func (c *casesPanel) showForm() {
	ws := c.ws
	keepEdits(&c.pending)
	c.form.RemoveAll()
	var k *qda.Case
	for i := range ws.cases {
		if ws.cases[i].ID == c.selected {
			k = &ws.cases[i]
		}
	}
	if k == nil {
		c.form.Add(wrapped("Cases group documents into units of analysis (a community, an informant). Select one to edit it."))
		return
	}
	id := k.ID
	name, rename := nameEntry(ws, k.Name, func(s string) error { return ws.p.RenameCase(id, s) })
	docs := container.NewVBox()
	for _, d := range k.Documents {
		d := d
		// A link, cut short with "…": a long document name must not widen
		// the pane.
		open := widget.NewHyperlink(ws.docName(d), nil)
		open.OnTapped = func() { ws.openDocument(d) }
		open.Truncation = fyne.TextTruncateEllipsis
		remove := widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), func() { ws.try(ws.p.RemoveFromCase(id, d)) })
		docs.Add(container.NewBorder(nil, nil, nil, remove, open))
	}
	addDocs := widget.NewButtonWithIcon("Add documents…", theme.ContentAddIcon(), func() { c.addDocumentsDialog(k) })
	attrs := newAttributeEditor(ws, qda.ScopeCase, id)
	c.pending = func() {
		rename()
		attrs.flush()
	}
	items := append([]*widget.FormItem{widget.NewFormItem("Name", name)}, attrs.items...)
	del := widget.NewButtonWithIcon("Delete case…", theme.DeleteIcon(), func() {
		confirm("Delete case", fmt.Sprintf("Delete the case %q? Its documents stay in the project.", k.Name), func() {
			ws.try(ws.p.DeleteCase(id))
		}, ws.win)
	})
	memo := widget.NewButtonWithIcon("Memos…", theme.DocumentCreateIcon(), func() { ws.memosOn(qda.OnCase, id, k.Name) })
	c.form.Add(widget.NewLabelWithStyle("Case", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	// Labels above the fields, so each field has the pane's whole width.
	form := widget.NewForm(items...)
	form.Orientation = widget.Vertical
	c.form.Add(form)
	c.form.Add(attrs.buttons)
	c.form.Add(widget.NewLabelWithStyle(fmt.Sprintf("Documents (%d)", len(k.Documents)), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	c.form.Add(docs)
	c.form.Add(addDocs)
	c.form.Add(newFitRow(memo, del))
}

// addDocumentsDialog offers the documents not yet in case k.
func (c *casesPanel) addDocumentsDialog(k *qda.Case) {
	ws := c.ws
	var ids []qda.ID
	var names []string
	for _, d := range ws.docs {
		if !k.Has(d.ID) {
			ids = append(ids, d.ID)
			names = append(names, d.Name)
		}
	}
	if len(ids) == 0 {
		showMessage(dialog.NewInformation("Add documents", "Every document is in this case already.", ws.win), ws.win)
		return
	}
	checks := widget.NewCheckGroup(names, nil)
	scroll := container.NewVScroll(checks)
	scroll.SetMinSize(fyne.NewSize(360, 280))
	dialog.ShowCustomConfirm("Add documents to "+k.Name, "Add", "Cancel", scroll, func(ok bool) {
		if !ok || len(checks.Selected) == 0 {
			return
		}
		chosen := map[string]bool{}
		for _, s := range checks.Selected {
			chosen[s] = true
		}
		var add []qda.ID
		for i, n := range names {
			if chosen[n] {
				add = append(add, ids[i])
			}
		}
		_, err := ws.p.AssignToCase(k.Name, add...)
		ws.try(err)
	}, ws.win)
}

// keepEdits runs and clears *pending, the saving of a form that is about to
// be replaced: a name or value typed without Enter or Save is kept, as in
// other QDA tools, not dropped when the researcher clicks elsewhere.
// nameEntry is the Name field of a document or case form: Enter saves, and
// the returned save function does the same for edits left when the form goes
// away (see keepEdits). A blank or unchanged name is not saved.
func nameEntry(ws *workspace, current string, save func(string) error) (*widget.Entry, func()) {
	was := current
	name := widget.NewEntry()
	name.SetText(current)
	rename := func() {
		if s, old := name.Text, was; strings.TrimSpace(s) != "" && s != old {
			was = s // before the save, which refreshes the form
			if !ws.try(save(s)) {
				was = old
			}
		}
	}
	name.OnSubmitted = func(string) { rename() }
	return name, rename
}

func keepEdits(pending *func()) {
	if f := *pending; f != nil {
		*pending = nil
		f()
	}
}
