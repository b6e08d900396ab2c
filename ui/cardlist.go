package ui

import (
	"sync"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// cardList is a list of result cards whose wrapped text makes every row a
// different height, drawn with widget.List so that only the rows in view
// exist however many results there are.
//
// widget.List needs each row's height before it draws the row, and setting
// the heights one by one on a list that is showing lays it out again each
// time. So heights are estimated from the text (see textWidths) and given to
// a fresh widget.List before it is first drawn: when the results change and
// when the list's width does, keeping the scroll position.
type cardList struct {
	widget.BaseWidget
	length func() int
	create func() fyne.CanvasObject
	update func(id int, o fyne.CanvasObject)
	// height estimates row id's height at a list width.
	height func(id int, width float32) float32

	list  *widget.List
	width float32 // the width the heights were estimated for; 0 before layout
}

func newCardList(length func() int, create func() fyne.CanvasObject, update func(int, fyne.CanvasObject), height func(int, float32) float32) *cardList {
	l := &cardList{length: length, create: create, update: update, height: height}
	l.ExtendBaseWidget(l)
	l.list = l.newList(0)
	return l
}

// newList makes a widget.List with the heights for width (template heights
// while the width is unknown).
func (l *cardList) newList(width float32) *widget.List {
	list := widget.NewList(l.length, l.create, func(id widget.ListItemID, o fyne.CanvasObject) { l.update(id, o) })
	if width > 0 {
		// The list has no renderer yet, so these only fill its table.
		for i, n := 0, l.length(); i < n; i++ {
			list.SetItemHeight(i, l.height(i, width))
		}
	}
	return list
}

// Reload shows the rows as they are now, from the top.
func (l *cardList) Reload() {
	l.list = l.newList(l.width)
	l.Refresh()
}

// relayout estimates the heights again for a new width, keeping the
// scroll position.
func (l *cardList) relayout(width float32) {
	offset := l.list.GetScrollOffset()
	l.width = width
	l.list = l.newList(width)
	l.list.Resize(l.Size())
	if offset > 0 {
		l.list.ScrollToOffset(offset)
	}
}

// CreateRenderer is part of fyne.Widget.
func (l *cardList) CreateRenderer() fyne.WidgetRenderer { return &cardListRenderer{l: l} }

type cardListRenderer struct{ l *cardList }

func (r *cardListRenderer) Layout(size fyne.Size) {
	if size.Width != r.l.width && size.Width > 0 {
		r.l.relayout(size.Width)
	}
	r.l.list.Resize(size)
}

func (r *cardListRenderer) MinSize() fyne.Size           { return fyne.NewSize(80, 80) }
func (r *cardListRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.l.list} }
func (r *cardListRenderer) Destroy()                     {}
func (r *cardListRenderer) Refresh()                     { r.Layout(r.l.Size()); r.l.list.Refresh() }

// textWidths estimates how wide text is in one text style, from the width
// of each ASCII character, of a CJK character and of other letters,
// measured once: measuring every result's text would cost more than the
// list saves.
type textWidths struct {
	ascii [128]float32
	wide  float32 // CJK and other full-width characters
	other float32 // any other character: the average lowercase letter
	// line and base give a wrapped label's height: base + lines*line.
	line, base float32
}

var (
	widthsMu    sync.Mutex
	widthsCache = map[widthsKey]*textWidths{}
)

type widthsKey struct {
	size  float32
	style fyne.TextStyle
}

// widthsFor returns the measures of text in style at the theme's text size.
func widthsFor(style fyne.TextStyle) *textWidths {
	size := theme.TextSize()
	key := widthsKey{size, style}
	widthsMu.Lock()
	defer widthsMu.Unlock()
	if w, ok := widthsCache[key]; ok {
		return w
	}
	w := &textWidths{}
	for c := ' '; c < 127; c++ {
		w.ascii[c] = fyne.MeasureText(string(c), size, style).Width
	}
	w.wide = fyne.MeasureText("漢", size, style).Width
	w.other = fyne.MeasureText("abcdefghijklmnopqrstuvwxyz", size, style).Width / 26
	one := widget.NewLabelWithStyle("a", fyne.TextAlignLeading, style)
	two := widget.NewLabelWithStyle("a\nb", fyne.TextAlignLeading, style)
	w.line = two.MinSize().Height - one.MinSize().Height
	w.base = one.MinSize().Height - w.line
	widthsCache[key] = w
	return w
}

// lines counts the lines text wraps to in avail width, breaking as Fyne's
// word wrap does: at spaces, and inside a word wider than the line.
func (w *textWidths) lines(text string, avail float32) int {
	if avail <= 0 {
		return max(1, utf8.RuneCountInString(text))
	}
	n := 1
	x := float32(0)    // width of the current line
	word := float32(0) // width of the word being read
	space := w.ascii[' ']
	place := func() {
		if word == 0 {
			return
		}
		need := word
		if x > 0 {
			need += space
		}
		switch {
		case x+need <= avail:
			x += need
		case word <= avail:
			n++
			x = word
		default:
			// A word wider than the line is cut into pieces.
			if x > 0 {
				n++
			}
			for word > avail {
				word -= avail
				n++
			}
			x = word
		}
		word = 0
	}
	for _, r := range text {
		switch {
		case r == '\n':
			place()
			n++
			x = 0
		case r == ' ' || r == '\t':
			place()
		case r < 128:
			word += w.ascii[r]
		case isWide(r):
			// Fyne's word wrap does not break between CJK characters: a
			// run of them is one word, cut only when wider than the line.
			word += w.wide
		default:
			word += w.other
		}
	}
	place()
	return n
}

// height is the height of a wrapped label of text in avail width.
func (w *textWidths) height(text string, avail float32) float32 {
	return w.base + float32(w.lines(text, avail))*w.line
}
