package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// Ensure that when the New project dialog's file chooser cannot make the
// file asked for (a folder that does not exist), the window says why
// instead of closing the chooser without a word, and the project file
// field keeps what it held.
func TestNewProject_LocationChooserErrorIsShown(t *testing.T) {
	t.Setenv("HOME", t.TempDir())
	app, w := newTestApp(t)
	w.Resize(fyne.NewSize(1200, 800))
	app.newProjectDialog()
	form := topOverlay(t, w)
	var location *widget.Entry
	for _, e := range entries(form) {
		if strings.HasSuffix(e.Text, ".coder") {
			location = e
		}
	}
	var choose []*widget.Button
	walk(form, func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widget.Button); ok && b.Text == "Choose…" {
			choose = append(choose, b)
		}
		return false
	})
	if location == nil || len(choose) != 2 {
		t.Fatalf("the form has location %v and %d Choose… buttons", location, len(choose))
	}
	was := location.Text
	test.Tap(choose[1])
	chooser := topOverlay(t, w)
	if chooser == form {
		t.Fatal("Choose… showed no file chooser")
	}
	var name *widget.Entry
	for _, e := range entries(chooser) {
		if strings.HasSuffix(e.Text, ".coder") {
			name = e
		}
	}
	if name == nil {
		t.Fatal("the file chooser has no file name field")
	}
	typeInto(name, "no such folder/Harbour study.coder")
	test.Tap(button(t, chooser, "Save"))
	shown := topOverlay(t, w)
	if txt := textUnder(shown); !strings.Contains(txt, "no such folder") {
		t.Errorf("after a file that cannot be made, the window shows:\n%s", txt)
	}
	if location.Text != was {
		t.Errorf("the project file field changed to %q", location.Text)
	}
}
