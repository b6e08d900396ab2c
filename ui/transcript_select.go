package ui

import (
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"coder/analysis"
	"coder/qda"
)

// Selection returns the selected runes. When nothing is selected it is the
// empty span at the caret.
func (t *TranscriptView) Selection() qda.Span {
	if t.anchor <= t.caret {
		return qda.Span{Start: t.anchor, End: t.caret}
	}
	return qda.Span{Start: t.caret, End: t.anchor}
}

// SelectedText returns the text of the selection.
func (t *TranscriptView) SelectedText() string {
	if t.lay == nil {
		return ""
	}
	return t.Selection().Slice(t.lay.runes)
}

// Select selects s, clamped to the text, with the caret at its end, and
// scrolls it into view.
func (t *TranscriptView) Select(s qda.Span) {
	n := t.textLen()
	s.Start = min(max(s.Start, 0), n)
	s.End = min(max(s.End, s.Start), n)
	t.pageY = -1
	t.setSelection(s.Start, s.End)
	t.ScrollTo(s)
}

func (t *TranscriptView) textLen() int {
	if t.lay == nil {
		return 0
	}
	return len(t.lay.runes)
}

// setSelection moves the anchor and caret, repaints and tells the app when
// the selected span changed.
func (t *TranscriptView) setSelection(anchor, caret int) {
	before := t.Selection()
	t.anchor, t.caret = anchor, caret
	t.surface.Refresh()
	if after := t.Selection(); after != before && t.OnSelectionChanged != nil {
		t.OnSelectionChanged(after)
	}
}

// moveCaret puts the caret at offset, extending the selection when extend
// is set and collapsing it otherwise, and keeps the caret in view.
func (t *TranscriptView) moveCaret(offset int, extend bool) {
	anchor := offset
	if extend {
		anchor = t.anchor
	}
	t.setSelection(anchor, offset)
	t.ScrollTo(qda.Span{Start: offset, End: offset})
}

// FocusGained is part of fyne.Focusable.
func (t *TranscriptView) FocusGained() {
	t.focused = true
	t.surface.Refresh()
}

// FocusLost is part of fyne.Focusable.
func (t *TranscriptView) FocusLost() {
	t.focused = false
	t.shift = false
	t.surface.Refresh()
}

// TypedRune is part of fyne.Focusable; the text is read-only, so typed
// characters go to OnRune.
func (t *TranscriptView) TypedRune(r rune) {
	if t.OnRune != nil {
		t.OnRune(r)
	}
}

// KeyDown is part of desktop.Keyable; it notes Shift, which turns caret
// moves into selection.
func (t *TranscriptView) KeyDown(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		t.shift = true
	}
}

// KeyUp is part of desktop.Keyable.
func (t *TranscriptView) KeyUp(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		t.shift = false
	}
}

// shiftHeld reports whether Shift is down, by the key events seen or by
// asking a desktop driver.
func (t *TranscriptView) shiftHeld() bool {
	if t.shift {
		return true
	}
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok {
		return d.CurrentKeyModifiers()&fyne.KeyModifierShift != 0
	}
	return false
}

// TypedKey is part of fyne.Focusable: arrows, Home, End and the page keys
// move the caret, with Shift extending the selection; Escape clears it.
// Other keys go to OnKey.
func (t *TranscriptView) TypedKey(ev *fyne.KeyEvent) {
	if t.lay == nil || len(t.lay.lines) == 0 {
		t.passKey(ev)
		return
	}
	extend := t.shiftHeld()
	sel := t.Selection()
	vertical := false
	switch ev.Name {
	case fyne.KeyLeft:
		if !extend && !sel.Empty() {
			t.moveCaret(sel.Start, false)
		} else {
			t.moveCaret(t.prevCaret(t.caret), extend)
		}
	case fyne.KeyRight:
		if !extend && !sel.Empty() {
			t.moveCaret(sel.End, false)
		} else {
			t.moveCaret(t.nextCaret(t.caret), extend)
		}
	case fyne.KeyUp, fyne.KeyDown:
		t.moveCaret(t.lineStep(ev.Name == fyne.KeyDown, 1), extend)
		vertical = true
	case fyne.KeyPageUp, fyne.KeyPageDown:
		t.pageStep(ev.Name == fyne.KeyPageDown, extend)
		vertical = true
	case fyne.KeyHome:
		t.moveCaret(t.lay.lines[t.lay.lineOf(t.caret)].start, extend)
	case fyne.KeyEnd:
		t.moveCaret(t.lay.caretEnd(t.lay.lineOf(t.caret)), extend)
	case fyne.KeyEscape:
		if sel.Empty() {
			t.passKey(ev)
			return
		}
		t.setSelection(t.caret, t.caret)
	default:
		t.passKey(ev)
		return
	}
	if !vertical {
		t.goalX = -1
	}
	if ev.Name != fyne.KeyPageUp && ev.Name != fyne.KeyPageDown {
		t.pageY = -1
	}
}

