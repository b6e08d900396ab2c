package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// Ensure that every action on a code can be reached without the mouse:
// Ctrl+K then Down puts the keyboard on the codes, the arrows select, and
// Shift+F10, the Menu key, F2, M, Shift+M, C, Delete and the digits open
// the code's menu, rename, move, merge, recolour, delete and pin it; and
// Help ▸ Keyboard shortcuts lists them.
func TestCodebook_KeyboardReachesEveryCodeAction(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	c := ws.codes
	cv := w.Canvas()
	press := func(name fyne.KeyName, shift bool) {
		t.Helper()
		f := cv.Focused()
		if f == nil {
			t.Fatal("nothing has the keyboard")
		}
		k, _ := f.(desktop.Keyable)
		if shift && k != nil {
			k.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
		}
		f.TypedKey(&fyne.KeyEvent{Name: name})
		if shift && k != nil {
			k.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
		}
	}
	// shows fails unless the top dialog or menu holds want, then closes it
	// and gives the keyboard back to the tree, as closing it would.
	shows := func(key, want string) {
		t.Helper()
		top := cv.Overlays().Top()
		if top == nil {
			t.Errorf("%s opened nothing", key)
			return
		}
		got := textUnder(top)
		if !strings.Contains(got, want) {
			t.Errorf("%s opened %q, want something with %q", key, got, want)
		}
		cv.Overlays().Remove(top)
		cv.Focus(c.tree)
	}

	c.focusFilter("") // what Ctrl+K does
	if cv.Focused() != c.filter {
		t.Fatalf("Ctrl+K put the keyboard in %T", cv.Focused())
	}
	press(fyne.KeyDown, false)
	if cv.Focused() != c.tree {
		t.Fatalf("Down in the find box put the keyboard in %T, want the codes", cv.Focused())
	}
	first := ws.tree.Children("")[0]
	if c.selected != first.ID {
		t.Fatalf("the keyboard arrived on %q, want the first code", ws.tree.Path(c.selected))
	}
	press(fyne.KeyDown, false)
	second := ws.tree.Children(first.ID)[0]
	if c.selected != second.ID || c.defPath.Text != ws.tree.Path(second.ID) {
		t.Fatalf("Down selected %q and shows %q, want %q", ws.tree.Path(c.selected), c.defPath.Text, ws.tree.Path(second.ID))
	}
	press(fyne.KeyLeft, false)
	if c.selected != first.ID {
		t.Fatalf("Left went to %q, want the parent", ws.tree.Path(c.selected))
	}
	press(fyne.KeyLeft, false)
	if c.tree.IsBranchOpen(c.uidOf(first.ID)) {
		t.Error("Left on an open code did not close it")
	}
	press(fyne.KeyRight, false)
	press(fyne.KeyRight, false)
	if c.selected != second.ID {
		t.Fatalf("Right, Right went to %q, want the first sub-code", ws.tree.Path(c.selected))
	}

	press(fyne.KeyF10, true)
	shows("Shift+F10", "Rename…")
	press(desktop.KeyMenu, false)
	shows("the Menu key", "Merge into…")
	press(fyne.KeyF2, false)
	shows("F2", "Rename code")
	press(fyne.KeyM, false)
	shows("M", "Move “")
	press(fyne.KeyM, true)
	shows("Shift+M", "Merge code")
	press(fyne.KeyC, false)
	shows("C", "Colour of")
	press(fyne.KeyDelete, false)
	shows("Delete", "Delete the code")
	press(fyne.Key3, false)
	if k := ws.pinKey(second.ID); k != 3 {
		t.Errorf("3 pinned the code to key %d", k)
	}
	press(fyne.Key0, false)
	if k := ws.pinKey(second.ID); k != 0 {
		t.Errorf("0 left the code on key %d", k)
	}
	for _, key := range []string{"Shift+F10", "Menu key", "F2", "Shift+M", "Delete", "0 unpins"} {
		if !strings.Contains(shortcutsHelp, key) {
			t.Errorf("Help ▸ Keyboard shortcuts does not list %s", key)
		}
	}
}
