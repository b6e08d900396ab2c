package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"coder/project"
)

// Ensure that opening a project file cut short shows what is wrong with the
// list of its backups (instead of a crash), and that restoring the chosen
// one opens the project as the backup had it.
func TestOpen_DamagedFileOffersItsBackups(t *testing.T) {
	app, w := newTestApp(t)
	path := filepath.Join(t.TempDir(), "t.coder")
	p, err := project.WriteDemo(path, project.Options{Backups: -1, IndexDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	p.Close()
	// A backup, taken on an open that follows changes.
	p, err = project.Open(path, project.Options{BackupEvery: -1, IndexDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	p.Close()
	if list, _ := project.Backups(path); len(list) != 1 {
		t.Fatalf("backups: %v, want 1", list)
	}
	os.Truncate(path, 100000)

	app.open(path)
	dlg := topOverlay(t, w)
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(textUnder(dlg), "8 documents") && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	text := textUnder(dlg)
	for _, want := range []string{"The project file is damaged", path + ": the project file is damaged (the file is cut short", "1 backup, newest first", "8 documents"} {
		if !strings.Contains(text, want) {
			t.Errorf("the dialog does not say %q:\n%s", want, text)
		}
	}
	restore := button(t, dlg, "Restore this backup")
	if !restore.Disabled() {
		t.Error("restore is enabled before a backup is chosen")
	}
	var rows interface{ Select(int) }
	walk(dlg, func(o fyne.CanvasObject) bool {
		if l, ok := o.(interface{ Select(int) }); ok {
			rows = l
			return true
		}
		return false
	})
	rows.Select(0)
	test.Tap(restore)
	if app.Project() == nil {
		t.Fatalf("the restored project is not open; top dialog: %s", textUnder(topOverlay(t, w)))
	}
	docs, _ := app.Project().Documents()
	if len(docs) != 8 {
		t.Errorf("restored project has %d documents, want 8", len(docs))
	}
}

// Ensure that a project file without write permission opens read-only: the
// window's title says so, a note says why, and a change is refused with
// "this project is open read-only".
func TestOpen_ReadOnlyFileSaysSo(t *testing.T) {
	app, w := newTestApp(t)
	path := filepath.Join(t.TempDir(), "ro.coder")
	p, err := project.WriteDemo(path, project.Options{Backups: -1, IndexDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	p.Close()
	os.Chmod(path, 0o444)
	app.open(path)
	if app.Project() == nil || !app.Project().ReadOnly() {
		t.Fatal("the read-only file did not open read-only")
	}
	if !strings.HasSuffix(w.Title(), "(read-only)") {
		t.Errorf("title %q does not say read-only", w.Title())
	}
	if text := textUnder(topOverlay(t, w)); !strings.Contains(text, "open read-only") {
		t.Errorf("the note says %q", text)
	}
	if _, err := app.Project().AddCode("Trial", "", ""); err == nil || !strings.Contains(err.Error(), "this project is open read-only") {
		t.Errorf("adding a code: err = %v, want 'this project is open read-only'", err)
	}
}

// Ensure that Escape closes the damaged-file and Restore from backup
// dialogs as Cancel does, back to the welcome screen or the open project.
func TestOpen_EscapeClosesTheBackupsDialog(t *testing.T) {
	app, w := newTestApp(t)
	path := filepath.Join(t.TempDir(), "cut.coder")
	p, err := project.WriteDemo(path, project.Options{Backups: -1, IndexDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	p.Close()
	os.Truncate(path, 20000)
	app.open(path)
	if !strings.Contains(textUnder(topOverlay(t, w)), "The project file is damaged") {
		t.Fatal("opening a damaged file did not say so")
	}
	escapeOnCanvas(w)
	if o := w.Canvas().Overlays().Top(); o != nil {
		t.Fatalf("Escape left the dialog open:\n%s", textUnder(o))
	}

	app, w = openDemoCopy(t)
	app.restoreFromBackup()
	if !strings.Contains(textUnder(topOverlay(t, w)), "Restore from backup") {
		t.Fatal("File ▸ Restore from backup… showed no dialog")
	}
	escapeOnCanvas(w)
	if o := w.Canvas().Overlays().Top(); o != nil {
		t.Fatalf("Escape left the dialog open:\n%s", textUnder(o))
	}
	if app.Project() == nil {
		t.Error("closing Restore from backup closed the project")
	}
}

// escapeOnCanvas types Escape where nothing in a dialog has the keyboard.
func escapeOnCanvas(w fyne.Window) {
	if h := w.Canvas().OnTypedKey(); h != nil {
		h(&fyne.KeyEvent{Name: fyne.KeyEscape})
	}
}

// Ensure that a backup's line counts in words that agree with the number:
// "1 memo", not "1 memos".
func TestBackups_LineSaysOneMemoNotOneMemos(t *testing.T) {
	got := backupLabel(project.Backup{Time: time.Now(), Documents: 5, Codings: 1, Memos: 1})
	if !strings.Contains(got, "5 documents, 1 coding, 1 memo") || strings.Contains(got, "1 memos") {
		t.Errorf("the backup's line says %q", got)
	}
}
