package ui_test

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"coder/qda"
	"coder/ui"
)

// Ensure that no glyph is drawn where the scroll bar floats at its widest
// (under the pointer): every line ends clear of it, in English and Chinese,
// at several widths.
func TestTranscriptView_ScrollBarCoversNoText(t *testing.T) {
	doc, _ := sampleDoc()
	runes := []rune(doc.Text)
	bar := theme.Size(theme.SizeNameScrollBar)
	for _, width := range []float32{300, 347, 420, 611} {
		tv, _ := newView(t, doc, fyne.NewSize(width, 300))
		checked := 0
		for o := 0; o+1 < len(runes); o++ {
			if runes[o] == ' ' || runes[o] == '\n' || isClusterContinuation(runes, o+1) {
				continue
			}
			a, b := tv.PositionOf(o), tv.PositionOf(o+1)
			if a.Y != b.Y {
				continue
			}
			if b.X > width-bar {
				t.Fatalf("width %v: %q ends at x %v, under the scroll bar (from %v)", width, string(runes[o]), b.X, width-bar)
			}
			checked++
		}
		if checked < 300 {
			t.Fatalf("only %d glyphs checked", checked)
		}
	}
}

// marginObjects returns the texts and images the view draws left of its
// text, which starts at x textLeft.
func marginObjects(s *screen, textLeft float32) (texts []*canvas.Text, images []*canvas.Image) {
	for _, o := range test.WidgetRenderer(s.surface().(fyne.Widget)).Objects() {
		if !o.Visible() || o.Position().X >= textLeft {
			continue
		}
		switch x := o.(type) {
		case *canvas.Text:
			texts = append(texts, x)
		case *canvas.Image:
			images = append(images, x)
		}
	}
	return texts, images
}

// Ensure that the margin names the codes beside their codings when the view
// is wide, keeps only stripes when it is narrow, names a stripe's code when
// the pointer is over it, and marks codings that carry a memo.
func TestTranscriptView_MarginNamesCodesAndMarksMemos(t *testing.T) {
	doc, _ := sampleDoc()
	hs := []ui.Highlight{
		{ID: "a", Span: qda.Span{Start: offsetOf(doc, "yard meetings"), End: offsetOf(doc, " in the spring")}, Color: color.NRGBA{R: 0xd3, G: 0x2f, B: 0x2f, A: 0xff}, Label: "Community logic/Public deliberation"},
		{ID: "b", Span: qda.Span{Start: offsetOf(doc, "新来的书记"), End: offsetOf(doc, "，说这是")}, Color: color.NRGBA{R: 0x19, G: 0x76, B: 0xd2, A: 0xff}, Label: "Political logic/Local secretary", Memo: true},
	}
	t.Run("WideNamesTheCodes", func(t *testing.T) {
		s := paintedView(t, doc, fyne.NewSize(900, 1200))
		s.tv.SetHighlights(hs)
		left := s.tv.PositionOf(offsetOf(doc, "Interviewer: We")).X
		texts, images := marginObjects(s, left)
		names := map[string]float32{}
		for _, txt := range texts {
			names[txt.Text] = txt.Position().Y
		}
		for _, want := range []struct {
			name string
			at   int
		}{{"Public deliberation", hs[0].Span.Start}, {"Local secretary", hs[1].Span.Start}} {
			y, ok := names[want.name]
			if !ok {
				t.Fatalf("the margin shows %v, not %q", names, want.name)
			}
			if line := s.tv.PositionOf(want.at).Y; y < line-1 || y > line+s.tv.LineHeight() {
				t.Errorf("%q is at y %v, not beside its coding's first line at %v", want.name, y, line)
			}
		}
		if len(images) != 1 {
			t.Fatalf("%d memo markers for one coding with a memo", len(images))
		}
		if y, line := images[0].Position().Y, s.tv.PositionOf(hs[1].Span.Start).Y; y < line-1 || y > line+s.tv.LineHeight() {
			t.Errorf("the memo marker is at y %v, not beside its coding at %v", y, line)
		}
	})
	t.Run("NarrowShowsStripesNamedOnHover", func(t *testing.T) {
		s := paintedView(t, doc, fyne.NewSize(420, 1200))
		s.tv.SetHighlights(hs)
		left := s.tv.PositionOf(offsetOf(doc, "Interviewer: We")).X
		if texts, _ := marginObjects(s, left); len(texts) != 0 {
			t.Fatalf("a narrow view names codes in the margin: %q", texts[0].Text)
		}
		// Find the first code's stripe: a thin rectangle in its colour
		// left of the text, and point at it.
		var stripe *canvas.Rectangle
		for _, o := range test.WidgetRenderer(s.surface().(fyne.Widget)).Objects() {
			if r, ok := o.(*canvas.Rectangle); ok && r.FillColor == hs[0].Color && r.Position().X < left && r.Size().Width < 8 {
				stripe = r
			}
		}
		if stripe == nil {
			t.Fatal("no stripe for the code in the margin")
		}
		hover := s.surface().(desktop.Hoverable)
		at := stripe.Position().Add(fyne.NewPos(stripe.Size().Width/2, stripe.Size().Height/2))
		hover.MouseIn(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: at}})
		texts, _ := marginObjects(s, 1e6)
		found := false
		for _, txt := range texts {
			found = found || txt.Text == hs[0].Label
		}
		if !found {
			t.Errorf("pointing at the stripe does not show %q", hs[0].Label)
		}
		hover.MouseOut()
		for _, txt := range func() []*canvas.Text { x, _ := marginObjects(s, 1e6); return x }() {
			if txt.Text == hs[0].Label {
				t.Error("the code's name stays after the pointer left")
			}
		}
	})
}

