package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"coder/qda"
)

// Ensure that Code ▸ Correct the text… edits the selected text in place:
// the view shows the corrected text with the coding that held it stretched
// over the correction, the new words are selected, and Edit ▸ Undo brings
// the old text and span back.
func TestCorrectText_CodingFollowsTheCorrection(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	d, err := ws.p.DocumentByName("Field notes - courtyard meeting")
	if err != nil {
		t.Fatal(err)
	}
	ws.openDocument(d.ID)
	const was = "I counted at least eight people"
	i := strings.Index(d.Text, was)
	if i < 0 {
		t.Fatalf("the demo's field notes lack %q", was)
	}
	start := len([]rune(d.Text[:i]))
	coded := func() string {
		for _, h := range ws.view.Highlights() {
			if h.Label == "Outcomes/Relational structure" && h.Span.Start == start {
				return h.Span.Slice([]rune(ws.view.Document().Text))
			}
		}
		return ""
	}
	before := coded()
	if !strings.HasPrefix(before, was) {
		t.Fatalf("the coding starts %q", before)
	}
	ws.view.Select(qda.Span{Start: start, End: start + len([]rune(was))})
	menuItem(t, menuNamed(t, w.MainMenu(), "Code"), "Correct the text…").Action()
	form := topOverlay(t, w)
	if !strings.Contains(textUnder(form), "characters") {
		t.Fatalf("the dialog says:\n%s", textUnder(form))
	}
	es := entries(form)
	if len(es) != 1 || es[0].Text != was {
		t.Fatalf("the dialog's field holds %v", es)
	}
	typeInto(es[0], "I counted at least nine people")
	test.Tap(button(t, form, "Save"))

	after := coded()
	if !strings.HasPrefix(after, "I counted at least nine people") || after[len("I counted at least nine people"):] != before[len(was):] {
		t.Errorf("after the correction the coding covers %q, was %q", after, before)
	}
	if got := ws.view.SelectedText(); got != "I counted at least nine people" {
		t.Errorf("selected after the correction: %q", got)
	}
	stored, _ := ws.p.Document(d.ID)
	if !strings.Contains(stored.Text, "at least nine people") || strings.Contains(stored.Text, "at least eight people") {
		t.Errorf("the stored text was not corrected")
	}
	if ws.p.CanUndo() != "Edit text" {
		t.Errorf("undo offers %q", ws.p.CanUndo())
	}
	menuItem(t, menuNamed(t, w.MainMenu(), "Edit"), "Undo Edit text").Action()
	if got := coded(); got != before {
		t.Errorf("after undo the coding covers %q, want %q", got, before)
	}
}
