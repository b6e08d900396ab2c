package ui

import (
	"image/color"
	"sort"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"coder/analysis"
	"coder/qda"
)

// Highlight is a coded span as the TranscriptView paints it.
type Highlight struct {
	ID    qda.ID      // the coding's ID, so callbacks can say which coding was hit
	Span  qda.Span    // the runes coded
	Color color.Color // the code's colour; the view makes it translucent for the fill
	Label string      // the code's path, for the app's menus and panels
	Memo  bool        // the coding carries a memo: the margin shows a marker
}

// TranscriptView shows one document for reading and coding: passages wrapped
// for English and Chinese alike, speaker turns set apart, coded spans painted
// in their codes' colours, search hits marked, and a selection made with the
// mouse or the keyboard. It scrolls itself and creates canvas objects only for
// the lines near the visible part, so long transcripts open and scroll fast.
//
// Stock Fyne widgets cannot do this: Entry exposes no selection offsets and
// cannot be read-only, RichText cannot select or paint backgrounds, and
// TextGrid is monospaced and draws CJK glyphs over each other.
//
// All positions are rune offsets into the document's text. Like every Fyne
// widget, it must be used from the Fyne goroutine (fyne.Do elsewhere).
type TranscriptView struct {
	widget.BaseWidget

	// OnSelectionChanged is called when the selected span changes, by mouse,
	// keyboard or Select. The span is empty (Start == End, the caret) when
	// nothing is selected.
	OnSelectionChanged func(sel qda.Span)
	// OnHighlightTapped is called on a primary tap with the rune under the
	// pointer (-1 when the tap was past the end of a line) and the highlights
	// covering it, which may be none so the app can clear what it showed.
	OnHighlightTapped func(offset int, hits []Highlight)
	// OnContextMenu is called on a secondary tap with the current selection,
	// the rune under the pointer (-1 when the tap was past the end of a
	// line), the highlights covering it and the absolute position of the
	// tap, ready for widget.ShowPopUpMenuAtPosition.
	OnContextMenu func(sel qda.Span, offset int, hits []Highlight, abs fyne.Position)
	// OnKey receives the keys the view does not use itself, such as digits
	// for quick codes.
	OnKey func(ev *fyne.KeyEvent)
	// OnRune receives typed characters, for type-to-find-a-code.
	OnRune func(r rune)
	// OnSelectionDropped, when set, turns a drag that begins on selected
	// text into carrying that text out of the view: it is called when the
	// drag ends with the selection and the pointer's absolute position, so
	// the app can code the selection with whatever is under the pointer.
	// Drags that begin elsewhere still select.
	OnSelectionDropped func(sel qda.Span, abs fyne.Position)
	// OnSelectionDragged is called as carried text moves, with the pointer's
	// absolute position; the line it returns is shown under the carried
	// words (empty keeps the line as it is).
	OnSelectionDragged func(sel qda.Span, abs fyne.Position) string

	doc        *qda.Document
	lay        *layout
	gen        int // counts re-layouts, so the renderer knows to rebuild lines
	highlights []Highlight
	lanes      []int // gutter lane of each highlight
	marks      []qda.Span

	anchor, caret int
	goalX         float32 // x kept while moving up and down; -1 when unset
	pageY         float32 // caret's height on the screen kept while paging; -1 when unset
	focused       bool
	shift         bool
	dragging      bool
	press         *press       // the last press of the primary button on the text
	presses       atomic.Int64 // counts presses and drags, so a click's delayed report can tell it was followed
	carrying      *carry       // a drag of the selection out of the view, or nil

	pending *qda.Span // a ScrollTo made before the view had a size
	find    *finder   // the find bar above the text
	tip     *tip      // the code named beside the pointer over the margin, or nil

	surface *transcriptSurface
	scroll  *container.Scroll
	buf     []float32
}

var (
	_ fyne.Focusable    = (*TranscriptView)(nil)
	_ fyne.Shortcutable = (*TranscriptView)(nil)
)

// NewTranscriptView returns an empty view; give it text with SetDocument.
func NewTranscriptView() *TranscriptView {
	t := &TranscriptView{goalX: -1, pageY: -1}
	t.surface = &transcriptSurface{t: t}
	t.surface.ExtendBaseWidget(t.surface)
	t.scroll = container.NewVScroll(t.surface)
	t.scroll.OnScrolled = func(fyne.Position) { t.surface.scrolled() }
	t.find = newFinder(t)
	t.ExtendBaseWidget(t)
	return t
}

