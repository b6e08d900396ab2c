package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"coder/project"
)

// Ensure that the Documents list's + button offers importing a whole
// folder beside a single file, and that a folder brings in every file Coder
// can read in it and its sub-folders, naming what it passed over.
func TestImport_AFolderFromThePlusButton(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	before, _ := ws.p.Documents()
	plus := ws.newImportButton()
	w.SetContent(plus) // the button on its own, so the menu opens at a known place
	test.Tap(plus)
	menu := textUnder(topOverlay(t, w))
	for _, want := range []string{"Import a file…", "Import a folder…", "drop any number of files"} {
		if !strings.Contains(menu, want) {
			t.Errorf("the + menu does not offer %q:\n%s", want, menu)
		}
	}
	topOverlay(t, w).Hide()

	dir := t.TempDir()
	writeFile(t, dir, "field-note-gate.txt", "The gate was painted green on Monday.\n")
	writeFile(t, dir, "interview-yard.md", "Interviewer: Who painted it?\n\nResident Wu: We did, all of us.\n")
	os.Mkdir(filepath.Join(dir, "day2"), 0o755)
	writeFile(t, filepath.Join(dir, "day2"), "notes-day2.txt", "Rain all day; the meeting moved indoors.\n")
	writeFile(t, dir, "photo.jpg", "\xff\xd8\xff\xe0 not text")
	done := make(chan struct{})
	var rep *project.ImportReport
	ws.onImported = func(r *project.ImportReport, _ error) { rep = r; close(done) }
	ws.askImport([]string{dir}) // what the folder dialog does with the chosen folder
	form := topOverlay(t, w)
	if txt := textUnder(form); !strings.Contains(txt, "every file in "+filepath.Base(dir)) {
		t.Errorf("the import dialog does not say it imports the whole folder:\n%s", txt)
	}
	test.Tap(button(t, form, "Import"))
	wait(t, done, "the folder import")
	after, _ := ws.p.Documents()
	if got := len(after) - len(before); got != 3 || len(rep.Imported) != 3 {
		t.Errorf("the folder gave %d new documents (%d reported), want 3", got, len(rep.Imported))
	}
	if txt := textUnder(topOverlay(t, w)); !strings.Contains(txt, "photo.jpg") {
		t.Errorf("the report does not name the file passed over:\n%s", txt)
	}
}
