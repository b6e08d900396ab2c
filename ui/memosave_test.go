package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"coder/qda"
)

// Ensure that Ctrl+S in the memo editor saves the memo and closes the
// editor, whether the keyboard is in the text or the title, as in every
// editor a researcher writes in.
func TestMemoEditor_CtrlSSaves(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	ctrlS := &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}
	for _, in := range []string{"text", "title"} {
		ws.editMemo(qda.OnProject, "", "")
		title, text := memoFields(t, topOverlay(t, w))
		typeText(text, "Gates come up in every yard, "+in+".")
		field := text
		if in == "title" {
			typeText(title, "Gates")
			field = title
		}
		w.Canvas().Focus(field)
		w.Canvas().Focused().(fyne.Shortcutable).TypedShortcut(ctrlS)
		if o := w.Canvas().Overlays().Top(); o != nil {
			t.Fatalf("Ctrl+S in the %s left the editor open:\n%s", in, textUnder(o))
		}
		memos, err := ws.p.MemoList()
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, m := range memos {
			if m.Text == "Gates come up in every yard, "+in+"." {
				found = true
			}
		}
		if !found {
			t.Errorf("Ctrl+S in the %s did not save the memo", in)
		}
	}
}

// Ensure that a memo opened again has the caret at the end of its text, so
// what is typed next continues the memo instead of landing before its first
// word.
func TestMemoEditor_ReopenedMemoTypesAtTheEnd(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	m, err := ws.p.AddMemo(qda.OnProject, "", "Gates", "First thought.\nSecond line")
	if err != nil {
		t.Fatal(err)
	}
	ws.editMemo(qda.OnProject, "", m.ID)
	_, text := memoFields(t, topOverlay(t, w))
	if w.Canvas().Focused() != text {
		t.Fatal("the keyboard is not in the memo's text")
	}
	test.Type(text, " continues.")
	if got := text.Text; got != "First thought.\nSecond line continues." {
		t.Errorf("typing in the reopened memo gave %q", got)
	}
}
