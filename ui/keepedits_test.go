package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// formEntry is the entry of the form row labelled label under o.
func formEntry(t *testing.T, o fyne.CanvasObject, label string) *widget.Entry {
	t.Helper()
	var found *widget.Entry
	walk(o, func(c fyne.CanvasObject) bool {
		if f, ok := c.(*widget.Form); ok {
			for _, it := range f.Items {
				if it.Text != label {
					continue
				}
				switch e := it.Widget.(type) {
				case *widget.Entry:
					found = e
				case *widget.SelectEntry: // a text attribute offering the values in use
					found = &e.Entry
				case *escEntry:
					found = &e.Entry
				}
				return found != nil
			}
		}
		return false
	})
	if found == nil {
		t.Fatalf("no form row %q", label)
	}
	return found
}

// Ensure that an attribute value or a name typed into a case's form is
// kept when the researcher clicks another case without pressing Enter or
// Save, as NVivo and MAXQDA keep it.
func TestCaseForm_EditsAreKeptWhenAnotherCaseIsSelected(t *testing.T) {
	app, _ := openDemoCopy(t)
	ws := app.ws
	c := ws.casesPanel
	if len(ws.cases) < 2 {
		t.Fatal("the demo has fewer than two cases")
	}
	first := ws.cases[0].ID
	c.list.Select(0)
	place := formEntry(t, c.form, "Place")
	typeInto(place, "D Town, east lanes")
	typeInto(formEntry(t, c.form, "Name"), "Shop owner")
	c.list.Select(1)

	values, err := ws.p.Attributes(first)
	if err != nil {
		t.Fatal(err)
	}
	if got := values["Place"]; got != "D Town, east lanes" {
		t.Errorf("Place is %q after selecting another case, want the typed value", got)
	}
	cases, _ := ws.p.Cases()
	for _, k := range cases {
		if k.ID == first && k.Name != "Shop owner" {
			t.Errorf("the case is named %q after selecting another, want the typed name", k.Name)
		}
	}
}

// Ensure that a document's attribute typed without Enter is kept when
// another document is opened, and that saving it with Enter and then
// leaving does not save it twice (one undo takes it back).
func TestDocumentForm_EditsAreKeptOnceWhenAnotherDocumentOpens(t *testing.T) {
	app, _ := openDemoCopy(t)
	ws := app.ws
	d := ws.documents
	doc := ws.docs[0].ID
	ws.openDocument(doc)
	date := formEntry(t, d.form, "Date")
	typeInto(date, "2024-06-01")
	pressEnter(date)
	lang := formEntry(t, d.form, "Language")
	typeInto(lang, "English and Chinese")
	ws.openDocument(ws.docs[1].ID)

	values, _ := ws.p.Attributes(doc)
	if values["Date"] != "2024-06-01" || values["Language"] != "English and Chinese" {
		t.Fatalf("after opening another document: Date %q, Language %q", values["Date"], values["Language"])
	}
	if _, err := ws.p.Undo(); err != nil {
		t.Fatal(err)
	}
	if _, err := ws.p.Undo(); err != nil {
		t.Fatal(err)
	}
	values, _ = ws.p.Attributes(doc)
	if values["Date"] == "2024-06-01" {
		t.Error("two undos did not take back the two edits: the Date was saved more than once")
	}
}
