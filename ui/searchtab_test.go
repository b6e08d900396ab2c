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