// SetDocument shows doc from its start, with no selection, highlights or
// marks. The view keeps doc and reads its Text and Passages.
func (t *TranscriptView) SetDocument(doc *qda.Document) {
	t.doc = doc
	if doc != nil && strings.IndexFunc(doc.Text, isHan) >= 0 {
		go analysis.LoadChinese() // so the first double-click on a Chinese word does not wait for the dictionary
	}
	t.lay = nil
	t.highlights, t.lanes, t.marks = nil, nil, nil
	t.anchor, t.caret, t.goalX, t.pageY = 0, 0, -1, -1
	t.pending, t.press = nil, nil
	t.scroll.Offset = fyne.Position{}
	t.relayout(t.Size().Width)
	if t.find.bar.Visible() {
		t.find.from = 0
		t.find.search()
	}
	t.Refresh()
}

// PassagesChanged lays the document out again after its Passages were
// replaced (speaker turns detected or removed; the text is the same),
// keeping the scroll position, selection and highlights.
func (t *TranscriptView) PassagesChanged() {
	t.lay = nil
	t.relayout(t.Size().Width)
	t.Refresh()
}

// Document returns the document shown, or nil.
func (t *TranscriptView) Document() *qda.Document { return t.doc }

// SetHighlights replaces the coded spans painted. Overlapping spans are all
// shown: each gets its own band under the text and its own stripe in the
// left gutter.
func (t *TranscriptView) SetHighlights(h []Highlight) {
	t.highlights = append(t.highlights[:0:0], h...)
	sort.SliceStable(t.highlights, func(i, j int) bool {
		a, b := t.highlights[i].Span, t.highlights[j].Span
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		return a.End > b.End
	})
	t.assignLanes()
	t.surface.Refresh()
}

// Highlights returns the spans painted, ordered by start.
func (t *TranscriptView) Highlights() []Highlight { return t.highlights }

// SetMarks replaces the marked search hits, drawn as amber boxes over the
// text and under the selection.
func (t *TranscriptView) SetMarks(spans []qda.Span) {
	t.marks = append(t.marks[:0:0], spans...)
	sort.Slice(t.marks, func(i, j int) bool { return t.marks[i].Start < t.marks[j].Start })
	t.surface.Refresh()
}

// HighlightsAt returns the highlights that cover the rune at offset.
func (t *TranscriptView) HighlightsAt(offset int) []Highlight {
	var hits []Highlight
	for _, h := range t.highlights {
		if h.Span.Start > offset {
			break
		}
		if h.Span.ContainsOffset(offset) {
			hits = append(hits, h)
		}
	}
	return hits
}

// ScrollTo scrolls so that s is in view, a third of the way down when it
// was not already visible.
func (t *TranscriptView) ScrollTo(s qda.Span) {
	if t.lay == nil || len(t.lay.lines) == 0 {
		return
	}
	if t.scroll.Size().Height <= 0 {
		// Not laid out yet: where the span will be depends on the width.
		t.pending = &s
		return
	}
	t.pending = nil
	top := t.lay.positionOf(s.Start, t.buf).Y
	endLine := t.lay.lineOf(max(s.Start, s.End-1))
	bottom := t.lay.lines[endLine].y + t.lay.geo.pitch(&t.lay.blocks[t.lay.lines[endLine].block])
	view := t.scroll.Size().Height
	off := t.scroll.Offset.Y
	if top >= off && bottom <= off+view {
		return
	}
	y := top - view/3
	if bottom-top < view && top < off {
		y = top - t.lay.geo.textH
	}
	t.scrollToY(y)
}

func (t *TranscriptView) scrollToY(y float32) {
	maxY := t.lay.height - t.scroll.Size().Height
	y = min(y, maxY)
	y = max(y, 0)
	t.scroll.ScrollToOffset(fyne.NewPos(0, y))
	t.surface.scrolled()
}

// OffsetAt returns the caret position nearest to pos, a point relative to
// the view's top-left corner.
func (t *TranscriptView) OffsetAt(pos fyne.Position) int {
	if t.lay == nil {
		return 0
	}
	return t.lay.offsetAt(pos.X, pos.Y-t.scroll.Position().Y+t.scroll.Offset.Y, t.buf)
}

// PositionOf returns the top-left corner of the glyph at offset, relative to
// the view's top-left corner (negative or past the height when it is
// scrolled out of view).
func (t *TranscriptView) PositionOf(offset int) fyne.Position {
	if t.lay == nil {
		return fyne.Position{}
	}
	p := t.lay.positionOf(offset, t.buf)
	return p.SubtractXY(0, t.scroll.Offset.Y-t.scroll.Position().Y)
}

