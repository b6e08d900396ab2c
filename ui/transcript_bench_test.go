package ui_test

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"coder/qda"
	"coder/ui"
)

// sizedTheme changes only the text size, so every size is a font no cache
// has measured yet.
type sizedTheme struct {
	fyne.Theme
	text float32
}

func (s sizedTheme) Size(n fyne.ThemeSizeName) float32 {
	if n == theme.SizeNameText {
		return s.text
	}
	return s.Theme.Size(n)
}

// openOnce opens doc in a fresh view in w and lays out its first frame.
func openOnce(w fyne.Window, doc *qda.Document) int {
	tv := ui.NewTranscriptView()
	tv.SetDocument(doc)
	w.SetContent(tv)
	return len(test.LaidOutObjects(tv))
}

// BenchmarkTranscriptView_Open30k measures opening a 30,000-word transcript
// to its first laid-out frame with the measurements already cached, as when
// a researcher reopens a document or opens another in the same font.
func BenchmarkTranscriptView_Open30k(b *testing.B) {
	doc := longDoc(30000)
	test.NewTempApp(b)
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(800, 600))
	defer w.Close()
	openOnce(w, doc)
	objects := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		objects = openOnce(w, doc)
	}
	b.ReportMetric(float64(objects), "objects")
}

// BenchmarkTranscriptView_Open30kCold measures the same with every cache
// cold: each round uses a text size nothing has measured before.
func BenchmarkTranscriptView_Open30kCold(b *testing.B) {
	doc := longDoc(30000)
	a := test.NewTempApp(b)
	base := a.Settings().Theme()
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(800, 600))
	defer w.Close()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		a.Settings().SetTheme(sizedTheme{base, 12 + float32(i%500)/50})
		b.StartTimer()
		openOnce(w, doc)
	}
}

// BenchmarkTranscriptView_Open30kPainted adds painting the frame with the
// test driver's software painter, which rasterises every glyph drawn.
func BenchmarkTranscriptView_Open30kPainted(b *testing.B) {
	doc := longDoc(30000)
	test.NewTempApp(b)
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(800, 600))
	defer w.Close()
	for i := 0; i < b.N; i++ {
		openOnce(w, doc)
		w.Canvas().Capture()
	}
}

// BenchmarkTranscriptView_Rewrap30k measures re-wrapping a 30,000-word
// transcript when the window is resized.
func BenchmarkTranscriptView_Rewrap30k(b *testing.B) {
	doc := longDoc(30000)
	tv, w := newView(b, doc, fyne.NewSize(800, 600))
	_ = tv
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		w.Resize(fyne.NewSize(float32(700+(i%2)*100), 600))
	}
}

// BenchmarkTranscriptView_AddHighlight measures applying one more code to
// a 30,000-word transcript that already shows 300 codings.
func BenchmarkTranscriptView_AddHighlight(b *testing.B) {
	doc := longDoc(30000)
	tv, _ := newView(b, doc, fyne.NewSize(800, 600))
	var hs []ui.Highlight
	for i := 0; i < 300; i++ {
		s := doc.Passages[i*len(doc.Passages)/300].Span
		hs = append(hs, ui.Highlight{ID: qda.NewID(), Span: qda.Span{Start: s.Start, End: s.Start + s.Len()/2},
			Color: color.NRGBA{R: uint8(i * 40), G: 0x80, B: 0xc0, A: 0xff}})
	}
	tv.SetHighlights(hs)
	extra := qda.Span{Start: 40, End: 400}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		tv.SetHighlights(append(hs[:300:300], ui.Highlight{ID: "new", Span: extra, Color: color.Black}))
	}
}

// BenchmarkTranscriptView_ScrollPage measures scrolling a 30,000-word
// transcript by a page, which draws the lines that come into view.
func BenchmarkTranscriptView_ScrollPage(b *testing.B) {
	doc := longDoc(30000)
	tv, _ := newView(b, doc, fyne.NewSize(800, 600))
	runes := doc.Chars
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		o := (i * 1500) % runes
		tv.ScrollTo(qda.Span{Start: o, End: o + 1})
	}
}
