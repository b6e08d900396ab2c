package ui

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// transcriptSurface is the tall sheet inside the view's scroller that holds
// the drawn lines and receives the pointer. It is separate from the view so
// that the scroller, not the view, owns the scrolling.
type transcriptSurface struct {
	widget.BaseWidget
	t *TranscriptView
	r *surfaceRenderer
}

// MinSize is the height of the whole wrapped document.
func (s *transcriptSurface) MinSize() fyne.Size {
	t := s.t
	if t.lay == nil {
		return fyne.Size{}
	}
	return fyne.NewSize(t.lay.geo.textX()+4*t.lay.geo.textSize, t.lay.height)
}

// CreateRenderer is part of fyne.Widget.
func (s *transcriptSurface) CreateRenderer() fyne.WidgetRenderer {
	s.r = &surfaceRenderer{s: s, lines: map[int]*lineView{}}
	s.r.Refresh()
	return s.r
}

// scrolled brings the drawn lines up to date after the viewport moved.
func (s *transcriptSurface) scrolled() {
	if s.r != nil && s.r.update(false) {
		canvas.Refresh(s)
	}
}

// lineView holds the text objects of one drawn line; they stay with the line
// while it is near the viewport so scrolling does not re-render glyphs.
type lineView struct {
	texts []*canvas.Text
}

// surfaceRenderer draws the lines in a window around the viewport, from
// pools of text and rectangle objects.
type surfaceRenderer struct {
	s *transcriptSurface

	lines       map[int]*lineView
	freeTexts   []*canvas.Text
	rects       []*canvas.Rectangle
	usedRects   int
	texts       []*canvas.Text // the margin's names and tip
	usedTexts   int
	icons       []*canvas.Image // memo markers
	usedIcons   int
	boxes       []marginBox // what the margin names where, for hovering
	fitted      map[fitKey]string
	objects     []fyne.CanvasObject
	gen         int     // layout generation the lines were built for
	winTop      float32 // the window of content drawn
	winBottom   float32
	first, last int // lines drawn
	fg          color.Color
	dim         color.Color
}

func (r *surfaceRenderer) Layout(fyne.Size) { r.update(false) }

func (r *surfaceRenderer) MinSize() fyne.Size { return r.s.MinSize() }

func (r *surfaceRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *surfaceRenderer) Destroy() {}

// Refresh redraws the decorations and, after a theme change, the text colours.
func (r *surfaceRenderer) Refresh() {
	t := r.s.t
	fg := theme.ColorForWidget(theme.ColorNameForeground, t)
	dim := theme.ColorForWidget(theme.ColorNamePlaceHolder, t)
	if fg != r.fg || dim != r.dim {
		r.fg, r.dim = fg, dim
		r.releaseAll()
	}
	r.update(true)
	// Moving and recolouring pooled rectangles does not tell the canvas to
	// paint a new frame; without this a selection changed by a key or a
	// drag stays unpainted until something else repaints the window.
	canvas.Refresh(r.s)
}

func (r *surfaceRenderer) releaseAll() {
	for li, lv := range r.lines {
		r.freeTexts = append(r.freeTexts, lv.texts...)
		delete(r.lines, li)
	}
}

// update redraws when the viewport has left the drawn window, or always when
// force is set, and reports whether anything changed.
func (r *surfaceRenderer) update(force bool) bool {
	t := r.s.t
	lay := t.lay
	if lay == nil {
		r.objects = r.objects[:0]
		return false
	}
	if r.gen != t.gen {
		r.releaseAll()
		r.gen = t.gen
		force = true
	}
	top := t.scroll.Offset.Y
	h := t.scroll.Size().Height
	if h <= 0 {
		h = 600
	}
	if !force && top >= r.winTop && top+h <= r.winBottom {
		return false
	}
	// Draw half a viewport beyond each edge so small scrolls need no work.
	r.winTop, r.winBottom = top-h/2, top+h+h/2
	if len(lay.lines) == 0 {
		r.objects = r.objects[:0]
		return true
	}
	r.first, r.last = lay.visibleLines(r.winTop, r.winBottom)
	for li, lv := range r.lines {
		if li < r.first || li >= r.last {
			r.freeTexts = append(r.freeTexts, lv.texts...)
			delete(r.lines, li)
		}
	}
	for li := r.first; li < r.last; li++ {
		if r.lines[li] == nil {
			r.lines[li] = r.buildLine(li)
		}
	}
	r.usedRects = 0
	r.objects = r.objects[:0]
	r.decorateBelow()
	for li := r.first; li < r.last; li++ {
		for _, txt := range r.lines[li].texts {
			r.objects = append(r.objects, txt)
		}
	}
	r.decorateAbove()
	r.decorateMargin()
	return true
}

