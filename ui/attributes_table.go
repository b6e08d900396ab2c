package ui

import (
	"fmt"
	"sort"
	"strconv"
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

// attributesView is the Attributes tab of the centre: cases × attributes or
// documents × attributes as a grid, like NVivo's classification sheet. A
// click on a cell edits its value in place (checked against the
// attribute's type, one undoable action per value), a click on a heading
// sorts by that column, and Add attribute adds a column.
type attributesView struct {
	ws    *workspace
	tab   *container.TabItem
	scope qda.VarScope
	which *widget.RadioGroup
	sheet *project.AttributeSheet
	order []int // the sheet's rows in the order shown
	// sortCol is the column sorted by: 0 the names, k the k-th attribute;
	// desc reverses it.
	sortCol int
	desc    bool
	table   *widget.Table
	status  *widget.Label
	// bound is the cell each cell object shows now: the table reuses them.
	bound  map[*widget.Label]widget.TableCellID
	byID   map[widget.TableCellID]*widget.Label // the label that last showed each cell
	editor *cellEditor                          // the open in-place editor, or nil
}

// showAttributes opens the Attributes tab on the attributes of scope
// (View ▸ Attributes table, and the Cases panel's button).
func (ws *workspace) showAttributes(scope qda.VarScope) {
	if ws.attributes == nil {
		ws.attributes = newAttributesView(ws)
	}
	v := ws.attributes
	found := false
	for _, t := range ws.centre.Items {
		found = found || t == v.tab
	}
	if !found {
		ws.centre.Append(v.tab)
	}
	ws.centre.Select(v.tab)
	v.setScope(scope)
}

const (
	sheetCases = "Cases"
	sheetDocs  = "Documents"
)

func newAttributesView(ws *workspace) *attributesView {
	v := &attributesView{ws: ws, scope: qda.ScopeCase, status: widget.NewLabel(""), bound: map[*widget.Label]widget.TableCellID{}, byID: map[widget.TableCellID]*widget.Label{}}
	v.status.Truncation = fyne.TextTruncateEllipsis
	v.which = widget.NewRadioGroup([]string{sheetCases, sheetDocs}, func(s string) {
		if s == sheetDocs {
			v.setScope(qda.ScopeDocument)
		} else if s == sheetCases {
			v.setScope(qda.ScopeCase)
		}
	})
	v.which.Horizontal = true
	v.which.Required = true
	v.table = widget.NewTable(v.size,
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		v.updateCell)
	v.table.StickyRowCount = 1
	v.table.StickyColumnCount = 1
	v.table.OnSelected = v.selected
	add := widget.NewButtonWithIcon("Add attribute…", theme.ContentAddIcon(), v.addColumnDialog)
	imp := widget.NewButtonWithIcon("Import…", theme.UploadIcon(), ws.importAttributesDialog)
	exp := widget.NewButtonWithIcon("Export…", theme.DownloadIcon(), ws.exportAttributesDialog)
	close := widget.NewButtonWithIcon("", theme.CancelIcon(), func() { v.closeEditor(); ws.centre.Remove(v.tab) })
	close.Importance = widget.LowImportance
	bar := container.NewBorder(nil, nil, v.which, container.NewHBox(add, imp, exp, close), v.status)
	v.tab = container.NewTabItemWithIcon("Attributes", theme.GridIcon(), container.NewBorder(bar, nil, nil, nil, v.table))
	ws.p.Watch(func(project.Change) {
		fyne.Do(func() {
			if ws.app.ws == ws && ws.attributes == v {
				v.reload()
			}
		})
	})
	return v
}

// setScope shows the cases' or the documents' attributes.
func (v *attributesView) setScope(scope qda.VarScope) {
	sel := sheetCases
	if scope == qda.ScopeDocument {
		sel = sheetDocs
	}
	if v.which.Selected != sel {
		v.which.SetSelected(sel) // calls back here
		return
	}
	if v.scope != scope || v.sheet == nil {
		v.scope, v.sortCol, v.desc = scope, 0, false
	}
	v.reload()
	v.table.ScrollToTop()
	v.table.ScrollToLeading()
}

// reload reads the sheet again and shows it in the chosen order.
func (v *attributesView) reload() {
	v.closeEditor()
	s, err := v.ws.p.AttributeSheet(v.scope)
	if err != nil {
		v.status.SetText(err.Error())
		return
	}
	v.sheet = s
	if v.sortCol > len(s.Attributes) {
		v.sortCol, v.desc = 0, false
	}
	v.sortRows()
	rows := qda.Plural(len(s.Rows), "case", "cases")
	if v.scope == qda.ScopeDocument {
		rows = qda.Plural(len(s.Rows), "document", "documents")
	}
	v.status.SetText(fmt.Sprintf("%s × %s. Click a cell to edit it, a heading to sort.",
		rows, qda.Plural(len(s.Attributes), "attribute", "attributes")))
	v.table.SetColumnWidth(0, 220)
	for c := range s.Attributes {
		v.table.SetColumnWidth(c+1, v.columnWidth(c+1))
	}
	v.table.Refresh()
}

// columnWidth fits a column's heading (with room for the sort mark),
// between 150 and 320 pixels.
func (v *attributesView) columnWidth(col int) float32 {
	title := v.cellText(widget.TableCellID{Row: 0, Col: col})
	w := fyne.MeasureText(title+" ▲", theme.TextSize(), fyne.TextStyle{Bold: true}).Width + 4*theme.Padding()
	return min(max(w, 150), 320)
}

func (v *attributesView) size() (int, int) {
	if v.sheet == nil {
		return 0, 0
	}
	return len(v.sheet.Rows) + 1, len(v.sheet.Attributes) + 1
}

// cellText is what the cell at id shows: headings on row 0, names in
// column 0, values elsewhere (yes or no for a boolean).
func (v *attributesView) cellText(id widget.TableCellID) string {
	s := v.sheet
	if s == nil {
		return ""
	}
	if id.Row == 0 {
		title := "Name"
		if id.Col > 0 {
			a := s.Attributes[id.Col-1]
			title = a.Name + " · " + shortTypeName(a.Type)
		}
		if id.Col == v.sortCol {
			if v.desc {
				title += " ▼"
			} else {
				title += " ▲"
			}
		}
		return title
	}
	r := s.Rows[v.order[id.Row-1]]
	if id.Col == 0 {
		return r.Name
	}
	return shownValue(s.Attributes[id.Col-1], r.Values[id.Col-1])
}

func (v *attributesView) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	if old, ok := v.bound[l]; ok && v.byID[old] == l {
		delete(v.byID, old)
	}
	v.bound[l], v.byID[id] = id, l
	l.TextStyle.Bold = id.Row == 0 || id.Col == 0
	l.Alignment = fyne.TextAlignLeading
	if id.Row > 0 && id.Col > 0 {
		switch v.sheet.Attributes[id.Col-1].Type {
		case qda.VarInteger, qda.VarFloat:
			l.Alignment = fyne.TextAlignTrailing
		}
	}
	l.SetText(v.cellText(id))
}

