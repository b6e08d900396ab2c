package ui_test

import (
	"image/color"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"coder/qda"
	"coder/ui"
)

// screen models what a desktop window shows: a frame is painted only when
// something asked the canvas to repaint since the last frame (as the GL
// driver does), and then shows the widgets' objects as they are at that
// moment. Tests read the selection the user sees from the last frame.
type screen struct {
	fyne.App
	tv      *ui.TranscriptView
	w       fyne.Window
	dirty   bool
	painted []fyne.Position // top-left and bottom-right of each selection rectangle in the last frame, view coordinates
}

// paintedView shows doc in a view whose repaints are recorded.
func paintedView(t *testing.T, doc *qda.Document, size fyne.Size) *screen {
	t.Helper()
	tv, w := newView(t, doc, size)
	s := &screen{App: fyne.CurrentApp(), tv: tv, w: w}
	fyne.SetCurrentApp(s)
	t.Cleanup(func() { fyne.SetCurrentApp(s.App) })
	s.dirty = true
	s.frame()
	return s
}

func (s *screen) Driver() fyne.Driver { return screenDriver{s.App.Driver(), s} }

type screenDriver struct {
	fyne.Driver
	s *screen
}

func (d screenDriver) CanvasForObject(o fyne.CanvasObject) fyne.Canvas {
	c := d.Driver.CanvasForObject(o)
	if c == nil {
		return nil
	}
	return screenCanvas{c, d.s}
}

type screenCanvas struct {
	fyne.Canvas
	s *screen
}

func (c screenCanvas) Refresh(o fyne.CanvasObject) {
	c.s.dirty = true
	c.Canvas.Refresh(o)
}

// frame paints a frame if one is due, as the window does after handling
// each event.
func (s *screen) frame() {
	if !s.dirty {
		return
	}
	s.dirty = false
	s.painted = s.painted[:0]
	d := s.App.Driver()
	surface := s.surface()
	origin := d.AbsolutePositionForObject(surface).Subtract(d.AbsolutePositionForObject(s.tv))
	sel := selectionFill()
	for _, o := range test.WidgetRenderer(surface.(fyne.Widget)).Objects() {
		r, ok := o.(*canvas.Rectangle)
		if !ok || !o.Visible() || r.FillColor != sel {
			continue
		}
		tl := origin.Add(r.Position())
		s.painted = append(s.painted, tl, tl.Add(r.Size()))
	}
}

// surface returns the view's scrolling sheet, which draws the text and
// takes the mouse. It reads the renderers as they are: laying them out, as
// test.LaidOutObjects does, would ask for a repaint the window never would.
func (s *screen) surface() fyne.CanvasObject {
	for _, o := range test.WidgetRenderer(s.tv).Objects() {
		if sc, ok := o.(fyne.Widget); ok {
			for _, c := range test.WidgetRenderer(sc).Objects() {
				if _, ok := c.(desktop.Mouseable); ok {
					return c
				}
			}
		}
	}
	panic("the view has no surface")
}

// selectionFill is the colour the view paints selected text with.
func selectionFill() color.Color {
	return fyne.CurrentApp().Settings().Theme().Color(theme.ColorNameSelection, fyne.CurrentApp().Settings().ThemeVariant())
}

// paintedOver reports whether the last frame shows p selected.
func (s *screen) paintedOver(p fyne.Position) bool {
	for i := 0; i < len(s.painted); i += 2 {
		a, b := s.painted[i], s.painted[i+1]
		if p.X >= a.X && p.X < b.X && p.Y >= a.Y && p.Y < b.Y {
			return true
		}
	}
	return false
}

