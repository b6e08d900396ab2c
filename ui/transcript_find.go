package ui

import (
	"fmt"
	"image/color"
	"sort"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/unicode/norm"

	"coder/qda"
)

// finder is the view's find bar: a strip above the text with the words to
// find, "3 of 12", previous and next, and close. Every match is marked in
// the text and the current one stands out; closing the bar selects the
// current match, ready to be coded.
type finder struct {
	t       *TranscriptView
	bar     *fyne.Container
	entry   *findBarEntry
	count   *widget.Label
	matches []qda.Span
	current int // index into matches; -1 when there are none
	from    int // where the search began: the first match at or after it is current
}

func newFinder(t *TranscriptView) *finder {
	f := &finder{t: t, current: -1}
	f.entry = newFindBarEntry(f)
	f.entry.SetPlaceHolder("Find in this document")
	f.entry.OnChanged = func(string) { f.search() }
	f.count = widget.NewLabel("")
	prev := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { f.step(true) })
	next := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { f.step(false) })
	closeB := widget.NewButtonWithIcon("", theme.CancelIcon(), f.close)
	prev.Importance, next.Importance, closeB.Importance = widget.LowImportance, widget.LowImportance, widget.LowImportance
	f.bar = container.NewBorder(nil, nil, nil, container.NewHBox(f.count, prev, next, closeB), f.entry)
	f.bar.Hide()
	return f
}

// ShowFind opens the find bar above the text with the keyboard in it, the
// words already there selected, and searches from the caret.
func (t *TranscriptView) ShowFind() {
	f := t.find
	f.from = t.Selection().Start
	if !f.bar.Visible() {
		f.bar.Show()
		t.Refresh()
	}
	f.search()
	if c := fyne.CurrentApp().Driver().CanvasForObject(t); c != nil {
		c.Focus(f.entry)
	}
	f.entry.TypedShortcut(&fyne.ShortcutSelectAll{})
}

// HideFind closes the find bar and clears its marks.
func (t *TranscriptView) HideFind() {
	f := t.find
	if !f.bar.Visible() {
		return
	}
	f.bar.Hide()
	f.matches, f.current = nil, -1
	t.Refresh()
}

// FindMatches returns the spans the find bar marks and the index of the
// current one (-1 when none is).
func (t *TranscriptView) FindMatches() ([]qda.Span, int) {
	return t.find.matches, t.find.current
}

// close hides the bar and leaves the current match selected with the
// keyboard back in the text.
func (f *finder) close() {
	t := f.t
	var sel *qda.Span
	if f.current >= 0 {
		s := f.matches[f.current]
		sel = &s
	}
	t.HideFind()
	if sel != nil {
		t.Select(*sel)
	}
	t.requestFocus()
}

// search finds every occurrence of the entry's words, ignoring case, and
// makes the first at or after where the search began current.
func (f *finder) search() {
	t := f.t
	f.matches, f.current = nil, -1
	if t.lay != nil {
		f.matches = findAll(t.lay.runes, f.entry.Text)
	}
	for i, m := range f.matches {
		if m.Start >= f.from {
			f.current = i
			break
		}
	}
	if f.current < 0 && len(f.matches) > 0 {
		f.current = 0
	}
	f.show()
}

// step makes the next (or, back, the previous) match current, wrapping
// around the document.
func (f *finder) step(back bool) {
	n := len(f.matches)
	if n == 0 {
		return
	}
	if back {
		f.current = (f.current - 1 + n) % n
	} else {
		f.current = (f.current + 1) % n
	}
	f.from = f.matches[f.current].Start
	f.show()
}

// show updates the count, repaints the marks and scrolls the current
// match into view.
func (f *finder) show() {
	switch {
	case f.entry.Text == "":
		f.count.SetText("")
	case len(f.matches) == 0:
		f.count.SetText("No matches")
	default:
		f.count.SetText(fmt.Sprintf("%d of %d", f.current+1, len(f.matches)))
	}
	if f.current >= 0 {
		f.t.ScrollTo(f.matches[f.current])
	}
	f.t.surface.Refresh()
}

// findAll returns the spans of text where query occurs, ignoring case,
// without overlaps.
func findAll(text []rune, query string) []qda.Span {
	q := []rune(norm.NFC.String(query))
	if len(q) == 0 {
		return nil
	}
	for i, r := range q {
		q[i] = unicode.ToLower(r)
	}
	var spans []qda.Span
	for i := 0; i+len(q) <= len(text); i++ {
		k := 0
		for k < len(q) && unicode.ToLower(text[i+k]) == q[k] {
			k++
		}
		if k == len(q) {
			spans = append(spans, qda.Span{Start: i, End: i + len(q)})
			i += len(q) - 1
		}
	}
	return spans
}

// findBarEntry is the find bar's entry: Enter goes to the next match,
// Shift+Enter to the previous one, Escape closes the bar.
type findBarEntry struct {
	widget.Entry
	f     *finder
	shift bool
}

func newFindBarEntry(f *finder) *findBarEntry {
	e := &findBarEntry{f: f}
	e.ExtendBaseWidget(e)
	return e
}

// KeyDown notes Shift for Shift+Enter.
func (e *findBarEntry) KeyDown(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		e.shift = true
	}
	e.Entry.KeyDown(ev)
}

// KeyUp is part of desktop.Keyable.
func (e *findBarEntry) KeyUp(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		e.shift = false
	}
	e.Entry.KeyUp(ev)
}

// FocusLost forgets Shift, whose release another widget may receive.
func (e *findBarEntry) FocusLost() {
	e.shift = false
	e.Entry.FocusLost()
}

// TypedKey steps through the matches on Enter and closes on Escape.
func (e *findBarEntry) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		back := e.shift
		if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok && !back {
			back = d.CurrentKeyModifiers()&fyne.KeyModifierShift != 0
		}
		e.f.step(back)
	case fyne.KeyEscape:
		e.f.close()
	default:
		e.Entry.TypedKey(ev)
	}
}

// Find marks: every match in yellow, the current one in orange with a
// heavier edge, so it stands out among the rest and from the amber marks of
// a project search.
var (
	findFill        = color.NRGBA{R: 0xff, G: 0xeb, B: 0x3b, A: 0x60}
	findEdge        = color.NRGBA{R: 0xc0, G: 0xa0, B: 0x00, A: 0xff}
	findCurrentFill = color.NRGBA{R: 0xff, G: 0x6d, B: 0x00, A: 0xb0}
	findCurrentEdge = color.NRGBA{R: 0xff, G: 0x3d, B: 0x00, A: 0xff}
)

// findMarks draws the find bar's matches on line li, whose caret x
// positions are xs.
func (r *surfaceRenderer) findMarks(li int, xs []float32) {
	t := r.s.t
	f := t.find
	if len(f.matches) == 0 {
		return
	}
	lay := t.lay
	ln := &lay.lines[li]
	h := lay.blocks[ln.block].textH
	i := sort.Search(len(f.matches), func(i int) bool { return f.matches[i].End > ln.start })
	for ; i < len(f.matches) && f.matches[i].Start < ln.end; i++ {
		m := f.matches[i]
		x1, x2, ok := r.segment(li, m.Start, m.End, xs)
		if !ok {
			continue
		}
		if i == f.current {
			r.rect(findCurrentFill, findCurrentEdge, x1-1, ln.y-1, x2-x1+2, h+2)
		} else {
			r.rect(findFill, findEdge, x1, ln.y, x2-x1, h)
		}
	}
}