// LineHeight returns the height of the text of one body line, for callers
// that aim at the middle of a glyph.
func (t *TranscriptView) LineHeight() float32 {
	if t.lay == nil {
		return t.geometry().textH
	}
	return t.lay.geo.textH
}

// CreateRenderer is part of fyne.Widget.
func (t *TranscriptView) CreateRenderer() fyne.WidgetRenderer {
	return &viewRenderer{t: t}
}

// geometry reads the sizes the layout depends on from the current theme.
func (t *TranscriptView) geometry() geometry {
	th := t.Theme()
	size := th.Size(theme.SizeNameText)
	textH := fyne.MeasureText("Mg", size, fyne.TextStyle{}).Height
	return geometry{
		textSize:    size,
		headingSize: th.Size(theme.SizeNameSubHeadingText),
		textH:       textH,
		headerH:     textH + th.Size(theme.SizeNamePadding)/2,
		bandPitch:   3,
		bandH:       2,
		bands:       3,
		lanePitch:   5,
		memoW:       th.Size(theme.SizeNameText),
		lanes:       6,
		pad:         th.Size(theme.SizeNamePadding) * 2,
		// The scroll bar floats over the content and widens under the
		// pointer: lines end before it, so it never covers their last letters.
		right: th.Size(theme.SizeNameScrollBar) + th.Size(theme.SizeNamePadding),
		font:  th.Font(fyne.TextStyle{}).Name(),
	}
}

// relayout measures the document again if the theme's sizes changed, and
// wraps it again if the width changed. Until the view has a width it only
// measures, so opening a document wraps it once, at its real width.
func (t *TranscriptView) relayout(width float32) {
	if t.doc == nil {
		if t.lay == nil {
			t.lay = newLayout(nil, t.geometry())
			t.gen++
		}
		return
	}
	geo := t.geometry()
	geo.names = marginNames(width, geo)
	if t.lay == nil || t.lay.geo.measures() != geo.measures() {
		t.lay = newLayout(t.doc, geo)
		t.lay.width = -1
	}
	if width > 0 && (t.lay.width != width || t.lay.geo.names != geo.names) {
		t.lay.geo.names = geo.names
		t.lay.wrap(width)
		t.tip = nil // the margin it named has moved
		t.gen++
		t.assignLanes()
	}
}

// viewRenderer lays out the view's scroller, wrapping the text to the new
// width first so the scroller sees the right content height.
type viewRenderer struct {
	t *TranscriptView
}

func (r *viewRenderer) Layout(size fyne.Size) {
	r.t.relayout(size.Width)
	top := float32(0)
	if bar := r.t.find.bar; bar.Visible() {
		top = bar.MinSize().Height
		bar.Move(fyne.Position{})
		bar.Resize(fyne.NewSize(size.Width, top))
	}
	r.t.scroll.Move(fyne.NewPos(0, top))
	size.Height -= top
	r.t.scroll.Resize(size)
	r.t.scroll.Refresh()
	if p := r.t.pending; p != nil && size.Height > 0 {
		r.t.ScrollTo(*p)
	}
	r.t.surface.scrolled()
}

func (r *viewRenderer) MinSize() fyne.Size {
	return fyne.NewSize(r.t.geometry().textSize*12, r.t.geometry().textH*3)
}

func (r *viewRenderer) Refresh() {
	r.Layout(r.t.Size())
	r.t.scroll.Refresh()
	r.t.surface.Refresh()
}

func (r *viewRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.t.scroll, r.t.find.bar}
}

func (r *viewRenderer) Destroy() {}

// assignLanes gives each highlight the lowest gutter lane not taken by an
// earlier highlight on any of the same lines, so codes that share a line
// sit side by side in the gutter even when their spans only touch.
func (t *TranscriptView) assignLanes() {
	hs := t.highlights
	t.lanes = make([]int, len(hs))
	rows := func(s qda.Span) (int, int) {
		if t.lay == nil || len(t.lay.lines) == 0 {
			return s.Start, s.End - 1
		}
		return t.lay.lineOf(s.Start), t.lay.lineOf(max(s.Start, s.End-1))
	}
	var last []int // last row taken in each lane
	for i, h := range hs {
		first, end := rows(h.Span)
		lane := -1
		for l, taken := range last {
			if taken < first {
				lane = l
				break
			}
		}
		if lane < 0 {
			lane = len(last)
			last = append(last, 0)
		}
		last[lane] = end
		t.lanes[i] = lane
	}
}
