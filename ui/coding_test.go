package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"coder/project"
)

// Ensure that clicking a coded passage shows its codes with coder, date and
// memo, and that its Uncode button removes exactly that coding.
func TestCodedSpan_TapShowsItsCodesAndUncodes(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	p := ws.p
	rows, err := p.Codings(project.CodingFilter{})
	if err != nil || len(rows) == 0 {
		t.Fatalf("demo codings: %d, %v", len(rows), err)
	}
	target := rows[0]
	for _, r := range rows {
		if r.Memo != "" {
			target = r
			break
		}
	}
	ws.openDocument(target.Document)
	ws.view.ScrollTo(target.Span)
	offset := target.Span.Start + target.Span.Len()/2
	test.TapCanvas(w.Canvas(), glyphAt(ws.view, offset))
	if ws.popup == nil || !ws.popup.Visible() {
		t.Fatal("tapping a coded span showed no popup")
	}
	card := textUnder(ws.popup)
	for _, want := range []string{target.CodePath, target.CoderName, target.Created.Local().Format("2 Jan 2006"), "Uncode"} {
		if !strings.Contains(card, want) {
			t.Errorf("the popup does not show %q:\n%s", want, card)
		}
	}
	if target.Memo != "" && !strings.Contains(card, target.Memo) {
		t.Errorf("the popup does not show the coding's memo %q", target.Memo)
	}

	// With several codes at the point, the first Uncode button belongs to
	// the first of them.
	first := ws.view.HighlightsAt(offset)[0].ID
	test.Tap(button(t, ws.popup, "Uncode"))
	after, _ := p.Codings(project.CodingFilter{})
	if len(after) != len(rows)-1 {
		t.Fatalf("Uncode left %d codings, want %d", len(after), len(rows)-1)
	}
	for _, r := range after {
		if r.ID == first {
			t.Error("Uncode kept the coding it was shown for")
		}
	}
	if ws.popup != nil {
		t.Error("the popup stayed open after Uncode")
	}
}

// Ensure that tapping text with no code shows nothing.
func TestCodedSpan_TapOnUncodedTextShowsNothing(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	ws.openDocument(ws.docs[0].ID)
	for o := 0; o < len([]rune(ws.doc.Text)); o++ {
		if len(ws.view.HighlightsAt(o)) == 0 && ws.view.PositionOf(o).Y > 0 {
			test.TapCanvas(w.Canvas(), glyphAt(ws.view, o))
			if ws.popup != nil {
				t.Errorf("tapping uncoded text at %d showed a popup", o)
			}
			return
		}
	}
	t.Fatal("the demo document has no uncoded text in view")
}