// shownValue is a stored value as the grid shows it.
func shownValue(a qda.Variable, s string) string {
	if a.Type == qda.VarBoolean {
		switch s {
		case "true":
			return "yes"
		case "false":
			return "no"
		}
	}
	return s
}

func shortTypeName(t qda.VarType) string {
	switch t {
	case qda.VarInteger:
		return "whole number"
	case qda.VarFloat:
		return "number"
	case qda.VarDate:
		return "date"
	case qda.VarBoolean:
		return "yes/no"
	case qda.VarChoice:
		return "choice"
	}
	return string(qda.VarText)
}

// sortRows orders the rows by the sort column: numbers as numbers, empty
// values last whichever the direction, names breaking ties.
func (v *attributesView) sortRows() {
	s := v.sheet
	v.order = make([]int, len(s.Rows))
	for i := range v.order {
		v.order[i] = i
	}
	name := func(i int) string { return strings.ToLower(s.Rows[i].Name) }
	if v.sortCol == 0 {
		sort.SliceStable(v.order, func(a, b int) bool {
			if v.desc {
				return name(v.order[a]) > name(v.order[b])
			}
			return name(v.order[a]) < name(v.order[b])
		})
		return
	}
	col := v.sortCol - 1
	typ := s.Attributes[col].Type
	sort.SliceStable(v.order, func(a, b int) bool {
		x, y := s.Rows[v.order[a]].Values[col], s.Rows[v.order[b]].Values[col]
		if (x == "") != (y == "") {
			return y == ""
		}
		c := compareValues(typ, x, y)
		if c == 0 {
			return name(v.order[a]) < name(v.order[b])
		}
		if v.desc {
			return c > 0
		}
		return c < 0
	})
}

