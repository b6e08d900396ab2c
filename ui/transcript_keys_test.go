package ui_test

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"coder/qda"
)

// Ensure that PageDown moves one visible page: ten presses scroll ten pages
// down a long transcript with the caret keeping its place on the screen,
// ten PageUps come back to the top, and Ctrl+End and Ctrl+Home (with Shift,
// selecting) reach the end and the start of the document.
func TestTranscriptView_PageKeysMoveAPageCtrlHomeEndReachTheEnds(t *testing.T) {
	doc := longDoc(60000)
	const view = 600
	s := paintedView(t, doc, fyne.NewSize(800, view))
	lh := s.tv.LineHeight()
	s.click(t, at(s.tv, s.tv.OffsetAt(fyne.NewPos(300, view/2))), 0)
	scrolled := func() float32 { return -s.tv.PositionOf(0).Y }
	caretY := func() float32 { return s.tv.PositionOf(s.tv.Selection().End).Y }
	start, startY := scrolled(), caretY()

	for i := 1; i <= 10; i++ {
		before, y := scrolled(), caretY()
		s.key(fyne.KeyPageDown, false)
		if d := scrolled() - before; d < view-3*lh || d > view {
			t.Fatalf("PageDown %d scrolled %v pixels in a %v-pixel view", i, d, view)
		}
		if d := caretY() - y; d < -2*lh || d > 2*lh {
			t.Errorf("PageDown %d moved the caret %v pixels on the screen", i, d)
		}
	}
	if got := scrolled() - start; got < 10*(view-3*lh) {
		t.Fatalf("ten PageDowns scrolled %v pixels, less than ten pages", got)
	}
	if d := caretY() - startY; d < -lh || d > lh {
		t.Errorf("after ten PageDowns the caret is %v pixels from where it was on the screen", d)
	}
	for i := 1; i <= 10; i++ {
		s.key(fyne.KeyPageUp, false)
	}
	if got := scrolled(); got != start {
		t.Errorf("ten PageUps left the view scrolled by %v, want %v", got, start)
	}
	if d := caretY() - startY; d < -2*lh || d > 2*lh {
		t.Errorf("after ten PageUps the caret is %v pixels from where it began on the screen", d)
	}

	last := doc.Passages[len(doc.Passages)-1].Span.End
	shortcut := func(key fyne.KeyName, mod fyne.KeyModifier) {
		s.w.Canvas().Focused().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: mod})
		s.frame()
	}
	shortcut(fyne.KeyEnd, fyne.KeyModifierControl)
	if got := s.tv.Selection(); got != (qda.Span{Start: last, End: last}) {
		t.Fatalf("Ctrl+End put the caret at %v, want the end %d", got, last)
	}
	if y := caretY(); y < 0 || y > view {
		t.Errorf("after Ctrl+End the caret is at y %v, out of view", y)
	}
	shortcut(fyne.KeyHome, fyne.KeyModifierControl|fyne.KeyModifierShift)
	if got := s.tv.Selection(); got != (qda.Span{Start: 0, End: last}) {
		t.Fatalf("Ctrl+Shift+Home selected %v, want the whole document 0:%d", got, last)
	}
	if y := s.tv.PositionOf(0).Y; y < 0 || y > view {
		t.Errorf("after Ctrl+Home the start is at y %v, out of view", y)
	}
}
