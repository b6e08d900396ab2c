package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"coder/project"
	"coder/qda"
)

// Ensure that File ▸ Merge a colleague's project… is there, that merging a
// colleague's copy runs in the background, brings her code and coding into
// the codebook, shows the report, and that Edit ▸ Undo takes it all back.
func TestMerge_ColleagueCopyFromTheFileMenu(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	menuItem(t, menuNamed(t, w.MainMenu(), "File"), "Merge a colleague's project…")

	data, err := os.ReadFile(ws.p.Path())
	if err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(t.TempDir(), "ana.coder")
	if err := os.WriteFile(other, data, 0o644); err != nil {
		t.Fatal(err)
	}
	ana, err := project.Open(other, project.Options{Coder: "Ana", Backups: -1, IndexDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	code, err := ana.AddCode("Courtyard benches", "#336699", "where neighbours sit and talk")
	if err != nil {
		t.Fatal(err)
	}
	docs, _ := ana.Documents()
	if _, err := ana.ApplyCode(docs[0].ID, qda.Span{Start: 0, End: 5}, code.ID); err != nil {
		t.Fatal(err)
	}
	ana.Close()

	ended := make(chan struct{}, 1)
	ws.jobs.ended = func() { ended <- struct{}{} }
	ws.runMerge(other)
	wait(t, ended, "the merge")
	if _, ok := ws.tree.Find("Courtyard benches"); !ok {
		t.Fatalf("the merged code is not in the codebook; the window says:\n%s", textUnder(topOverlay(t, w)))
	}
	if txt := textUnder(topOverlay(t, w)); !strings.Contains(txt, "Came in: 1 code, 1 coding, 1 coder.") || !strings.Contains(txt, "Undo") {
		t.Errorf("the merge report says:\n%s", txt)
	}
	if ws.p.CanUndo() != "Merge ana.coder" {
		t.Errorf("Undo offers %q, not the merge", ws.p.CanUndo())
	}
	ws.menus.doUndo()
	if _, ok := ws.tree.Find("Courtyard benches"); ok {
		t.Errorf("after Undo the merged code is still in the codebook")
	}
}

// Ensure that a memo version a merge kept beside another says so in the
// memo lists.
func TestMerge_FlaggedMemoSaysItIsAConflictingVersion(t *testing.T) {
	m := qda.Memo{Title: "Plan", Text: "Start with the office.", ConflictOf: qda.NewID()}
	if got := memoTitle(m); got != "Conflicting version: Plan" {
		t.Errorf("memoTitle = %q", got)
	}
}

// Ensure that a colleague's copy encrypted under a passphrase of its own
// merges: the window asks for that passphrase (again, saying so, after a
// wrong one), then merges. It used to refuse it outright as "encrypted
// with another passphrase", whatever the lead knew.
func TestMerge_EncryptedCopyAsksForItsPassphrase(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	dir := t.TempDir()
	plain := filepath.Join(dir, "bo plain.coder")
	if err := ws.p.SaveCopy(plain, ""); err != nil {
		t.Fatal(err)
	}
	bo, err := project.Open(plain, project.Options{Coder: "Bo", Backups: -1, IndexDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := bo.AddCode("Stairwell scooters", "#996633", "charging in the stairs"); err != nil {
		t.Fatal(err)
	}
	enc := filepath.Join(dir, "bo.coder")
	if err := bo.SaveCopy(enc, "kingfisher"); err != nil {
		t.Fatal(err)
	}
	bo.Close()

	ended := make(chan struct{}, 4)
	ws.jobs.ended = func() { ended <- struct{}{} }
	ws.runMerge(enc)
	wait(t, ended, "the first try")
	ask := topOverlay(t, w)
	if !strings.Contains(textUnder(ask), "encrypted") {
		t.Fatalf("merging an encrypted copy says:\n%s", textUnder(ask))
	}
	pw := entries(ask)[0]
	typeInto(pw, "kingfisherr")
	pressEnter(pw)
	wait(t, ended, "the try with a wrong passphrase")
	ask = topOverlay(t, w)
	if !strings.Contains(textUnder(ask), "Wrong passphrase") {
		t.Fatalf("after a wrong passphrase the window says:\n%s", textUnder(ask))
	}
	pw = entries(ask)[0]
	typeInto(pw, "kingfisher")
	pressEnter(pw)
	wait(t, ended, "the merge")
	if _, ok := ws.tree.Find("Stairwell scooters"); !ok {
		t.Fatalf("the encrypted copy's code did not come in; the window says:\n%s", textUnder(topOverlay(t, w)))
	}
	if txt := textUnder(topOverlay(t, w)); !strings.Contains(txt, "Came in: 1 code") {
		t.Errorf("the merge report says:\n%s", txt)
	}
}

// Ensure that the report of a merge that changed nothing does not offer
// Edit ▸ Undo (such a merge leaves no undo step).
func TestMerge_NothingChangedOffersNoUndo(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	same := filepath.Join(t.TempDir(), "same.coder")
	if err := ws.p.SaveCopy(same, ""); err != nil {
		t.Fatal(err)
	}
	ended := make(chan struct{}, 1)
	ws.jobs.ended = func() { ended <- struct{}{} }
	ws.runMerge(same)
	wait(t, ended, "the merge")
	txt := textUnder(topOverlay(t, w))
	if !strings.Contains(txt, "Nothing changed") {
		t.Fatalf("the report of merging an identical copy says:\n%s", txt)
	}
	if strings.Contains(txt, "Undo") {
		t.Errorf("the report offers Undo of a merge that left no undo step:\n%s", txt)
	}
}
