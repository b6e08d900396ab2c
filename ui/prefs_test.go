package ui

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"coder/project"
)

// Ensure that quitting with a project open brings the same project, the
// same document and the same window size back at the next start, and that
// the project is listed among the recent ones.
func TestPrefs_NextStartRestoresProjectDocumentAndWindow(t *testing.T) {
	// The reopened project indexes itself under the user cache folder.
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	a := test.NewTempApp(t)
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(1111, 777))
	app := Create(a, w, "")
	app.opts = project.Options{IndexDir: t.TempDir()}
	path := filepath.Join(t.TempDir(), "demo.coder")
	p, err := project.WriteDemo(path, app.opts)
	if err != nil {
		t.Fatal(err)
	}
	app.show(p)
	second := app.ws.docs[1].ID
	app.ws.openDocument(second)
	app.quit()

	w2 := test.NewWindow(nil)
	defer w2.Close()
	again := Create(a, w2, "")
	defer again.closeProject()
	if again.Project() == nil || again.Project().Path() != path {
		t.Fatalf("the next start did not reopen %s", path)
	}
	if again.ws.doc == nil || again.ws.doc.ID != second {
		t.Error("the next start did not reopen the document that was open")
	}
	if got := again.prefs.windowSize(); got.Width != w.Canvas().Size().Width || got.Height != w.Canvas().Size().Height {
		t.Errorf("window size remembered as %v, want %v", got, w.Canvas().Size())
	}
	if recent := again.prefs.recent(); len(recent) == 0 || recent[0] != path {
		t.Errorf("recent projects %v do not start with %s", recent, path)
	}
}

// Ensure that closing the project before quitting starts on the welcome
// screen next time.
func TestPrefs_ClosedProjectIsNotReopened(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	a := test.NewTempApp(t)
	w := test.NewWindow(nil)
	app := Create(a, w, "")
	app.opts = project.Options{IndexDir: t.TempDir()}
	p, err := project.WriteDemo(filepath.Join(t.TempDir(), "demo.coder"), app.opts)
	if err != nil {
		t.Fatal(err)
	}
	app.show(p)
	app.closeProject()
	app.showWelcome()
	app.quit()
	w2 := test.NewWindow(nil)
	defer w2.Close()
	again := Create(a, w2, "")
	if again.Project() != nil {
		t.Error("a project closed before quitting was reopened")
	}
}