func compareValues(t qda.VarType, x, y string) int {
	if t == qda.VarInteger || t == qda.VarFloat {
		a, errA := strconv.ParseFloat(x, 64)
		b, errB := strconv.ParseFloat(y, 64)
		if errA == nil && errB == nil {
			switch {
			case a < b:
				return -1
			case a > b:
				return 1
			}
			return 0
		}
	}
	return strings.Compare(strings.ToLower(x), strings.ToLower(y))
}

// selected sorts on a heading and edits a value cell.
func (v *attributesView) selected(id widget.TableCellID) {
	v.table.UnselectAll() // a second click on the same cell selects it again
	switch {
	case id.Row == 0:
		if v.sortCol == id.Col {
			v.desc = !v.desc
		} else {
			v.sortCol, v.desc = id.Col, false
		}
		v.sortRows()
		v.table.Refresh()
	case id.Col > 0:
		v.edit(id)
	}
}

// cellObject is the label that shows id now, if it is on screen.
func (v *attributesView) cellObject(id widget.TableCellID) *widget.Label {
	return v.byID[id]
}

// edit opens an editor over the value cell id: a field of the attribute's
// type holding the value. Enter saves, Escape or a click elsewhere leaves.
func (v *attributesView) edit(id widget.TableCellID) {
	v.closeEditor()
	v.table.ScrollTo(id)
	cell := v.cellObject(id)
	if cell == nil {
		return
	}
	a := v.sheet.Attributes[id.Col-1]
	row := v.sheet.Rows[v.order[id.Row-1]]
	was := row.Values[id.Col-1]
	ws := v.ws
	c := ws.win.Canvas()
	ed := &cellEditor{at: fyne.CurrentApp().Driver().AbsolutePositionForObject(cell), cell: cell.Size(), id: id}
	ed.problem = widget.NewLabel("")
	ed.problem.Importance = widget.DangerImportance
	ed.problem.Hide()
	save := func(text string) {
		norm, err := a.Normalize(text)
		if err != nil {
			ed.problem.SetText(err.Error())
			ed.problem.Show()
			ed.Refresh()
			return
		}
		v.closeEditor()
		if norm != was {
			ws.try(ws.p.SetAttribute(v.scope, row.ID, a.ID, norm))
		}
	}
	if a.Type == qda.VarBoolean || a.Type == qda.VarChoice {
		opts := []string{"yes", "no", notSet}
		if a.Type == qda.VarChoice {
			opts = append(append([]string(nil), a.Choices...), notSet)
		}
		sel := widget.NewSelect(opts, nil)
		sel.SetSelected(shownValue(a, was))
		sel.OnChanged = func(s string) {
			if s == notSet {
				s = ""
			}
			save(s)
		}
		ed.field = sel
	} else {
		e := newEscEntry(false, v.closeEditor)
		e.SetText(was)
		if a.Type != qda.VarText && a.Type != "" {
			e.Validator = func(s string) error { _, err := a.Normalize(s); return err }
		}
		switch a.Type {
		case qda.VarDate:
			e.SetPlaceHolder("YYYY-MM-DD")
			e.ActionItem = datePicker(ws, &e.Entry)
		case qda.VarInteger:
			e.SetPlaceHolder("a whole number")
		case qda.VarFloat:
			e.SetPlaceHolder("a number")
		}
		e.OnSubmitted = save
		ed.field, ed.entry, ed.focus = e, &e.Entry, e
	}
	ed.onOutside = func() {
		if ed.entry != nil {
			if _, err := a.Normalize(ed.entry.Text); err == nil {
				save(ed.entry.Text) // a click elsewhere keeps what was typed, as in a spreadsheet
				return
			}
		}
		v.closeEditor()
	}
	ed.ExtendBaseWidget(ed)
	v.editor = ed
	c.Overlays().Add(ed)
	ed.Resize(c.Size())
	if ed.focus != nil {
		c.Focus(ed.focus)
		// The table takes the keyboard after a click has selected the
		// cell; hand it to the field once that is done.
		go fyne.Do(func() {
			if v.editor == ed {
				c.Focus(ed.focus)
			}
		})
	}
}

// closeEditor closes the in-place editor without saving.
func (v *attributesView) closeEditor() {
	if ed := v.editor; ed != nil {
		v.editor = nil
		v.ws.win.Canvas().Overlays().Remove(ed)
	}
}

