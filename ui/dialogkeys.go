package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// showMessage shows d, a message with a single button, and lets the
// keyboard close it as well as the mouse.
func showMessage(d dialog.Dialog, w fyne.Window) {
	d.Show()
	closeOnKeys(d, w)
}

// closeOnKeys lets Escape, Return, Enter or Space close an open message
// dialog. Fyne's dialogs answer only to the mouse; while a dialog is up and
// nothing in it has the keyboard, keys go to the window's canvas, so the
// handler sits there for as long as d is open.
func closeOnKeys(d dialog.Dialog, w fyne.Window) {
	c := w.Canvas()
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		switch ev.Name {
		case fyne.KeyEscape, fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace:
			d.Hide()
		}
	})
	d.SetOnClosed(func() { c.SetOnTypedKey(nil) })
}
