package ui

import (
	"reflect"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// listSelection is the rows a list marks as selected (the highlight the
// researcher sees); Fyne keeps them unexported.
func listSelection(l *widget.List) []int {
	sel := reflect.ValueOf(l).Elem().FieldByName("selected")
	out := make([]int, sel.Len())
	for i := range out {
		out[i] = int(sel.Index(i).Int())
	}
	return out
}

// Ensure that a case made with "New case…" is the one marked in the cases
// list, beside its form, rather than whichever row sat at the index of the
// case selected before (the list is sorted by name, so the new case moves
// the others down).
func TestCases_NewCaseIsMarkedInTheList(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	c := ws.casesPanel
	w.SetContent(c.content)
	w.Resize(w.Canvas().Size().Max(c.content.MinSize()))
	index := func(name string) int {
		for i, k := range ws.cases {
			if k.Name == name {
				return i
			}
		}
		t.Fatalf("no case %q", name)
		return -1
	}
	c.list.Select(index("Local activist"))

	test.Tap(button(t, c.content, "New case…"))
	form := topOverlay(t, w)
	typeInto(entries(form)[0], "Anchor street")
	test.Tap(button(t, form, "Add"))

	want := index("Anchor street")
	var marked []string
	for _, i := range listSelection(c.list) {
		marked = append(marked, ws.cases[i].Name)
	}
	if len(marked) != 1 || marked[0] != "Anchor street" || ws.cases[want].ID != c.selected {
		t.Errorf("after New case the list marks %q, the form shows %q", marked, c.selected)
	}
}
