package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// carry is a drag that began inside the selection: it takes the selected
// words out of the view (to drop them on a code) instead of selecting anew.
// A small label with the words and a hint follows the pointer meanwhile.
type carry struct {
	origin fyne.Position // the surface's absolute position when the drag began
	at     fyne.Position // the pointer's absolute position
	pop    *widget.PopUp
	shown  bool // a new PopUp reports itself visible before it is shown
	hint   *widget.Label
}

// carryOffset keeps the floating label below and right of the pointer, so
// the row the pointer is over stays in sight.
var carryOffset = fyne.NewPos(16, 18)

// startsCarry reports whether a drag beginning at start, a point on the
// surface, picks up the selection: it must begin on a selected glyph, with
// Shift up (Shift+drag extends the selection) and an app that takes drops.
func (t *TranscriptView) startsCarry(start fyne.Position) bool {
	sel := t.Selection()
	if t.OnSelectionDropped == nil || sel.Empty() || t.shiftHeld() {
		return false
	}
	r := t.lay.runeAt(start.X, start.Y, t.buf)
	return r >= sel.Start && r < sel.End
}

// beginCarry shows the floating label for the selection.
func (t *TranscriptView) beginCarry() {
	c := &carry{}
	if d := fyne.CurrentApp().Driver(); d.CanvasForObject(t.surface) != nil {
		c.origin = d.AbsolutePositionForObject(t.surface)
	}
	words := widget.NewLabelWithStyle(carriedWords(t.SelectedText()), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	c.hint = widget.NewLabelWithStyle("Drop on a code", fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	if canvas := fyne.CurrentApp().Driver().CanvasForObject(t); canvas != nil {
		c.pop = widget.NewPopUp(container.NewVBox(words, c.hint), canvas)
	}
	t.carrying = c
}

// moveCarry follows the pointer, at pos on the surface, with the label and
// lets the app say what a drop there would do.
func (t *TranscriptView) moveCarry(pos fyne.Position) {
	c := t.carrying
	c.at = c.origin.Add(pos)
	if t.OnSelectionDragged != nil {
		if hint := t.OnSelectionDragged(t.Selection(), c.at); hint != "" && hint != c.hint.Text {
			c.hint.SetText(hint)
		}
	}
	if c.pop == nil {
		return
	}
	if !c.shown {
		c.shown = true
		c.pop.ShowAtPosition(c.labelAt())
		return
	}
	c.pop.Move(c.labelAt())
}

// labelAt places the label beside the pointer, flipping it to the left or
// above when it would leave the window.
func (c *carry) labelAt() fyne.Position {
	at := c.at.Add(carryOffset)
	size, room := c.pop.Content.MinSize().AddWidthHeight(2*carryOffset.X, carryOffset.Y), c.pop.Canvas.Size()
	if at.X+size.Width > room.Width {
		at.X = max(0, c.at.X-carryOffset.X-size.Width)
	}
	if at.Y+size.Height > room.Height {
		at.Y = max(0, c.at.Y-carryOffset.Y-size.Height)
	}
	return at
}

// endCarry hides the label and hands the drop to the app.
func (t *TranscriptView) endCarry() {
	c := t.carrying
	t.carrying = nil
	if c.pop != nil {
		c.pop.Hide()
	}
	t.requestFocus()
	t.OnSelectionDropped(t.Selection(), c.at)
}

// carriedWords is the selection as one short line for the floating label.
func carriedWords(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 48 {
		s = strings.TrimSpace(string(r[:48])) + "…"
	}
	return "“" + s + "”"
}
