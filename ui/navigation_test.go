package ui

import "testing"

// Ensure that opening the Search tab puts the keyboard in the query box, so
// a researcher can type at once.
func TestSearchTab_FocusesTheQuery(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	ws.centre.Select(ws.retrieveTab)
	ws.centre.Select(ws.searchTab)
	if got := w.Canvas().Focused(); got != ws.search.query {
		t.Errorf("focused after opening the Search tab: %T, want the query box", got)
	}
}

// Ensure that a recent project that has been moved or deleted is dropped
// from the recent list when opening it fails.
func TestRecent_MissingProjectIsForgotten(t *testing.T) {
	app, _ := newTestApp(t)
	gone := t.TempDir() + "/moved-away.coder"
	app.prefs.addRecent(gone)
	app.open(gone)
	for _, p := range app.prefs.recent() {
		if p == gone {
			t.Fatalf("recent projects still offer %s after it failed to open", gone)
		}
	}
	if app.ws != nil {
		t.Error("a project window opened for a missing file")
	}
}
