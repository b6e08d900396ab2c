package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"coder/qda"
)

var (
	_ fyne.Draggable         = (*transcriptSurface)(nil)
	_ fyne.Tappable          = (*transcriptSurface)(nil)
	_ fyne.SecondaryTappable = (*transcriptSurface)(nil)
	_ desktop.Mouseable      = (*transcriptSurface)(nil)
	_ desktop.Cursorable     = (*transcriptSurface)(nil)
)

// Clicks closer than this in time and space count as one double or triple
// click. The view counts them itself from mouse presses: Fyne's DoubleTapped
// knows no triple click and holds every single tap back until the double-tap
// delay has passed.
const (
	multiClickTime = 400 * time.Millisecond
	multiClickDist = 5
)

// press is the primary button going down on the text, as MouseDown saw it.
type press struct {
	at      fyne.Position
	when    time.Time
	count   int  // 1 for a click, 2 for a double click, 3 and more for a triple click
	shift   bool // Shift was held when the button went down
	handled bool // the press already set the selection; the tap must not
	down    bool // the button has not come up yet
	tapped  bool // the tap that ended this press has been handled
}

// Cursor shows the I-beam over text, as every text reader does.
func (s *transcriptSurface) Cursor() desktop.Cursor { return desktop.TextCursor }

// MouseDown is part of desktop.Mouseable. A press places the caret, with
// Shift extends the selection to the pointer, a second press selects the
// word and a third the passage, as in every text editor. A press on the
// selection leaves it alone until the button comes up, so the selection
// can be dragged onto a code.
func (s *transcriptSurface) MouseDown(ev *desktop.MouseEvent) {
	t := s.t
	if ev.Button != desktop.MouseButtonPrimary {
		return
	}
	t.requestFocus()
	if t.lay == nil {
		return
	}
	p := &press{at: ev.Position, when: time.Now(), count: 1, down: true,
		shift: ev.Modifier&fyne.KeyModifierShift != 0 || t.shiftHeld()}
	if last := t.press; last != nil && p.when.Sub(last.when) < multiClickTime &&
		abs32(p.at.X-last.at.X) <= multiClickDist && abs32(p.at.Y-last.at.Y) <= multiClickDist {
		p.count = last.count + 1
	}
	t.press = p
	t.presses.Add(1)
	t.goalX, t.pageY = -1, -1
	o := t.lay.offsetAt(ev.Position.X, ev.Position.Y, t.buf)
	switch {
	case p.count == 2:
		if r := t.lay.runeAt(ev.Position.X, ev.Position.Y, t.buf); r >= 0 {
			w := t.wordAt(r)
			t.setSelection(w.Start, w.End)
		}
		p.handled = true
	case p.count >= 3:
		ps := t.passageAt(o)
		t.setSelection(ps.Start, ps.End)
		p.handled = true
	case p.shift:
		t.setSelection(t.anchor, o)
		p.handled = true
	case !t.startsCarry(ev.Position):
		t.setSelection(o, o)
		p.handled = true
	}
}

// MouseUp is part of desktop.Mouseable.
func (s *transcriptSurface) MouseUp(*desktop.MouseEvent) {
	if p := s.t.press; p != nil {
		p.down = false
	}
}

// Tapped places the caret (or, with Shift, extends the selection to the
// tap) unless the press already did, and reports the highlights under the
// pointer.
func (s *transcriptSurface) Tapped(ev *fyne.PointEvent) {
	t := s.t
	t.requestFocus()
	if t.lay == nil {
		return
	}
	p := t.press
	ours := p != nil && !p.down && !p.tapped && samePlace(p.at, ev.Position)
	if ours {
		p.tapped = true
	}
	// Without a press of its own (a touch screen, or the test driver's
	// tap), or after a press on the selection that did not become a drag,
	// the tap places the caret.
	if !ours || !p.handled {
		t.goalX, t.pageY = -1, -1
		o := t.lay.offsetAt(ev.Position.X, ev.Position.Y, t.buf)
		if t.shiftHeld() {
			t.setSelection(t.anchor, o)
		} else {
			t.setSelection(o, o)
		}
	}
	if t.OnHighlightTapped == nil {
		return
	}
	r := t.lay.runeAt(ev.Position.X, ev.Position.Y, t.buf)
	var hits []Highlight
	if r >= 0 {
		hits = t.HighlightsAt(r)
	}
	if !ours {
		t.OnHighlightTapped(r, hits)
		return
	}
	// A click may be the first of a double or triple click: tell the app
	// (which may open a pop-up over the text, in the way of the next
	// click) only when no other click follows.
	if p.count > 1 {
		return // the end of a double or triple click, which selected text
	}
	seq := t.presses.Load()
	time.AfterFunc(multiClickTime, func() {
		if t.presses.Load() != seq {
			return
		}
		fyne.Do(func() {
			if t.presses.Load() == seq {
				t.OnHighlightTapped(r, hits)
			}
		})
	})
}

// samePlace reports whether a tap at b ended the press at a.
func samePlace(a, b fyne.Position) bool {
	return abs32(a.X-b.X) <= multiClickDist && abs32(a.Y-b.Y) <= multiClickDist
}

func abs32(f float32) float32 {
	if f < 0 {
		return -f
	}
	return f
}

// passageAt returns the displayed paragraph (passage or speaker turn) that
// holds offset, for a triple click.
func (t *TranscriptView) passageAt(offset int) qda.Span {
	lay := t.lay
	if len(lay.lines) == 0 {
		return qda.Span{Start: offset, End: offset}
	}
	return lay.blocks[lay.lines[lay.lineOf(offset)].block].span
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
// (see OnSelectionDropped). Every event moves the selection to where the
// pointer is now, so the last one before the button comes up decides it.
func (s *transcriptSurface) Dragged(ev *fyne.DragEvent) {
	t := s.t
	if t.lay == nil {
		return
	}
	anchor := t.anchor
	if !t.dragging {
		t.dragging = true
		t.requestFocus()
		t.goalX, t.pageY = -1, -1
		start := ev.Position.Subtract(ev.Dragged)
		shift := t.shiftHeld()
		if p := t.press; p != nil && p.down {
			start, shift = p.at, p.shift
		}
		if !shift && t.startsCarry(start) {
			t.beginCarry()
		} else if !shift {
			anchor = t.lay.offsetAt(start.X, start.Y, t.buf)
		}
		t.press = nil // a drag ends any run of clicks
		t.presses.Add(1)
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
func (t *TranscriptView) requestFocus() { takeKeyboard(t) }