// checkPainted fails unless the last frame highlights exactly the runes of
// want: every glyph inside it is painted over at its middle, and no glyph
// outside it is.
func (s *screen) checkPainted(t *testing.T, doc *qda.Document, want qda.Span) {
	t.Helper()
	runes := []rune(doc.Text)
	h := s.tv.LineHeight()
	var wrong []int
	for o := 0; o+1 < len(runes); o++ {
		if runes[o] == '\n' || runes[o] == ' ' || isClusterContinuation(runes, o+1) || (o > 0 && isClusterContinuation(runes, o)) {
			continue
		}
		a, b := s.tv.PositionOf(o), s.tv.PositionOf(o+1)
		if a.Y != b.Y || b.X <= a.X {
			continue // the last glyph of a line, or one not drawn
		}
		mid := fyne.NewPos((a.X+b.X)/2, a.Y+h/2)
		if s.paintedOver(mid) != want.ContainsOffset(o) {
			wrong = append(wrong, o)
		}
	}
	if len(wrong) > 0 {
		got := ""
		for _, o := range wrong[:min(len(wrong), 12)] {
			got += string(runes[o])
		}
		t.Fatalf("the screen shows %d glyphs wrongly (%q…) for the selection %v %q", len(wrong), got, want, abbrev(want.Slice(runes)))
	}
}

// surfaceAt returns the view's surface and pos, a canvas position,
// relative to it.
func (s *screen) surfaceAt(t *testing.T, pos fyne.Position) (fyne.CanvasObject, fyne.Position) {
	t.Helper()
	o := s.surface()
	abs, size := canvasPos(o), o.Size()
	if pos.X < abs.X || pos.Y < abs.Y || pos.X >= abs.X+size.Width || pos.Y >= abs.Y+size.Height {
		t.Fatalf("%v is not on the text", pos)
	}
	return o, pos.Subtract(abs)
}

// click presses and releases the primary button at pos with the given
// modifiers, delivering the events in the order the desktop driver does,
// and paints a frame.
func (s *screen) click(t *testing.T, pos fyne.Position, mod fyne.KeyModifier) {
	t.Helper()
	o, local := s.surfaceAt(t, pos)
	ev := &desktop.MouseEvent{Button: desktop.MouseButtonPrimary, Modifier: mod}
	ev.Position, ev.AbsolutePosition = local, pos
	o.(desktop.Mouseable).MouseDown(ev)
	s.frame()
	o.(desktop.Mouseable).MouseUp(ev)
	o.(fyne.Tappable).Tapped(&fyne.PointEvent{Position: local, AbsolutePosition: pos})
	s.frame()
}

// drag presses at from, moves through path with a frame after each move,
// and releases at the last point, as the desktop driver reports it: each
// Dragged carries the distance since the previous one.
func (s *screen) drag(t *testing.T, from fyne.Position, path ...fyne.Position) {
	t.Helper()
	o, local := s.surfaceAt(t, from)
	origin := from.Subtract(local)
	ev := &desktop.MouseEvent{Button: desktop.MouseButtonPrimary}
	ev.Position, ev.AbsolutePosition = local, from
	o.(desktop.Mouseable).MouseDown(ev)
	s.frame()
	prev := from
	for _, p := range path {
		de := &fyne.DragEvent{Dragged: fyne.NewDelta(p.X-prev.X, p.Y-prev.Y)}
		de.Position, de.AbsolutePosition = p.Subtract(origin), p
		o.(fyne.Draggable).Dragged(de)
		s.frame()
		prev = p
	}
	up := &desktop.MouseEvent{Button: desktop.MouseButtonPrimary}
	up.Position, up.AbsolutePosition = prev.Subtract(origin), prev
	o.(desktop.Mouseable).MouseUp(up)
	o.(fyne.Draggable).DragEnd()
	s.frame()
}

// key types name at the focused widget, with Shift held when shift is set,
// as the desktop driver delivers it, and paints a frame.
func (s *screen) key(name fyne.KeyName, shift bool) {
	f := s.w.Canvas().Focused()
	k, _ := f.(desktop.Keyable)
	if shift && k != nil {
		k.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	}
	f.TypedKey(&fyne.KeyEvent{Name: name})
	if shift && k != nil {
		k.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	}
	s.frame()
}