func (r *surfaceRenderer) text(s string, style fyne.TextStyle, size float32, c color.Color, x, y float32) *canvas.Text {
	var txt *canvas.Text
	if n := len(r.freeTexts); n > 0 {
		txt = r.freeTexts[n-1]
		r.freeTexts = r.freeTexts[:n-1]
		txt.Text, txt.TextStyle, txt.TextSize, txt.Color = s, style, size, c
		txt.Refresh()
	} else {
		txt = canvas.NewText(s, c)
		txt.TextStyle, txt.TextSize = style, size
	}
	txt.Move(fyne.NewPos(x, y))
	txt.Resize(txt.MinSize())
	return txt
}

// buildLine makes the text objects of line li: one per run of text that is
// drawn in one style between tabs, plus the speaker header above a block's
// first line.
func (r *surfaceRenderer) buildLine(li int) *lineView {
	t := r.s.t
	lay := t.lay
	ln := &lay.lines[li]
	b := &lay.blocks[ln.block]
	lv := &lineView{}
	x0 := lay.geo.textX()
	if li == b.first && (b.speaker != "" || b.stamp != "") {
		x := x0
		if b.speaker != "" {
			lv.texts = r.boldText(lv.texts, b.speaker, fyne.TextStyle{Bold: true}, lay.geo.textSize, x, b.top)
			x += lv.texts[len(lv.texts)-1].MinSize().Width + lay.geo.pad
		}
		if b.stamp != "" {
			lv.texts = append(lv.texts, r.text(b.stamp, fyne.TextStyle{}, lay.geo.textSize*0.9, r.dim, x, b.top+lay.geo.textSize*0.05))
		}
	}
	xs := lay.xs(li, t.buf)
	runStart := ln.start
	flush := func(end int) {
		if end > runStart {
			style := b.style
			if runStart < b.boldEnd {
				style.Bold = true
			}
			s := string(lay.runes[runStart:end])
			lv.texts = r.boldText(lv.texts, s, style, b.size, x0+xs[runStart-ln.start], ln.y)
		}
	}
	for i := ln.start; i < ln.end; i++ {
		switch c := lay.runes[i]; {
		case c == '\t' || c == '\n':
			flush(i)
			runStart = i + 1
		case i == b.boldEnd && i > ln.start:
			flush(i)
			runStart = i
		}
	}
	flush(ln.end)
	t.buf = xs
	return lv
}

// boldText appends the text objects for s. Fyne falls back to a regular
// CJK face even for bold text, so bold CJK is drawn twice, a fraction of a
// pixel apart, to keep speaker names as heavy as Latin ones.
func (r *surfaceRenderer) boldText(to []*canvas.Text, s string, style fyne.TextStyle, size, x, y float32) []*canvas.Text {
	if style.Bold && strings.ContainsFunc(s, isWide) {
		to = append(to, r.text(s, style, size, r.fg, x+size/24, y))
	}
	return append(to, r.text(s, style, size, r.fg, x, y))
}

func (r *surfaceRenderer) rect(fill, stroke color.Color, x, y, w, h float32) {
	var rc *canvas.Rectangle
	if r.usedRects < len(r.rects) {
		rc = r.rects[r.usedRects]
	} else {
		rc = canvas.NewRectangle(fill)
		r.rects = append(r.rects, rc)
	}
	r.usedRects++
	rc.FillColor, rc.StrokeColor = fill, stroke
	rc.StrokeWidth = 0
	if stroke != nil {
		rc.StrokeWidth = 1
	}
	rc.Move(fyne.NewPos(x, y))
	rc.Resize(fyne.NewSize(w, h))
	r.objects = append(r.objects, rc)
}

