package ui

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
)

// The margin left of the text shows what is coded, as MAXQDA's does: a
// column of code names beside the stripes when the view is wide enough,
// only the stripes when it is not, and a marker where a coding carries a
// memo. Hovering a name, a stripe or a marker shows the code's whole path.

// marginNames is the width of the column of code names for a view width
// wide enough to spare it, else 0: then the stripes alone remain, named
// on hover.
func marginNames(width float32, geo geometry) float32 {
	if width < 52*geo.textSize {
		return 0
	}
	return 9 * geo.textSize
}

var _ desktop.Hoverable = (*transcriptSurface)(nil)

// marginBox is a part of the margin that names a code when hovered.
type marginBox struct {
	x1, y1, x2, y2 float32
	tip            string
}

// tip is the name shown beside the pointer over the margin.
type tip struct {
	text string
	at   fyne.Position // the pointer, in surface coordinates
}

// decorateMargin draws the code names of the codings that begin on the
// visible lines, the memo markers, and the hovered code's whole name.
func (r *surfaceRenderer) decorateMargin() {
	t := r.s.t
	lay := t.lay
	geo := &lay.geo
	r.usedTexts, r.usedIcons = 0, 0
	r.boxes = r.boxes[:0]
	lo, hi := lay.lines[r.first].start, lay.lines[r.last-1].end
	size := geo.textSize * 0.85
	nameH := geo.textH * 0.85
	free := float32(-1) // the first y below the names drawn so far
	fg := theme.ColorForWidget(theme.ColorNameForeground, t)
	// A code coded twice from the same line (two coders on the same words)
	// is named once there; its stripes still show both codings.
	type named struct {
		label string
		line  int
	}
	done := map[named]bool{}
	for i, h := range t.highlights {
		if h.Span.Start >= hi {
			break
		}
		if h.Span.Start < lo {
			continue
		}
		ln := &lay.lines[lay.lineOf(h.Span.Start)]
		solid := withAlpha(h.Color, 0xff)
		lane := min(t.lanes[i], geo.lanes-1)
		r.boxes = append(r.boxes, marginBox{geo.laneX(lane), ln.y, geo.laneX(lane) + geo.lanePitch, ln.y + geo.pitch(&lay.blocks[ln.block]), h.Label})
		if h.Memo {
			x := geo.pad + geo.names
			r.icon(x, ln.y+(geo.textH-geo.memoW)/2, geo.memoW)
			r.boxes = append(r.boxes, marginBox{x, ln.y, x + geo.memoW, ln.y + geo.textH, h.Label + " · has a memo"})
		}
		if geo.names == 0 || done[named{h.Label, lay.lineOf(h.Span.Start)}] {
			continue
		}
		done[named{h.Label, lay.lineOf(h.Span.Start)}] = true
		y := max(ln.y, free)
		free = y + nameH
		name := h.Label[strings.LastIndex(h.Label, "/")+1:]
		w := geo.names - geo.pad/2
		// Names stand right-aligned against the stripes, each underlined
		// in its code's colour.
		txt := r.marginText(r.fit(name, size, w), size, fg, geo.pad, y)
		tw := min(txt.MinSize().Width, w)
		x := geo.pad + w - tw
		txt.Move(fyne.NewPos(x, y))
		r.rect(solid, nil, x, y+nameH-2, tw, 1.5)
		r.boxes = append(r.boxes, marginBox{geo.pad, y, geo.pad + w, y + nameH, h.Label})
	}
	if t.tip != nil {
		r.drawTip(t.tip)
	}
}

// drawTip shows text on a small plate beside the pointer.
func (r *surfaceRenderer) drawTip(tp *tip) {
	t := r.s.t
	size := t.lay.geo.textSize * 0.9
	pad := t.lay.geo.pad / 2
	x, y := tp.at.X+12, tp.at.Y+14
	bg := theme.ColorForWidget(theme.ColorNameOverlayBackground, t)
	edge := theme.ColorForWidget(theme.ColorNameInputBorder, t)
	// The plate is drawn first, so measure the text before placing it.
	w := fyne.MeasureText(tp.text, size, fyne.TextStyle{}).Width
	h := fyne.MeasureText(tp.text, size, fyne.TextStyle{}).Height
	x = max(min(x, t.lay.width-t.lay.geo.right-w-2*pad), 0)
	r.rect(bg, edge, x, y, w+2*pad, h+2*pad)
	r.marginText(tp.text, size, theme.ColorForWidget(theme.ColorNameForeground, t), x+pad, y+pad)
}

