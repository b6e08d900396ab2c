package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"coder/qda"
)

// selectCase selects the case named name in the Cases panel.
func selectCase(t *testing.T, ws *workspace, name string) qda.ID {
	t.Helper()
	for i, k := range ws.cases {
		if k.Name == name {
			ws.casesPanel.list.Select(i)
			return k.ID
		}
	}
	t.Fatalf("no case %q", name)
	return ""
}

// formWidget is the field of the form row labelled label under o.
func formWidget(t *testing.T, o fyne.CanvasObject, label string) fyne.CanvasObject {
	t.Helper()
	var found fyne.CanvasObject
	walk(o, func(c fyne.CanvasObject) bool {
		if f, ok := c.(*widget.Form); ok {
			for _, it := range f.Items {
				if it.Text == label {
					found = it.Widget
					return true
				}
			}
		}
		return false
	})
	if found == nil {
		t.Fatalf("no form row %q", label)
	}
	return found
}

// Ensure that a case's attributes are edited in fields made for their
// types (a yes-or-no choice, a number that refuses words, text offering the
// values other cases have), that "Save attributes" is on only while
// something is unsaved, and that a value that does not fit is refused with
// a message and nothing saved.
func TestCaseForm_AttributesAreTypedAndSaveShowsWhatIsUnsaved(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	c := ws.casesPanel
	id := selectCase(t, ws, "Business operator")

	if _, ok := formWidget(t, c.form, "Party member").(*widget.Select); !ok {
		t.Error("Party member (yes or no) is not a choice")
	}
	place, ok := formWidget(t, c.form, "Place").(*widget.SelectEntry)
	if !ok {
		t.Fatal("Place (text) does not offer the values other cases have")
	}
	years := formEntry(t, c.form, "Years in community")
	if !strings.Contains(years.PlaceHolder, "whole number") {
		t.Errorf("Years in community says %q of what it takes", years.PlaceHolder)
	}
	save := button(t, c.form, "Save attributes")
	if !save.Disabled() {
		t.Error("Save attributes is on with nothing typed")
	}
	typeInto(&place.Entry, "D Town")
	if save.Disabled() {
		t.Fatal("Save attributes is off after typing a value")
	}
	test.Tap(save)
	if values, _ := ws.p.Attributes(id); values["Place"] != "D Town" {
		t.Fatalf("Place is %q after saving", values["Place"])
	}
	if save := button(t, c.form, "Save attributes"); !save.Disabled() {
		t.Error("Save attributes is still on after saving")
	}

	years = formEntry(t, c.form, "Years in community")
	typeInto(years, "about seventy")
	test.Tap(button(t, c.form, "Save attributes"))
	if msg := textUnder(topOverlay(t, w)); !strings.Contains(msg, "not saved") || !strings.Contains(msg, "not a whole number") {
		t.Errorf("saving “about seventy” as a number says %q", msg)
	}
	if values, _ := ws.p.Attributes(id); values["Years in community"] != "9" {
		t.Errorf("Years in community is %q after the refused save", values["Years in community"])
	}
}

// Ensure that the Add attribute dialog offers the types, refuses a value
// that does not fit the chosen type with a message, keeps the type of an
// attribute that exists, gives a date a YYYY-MM-DD hint and a calendar,
// and has fields wide enough to read.
func TestAddAttribute_OffersTypesAndRefusesMisfits(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	c := ws.casesPanel
	id := selectCase(t, ws, "Local activist")
	test.Tap(button(t, c.form, "Add attribute…"))
	form := topOverlay(t, w)
	name := formEntry(t, form, "Attribute")
	kind := formWidget(t, form, "Type").(*widget.Select)
	if len(kind.Options) < 5 {
		t.Errorf("the dialog offers the types %q", kind.Options)
	}
	if name.Size().Width < 300 {
		t.Errorf("the Attribute field is %.0f px wide", name.Size().Width)
	}
	typeInto(name, "Age")
	kind.SetSelected(attrTypeLabel(qda.VarInteger))
	value := entries(formWidget(t, form, "Value"))[0]
	typeInto(value, "about seventy")
	add := button(t, form, "Add")
	if !add.Disabled() || !strings.Contains(textUnder(form), "not a whole number") {
		t.Errorf("with “about seventy” as a whole number, Add is on (%v) or no reason is shown:\n%s", !add.Disabled(), textUnder(form))
	}
	typeInto(value, "71")
	test.Tap(add)
	if values, _ := ws.p.Attributes(id); values["Age"] != "71" {
		t.Fatalf("Age is %q", values["Age"])
	}
	if e := formEntry(t, c.form, "Age"); e.Text != "71" {
		t.Errorf("the case's form shows Age %q", e.Text)
	}
	vars, _ := ws.p.Variables()
	for _, v := range vars {
		if v.Name == "Age" && v.Type != qda.VarInteger {
			t.Errorf("Age was made as %s", v.Type)
		}
	}

	test.Tap(button(t, c.form, "Add attribute…"))
	form = topOverlay(t, w)
	typeInto(formEntry(t, form, "Attribute"), "years in community")
	kind = formWidget(t, form, "Type").(*widget.Select)
	if kind.Selected != attrTypeLabel(qda.VarInteger) || !kind.Disabled() {
		t.Errorf("an existing whole-number attribute shows type %q (fixed: %v)", kind.Selected, kind.Disabled())
	}
	typeInto(formEntry(t, form, "Attribute"), "Interview date")

	kind.SetSelected(attrTypeLabel(qda.VarDate))
	date := entries(formWidget(t, form, "Value"))[0]
	if date.PlaceHolder != "YYYY-MM-DD" || date.ActionItem == nil {
		t.Errorf("a date field says %q and has a calendar: %v", date.PlaceHolder, date.ActionItem != nil)
	}
	typeInto(date, "2024/05/16")
	test.Tap(button(t, form, "Add"))
	if e := formEntry(t, c.form, "Interview date"); e.Text != "2024-05-16" {
		t.Errorf("the case's form shows Interview date %q", e.Text)
	}

	test.Tap(button(t, c.form, "Add attribute…"))
	form = topOverlay(t, w)
	formWidget(t, form, "Attribute").(*escEntry).TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if w.Canvas().Overlays().Top() == form {
		t.Error("Escape left the Add attribute dialog open")
	}
}

// Ensure that the Cases panel keeps its width whichever case is selected,
// that its fields are usable widths, and that no button is cut short.
func TestCasesPanel_KeepsItsWidthAndShowsWholeButtons(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	w.Resize(fyne.NewSize(1000, 700)) // a laptop's window: the panel gets about 220 px
	ws.left.Select(ws.leftCases)
	c := ws.casesPanel
	selectCase(t, ws, "Business operator")
	width := ws.left.Size().Width
	selectCase(t, ws, "G Community") // eight documents with long names
	if got := ws.left.Size().Width; got != width {
		t.Errorf("the panel is %.0f px wide with G Community selected, %.0f px before", got, width)
	}
	if e := formEntry(t, c.form, "Name"); e.Size().Width < 200 {
		t.Errorf("the Name field is %.0f px wide", e.Size().Width)
	}
	for _, label := range []string{"Save attributes", "Add attribute…", "Memos…", "Delete case…"} {
		b := button(t, c.form, label)
		if b.Size().Width < b.MinSize().Width {
			t.Errorf("%q is %.0f px wide, its label needs %.0f", label, b.Size().Width, b.MinSize().Width)
		}
	}

}
