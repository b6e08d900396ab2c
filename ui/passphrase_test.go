package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// Ensure that the New project dialog makes an encrypted project when
// "Encrypt with a passphrase" is ticked (Create stays off until the two
// passphrases match), and that opening it asks for the passphrase, says so
// when a wrong one is typed, and asks again.
func TestNewProject_EncryptedAsksForPassphraseOnOpen(t *testing.T) {
	app, w := newTestApp(t)
	path := filepath.Join(t.TempDir(), "Harbour study.coder")
	app.newProjectDialog()
	form := topOverlay(t, w)
	var check *widget.Check
	walk(form, func(o fyne.CanvasObject) bool {
		if c, ok := o.(*widget.Check); ok && c.Text == "Encrypt with a passphrase" {
			check = c
			return true
		}
		return false
	})
	if check == nil {
		t.Fatal("no checkbox “Encrypt with a passphrase”")
	}
	var pw []*widget.Entry
	var location *widget.Entry
	for _, e := range entries(form) {
		switch {
		case e.Password:
			pw = append(pw, e)
		case strings.HasSuffix(e.Text, ".coder"):
			location = e
		}
	}
	if len(pw) != 2 || location == nil {
		t.Fatalf("found %d passphrase fields and location %v", len(pw), location)
	}
	if !pw[0].Disabled() {
		t.Error("the passphrase field is enabled before the box is ticked")
	}
	typeInto(location, path)
	test.Tap(check)
	create := button(t, form, "Create")
	test.Type(pw[0], "lantern")
	test.Type(pw[1], "lanterm")
	if !create.Disabled() {
		t.Error("Create is enabled while the passphrases differ")
	}
	typeInto(pw[1], "lantern")
	if create.Disabled() {
		t.Fatal("Create is disabled though the passphrases match")
	}
	unlocked := make(chan struct{}, 1)
	unlockedHook = func() { unlocked <- struct{}{} }
	t.Cleanup(func() { unlockedHook = nil })
	test.Tap(create)
	wait(t, unlocked, "creating the encrypted project")
	if app.ws == nil || !app.ws.p.Encrypted() {
		t.Fatalf("no encrypted project open after Create (ws = %v)", app.ws)
	}
	app.closeProject()
	app.showWelcome()

	app.open(path)
	ask := topOverlay(t, w)
	if !strings.Contains(textUnder(ask), "This project is encrypted") {
		t.Fatalf("opening asks:\n%s", textUnder(ask))
	}
	test.Type(entries(ask)[0], "Lantern")
	pressEnter(entries(ask)[0])
	wait(t, unlocked, "trying a wrong passphrase")
	if app.ws != nil {
		t.Fatal("a wrong passphrase opened the project")
	}
	again := topOverlay(t, w)
	if !strings.Contains(textUnder(again), "Wrong passphrase") {
		t.Fatalf("after a wrong passphrase:\n%s", textUnder(again))
	}
	test.Type(entries(again)[0], "lantern")
	pressEnter(entries(again)[0])
	wait(t, unlocked, "opening with the right passphrase")
	if app.ws == nil || app.ws.p.Path() != path {
		t.Fatal("the right passphrase did not open the project")
	}
	if o := w.Canvas().Overlays().Top(); o != nil {
		t.Errorf("a dialog is still showing:\n%s", textUnder(o))
	}
}