// addColumnDialog asks for a new attribute's name and type, and a choice
// attribute's list.
func (v *attributesView) addColumnDialog() {
	ws := v.ws
	var d *dialog.FormDialog
	name := newEscEntry(false, func() { d.Hide() })
	name.SetPlaceHolder("e.g. Age, Informant role, Interview date")
	types := map[string]qda.VarType{}
	var labels []string
	for _, a := range attrTypes {
		labels = append(labels, a.label)
		types[a.label] = a.typ
	}
	offered := false
	for _, a := range attrTypes {
		offered = offered || a.typ == qda.VarChoice
	}
	if !offered {
		labels = append(labels, "Choice from a list")
		types["Choice from a list"] = qda.VarChoice
	}
	choices := widget.NewMultiLineEntry()
	choices.SetPlaceHolder("one choice per line")
	choices.SetMinRowsVisible(3)
	choiceItem := widget.NewFormItem("Choices", choices)
	kind := widget.NewSelect(labels, nil)
	kind.SetSelected(labels[0])
	items := []*widget.FormItem{widget.NewFormItem("Attribute", name), widget.NewFormItem("Type", kind), choiceItem}
	d = dialog.NewForm("Add attribute", "Add", "Cancel", items,
		func(ok bool) {
			if !ok || strings.TrimSpace(name.Text) == "" {
				return
			}
			if typ := types[kind.Selected]; typ == qda.VarChoice {
				ws.try2(ws.p.DefineChoices(v.scope, name.Text, qda.ParseChoices(choices.Text)))
			} else {
				ws.try2(ws.p.AddVariable(name.Text, typ, v.scope))
			}
		}, ws.win)
	choices.Disable()
	kind.OnChanged = func(s string) {
		if types[s] == qda.VarChoice {
			choices.Enable()
		} else {
			choices.Disable()
		}
	}
	d.Resize(fyne.NewSize(520, d.MinSize().Height))
	name.OnSubmitted = func(string) { d.Submit() }
	d.Show()
	ws.win.Canvas().Focus(name)
}

// try2 is try for a call that returns a value beside its error.
func (ws *workspace) try2(_ any, err error) bool { return ws.try(err) }

// cellEditor is the in-place editor: an overlay over the whole window that
// holds a field over the edited cell (wider if the field needs it) and,
// under it, why a value does not fit. A click outside the field ends it.
type cellEditor struct {
	widget.BaseWidget
	at        fyne.Position // the cell's position in the window
	cell      fyne.Size
	id        widget.TableCellID
	field     fyne.CanvasObject
	entry     *widget.Entry  // the field's entry; nil for a yes-or-no choice
	focus     fyne.Focusable // the field as the canvas knows it (the entry's outer widget)
	problem   *widget.Label
	onOutside func()
}

// Tapped is a click outside the field.
func (e *cellEditor) Tapped(*fyne.PointEvent) { e.onOutside() }

func (e *cellEditor) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameBackground))
	return &cellEditorRenderer{e: e, bg: bg, objects: []fyne.CanvasObject{bg, e.field, e.problem}}
}

type cellEditorRenderer struct {
	e       *cellEditor
	bg      *canvas.Rectangle
	objects []fyne.CanvasObject
}

func (r *cellEditorRenderer) Layout(fyne.Size) {
	e := r.e
	min := e.field.MinSize()
	w := fyne.Max(e.cell.Width, min.Width)
	h := fyne.Max(e.cell.Height, min.Height)
	e.field.Move(e.at)
	e.field.Resize(fyne.NewSize(w, h))
	bg := fyne.NewSize(w, h)
	if e.problem.Visible() {
		ps := e.problem.MinSize()
		e.problem.Move(e.at.AddXY(0, h))
		e.problem.Resize(fyne.NewSize(fyne.Max(w, ps.Width), ps.Height))
		bg = fyne.NewSize(fyne.Max(w, ps.Width), h+ps.Height)
	}
	r.bg.Move(e.at)
	r.bg.Resize(bg)
}

func (r *cellEditorRenderer) MinSize() fyne.Size           { return fyne.Size{} }
func (r *cellEditorRenderer) Refresh()                     { r.Layout(r.e.Size()); canvas.Refresh(r.e) }
func (r *cellEditorRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *cellEditorRenderer) Destroy()                     {}