// Ensure that a code in the theme's own selection blue does not look like
// selected text: its fill is translucent and unlike the selection's, and
// only the selection is outlined.
func TestTranscriptView_BlueCodeDoesNotLookSelected(t *testing.T) {
	doc, _ := sampleDoc()
	s := paintedView(t, doc, fyne.NewSize(600, 1200))
	blue := fyne.CurrentApp().Settings().Theme().Color(theme.ColorNamePrimary, fyne.CurrentApp().Settings().ThemeVariant())
	coded := qda.Span{Start: offsetOf(doc, "yard meetings"), End: offsetOf(doc, " in the spring")}
	s.tv.SetHighlights([]ui.Highlight{{ID: "a", Span: coded, Color: blue, Label: "Blue"}})
	sel := qda.Span{Start: offsetOf(doc, "retired"), End: offsetOf(doc, " came")}
	s.tv.Select(sel)
	s.frame()
	codeAt := s.tv.PositionOf(coded.Start+2).AddXY(0, s.tv.LineHeight()/2)
	selAt := s.tv.PositionOf(sel.Start+2).AddXY(0, s.tv.LineHeight()/2)
	var codeFill, selFill color.Color
	outlined := func(p fyne.Position) bool {
		// An outline is a thin rectangle in the theme's primary colour
		// along the left edge of the painted run.
		for _, o := range test.WidgetRenderer(s.surface().(fyne.Widget)).Objects() {
			r, ok := o.(*canvas.Rectangle)
			if ok && r.FillColor == blue && r.Size().Width <= 2 && r.Size().Height > 4 &&
				r.Position().Y <= p.Y && r.Position().Y+r.Size().Height >= p.Y && p.X-r.Position().X < 30 && p.X > r.Position().X {
				return true
			}
		}
		return false
	}
	for _, o := range test.WidgetRenderer(s.surface().(fyne.Widget)).Objects() {
		r, ok := o.(*canvas.Rectangle)
		if !ok || r.Size().Width < 8 || r.Size().Height < 8 {
			continue
		}
		in := func(p fyne.Position) bool {
			return p.X >= r.Position().X && p.X < r.Position().X+r.Size().Width && p.Y >= r.Position().Y && p.Y < r.Position().Y+r.Size().Height
		}
		if in(codeAt) {
			codeFill = r.FillColor
		}
		if in(selAt) {
			selFill = r.FillColor
		}
	}
	if codeFill == nil || selFill == nil {
		t.Fatalf("no fill under the code (%v) or the selection (%v)", codeFill, selFill)
	}
	if _, _, _, a := codeFill.RGBA(); a > 0x8000 {
		t.Errorf("the code's fill %v is not translucent", codeFill)
	}
	if codeFill == selFill {
		t.Errorf("the code and the selection share the fill %v", codeFill)
	}
	if !outlined(selAt) {
		t.Error("the selection has no outline")
	}
	if outlined(codeAt) {
		t.Error("the blue code is outlined like the selection")
	}
}

// Ensure that a code applied twice to the same passage (two coders coding
// the same words, as the demo's inter-coder example does) is named once in
// the margin, not stacked as the same name twice.
func TestTranscriptView_MarginNamesACodeOncePerLine(t *testing.T) {
	doc, _ := sampleDoc()
	span := qda.Span{Start: offsetOf(doc, "yard meetings"), End: offsetOf(doc, " in the spring")}
	red := color.NRGBA{R: 0xd3, G: 0x2f, B: 0x2f, A: 0xff}
	hs := []ui.Highlight{
		{ID: "a", Span: span, Color: red, Label: "Community logic/Public deliberation"},
		{ID: "b", Span: span, Color: red, Label: "Community logic/Public deliberation"},
	}
	s := paintedView(t, doc, fyne.NewSize(900, 1200))
	s.tv.SetHighlights(hs)
	left := s.tv.PositionOf(offsetOf(doc, "Interviewer: We")).X
	texts, _ := marginObjects(s, left)
	n := 0
	for _, txt := range texts {
		if txt.Text == "Public deliberation" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("the margin names “Public deliberation” %d times beside its two codings of the same words, want once", n)
	}
}
