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

// passFields are the two password entries of a dialog.
func passFields(t *testing.T, o fyne.CanvasObject) []*widget.Entry {
	t.Helper()
	var pw []*widget.Entry
	for _, e := range entries(o) {
		if e.Password {
			pw = append(pw, e)
		}
	}
	if len(pw) != 2 {
		t.Fatalf("the dialog has %d passphrase fields:\n%s", len(pw), textUnder(o))
	}
	return pw
}

// openWith opens path with passphrase ("" for none) outside the app.
func openWith(t *testing.T, path, passphrase string) (*project.Project, error) {
	t.Helper()
	p, err := project.Open(path, project.Options{IndexDir: t.TempDir(), Passphrase: passphrase})
	if err == nil {
		t.Cleanup(func() { p.Close() })
	}
	return p, err
}

// Ensure that File ▸ Save an encrypted copy… writes a copy of a project in
// clear that opens only with the passphrase typed (twice, alike, or Choose
// is off), and says the project itself stays in clear; that File ▸ Change
// passphrase… on that copy replaces its passphrase (the old one no longer
// opens it; Enter changes it), and on a project in clear says there is
// none; and that an
// encrypted project's Save a copy… with the box unticked writes one in
// clear.
func TestPassphrase_EncryptedCopyChangeAndCopyInClear(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	dir := t.TempDir()
	var asked []string
	chooseNewFileHook = func(name string) string {
		asked = append(asked, name)
		return filepath.Join(dir, name)
	}
	t.Cleanup(func() { chooseNewFileHook = nil })
	ended := make(chan struct{}, 1)
	ws.jobs.ended = func() { ended <- struct{}{} }

	// A project in clear has no passphrase to change.
	menuItem(t, menuNamed(t, w.MainMenu(), "File"), "Change passphrase…").Action()
	if txt := textUnder(topOverlay(t, w)); !strings.Contains(txt, "not encrypted") {
		t.Fatalf("Change passphrase… on a project in clear says:\n%s", txt)
	}
	closeOverlays(w)

	menuItem(t, menuNamed(t, w.MainMenu(), "File"), "Save an encrypted copy…").Action()
	form := topOverlay(t, w)
	pw := passFields(t, form)
	choose := button(t, form, "Choose where…")
	test.Type(pw[0], "willow bark")
	test.Type(pw[1], "willow bar")
	if !choose.Disabled() {
		t.Error("Choose where… is on while the two passphrases differ")
	}
	test.Type(pw[1], "k")
	if choose.Disabled() {
		t.Fatal("Choose where… is off though the passphrases match")
	}
	test.Tap(choose)
	wait(t, ended, "saving the encrypted copy")
	if len(asked) != 1 || !strings.HasSuffix(asked[0], " encrypted.coder") {
		t.Fatalf("the file name offered: %v", asked)
	}
	copyPath := filepath.Join(dir, asked[0])
	done := topOverlay(t, w)
	if txt := textUnder(done); !strings.Contains(txt, copyPath) || !strings.Contains(txt, "still in clear") {
		t.Errorf("after saving, the window says:\n%s", txt)
	}
	closeOverlays(w)
	if _, err := openWith(t, copyPath, ""); !errors.Is(err, project.ErrPassphraseNeeded) {
		t.Fatalf("the copy opens without a passphrase (%v)", err)
	}
	c, err := openWith(t, copyPath, "willow bark")
	if err != nil {
		t.Fatalf("the copy does not open with its passphrase: %v", err)
	}
	docs, _ := ws.p.Documents()
	copyDocs, _ := c.Documents()
	if len(copyDocs) != len(docs) || len(docs) == 0 {
		t.Errorf("the copy holds %d documents, the project %d", len(copyDocs), len(docs))
	}
	c.Close()

	// Open the encrypted copy in the window and change its passphrase.
	unlocked := make(chan struct{}, 1)
	unlockedHook = func() { unlocked <- struct{}{} }
	t.Cleanup(func() { unlockedHook = nil })
	app.openWith(copyPath, "willow bark")
	wait(t, unlocked, "opening the encrypted copy")
	if app.ws == nil || app.ws.p.Path() != copyPath {
		t.Fatal("the encrypted copy did not open in the window")
	}
	ws = app.ws
	ws.jobs.ended = func() { ended <- struct{}{} }
	menuItem(t, menuNamed(t, w.MainMenu(), "File"), "Change passphrase…").Action()
	form = topOverlay(t, w)
	pw = passFields(t, form)
	typeInto(pw[0], "alder cone")
	typeInto(pw[1], "alder cone")
	pressEnter(pw[1]) // Enter in the second field is the Change button

	wait(t, ended, "changing the passphrase")
	if txt := textUnder(topOverlay(t, w)); !strings.Contains(txt, "Changed the passphrase") {
		t.Errorf("after changing the passphrase, the window says:\n%s", txt)
	}
	closeOverlays(w)

	// Its copy in clear: the box unticked.
	menuItem(t, menuNamed(t, w.MainMenu(), "File"), "Save a copy (encrypted or in clear)…").Action()
	form = topOverlay(t, w)
	var check *widget.Check
	walk(form, func(o fyne.CanvasObject) bool {
		if c, ok := o.(*widget.Check); ok && c.Visible() {
			check = c
		}
		return false
	})
	if check == nil || !check.Checked {
		t.Fatal("no ticked box “Encrypt with a passphrase” in the encrypted project's Save a copy…")
	}
	test.Tap(check)
	test.Tap(button(t, form, "Choose where…"))
	wait(t, ended, "saving the copy in clear")
	closeOverlays(w)
	plain := filepath.Join(dir, asked[1])
	if !strings.HasSuffix(plain, " in clear.coder") {
		t.Errorf("the copy in clear is offered as %s", asked[1])
	}
	if _, err := openWith(t, plain, ""); err != nil {
		t.Errorf("the copy in clear does not open without a passphrase: %v", err)
	}
	app.closeProject()
	if _, err := openWith(t, copyPath, "willow bark"); !errors.Is(err, project.ErrWrongPassphrase) {
		t.Errorf("the old passphrase still opens the project (%v)", err)
	}
	if _, err := openWith(t, copyPath, "alder cone"); err != nil {
		t.Errorf("the new passphrase does not open the project: %v", err)
	}
}
