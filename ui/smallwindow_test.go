package ui

import (
	"testing"

	"fyne.io/fyne/v2"

	"coder/qda"
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

// Ensure that in a small window the codebook shows its codes: the tree
// keeps most of the codebook's height, and the definition below it scrolls
// rather than pushing the tree down to three rows.
func TestSmallWindow_TheCodebookTreeKeepsItsShare(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	ws.openDocument(ws.docs[0].ID)
	w.Resize(fyne.NewSize(860, 520))
	c := ws.codes
	tree, all := c.tree.Size().Height, c.content.Size().Height
	if tree < all/2 {
		t.Errorf("the codebook tree is %.0f px of the codebook's %.0f px in an 860×520 window, want at least half", tree, all)
	}
	for _, id := range []qda.ID{"", ws.tree.Children("")[0].ID} {
		c.selectCode(id)
		if c.defSave.Size().Height < c.defSave.MinSize().Height || c.defText.Size().Height < 30 {
			t.Errorf("with code %q selected the definition box is %.0f px and Save %.0f px tall", id, c.defText.Size().Height, c.defSave.Size().Height)
		}
	}
}