// Ensure that every Shift+Right repaints the selection at once: after each
// press the screen shows exactly the characters selected, in Chinese and in
// English, and the selection is what the keys made.
func TestTranscriptView_ShiftArrowsPaintTheSelectionAtOnce(t *testing.T) {
	doc, _ := sampleDoc()
	s := paintedView(t, doc, fyne.NewSize(420, 900))
	for _, start := range []string{"以前什么事", "retired teachers"} {
		t.Run(start, func(t *testing.T) {
			a := offsetOf(doc, start)
			s.click(t, at(s.tv, a), 0)
			if got := s.tv.Selection(); got != (qda.Span{Start: a, End: a}) {
				t.Fatalf("a click put the caret at %v, want %d", got, a)
			}
			for i := 1; i <= 5; i++ {
				s.key(fyne.KeyRight, true)
				want := qda.Span{Start: a, End: a + i}
				if got := s.tv.Selection(); got != want {
					t.Fatalf("after %d Shift+Right the selection is %v, want %v", i, got, want)
				}
				s.checkPainted(t, doc, want)
			}
			s.key(fyne.KeyLeft, true)
			s.checkPainted(t, doc, qda.Span{Start: a, End: a + 4})
			s.key(fyne.KeyRight, false)
			s.checkPainted(t, doc, qda.Span{})
		})
	}
}

// Ensure that the selection after a drag is where the pointer was last,
// including the final move before the button came up, and that the screen
// shows that selection, not an earlier one.
func TestTranscriptView_DragEndsWhereThePointerLastWas(t *testing.T) {
	doc, _ := sampleDoc()
	s := paintedView(t, doc, fyne.NewSize(420, 900))
	from := offsetOf(doc, "后来新来的")
	path := []int{from + 2, from + 5, from + 9, offsetOf(doc, "把大家"), offsetOf(doc, "叫到")}
	var moves []fyne.Position
	for _, o := range path {
		moves = append(moves, at(s.tv, o))
	}
	var reported qda.Span
	s.tv.OnSelectionChanged = func(sel qda.Span) { reported = sel }
	s.drag(t, at(s.tv, from), moves...)
	want := qda.Span{Start: from, End: path[len(path)-1]}
	if got := s.tv.Selection(); got != want {
		t.Fatalf("after the drag the selection is %v %q, want %v %q", got, got.Slice([]rune(doc.Text)), want, want.Slice([]rune(doc.Text)))
	}
	if reported != want {
		t.Errorf("the app was last told of %v, want %v", reported, want)
	}
	s.checkPainted(t, doc, want)

	t.Run("English", func(t *testing.T) {
		from := offsetOf(doc, "the drains flooded")
		end := offsetOf(doc, " twice")
		s.drag(t, at(s.tv, from), at(s.tv, from+5), at(s.tv, end-3), at(s.tv, end))
		want := qda.Span{Start: from, End: end}
		if got := s.tv.Selection(); got != want {
			t.Fatalf("after the drag the selection is %v, want %v", got, want)
		}
		s.checkPainted(t, doc, want)
	})
}

// Ensure that Shift+click extends the selection from its anchor to the
// click, forwards and backwards, and the screen shows it.
func TestTranscriptView_ShiftClickExtendsTheSelection(t *testing.T) {
	doc, _ := sampleDoc()
	s := paintedView(t, doc, fyne.NewSize(420, 900))
	a := offsetOf(doc, "retired teachers")
	s.click(t, at(s.tv, a), 0)
	b := offsetOf(doc, " came, and")
	s.click(t, at(s.tv, b), fyne.KeyModifierShift)
	want := qda.Span{Start: a, End: b}
	if got := s.tv.Selection(); got != want {
		t.Fatalf("Shift+click selected %v %q, want %v", got, got.Slice([]rune(doc.Text)), want)
	}
	s.checkPainted(t, doc, want)

	c := offsetOf(doc, "At first")
	s.click(t, at(s.tv, c), fyne.KeyModifierShift)
	want = qda.Span{Start: c, End: a}
	if got := s.tv.Selection(); got != want {
		t.Fatalf("a second Shift+click before the anchor selected %v, want %v", got, want)
	}
	s.checkPainted(t, doc, want)

	s.key(fyne.KeyRight, true)
	if got := s.tv.Selection(); got != (qda.Span{Start: c + 1, End: a}) {
		t.Fatalf("Shift+Right after Shift+click moved to %v, want the caret end to move", got)
	}
}

