package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"coder/qda"
)

// Ensure that Merge into… finds the code to merge into by typing part of
// its name, as "Code with…" does, instead of a long dropdown: the keyboard
// is in the field, Merge stays disabled until a code is chosen, the code
// itself and its sub-codes are not offered, no new code is offered, Escape
// closes it without merging and Enter merges into the best match.
func TestCodebook_MergeIntoFindsTheCodeByTyping(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	if _, err := ws.p.AddCode("Context/Trigger/Sudden notice", "", ""); err != nil {
		t.Fatal(err)
	}
	code, _ := ws.tree.Find("Context/Trigger")
	into, _ := ws.tree.Find("Community logic/Trust and social capital")

	ws.codes.mergeDialog(code.ID)
	form := topOverlay(t, w)
	picker := pickerUnder(t, form)
	if w.Canvas().Focused() != picker.input {
		t.Fatalf("the keyboard is in %T, not in the picker's field", w.Canvas().Focused())
	}
	if !button(t, form, "Merge").Disabled() {
		t.Error("Merge is enabled with no code chosen")
	}
	test.Type(picker.input, "trigger")
	for _, o := range picker.choices.Options {
		if strings.Contains(o, "Trigger") {
			t.Errorf("the code itself or one of its sub-codes is offered: %q", o)
		}
	}
	typeInto(picker.entry, "no code is named so")
	if len(picker.choices.Options) != 0 {
		t.Errorf("a name no code has offers %q; merging into a new code is no merge", picker.choices.Options)
	}
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if o := w.Canvas().Overlays().Top(); o != nil {
		t.Fatalf("Escape left %q open", textUnder(o))
	}
	if _, ok := ws.tree.Code(code.ID); !ok {
		t.Fatal("Escape merged the code")
	}

	ws.codes.mergeDialog(code.ID)
	picker = pickerUnder(t, topOverlay(t, w))
	test.Type(picker.input, "trust and soc")
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if o := w.Canvas().Overlays().Top(); o != nil {
		t.Fatalf("Enter did not merge; the window shows %q", textUnder(o))
	}
	if _, ok := ws.tree.Code(code.ID); ok {
		t.Fatal("Enter did not merge the code")
	}
	if got, _ := ws.tree.Find("Community logic/Trust and social capital/Sudden notice"); got == nil || got.Parent != into.ID {
		t.Error("the merged code's sub-code did not move under the code merged into")
	}
}

// Ensure that Move to… finds the new parent by typing part of its name, or
// "top" for the top level, with Enter and Escape, and does not offer the
// code itself or its sub-codes.
func TestCodebook_MoveToFindsTheParentByTyping(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	if _, err := ws.p.AddCode("Community logic/Trust and social capital/Neighbour trust", "", ""); err != nil {
		t.Fatal(err)
	}
	code, _ := ws.tree.Find("Community logic/Trust and social capital")

	ws.codes.moveDialog(code.ID)
	picker := pickerUnder(t, topOverlay(t, w))
	if w.Canvas().Focused() != picker.input {
		t.Fatalf("the keyboard is in %T, not in the picker's field", w.Canvas().Focused())
	}
	test.Type(picker.input, "trust")
	for _, o := range picker.choices.Options {
		if strings.Contains(o, "Trust and social capital") {
			t.Errorf("the code itself or one of its sub-codes is offered: %q", o)
		}
	}
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if o := w.Canvas().Overlays().Top(); o != nil {
		t.Fatalf("Escape left %q open", textUnder(o))
	}
	if got := ws.tree.Path(code.ID); got != "Community logic/Trust and social capital" {
		t.Fatalf("Escape moved the code to %q", got)
	}

	ws.codes.moveDialog(code.ID)
	picker = pickerUnder(t, topOverlay(t, w))
	test.Type(picker.input, "top")
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := ws.tree.Path(code.ID); got != "Trust and social capital" {
		t.Fatalf("“top” and Enter put the code at %q, want the top level", got)
	}

	ws.codes.moveDialog(code.ID)
	picker = pickerUnder(t, topOverlay(t, w))
	test.Type(picker.input, "bureaucratic log")
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := ws.tree.Path(code.ID); got != "Bureaucratic logic/Trust and social capital" {
		t.Fatalf("typing part of a parent's name and Enter put the code at %q", got)
	}
}

// Ensure that the Rename field is wide enough to read a long code name.
func TestCodebook_RenameFieldFitsALongName(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	code, _ := ws.tree.Find("Bureaucratic logic/Performance assessment redirected to governance")
	ws.codes.renameDialog(code.ID)
	e := entries(topOverlay(t, w))[0]
	if e.Size().Width < 400 {
		t.Errorf("the Rename field is %.0f px wide, want at least 400", e.Size().Width)
	}
}

// Ensure that "New code from selection" puts the new code at the top level
// when the researcher does not choose a parent in the dialog, whatever code
// is selected in the codebook, and under the parent they choose otherwise.
func TestNewCodeFromSelection_UnderIsTheTopLevelUnlessChosen(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	ws.openDocument(ws.docs[0].ID)
	trust, _ := ws.tree.Find("Community logic/Trust and social capital")
	ws.codes.selectCode(trust.ID)

	ws.view.Select(qda.Span{Start: 0, End: 5})
	ws.newCodeFromSelection()
	form := topOverlay(t, w)
	typeInto(entries(form)[0], "Openings")
	test.Tap(button(t, form, "Code"))
	if _, ok := ws.tree.Find("Openings"); !ok {
		if c, ok := ws.tree.Find("Community logic/Trust and social capital/Openings"); ok {
			t.Errorf("with no parent chosen the new code went to %q", ws.tree.Path(c.ID))
		} else {
			t.Error("no top-level code Openings")
		}
	}

	ws.view.Select(qda.Span{Start: 0, End: 5})
	ws.newCodeFromSelection()
	form = topOverlay(t, w)
	typeInto(entries(form)[0], "Greetings")
	selectIn(form, "Context")
	test.Tap(button(t, form, "Code"))
	if _, ok := ws.tree.Find("Context/Greetings"); !ok {
		t.Error("the new code did not go under the parent chosen in the dialog")
	}
}

// Ensure that Escape closes the codebook's Move, Merge and Delete dialogs
// without changing the codebook:
// Shift+F10, M or Shift+M open them from the keyboard, and a researcher who
// opened one by mistake must be able to leave it without the mouse.
func TestCodebook_EscapeClosesMoveMergeAndDelete(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	code, _ := ws.tree.Find("Context/Trigger")
	before := ws.tree.Path(code.ID)
	for _, c := range []struct {
		name string
		open func()
	}{
		{"Move", func() { ws.codes.moveDialog(code.ID) }},
		{"Merge", func() { ws.codes.mergeDialog(code.ID) }},
		{"Delete", func() { ws.codes.deleteDialog(code.ID) }},
	} {
		c.open()
		topOverlay(t, w)
		pressEscape(t, w)
		if o := w.Canvas().Overlays().Top(); o != nil {
			t.Errorf("%s: Escape left %q open", c.name, textUnder(o))
			for o != nil {
				w.Canvas().Overlays().Remove(o)
				o = w.Canvas().Overlays().Top()
			}
		}
		if got, ok := ws.tree.Code(code.ID); !ok || ws.tree.Path(got.ID) != before {
			t.Errorf("%s: after Escape the code is %v at %q", c.name, ok, ws.tree.Path(code.ID))
		}
	}
	if w.Canvas().OnTypedKey() != nil {
		t.Error("the window still routes keys to a closed dialog")
	}
}
