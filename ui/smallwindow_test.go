package ui

import (
	"testing"

	"fyne.io/fyne/v2"
)

// Ensure that in a small window (900×600, a netbook or a half screen) the
// document in the centre keeps most of the room: the side panes shrink to
// what they need, and the Retrieve tab's Export button stays a button
// rather than stretching down beside a wrapped hint.
func TestSmallWindow_TheCentreKeepsRoomToRead(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	ws.openDocument(ws.docs[0].ID)
	w.Resize(fyne.NewSize(900, 600))
	if got := ws.centre.Size().Width; got < 360 {
		t.Errorf("the centre is %.0f px wide in a 900 px window, want at least 360", got)
	}
	ws.centre.Select(ws.retrieveTab)
	export := button(t, ws.retrieve.content, "Export…")
	if h, want := export.Size().Height, export.MinSize().Height; h > want+1 {
		t.Errorf("the Export button is %.0f px tall, want its own %.0f", h, want)
	}
}