// Ensure that a double click selects the word under the pointer (a Latin
// word, or a Chinese word as the segmenter cuts the text, not the whole
// clause between punctuation marks) and a triple click the passage.
func TestTranscriptView_DoubleClickSelectsWordTripleClickPassage(t *testing.T) {
	doc, spans := sampleDoc()
	s := paintedView(t, doc, fyne.NewSize(420, 900))
	runes := []rune(doc.Text)

	o := offsetOf(doc, "teachers")
	p := at(s.tv, o+2)
	s.click(t, p, 0)
	s.click(t, p, 0)
	if got := s.tv.SelectedText(); got != "teachers" {
		t.Fatalf("a double click selected %q, want teachers", got)
	}
	s.checkPainted(t, doc, s.tv.Selection())
	s.click(t, p, 0)
	whole := offsetOf(doc, "Interviewer: We started")
	if got, want := s.tv.Selection(), (qda.Span{Start: whole, End: spans["english"].End}); got != want {
		t.Fatalf("a triple click selected %v %q, want the turn %v", got, got.Slice(runes), want)
	}
	s.checkPainted(t, doc, s.tv.Selection())

	zh := offsetOf(doc, "下水道堵了")
	p = at(s.tv, zh+1)
	s.click(t, p, 0)
	s.click(t, p, 0)
	if got := s.tv.SelectedText(); got != "下水道" {
		t.Fatalf("a double click in Chinese selected %q, want the word 下水道", got)
	}
	s.checkPainted(t, doc, s.tv.Selection())
	p = at(s.tv, offsetOf(doc, "打电话")+2)
	s.click(t, p, 0)
	s.click(t, p, 0)
	if got := s.tv.SelectedText(); got != "打电话" {
		t.Fatalf("a double click on the end of 打电话 selected %q, want the word 打电话", got)
	}
	s.checkPainted(t, doc, s.tv.Selection())

	// A single click elsewhere starts over.
	s.click(t, at(s.tv, offsetOf(doc, "parking")), 0)
	if got := s.tv.Selection(); !got.Empty() {
		t.Fatalf("a click after a double click left %v selected", got)
	}
	s.checkPainted(t, doc, qda.Span{})
}

// abbrev shortens text for a failure message.
func abbrev(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}

// Ensure that a double click on coded text selects the word instead of
// opening the coding's pop-up after the first click, and that a single
// click still reports the codings under it once no second click follows.
func TestTranscriptView_DoubleClickOnCodedTextSelectsTheWord(t *testing.T) {
	doc, _ := sampleDoc()
	s := paintedView(t, doc, fyne.NewSize(420, 900))
	coded := qda.Span{Start: offsetOf(doc, "retired"), End: offsetOf(doc, " came")}
	s.tv.SetHighlights([]ui.Highlight{{ID: "c1", Span: coded, Color: color.Black, Label: "Actors"}})
	reported := make(chan []ui.Highlight, 4)
	s.tv.OnHighlightTapped = func(_ int, hits []ui.Highlight) { reported <- hits }

	p := at(s.tv, offsetOf(doc, "teachers")+2)
	s.click(t, p, 0)
	s.click(t, p, 0)
	if got := s.tv.SelectedText(); got != "teachers" {
		t.Fatalf("a double click on coded text selected %q, want teachers", got)
	}
	select {
	case hits := <-reported:
		t.Fatalf("a double click reported the codings %v, as a single click does", hits)
	case <-time.After(time.Second):
	}

	s.click(t, at(s.tv, offsetOf(doc, "retired")+2), 0)
	select {
	case hits := <-reported:
		if len(hits) != 1 || hits[0].ID != "c1" {
			t.Errorf("a click on coded text reported %v, want c1", hits)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("a single click on coded text never reported its codings")
	}
}