// segment returns the x range line li shows of span [a, b), and whether the
// span reaches into the line at all.
func (r *surfaceRenderer) segment(li int, a, b int, xs []float32) (float32, float32, bool) {
	lay := r.s.t.lay
	ln := &lay.lines[li]
	if b <= ln.start || a >= ln.end {
		return 0, 0, false
	}
	end := lay.caretEnd(li)
	s, e := max(a, ln.start), min(b, end)
	if e < s {
		return 0, 0, false
	}
	x1, x2 := xs[s-ln.start], xs[e-ln.start]
	if b > end && end < ln.end && lay.runes[end] == '\n' {
		x2 += lay.geo.textSize / 3 // show that the newline is included
	}
	if limit := lay.width - lay.geo.textX() - lay.geo.right + lay.geo.pad/2; x2 > limit {
		x2 = max(limit, x1)
	}
	return lay.geo.textX() + x1, lay.geo.textX() + x2, x2 > x1
}

// decorateBelow draws what lies under the text: code fills, search marks and
// the selection.
func (r *surfaceRenderer) decorateBelow() {
	t := r.s.t
	lay := t.lay
	sel := t.Selection()
	var boxes []selBox
	mark := color.NRGBA{R: 0xff, G: 0xc1, B: 0x07, A: 0x70}
	markEdge := color.NRGBA{R: 0xe0, G: 0x90, B: 0x00, A: 0xff}
	lo, hi := lay.lines[r.first].start, lay.lines[r.last-1].end
	for li := r.first; li < r.last; li++ {
		ln := &lay.lines[li]
		b := &lay.blocks[ln.block]
		xs := lay.xs(li, t.buf)
		t.buf = xs
		for _, h := range t.highlights {
			if h.Span.Start >= hi {
				break
			}
			if h.Span.End <= lo {
				continue
			}
			if x1, x2, ok := r.segment(li, h.Span.Start, h.Span.End, xs); ok {
				r.rect(withAlpha(h.Color, 0x40), nil, x1, ln.y, x2-x1, b.textH)
			}
		}
		for _, m := range t.marks {
			if m.Start >= hi {
				break
			}
			if x1, x2, ok := r.segment(li, m.Start, m.End, xs); ok {
				r.rect(mark, markEdge, x1, ln.y, x2-x1, b.textH)
			}
		}
		r.findMarks(li, xs)
		if !sel.Empty() {
			if x1, x2, ok := r.segment(li, sel.Start, sel.End, xs); ok {
				boxes = append(boxes, selBox{x1, x2, ln.y, ln.y + lay.geo.pitch(b)})
			}
		}
	}
	r.selection(boxes)
}

// decorateAbove draws the code bands under each line, the code stripes in
// the gutter and the caret.
func (r *surfaceRenderer) decorateAbove() {
	t := r.s.t
	lay := t.lay
	geo := &lay.geo
	lo, hi := lay.lines[r.first].start, lay.lines[r.last-1].end
	for li := r.first; li < r.last; li++ {
		ln := &lay.lines[li]
		b := &lay.blocks[ln.block]
		xs := lay.xs(li, t.buf)
		t.buf = xs
		slot := 0
		for hi2, h := range t.highlights {
			if h.Span.Start >= hi {
				break
			}
			if h.Span.End <= lo || h.Span.End <= ln.start || h.Span.Start >= ln.end {
				continue
			}
			solid := withAlpha(h.Color, 0xff)
			if x1, x2, ok := r.segment(li, h.Span.Start, h.Span.End, xs); ok {
				y := ln.y + b.textH + geo.bandPitch/2 + float32(min(slot, geo.bands-1))*geo.bandPitch
				r.rect(solid, nil, x1, y, x2-x1, geo.bandH)
				slot++
			}
			// The stripe runs on to the next line when the code does, so a
			// long coding reads as one bar across paragraph gaps.
			lane := min(t.lanes[hi2], geo.lanes-1)
			bottom := ln.y + geo.pitch(b)
			if li+1 < len(lay.lines) && h.Span.End > lay.lines[li+1].start {
				bottom = lay.lines[li+1].y
			}
			r.rect(solid, nil, geo.laneX(lane), ln.y, geo.lanePitch-1.5, bottom-ln.y)
		}
	}
	if t.focused && t.anchor == t.caret {
		li := lay.lineOf(t.caret)
		if li >= r.first && li < r.last {
			p := lay.positionOf(t.caret, t.buf)
			b := &lay.blocks[lay.lines[li].block]
			r.rect(theme.ColorForWidget(theme.ColorNamePrimary, t), nil, p.X-1, p.Y, 2, b.textH)
		}
	}
}

// withAlpha returns c with its opacity replaced.
func withAlpha(c color.Color, a uint8) color.Color {
	if c == nil {
		c = color.Gray{Y: 0x80}
	}
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = a
	return n
}
