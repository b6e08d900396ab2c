package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/storage"

	"coder/project"
)

// Ensure that a save dialog cannot open the project in use for writing:
// Fyne's save dialog opens (and so empties) the file chosen before the app
// sees it, so "Save a pseudonymised copy…" or an export pointed at the open
// project's own file (after "Overwrite? Yes") used to empty the project and
// then delete it. The writer is refused, the file keeps every byte, and any
// other file is still written.
func TestSaveDialog_CannotOverwriteTheOpenProject(t *testing.T) {
	app, _ := openDemoCopy(t)
	path := app.ws.p.Path()
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	w, err := storage.Writer(storage.NewFileURI(path))
	if err == nil {
		w.Close()
		t.Fatal("the open project's file was opened for writing")
	}
	if !strings.Contains(err.Error(), "open") {
		t.Errorf("the refusal does not say the project is open: %v", err)
	}
	after, err := os.ReadFile(path)
	if err != nil || len(after) != len(before) {
		t.Fatalf("the project file went from %d bytes to %d (%v)", len(before), len(after), err)
	}
	if _, err := app.ws.p.Codings(project.CodingFilter{}); err != nil {
		t.Fatalf("the project no longer reads: %v", err)
	}
	other := filepath.Join(filepath.Dir(path), "excerpts.csv")
	w, err = storage.Writer(storage.NewFileURI(other))
	if err != nil {
		t.Fatalf("another file cannot be written: %v", err)
	}
	w.Write([]byte("ok"))
	w.Close()
	if data, _ := os.ReadFile(other); string(data) != "ok" {
		t.Errorf("another file holds %q", data)
	}
}
