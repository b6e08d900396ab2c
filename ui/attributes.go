package ui

import (
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"coder/qda"
)

// attrTypes are the attribute types the Add attribute dialog offers, in
// the researcher's words, with the store's type each one is.
var attrTypes = []struct {
	label string
	typ   qda.VarType
}{
	{"Text (offers the values already used)", qda.VarText},
	{"Whole number", qda.VarInteger},
	{"Number", qda.VarFloat},
	{"Date", qda.VarDate},
	{"Yes or no", qda.VarBoolean},
	{"Choice from a list", qda.VarChoice},
}

func attrTypeLabel(t qda.VarType) string {
	for _, a := range attrTypes {
		if a.typ == t {
			return a.label
		}
	}
	return attrTypes[0].label
}

const notSet = "(not set)"

// attrField is the input for one attribute's value, made for its type:
// text offers the values other cases or documents have, numbers and dates
// say what they take and mark a value that does not fit, a date has a
// calendar, yes-or-no and a choice from a list are picked from a list.
type attrField struct {
	obj   fyne.CanvasObject
	entry *widget.Entry // the field's entry, nil for a choice
	text  func() string // the value as entered, "" for none
	set   func(string)  // puts a stored value in the field
}

func newAttrField(ws *workspace, v qda.Variable, choices []string, changed func()) *attrField {
	f := &attrField{}
	if v.Type == qda.VarChoice {
		sel := widget.NewSelect(append(append([]string(nil), v.Choices...), notSet), func(string) { changed() })
		sel.PlaceHolder = notSet
		f.obj = sel
		f.text = func() string {
			if sel.Selected == notSet {
				return ""
			}
			return sel.Selected
		}
		f.set = func(s string) {
			for _, c := range v.Choices {
				if strings.EqualFold(c, s) {
					sel.SetSelected(c)
					return
				}
			}
			sel.ClearSelected()
		}
		return f
	}
	if v.Type == qda.VarBoolean {
		sel := widget.NewSelect([]string{"yes", "no", notSet}, func(string) { changed() })
		sel.PlaceHolder = notSet
		f.obj = sel
		f.text = func() string {
			switch sel.Selected {
			case "yes":
				return "true"
			case "no":
				return "false"
			}
			return ""
		}
		f.set = func(s string) {
			switch s {
			case "true":
				sel.SetSelected("yes")
			case "false":
				sel.SetSelected("no")
			default:
				sel.ClearSelected()
			}
		}
		return f
	}
	var e *widget.Entry
	if v.Type == qda.VarText || v.Type == "" {
		if len(choices) > 0 {
			se := widget.NewSelectEntry(choices)
			e, f.obj = &se.Entry, se
		}
	}
	if e == nil {
		e = widget.NewEntry()
		f.obj = e
	}
	switch v.Type {
	case qda.VarInteger:
		e.SetPlaceHolder("a whole number, e.g. 42")
	case qda.VarFloat:
		e.SetPlaceHolder("a number, e.g. 2.5")
	case qda.VarDate:
		e.SetPlaceHolder("YYYY-MM-DD")
		e.ActionItem = datePicker(ws, e)
	}
	if v.Type != qda.VarText && v.Type != "" {
		e.Validator = func(s string) error {
			_, err := v.Normalize(s)
			return err
		}
	}
	e.OnChanged = func(string) { changed() }
	f.entry, f.text, f.set = e, func() string { return e.Text }, e.SetText
	return f
}

// datePicker is a calendar button for a date field: the chosen day is
// written in the field as YYYY-MM-DD.
func datePicker(ws *workspace, e *widget.Entry) *widget.Button {
	b := widget.NewButtonWithIcon("", theme.Icon(theme.IconNameCalendar), nil)
	b.Importance = widget.LowImportance
	b.OnTapped = func() {
		start := time.Now()
		if t, err := time.Parse("2006-01-02", strings.TrimSpace(e.Text)); err == nil {
			start = t
		}
		var pop *widget.PopUp
		cal := widget.NewCalendar(start, func(t time.Time) {
			e.SetText(t.Format("2006-01-02"))
			pop.Hide()
		})
		pop = widget.NewPopUp(cal, ws.win.Canvas())
		at := fyne.CurrentApp().Driver().AbsolutePositionForObject(e)
		pop.ShowAtPosition(at.AddXY(0, e.Size().Height))
	}
	return b
}

// attributeEditor is the attribute rows of a case's or document's form:
// one typed field per attribute of the scope, a Save button that is on
// only while something typed is unsaved, and an Add button for a new
// attribute.
type attributeEditor struct {
	items     []*widget.FormItem
	save, add *widget.Button
	buttons   fyne.CanvasObject // save and add, side by side when they fit
	// flush saves the values typed but not yet saved.
	flush func()
}

