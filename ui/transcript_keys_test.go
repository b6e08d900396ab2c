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

// Ensure that Ctrl+Shift+Right and Ctrl+Shift+Left select word by word, as
// in every editor (English words, and Chinese words as the segmenter cuts
// them, as a double-click takes them), across passages, and that the screen
// paints what is selected; Ctrl+Right without Shift moves the caret alone.
func TestTranscriptView_CtrlShiftArrowsSelectWordByWord(t *testing.T) {
	var b docBuilder
	b.turn("Resident Qiao", 0, "The broken gate, again.")
	b.turn("Director Zhang", 0, "我们开会，讨论大门。")
	doc := b.doc()
	s := paintedView(t, doc, fyne.NewSize(600, 400))
	word := func(key fyne.KeyName, shift bool) {
		mod := fyne.KeyModifierControl
		if shift {
			mod |= fyne.KeyModifierShift
		}
		s.w.Canvas().Focused().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: mod})
		s.frame()
	}
	a := offsetOf(doc, "The broken")
	s.click(t, at(s.tv, a), 0)
	for _, upTo := range []string{"The", "The broken", "The broken gate", "The broken gate, again"} {
		word(fyne.KeyRight, true)
		want := qda.Span{Start: a, End: a + len([]rune(upTo))}
		if got := s.tv.Selection(); got != want {
			t.Fatalf("Ctrl+Shift+Right selected %v %q, want %q", got, got.Slice([]rune(doc.Text)), upTo)
		}
		s.checkPainted(t, doc, want)
	}
	word(fyne.KeyRight, true) // on into the next turn, to its speaker's name
	if got, want := s.tv.Selection().End, offsetOf(doc, "Director")+len("Director"); got != want {
		t.Fatalf("Ctrl+Shift+Right into the next turn ended at %d %q, want %d", got, []rune(doc.Text)[a:got], want)
	}
	word(fyne.KeyLeft, true)
	word(fyne.KeyLeft, true)
	want := qda.Span{Start: a, End: offsetOf(doc, "again")}
	if got := s.tv.Selection(); got != want {
		t.Fatalf("two Ctrl+Shift+Left left %v %q, want %q", got, got.Slice([]rune(doc.Text)), want.Slice([]rune(doc.Text)))
	}
	s.checkPainted(t, doc, want)
	word(fyne.KeyRight, false)
	if got := s.tv.Selection(); !got.Empty() || got.End != offsetOf(doc, "again")+len("again") {
		t.Errorf("Ctrl+Right put the caret at %v", got)
	}

	zh := offsetOf(doc, "我们")
	s.click(t, at(s.tv, zh), 0)
	for _, upTo := range []string{"我们", "我们开会", "我们开会，讨论", "我们开会，讨论大门"} {
		word(fyne.KeyRight, true)
		want := qda.Span{Start: zh, End: zh + len([]rune(upTo))}
		if got := s.tv.Selection(); got != want {
			t.Fatalf("Ctrl+Shift+Right in Chinese selected %v %q, want %q", got, got.Slice([]rune(doc.Text)), upTo)
		}
		s.checkPainted(t, doc, want)
	}
	word(fyne.KeyLeft, true)
	if got, want := s.tv.Selection(), (qda.Span{Start: zh, End: offsetOf(doc, "大门")}); got != want {
		t.Fatalf("Ctrl+Shift+Left in Chinese left %v %q, want %q", got, got.Slice([]rune(doc.Text)), want.Slice([]rune(doc.Text)))
	}
}