// fit shortens name with "…" until it is no wider than w at size.
func (r *surfaceRenderer) fit(name string, size, w float32) string {
	key := fitKey{name, size, w}
	if s, ok := r.fitted[key]; ok {
		return s
	}
	s := name
	runes := []rune(name)
	for n := len(runes); n > 1 && fyne.MeasureText(s, size, fyne.TextStyle{}).Width > w; n-- {
		s = strings.TrimSpace(string(runes[:n-1])) + "…"
	}
	if r.fitted == nil {
		r.fitted = map[fitKey]string{}
	}
	r.fitted[key] = s
	return s
}

type fitKey struct {
	name    string
	size, w float32
}

// marginText draws s from a pool kept apart from the lines' texts.
func (r *surfaceRenderer) marginText(s string, size float32, c color.Color, x, y float32) *canvas.Text {
	var txt *canvas.Text
	if r.usedTexts < len(r.texts) {
		txt = r.texts[r.usedTexts]
		txt.Text, txt.TextSize, txt.Color = s, size, c
		txt.Refresh()
	} else {
		txt = canvas.NewText(s, c)
		txt.TextSize = size
		r.texts = append(r.texts, txt)
	}
	r.usedTexts++
	txt.Move(fyne.NewPos(x, y))
	txt.Resize(txt.MinSize())
	r.objects = append(r.objects, txt)
	return txt
}

// icon draws a memo marker, a small note icon, at x, y.
func (r *surfaceRenderer) icon(x, y, size float32) {
	var img *canvas.Image
	if r.usedIcons < len(r.icons) {
		img = r.icons[r.usedIcons]
	} else {
		img = canvas.NewImageFromResource(theme.DocumentCreateIcon())
		img.FillMode = canvas.ImageFillContain
		r.icons = append(r.icons, img)
	}
	r.usedIcons++
	img.Move(fyne.NewPos(x, y))
	img.Resize(fyne.NewSize(size, size))
	r.objects = append(r.objects, img)
}

// marginTip returns what the margin says at pos, a point on the surface:
// the code under a name, a stripe or a memo marker, or "".
func (t *TranscriptView) marginTip(pos fyne.Position) string {
	r := t.surface.r
	if r == nil || t.lay == nil || pos.X >= t.lay.geo.textX() {
		return ""
	}
	for i := len(r.boxes) - 1; i >= 0; i-- {
		b := r.boxes[i]
		if pos.X >= b.x1 && pos.X < b.x2 && pos.Y >= b.y1 && pos.Y < b.y2 {
			return b.tip
		}
	}
	// A stripe runs down every line of its coding, not only the first.
	geo := &t.lay.geo
	if pos.X < geo.laneX(0) {
		return ""
	}
	lane := min(int((pos.X-geo.laneX(0))/geo.lanePitch), geo.lanes-1)
	ln := &t.lay.lines[t.lay.lineAtY(pos.Y)]
	for i, h := range t.highlights {
		if min(t.lanes[i], geo.lanes-1) == lane && h.Span.Start < ln.end && h.Span.End > ln.start {
			return h.Label
		}
	}
	return ""
}

// setTip shows text beside the pointer at pos, or hides the tip for "".
func (t *TranscriptView) setTip(text string, pos fyne.Position) {
	switch {
	case text == "" && t.tip == nil:
		return
	case text == "":
		t.tip = nil
	default:
		t.tip = &tip{text: text, at: pos}
	}
	t.surface.Refresh()
}

// MouseIn is part of desktop.Hoverable.
func (s *transcriptSurface) MouseIn(ev *desktop.MouseEvent) { s.MouseMoved(ev) }

// MouseMoved names the code under the pointer in the margin.
func (s *transcriptSurface) MouseMoved(ev *desktop.MouseEvent) {
	s.t.setTip(s.t.marginTip(ev.Position), ev.Position)
}

// MouseOut hides the tip.
func (s *transcriptSurface) MouseOut() { s.t.setTip("", fyne.Position{}) }
