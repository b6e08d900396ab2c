package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"coder/qda"
)

// documentKey moves the caret for Ctrl+Home and Ctrl+End (to the start and
// the end of the document) and Ctrl+Left and Ctrl+Right (a word back or
// on), with Shift selecting as it goes, and reports whether sc was one of
// them.
func (t *TranscriptView) documentKey(sc *desktop.CustomShortcut) bool {
	ctrl := sc.Modifier &^ fyne.KeyModifierShift
	if ctrl != fyne.KeyModifierControl && ctrl != fyne.KeyModifierSuper {
		return false
	}
	if (sc.KeyName == fyne.KeyLeft || sc.KeyName == fyne.KeyRight) && t.lay != nil && len(t.lay.lines) > 0 {
		t.goalX, t.pageY = -1, -1
		t.moveCaret(t.wordStep(t.caret, sc.KeyName == fyne.KeyRight), sc.Modifier&fyne.KeyModifierShift != 0 || t.shiftHeld())
		return true
	}
	if sc.KeyName != fyne.KeyHome && sc.KeyName != fyne.KeyEnd {
		return false
	}
	if t.lay == nil || len(t.lay.lines) == 0 {
		return true
	}
	o := t.lay.lines[0].start
	if sc.KeyName == fyne.KeyEnd {
		o = t.lay.caretEnd(len(t.lay.lines) - 1)
	}
	t.goalX, t.pageY = -1, -1
	t.moveCaret(o, sc.Modifier&fyne.KeyModifierShift != 0 || t.shiftHeld())
	return true
}

// pageStep scrolls the view by one visible page (less a line, so the reader
// keeps their place) and moves the caret by the same distance, so it stays
// where it was on the screen, press after press; with extend it selects as
// it goes. On the first or last page the caret goes to the start or the end.
func (t *TranscriptView) pageStep(down, extend bool) {
	lay := t.lay
	view := t.scroll.Size().Height
	page := max(view-2*lay.geo.textH, lay.geo.textH)
	if !down {
		page = -page
	}
	off := t.scroll.Offset.Y
	newOff := min(max(off+page, 0), max(lay.height-view, 0))
	if t.goalX < 0 {
		t.goalX = lay.positionOf(t.caret, t.buf).X
	}
	if t.pageY < 0 {
		t.pageY = lay.positionOf(t.caret, t.buf).Y + lay.geo.textH/2 - off
	}
	y := newOff + t.pageY // where the middle of the caret's line should be
	if newOff == off {
		y = off + t.pageY + page
	}
	last := len(lay.lines) - 1
	var o int
	switch {
	case y < lay.lines[0].y:
		o = lay.lines[0].start
	case y > lay.lines[last].y+lay.geo.pitch(&lay.blocks[lay.lines[last].block]):
		o = lay.caretEnd(last)
	default:
		li := t.nearestLine(y, newOff, newOff+view)
		o = lay.offsetAt(t.goalX, lay.lines[li].y+1, t.buf)
	}
	anchor := o
	if extend {
		anchor = t.anchor
	}
	t.setSelection(anchor, o)
	t.scrollToY(newOff)
	t.ScrollTo(qda.Span{Start: o, End: o})
}

// nearestLine returns the line whose middle is nearest to y among those
// wholly inside [top, bottom) (or nearest to y at all when none is).
func (t *TranscriptView) nearestLine(y, top, bottom float32) int {
	lay := t.lay
	best, bestD := lay.lineAtY(y), float32(-1)
	for li := max(best-2, 0); li <= min(best+2, len(lay.lines)-1); li++ {
		ln := &lay.lines[li]
		if ln.y < top || ln.y+lay.geo.textH > bottom {
			continue
		}
		d := abs32(ln.y + lay.geo.textH/2 - y)
		if bestD < 0 || d < bestD {
			best, bestD = li, d
		}
	}
	return best
}

// wordStep returns where Ctrl+Right takes the caret from o: past what is
// no word to the end of the next word (words as a double-click takes
// them); with right unset, Ctrl+Left: back to the start of the word before.
// It steps as the arrows do, over the text between blocks.
func (t *TranscriptView) wordStep(o int, right bool) int {
	runes := t.lay.runes
	if right {
		for o < len(runes) && wordClass(runes[o]) == 0 {
			next := t.nextCaret(o)
			if next <= o {
				return o
			}
			o = next
		}
		if o < len(runes) {
			o = t.wordAt(o).End
		}
		return min(o, t.lay.caretEnd(len(t.lay.lines)-1))
	}
	for o > 0 && wordClass(runes[o-1]) == 0 {
		prev := t.prevCaret(o)
		if prev >= o {
			return o
		}
		o = prev
	}
	if o > 0 {
		o = t.wordAt(o - 1).Start
	}
	return max(o, t.lay.lines[0].start)
}
