package ui

import "fyne.io/fyne/v2"

// takeKeyboard gives o the keyboard, as a click on it should, unless it has
// it already or is not on a canvas (yet, or any more).
func takeKeyboard(o interface {
	fyne.CanvasObject
	fyne.Focusable
}) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(o); c != nil && c.Focused() != o {
		c.Focus(o)
	}
}
