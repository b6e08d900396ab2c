package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"coder/qda"
)

// snippetText draws a search hit's excerpt wrapped by the document view's
// line-breaking rule (see linebreak.go), with its matches bold in the
// theme's primary colour. It is measured and wrapped by the same layout as
// the document, with no gutter, headers or code bands, so a snippet breaks
// exactly where the document would: Chinese between characters but never
// before 。or 」, English at spaces, and never one glyph per line wherever a
// match falls.
type snippetText struct {
	widget.BaseWidget
	text  string
	marks []qda.Span
	lay   *layout
}

func newSnippetText() *snippetText {
	s := &snippetText{}
	s.ExtendBaseWidget(s)
	return s
}

// SetExcerpt shows text with the runes of marks (offsets into text) in
// bold; line ends become spaces, as a snippet is one run of text.
func (s *snippetText) SetExcerpt(text string, marks []qda.Span) {
	s.text, s.marks = text, append(s.marks[:0:0], marks...)
	s.lay = nil
	s.Refresh()
}

// layout returns the excerpt measured for the current theme and wrapped
// at width, the room left inside the text's inner padding.
func (s *snippetText) layout(width float32) *layout {
	geo := snippetGeometry(s.Theme())
	if s.lay == nil || s.lay.geo != geo {
		s.lay = snippetLayout(s.text, s.marks, geo)
	}
	if width > 0 && s.lay.width != width {
		s.lay.wrap(width)
	}
	return s.lay
}

// inset is the room left of the text, as a label leaves it, so a snippet
// lines up with the labels above it.
func (s *snippetText) inset() float32 { return s.Theme().Size(theme.SizeNameInnerPadding) }

// snippetGeometry is the document view's geometry without a gutter, padding
// or code bands.
func snippetGeometry(th fyne.Theme) geometry {
	size := th.Size(theme.SizeNameText)
	textH := fyne.MeasureText("Mg", size, fyne.TextStyle{}).Height
	return geometry{
		textSize:    size,
		headingSize: size,
		textH:       textH,
		headerH:     textH,
		bandPitch:   textH / 6, // pitch adds half of it between lines
		font:        th.Font(fyne.TextStyle{}).Name(),
	}
}

// snippetLayout measures text as one paragraph, the runes of marks bold.
func snippetLayout(text string, marks []qda.Span, geo geometry) *layout {
	text = strings.ReplaceAll(text, "\n", " ")
	n := len([]rune(text))
	doc := &qda.Document{Text: text, Passages: []qda.Passage{{Span: qda.Span{End: n}, Kind: qda.PassageParagraph}}}
	l := newLayout(doc, geo)
	bold := metricsFor(fontKey{geo.textSize, fyne.TextStyle{Bold: true}, geo.font})
	for _, m := range marks {
		a, b := max(m.Start, 0), min(m.End, n)
		if a >= b {
			continue
		}
		l.measureRun(a, b, bold)
		// A bold run is drawn apart from its neighbours: no kerning across.
		l.kern[a] = 0
		if b < n {
			l.kern[b] = 0
		}
	}
	return l
}

// snippetHeight is the height of text wrapped at width (inside the inner
// padding, as for a label), for the list to size a row before it is drawn.
func snippetHeight(text string, marks []qda.Span, width float32) float32 {
	l := snippetLayout(text, marks, snippetGeometry(fyne.CurrentApp().Settings().Theme()))
	l.wrap(width)
	return l.height
}

// marked reports whether rune i is in one of the marks.
func (s *snippetText) marked(i int) bool {
	for _, m := range s.marks {
		if m.ContainsOffset(i) {
			return true
		}
	}
	return false
}

// CreateRenderer is part of fyne.Widget.
func (s *snippetText) CreateRenderer() fyne.WidgetRenderer {
	return &snippetRenderer{s: s}
}

type snippetRenderer struct {
	s     *snippetText
	texts []fyne.CanvasObject
	width float32
}

// MinSize is a few characters wide, and as tall as the text wrapped at the
// width the widget has.
func (r *snippetRenderer) MinSize() fyne.Size {
	l := r.s.layout(r.s.Size().Width - 2*r.s.inset())
	w := 4*l.geo.textSize + 2*r.s.inset()
	if l.width <= 0 {
		return fyne.NewSize(w, l.geo.textH)
	}
	return fyne.NewSize(w, l.height)
}

func (r *snippetRenderer) Layout(size fyne.Size) {
	if size.Width != r.width {
		r.build(size.Width)
	}
}

func (r *snippetRenderer) Refresh() {
	r.build(r.s.Size().Width)
	canvas.Refresh(r.s)
}

func (r *snippetRenderer) Objects() []fyne.CanvasObject { return r.texts }

func (r *snippetRenderer) Destroy() {}

// build draws each wrapped line as runs of plain and marked text.
func (r *snippetRenderer) build(width float32) {
	r.width = width
	r.texts = r.texts[:0]
	s := r.s
	inset := s.inset()
	if width-2*inset <= 0 {
		return
	}
	l := s.layout(width - 2*inset)
	fg := theme.ColorForWidget(theme.ColorNameForeground, s)
	primary := theme.ColorForWidget(theme.ColorNamePrimary, s)
	var xs []float32
	for li := range l.lines {
		ln := &l.lines[li]
		xs = l.xs(li, xs)
		for a := ln.start; a < ln.end; {
			bold := s.marked(a)
			b := a + 1
			for b < ln.end && s.marked(b) == bold {
				b++
			}
			txt := canvas.NewText(string(l.runes[a:b]), fg)
			txt.TextSize = l.geo.textSize
			if bold {
				txt.Color = primary
				txt.TextStyle.Bold = true
			}
			txt.Move(fyne.NewPos(inset+xs[a-ln.start], ln.y))
			txt.Resize(txt.MinSize())
			r.texts = append(r.texts, txt)
			a = b
		}
	}
}
