package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

var (
	_ fyne.Draggable         = (*transcriptSurface)(nil)
	_ fyne.Tappable          = (*transcriptSurface)(nil)
	_ fyne.SecondaryTappable = (*transcriptSurface)(nil)
	_ fyne.DoubleTappable    = (*transcriptSurface)(nil)
	_ desktop.Cursorable     = (*transcriptSurface)(nil)
)

// Cursor shows the I-beam over text, as every text reader does.
func (s *transcriptSurface) Cursor() desktop.Cursor { return desktop.TextCursor }

// Tapped places the caret (or, with Shift, extends the selection to the
// tap) and reports the highlights under the pointer.
func (s *transcriptSurface) Tapped(ev *fyne.PointEvent) {
	t := s.t
	t.requestFocus()
	if t.lay == nil {
		return
	}
	t.goalX = -1
	o := t.lay.offsetAt(ev.Position.X, ev.Position.Y, t.buf)
	if t.shiftHeld() {
		t.setSelection(t.anchor, o)
	} else {
		t.setSelection(o, o)
	}
	if t.OnHighlightTapped != nil {
		r := t.lay.runeAt(ev.Position.X, ev.Position.Y, t.buf)
		var hits []Highlight
		if r >= 0 {
			hits = t.HighlightsAt(r)
		}
		t.OnHighlightTapped(r, hits)
	}
}

// DoubleTapped selects the word under the pointer.
func (s *transcriptSurface) DoubleTapped(ev *fyne.PointEvent) {
	t := s.t
	if t.lay == nil {
		return
	}
	if r := t.lay.runeAt(ev.Position.X, ev.Position.Y, t.buf); r >= 0 {
		w := t.wordAt(r)
		t.setSelection(w.Start, w.End)
	}
}

// TappedSecondary keeps the selection and asks the app for a context menu.
func (s *transcriptSurface) TappedSecondary(ev *fyne.PointEvent) {
	t := s.t
	t.requestFocus()
	if t.lay == nil || t.OnContextMenu == nil {
		return
	}
	var hits []Highlight
	r := t.lay.runeAt(ev.Position.X, ev.Position.Y, t.buf)
	if r >= 0 {
		hits = t.HighlightsAt(r)
	}
	t.OnContextMenu(t.Selection(), r, hits, ev.AbsolutePosition)
}

// Dragged selects from where the drag began (or, with Shift, from the
// existing anchor) to the pointer, scrolling when the pointer leaves the
// viewport. A drag that begins on selected text carries that text instead
// (see OnSelectionDropped).
func (s *transcriptSurface) Dragged(ev *fyne.DragEvent) {
	t := s.t
	if t.lay == nil {
		return
	}
	anchor := t.anchor
	if !t.dragging {
		t.dragging = true
		t.requestFocus()
		t.goalX = -1
		start := ev.Position.Subtract(ev.Dragged)
		if t.startsCarry(start) {
			t.beginCarry()
		} else if !t.shiftHeld() {
			anchor = t.lay.offsetAt(start.X, start.Y, t.buf)
		}
	}
	if t.carrying != nil {
		t.moveCarry(ev.Position)
		return
	}
	top, view := t.scroll.Offset.Y, t.scroll.Size().Height
	switch y := ev.Position.Y; {
	case view <= 0:
	case y < top:
		t.scrollToY(top - min(top-y, view/4))
	case y > top+view:
		t.scrollToY(top + min(y-top-view, view/4))
	}
	t.setSelection(anchor, t.lay.offsetAt(ev.Position.X, ev.Position.Y, t.buf))
}

// DragEnd finishes a drag selection, or drops carried text.
func (s *transcriptSurface) DragEnd() {
	s.t.dragging = false
	if s.t.carrying != nil {
		s.t.endCarry()
	}
}

// requestFocus gives the view the keyboard, so Shift+arrows and Ctrl+C act
// on what the pointer just selected.
func (t *TranscriptView) requestFocus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(t); c != nil && c.Focused() != t {
		c.Focus(t)
	}
}
