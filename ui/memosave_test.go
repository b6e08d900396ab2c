package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

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
