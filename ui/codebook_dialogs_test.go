package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"coder/qda"
)

// Ensure that the Move dialog starts at the code's parent, so pressing Move
// at once leaves the code where it is rather than sending it to the top.
func TestCodebook_MoveDialogStartsAtTheCurrentParent(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	code, _ := ws.tree.Find("Community logic/Trust and social capital")
	ws.codes.moveDialog(code.ID)
	form := topOverlay(t, w)
	var chosen string
	walk(form, func(o fyne.CanvasObject) bool {
		if s, ok := o.(*widget.Select); ok {
			chosen = s.Selected
			return true
		}
		return false
	})
	if chosen != "Community logic" {
		t.Errorf("the Move dialog starts at %q", chosen)
	}
	test.Tap(button(t, form, "Move"))
	if got := ws.tree.Path(code.ID); got != "Community logic/Trust and social capital" {
		t.Errorf("pressing Move at once put the code at %q", got)
	}
}

// Ensure that pressing Merge without choosing a code says that nothing was
// merged and keeps the dialog, instead of closing as if it had.
func TestCodebook_MergeWithoutATargetSaysSo(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	code, _ := ws.tree.Find("Context/Trigger")
	ws.codes.mergeDialog(code.ID)
	test.Tap(button(t, topOverlay(t, w), "Merge"))
	msg := textUnder(topOverlay(t, w))
	if !strings.Contains(msg, "Nothing was merged") {
		t.Fatalf("after Merge with no code chosen the window shows %q", msg)
	}
	test.Tap(button(t, topOverlay(t, w), "OK"))
	if !strings.Contains(textUnder(topOverlay(t, w)), "Into") {
		t.Error("the merge dialog did not stay for the choice")
	}
	if _, ok := ws.tree.Code(code.ID); !ok {
		t.Error("the code went")
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
// without changing the codebook, also after the merge dialog asked again:
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
		{"Merge asked again", func() {
			ws.codes.mergeDialog(code.ID)
			test.Tap(button(t, topOverlay(t, w), "Merge"))
			pressEscape(t, w) // closes "Nothing was merged"
			if !strings.Contains(textUnder(topOverlay(t, w)), "Merge code") {
				t.Fatal("the merge dialog did not stay for the choice")
			}
		}},
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
