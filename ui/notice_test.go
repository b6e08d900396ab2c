package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Ensure that a notice gives its message all the lines it needs: a long
// one (a saved file's path, a merge's passphrase note) was given two lines'
// room, so the rest ran under the OK button.
func TestNotice_LongMessageHasRoom(t *testing.T) {
	app, w := openDemoCopy(t)
	msg := "Changed the passphrase of G Community self-governance (demo) encrypted.coder. Its older backups (in /tmp/qateam/.G Community self-governance (demo) encrypted.backups) still open with the old one."
	app.ws.notice(msg)
	var l *widget.Label
	walk(topOverlay(t, w), func(o fyne.CanvasObject) bool {
		if x, ok := o.(*widget.Label); ok && strings.HasPrefix(x.Text, "Changed") {
			l = x
		}
		return false
	})
	if l == nil {
		t.Fatal("the notice shows no message")
	}
	if need := l.MinSize().Height; l.Size().Height < need {
		t.Errorf("the message needs %v of height at its width %v and has %v", need, l.Size().Width, l.Size().Height)
	}
}
