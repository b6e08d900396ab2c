package ui

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"coder/project"
)

// Ensure that Save a pseudonymised copy… of an encrypted project says,
// before asking where, that the copy will not be encrypted, and offers a
// passphrase: left unticked the copy opens without one and the window says
// it is in clear; ticked, the copy opens only with the passphrase typed.
func TestPseudonyms_CopyOfEncryptedProjectWarnsAndCanBeEncrypted(t *testing.T) {
	app, w := openDemoCopy(t)
	dir := t.TempDir()
	locked := filepath.Join(dir, "locked.coder")
	if err := app.ws.p.SaveCopy(locked, "harbour fog"); err != nil {
		t.Fatal(err)
	}
	unlocked := make(chan struct{}, 1)
	unlockedHook = func() { unlocked <- struct{}{} }
	t.Cleanup(func() { unlockedHook = nil })
	app.openWith(locked, "harbour fog")
	wait(t, unlocked, "opening the encrypted project")
	ws := app.ws
	if ws == nil || !ws.p.Encrypted() {
		t.Fatal("the encrypted project did not open")
	}
	if err := ws.p.SetPseudonym("Han", "Mr H"); err != nil {
		t.Fatal(err)
	}
	var asked []string
	chooseNewFileHook = func(name string) string {
		asked = append(asked, name)
		return filepath.Join(dir, name)
	}
	t.Cleanup(func() { chooseNewFileHook = nil })
	ended := make(chan struct{}, 1)
	ws.jobs.ended = func() { ended <- struct{}{} }

	saveCopy := func() fyne.CanvasObject {
		t.Helper()
		closeOverlays(w)
		menuItem(t, menuNamed(t, w.MainMenu(), "Tools"), "Pseudonyms…").Action()
		test.Tap(button(t, topOverlay(t, w), "Save a pseudonymised copy…"))
		form := topOverlay(t, w)
		if txt := textUnder(form); !strings.Contains(txt, "The copy will not be encrypted") {
			t.Fatalf("before asking where, the window says:\n%s", txt)
		}
		return form
	}

	// In clear, as it stands.
	form := saveCopy()
	if len(asked) != 0 {
		t.Fatal("the copy's file was asked for before the warning was answered")
	}
	test.Tap(button(t, form, "Choose where…"))
	wait(t, ended, "saving the copy in clear")
	if len(asked) != 1 {
		t.Fatalf("asked for %d files", len(asked))
	}
	if txt := textUnder(topOverlay(t, w)); !strings.Contains(txt, "in clear") {
		t.Errorf("after saving, the window says:\n%s", txt)
	}
	if _, err := openWith(t, filepath.Join(dir, asked[0]), ""); err != nil {
		t.Errorf("the copy in clear does not open without a passphrase: %v", err)
	}

	// Encrypted under a passphrase of its own.
	form = saveCopy()
	var check *widget.Check
	walk(form, func(o fyne.CanvasObject) bool {
		if c, ok := o.(*widget.Check); ok && c.Visible() {
			check = c
		}
		return false
	})
	if check == nil || check.Checked {
		t.Fatal("no unticked box “Encrypt with a passphrase” in the warning")
	}
	test.Tap(check)
	if txt := textUnder(form); strings.Contains(txt, "will not be encrypted") {
		t.Errorf("with the box ticked, the form still says:\n%s", txt)
	}
	pw := passFields(t, form)
	typeInto(pw[0], "reed mat")
	typeInto(pw[1], "reed mat")
	test.Tap(button(t, form, "Choose where…"))
	wait(t, ended, "saving the encrypted copy")
	if len(asked) != 2 || asked[1] == asked[0] {
		t.Fatalf("the file names offered: %v", asked)
	}
	if txt := textUnder(topOverlay(t, w)); !strings.Contains(txt, "encrypted") || strings.Contains(txt, "in clear") {
		t.Errorf("after saving the encrypted copy, the window says:\n%s", txt)
	}
	second := filepath.Join(dir, asked[1])
	if _, err := openWith(t, second, ""); !errors.Is(err, project.ErrPassphraseNeeded) {
		t.Errorf("the encrypted copy opens without a passphrase (%v)", err)
	}
	if _, err := openWith(t, second, "reed mat"); err != nil {
		t.Errorf("the encrypted copy does not open with its passphrase: %v", err)
	}
}