func newAttributeEditor(ws *workspace, scope qda.VarScope, owner qda.ID) *attributeEditor {
	vars, err := ws.p.Variables()
	if err != nil {
		ws.showError(err)
	}
	values, _ := ws.p.Attributes(owner)
	inUse, _ := ws.p.ValuesInUse()
	sort.Slice(vars, func(i, j int) bool { return strings.ToLower(vars[i].Name) < strings.ToLower(vars[j].Name) })
	ed := &attributeEditor{}
	fields := map[string]*attrField{}
	types := map[string]qda.Variable{}
	// unsaved returns what was entered and differs from what is stored.
	unsaved := func() map[string]string {
		out := map[string]string{}
		for name, f := range fields {
			v := types[name]
			s := f.text()
			if norm, err := v.Normalize(s); err != nil || norm != values[name] {
				out[name] = s
			}
		}
		return out
	}
	ed.save = widget.NewButton("Save attributes", nil)
	ed.save.Disable()
	changed := func() {
		if len(unsaved()) > 0 {
			ed.save.Enable()
		} else {
			ed.save.Disable()
		}
	}
	saveAll := func() {
		edits := unsaved()
		if len(edits) == 0 {
			return
		}
		var bad []string
		for name, s := range edits {
			v := types[name]
			if _, err := v.Normalize(s); err != nil {
				bad = append(bad, err.Error())
			}
		}
		if len(bad) > 0 {
			sort.Strings(bad)
			ws.notice("The attributes were not saved. " + strings.Join(bad, "; ") + ".")
			return
		}
		// Noted before saving: the save refreshes the form, which flushes
		// it again, and must find nothing left to save.
		old := map[string]string{}
		for name, s := range edits {
			v := types[name]
			old[name] = values[name]
			values[name], _ = v.Normalize(s)
		}
		if !ws.try(ws.p.SetValues(scope, owner, edits)) {
			for name, s := range old {
				values[name] = s
			}
			return
		}
		ed.save.Disable()
	}
	ed.save.OnTapped = saveAll
	for _, v := range vars {
		if v.Scope != scope {
			continue
		}
		var others []string
		for _, s := range inUse[v.ID] {
			if s != values[v.Name] {
				others = append(others, s)
			}
		}
		f := newAttrField(ws, v, others, changed)
		f.set(values[v.Name])
		if f.entry != nil {
			f.entry.OnSubmitted = func(string) { saveAll() }
		}
		fields[v.Name], types[v.Name] = f, v
		obj := f.obj
		if v.Type == qda.VarChoice {
			v := v
			edit := widget.NewButtonWithIcon("", theme.Icon(theme.IconNameList), func() { editChoicesDialog(ws, v) })
			edit.Importance = widget.LowImportance
			obj = container.NewBorder(nil, nil, nil, edit, f.obj)
		}
		ed.items = append(ed.items, widget.NewFormItem(v.Name, obj))
	}
	ed.save.Disable() // setting the stored values is no edit
	ed.flush = saveAll
	ed.add = widget.NewButton("Add attribute…", func() { addAttributeDialog(ws, scope, owner, vars, inUse) })
	ed.buttons = newFitRow(ed.save, ed.add)
	return ed
}

