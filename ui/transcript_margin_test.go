package ui_test

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
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
