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

// Ensure that a remembered window size is shrunk to the screen it opens
// on, leaving room for the desktop's panels, and left alone when it fits:
// after a run at FYNE_SCALE=1.5 the window opened at 1920×1230 pixels on a
// 1600×1000 screen.
func TestPrefs_WindowSizeIsClampedToTheScreen(t *testing.T) {
	for _, c := range []struct {
		name               string
		size, screen, want fyne.Size
	}{
		{"fits", fyne.NewSize(1280, 820), fyne.NewSize(1600, 1000), fyne.NewSize(1280, 820)},
		{"1600×1000 pixels at scale 1.5", fyne.NewSize(1280, 820), fyne.NewSize(1600/1.5, 1000/1.5), fyne.NewSize(1600/1.5-40, 1000/1.5-80)},
		{"taller than the screen", fyne.NewSize(1000, 1200), fyne.NewSize(1920, 1080), fyne.NewSize(1000, 1000)},
		{"screen smaller than the smallest window", fyne.NewSize(1280, 820), fyne.NewSize(600, 400), fyne.NewSize(600, 400)},
		{"screen unknown", fyne.NewSize(1280, 820), fyne.Size{}, fyne.NewSize(1280, 820)},
	} {
		if got := fitScreen(c.size, c.screen); got != c.want {
			t.Errorf("%s: %v on %v became %v, want %v", c.name, c.size, c.screen, got, c.want)
		}
	}
	a := test.NewTempApp(t)
	w := test.NewWindow(nil)
	defer w.Close()
	app := Create(a, w, "")
	w.Resize(fyne.NewSize(1920, 1230))
	app.FitScreen(fyne.NewSize(1600, 1000))
	if got := w.Canvas().Size(); got.Width > 1600 || got.Height > 1000 {
		t.Errorf("on a 1600×1000 screen the window is %v", got)
	}
}