func (t *TranscriptView) passKey(ev *fyne.KeyEvent) {
	if t.OnKey != nil {
		t.OnKey(ev)
	}
}

// prevCaret and nextCaret step over whole clusters and skip the text between
// blocks, which is never shown.
func (t *TranscriptView) prevCaret(o int) int {
	lay := t.lay
	li := lay.lineOf(o)
	if o <= lay.lines[li].start {
		if li == 0 {
			return lay.lines[0].start
		}
		return lay.caretEnd(li - 1)
	}
	o--
	for o > 0 && lay.cont[o] {
		o--
	}
	return o
}

func (t *TranscriptView) nextCaret(o int) int {
	lay := t.lay
	li := lay.lineOf(o)
	if o >= lay.caretEnd(li) {
		if li+1 < len(lay.lines) {
			return lay.lines[li+1].start
		}
		return lay.caretEnd(li)
	}
	o++
	for o < len(lay.cont) && lay.cont[o] {
		o++
	}
	return o
}

// lineStep returns the caret position n lines down (or up), nearest to the
// x the caret had when vertical movement began.
func (t *TranscriptView) lineStep(down bool, n int) int {
	lay := t.lay
	li := lay.lineOf(t.caret)
	if t.goalX < 0 {
		t.goalX = lay.positionOf(t.caret, t.buf).X
	}
	if down {
		li += n
	} else {
		li -= n
	}
	switch {
	case li < 0:
		return lay.lines[0].start
	case li >= len(lay.lines):
		return lay.caretEnd(len(lay.lines) - 1)
	}
	ln := &lay.lines[li]
	return lay.offsetAt(t.goalX, ln.y+1, t.buf)
}

// TypedShortcut is part of fyne.Shortcutable: it copies and selects all,
// and hands every other shortcut to the window so the app's own (undo,
// quick codes) still work while the view has focus.
func (t *TranscriptView) TypedShortcut(s fyne.Shortcut) {
	switch sc := s.(type) {
	case *fyne.ShortcutCopy:
		if text := t.SelectedText(); text != "" {
			cb := sc.Clipboard
			if cb == nil {
				cb = fyne.CurrentApp().Clipboard()
			}
			cb.SetContent(text)
		}
	case *fyne.ShortcutSelectAll:
		t.setSelection(0, t.textLen())
	case *desktop.CustomShortcut:
		if !t.documentKey(sc) {
			t.passShortcut(s)
		}
	default:
		t.passShortcut(s)
	}
}

// passShortcut hands a shortcut the view does not use to the window.
func (t *TranscriptView) passShortcut(s fyne.Shortcut) {
	if c, ok := fyne.CurrentApp().Driver().CanvasForObject(t).(fyne.Shortcutable); ok {
		c.TypedShortcut(s)
	}
}

// wordAt returns the word around offset: a run of letters and digits, a
// Chinese word (the run of Han characters cut as analysis segments words),
// or the single rune there. Double-click and Ctrl+Shift+arrows both take
// words from here.
func (t *TranscriptView) wordAt(offset int) qda.Span {
	runes := t.lay.runes
	if offset < 0 || offset >= len(runes) {
		return qda.Span{Start: offset, End: offset}
	}
	class := wordClass
	c := class(runes[offset])
	s, e := offset, offset+1
	if c != 0 {
		for s > 0 && class(runes[s-1]) == c {
			s--
		}
		for e < len(runes) && class(runes[e]) == c {
			e++
		}
		if c == 1 {
			ws, we := analysis.HanWordAt(runes[s:e], offset-s)
			s, e = s+ws, s+we
		}
	}
	for e < len(runes) && t.lay.cont[e] {
		e++
	}
	return qda.Span{Start: s, End: e}
}

// wordClass says what kind of word a rune belongs to: 1 for Han characters,
// 2 for letters and digits (with apostrophes and combining marks), 0 for
// what is no word (spaces, punctuation).
func wordClass(r rune) int {
	switch {
	case isHan(r):
		return 1
	case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’' || joinsCluster(r):
		return 2
	}
	return 0
}