// addAttributeDialog asks for an attribute's name, type and value on a case
// or document. A name the scope has already keeps that attribute's type.
// Add is on only while the value fits the type; the reason shows under it.
func addAttributeDialog(ws *workspace, scope qda.VarScope, owner qda.ID, vars []qda.Variable, inUse map[qda.ID][]string) {
	var d dialog.Dialog
	name := newEscEntry(false, func() { d.Hide() })
	name.SetPlaceHolder("e.g. Age, Informant role, Interview date")
	var labels []string
	for _, a := range attrTypes {
		labels = append(labels, a.label)
	}
	kind := widget.NewSelect(labels, nil)
	kind.SetSelected(labels[0])
	holder := container.NewStack()
	list := widget.NewMultiLineEntry()
	list.SetPlaceHolder("one choice per line, or separated by commas")
	list.SetMinRowsVisible(3)
	listRow := widget.NewFormItem("Choices", list)
	problem := widget.NewLabel("")
	problem.Importance = widget.DangerImportance
	problem.Wrapping = fyne.TextWrapWord
	var field *attrField
	var add *widget.Button
	// current is the attribute the dialog would add to: one of that name,
	// or a new one of the chosen type.
	current := func() qda.Variable {
		for _, v := range vars {
			if v.Scope == scope && strings.EqualFold(v.Name, strings.TrimSpace(name.Text)) {
				return v
			}
		}
		v := qda.Variable{Name: strings.TrimSpace(name.Text), Type: qda.VarText, Scope: scope}
		for _, a := range attrTypes {
			if a.label == kind.Selected {
				v.Type = a.typ
			}
		}
		if v.Type == qda.VarChoice {
			v.Choices = qda.ParseChoices(list.Text)
		}
		return v
	}
	// def is the attribute as the dialog would leave it: a choice
	// attribute with the list typed in the dialog.
	def := func() qda.Variable {
		v := current()
		if v.Type == qda.VarChoice {
			if typed := qda.ParseChoices(list.Text); len(typed) > 0 {
				v.Choices = typed
			}
		}
		return v
	}
	check := func() {
		v := def()
		_, err := v.Normalize(field.text())
		if err == nil {
			err = v.CheckChoices()
		}
		switch {
		case strings.TrimSpace(name.Text) == "", v.Type == qda.VarChoice && len(v.Choices) == 0:
			problem.SetText("") // the Choices field says what it wants
			add.Disable()
		case err != nil:
			problem.SetText(err.Error())
			add.Disable()
		default:
			problem.SetText("")
			add.Enable()
		}
	}
	submit := func() {
		if add.Disabled() {
			return
		}
		v := def()
		d.Hide()
		ws.try(ws.p.AddAttributeOf(scope, owner, v, field.text()))
	}
	// The form is made anew when the Choices row comes or goes: a Form
	// only appends rows.
	formHolder := container.NewStack()
	var content *fyne.Container
	withList := false
	makeForm := func(list bool) {
		items := []*widget.FormItem{widget.NewFormItem("Attribute", name), widget.NewFormItem("Type", kind)}
		if list {
			items = append(items, listRow)
		}
		formHolder.Objects = []fyne.CanvasObject{widget.NewForm(append(items, widget.NewFormItem("Value", holder))...)}
		formHolder.Refresh()
		withList = list
		if d != nil {
			d.Resize(fyne.NewSize(520, content.MinSize().Height+80))
		}
	}
	shown := "-"
	build := func() {
		v := def()
		if list := v.Type == qda.VarChoice; list != withList {
			makeForm(list)
		}
		key := string(v.Type) + "\n" + strings.Join(v.Choices, "\n")
		if key == shown {
			return
		}
		shown = key
		keep := ""
		if field != nil {
			keep = field.text()
		}
		field = newAttrField(ws, v, inUse[v.ID], check)
		if keep != "" {
			field.set(keep)
		}
		if field.entry != nil {
			field.entry.OnSubmitted = func(string) { submit() }
		}
		holder.Objects = []fyne.CanvasObject{field.obj}
		holder.Refresh()
	}
	name.OnChanged = func(string) {
		v := current()
		if v.ID != "" {
			kind.SetSelected(attrTypeLabel(v.Type)) // an attribute keeps its type
			kind.Disable()
			if v.Type == qda.VarChoice {
				list.SetText(strings.Join(v.Choices, "\n")) // its list, to extend here
			}
		} else {
			kind.Enable()
		}
		build()
		check()
	}
	list.OnChanged = func(string) {
		build()
		check()
	}
	kind.OnChanged = func(string) {
		build()
		check()
	}
	name.OnSubmitted = func(string) { submit() }
	add = widget.NewButtonWithIcon("Add", theme.ConfirmIcon(), submit)
	add.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() { d.Hide() })
	content = container.NewVBox(formHolder, problem, container.NewCenter(container.NewHBox(cancel, add)))
	makeForm(false)
	build()
	check()
	d = dialog.NewCustomWithoutButtons("Add attribute", content, ws.win)
	d.Resize(fyne.NewSize(520, content.MinSize().Height+80))
	d.Show()
	ws.win.Canvas().Focus(name)
}

// editChoicesDialog edits the list of a choice attribute: one choice per
// line. A list that leaves out a value in use is refused, saying which.
func editChoicesDialog(ws *workspace, v qda.Variable) {
	list := widget.NewMultiLineEntry()
	list.SetText(strings.Join(v.Choices, "\n"))
	list.SetMinRowsVisible(6)
	d := dialog.NewForm("Choices of “"+v.Name+"”", "Save", "Cancel", []*widget.FormItem{
		{Text: "Choices", Widget: list, HintText: "one per line, or separated by commas"},
	}, func(ok bool) {
		if ok {
			ws.try2(ws.p.DefineChoices(v.Scope, v.Name, qda.ParseChoices(list.Text)))
		}
	}, ws.win)
	d.Resize(fyne.NewSize(420, d.MinSize().Height))
	d.Show()
	ws.win.Canvas().Focus(list)
}
