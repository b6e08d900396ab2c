package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"coder/qda"
)

// Ensure that at 900×600 a segment whose code has a long path gets a
// heading that wraps between words: it was drawn one letter per line.
func TestRetrieve_LongCodePathHeadingWrapsBetweenWords(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	w.Resize(fyne.NewSize(900, 600))
	ws.centre.Select(ws.retrieveTab)
	code, err := ws.p.FindCode("Community logic/Demand for a better living environment")
	if err != nil {
		t.Fatal(err)
	}
	ws.retrieve.show([]qda.ID{code.ID})
	if len(ws.retrieve.rows) == 0 {
		t.Fatal("nothing retrieved")
	}
	test.WidgetRenderer(ws.retrieve.results).Layout(ws.retrieve.results.Size())
	checked := 0
	for card, p := range ws.retrieve.parts {
		if !card.Visible() || card.Size().Width == 0 || !strings.Contains(headingText(p), code.Name) {
			continue
		}
		checked++
		var lines []string
		ys := map[float32]bool{}
		walk(p.head, func(o fyne.CanvasObject) bool {
			if tx, ok := o.(*canvas.Text); ok && strings.TrimSpace(tx.Text) != "" {
				lines = append(lines, tx.Text)
				ys[tx.Position().Y] = true
			}
			return false
		})
		if len(ys) > 6 {
			t.Errorf("heading %q (%.0f px wide) is laid out in %d lines, %.0f px tall: %q", headingText(p), p.head.Size().Width, len(ys), p.head.Size().Height, lines)
		}
		if bad := brokenWord(headingText(p), lines); bad != "" {
			t.Errorf("heading %q breaks inside a word (%q): %q", headingText(p), bad, lines)
		}
	}
	if checked == 0 {
		t.Fatal("no Retrieve row was laid out")
	}
	// The same row at every width the list may get in a small window.
	r := ws.retrieve
	row := r.newRow()
	r.updateRow(0, row)
	p := r.parts[row.(*tapCard)]
	for width := float32(180); width <= 480; width++ {
		row.Resize(fyne.NewSize(width, r.rowHeight(0, width)))
		test.WidgetRenderer(p.head).Layout(p.head.Size())
		var lines []string
		walk(p.head, func(o fyne.CanvasObject) bool {
			if tx, ok := o.(*canvas.Text); ok && strings.TrimSpace(tx.Text) != "" {
				lines = append(lines, tx.Text)
			}
			return false
		})
		if bad := brokenWord(headingText(p), lines); bad != "" {
			t.Fatalf("at %.0f px the heading %q breaks inside a word (%q): %q", width, headingText(p), bad, lines)
		}
	}
}

// headingText is the whole text of a Retrieve row's heading.
func headingText(p *segmentParts) string {
	var b strings.Builder
	for _, s := range p.head.Segments {
		b.WriteString(s.Textual() + " ")
	}
	return b.String()
}

// brokenWord is the first piece of a laid-out line that is not a whole
// word of text (nor one cut short with an ellipsis), or "".
func brokenWord(text string, lines []string) string {
	words := map[string]bool{}
	for _, w := range strings.Fields(text) {
		words[w] = true
	}
	for _, l := range lines {
		for _, w := range strings.Fields(l) {
			if !words[w] && !strings.HasSuffix(w, "…") {
				return w
			}
		}
	}
	return ""
}
