package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"coder/project"
	"coder/qda"
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
	realTap(w.Canvas(), glyphAt(ws.view, offset))
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
			realTap(w.Canvas(), glyphAt(ws.view, o))
			if ws.popup != nil {
				t.Errorf("tapping uncoded text at %d showed a popup", o)
			}
			return
		}
	}
	t.Fatal("the demo document has no uncoded text in view")
}

// Ensure that coding and uncoding update the code's count in its row and in
// the definition panel, and that a definition being written is not lost
// when the selection is coded meanwhile.
func TestApplyCode_CountsFollowAndUnsavedDefinitionSurvives(t *testing.T) {
	app, _ := openDemoCopy(t)
	ws := app.ws
	ws.openDocument(ws.docs[0].ID)
	code, _ := ws.tree.Find("Community logic/Trust and social capital")
	ws.codes.selectCode(code.ID)
	before := ws.counts[code.ID]
	typeInto(ws.codes.defText, "Draft: trust between neighbours")

	ws.view.Select(firstWords(t, ws, 3))
	if !ws.applyCode(code.ID) {
		t.Fatal("applying the code failed")
	}
	row := rowOf(t, ws.codes, code.ID)
	if got, want := row.count.String(), fmt.Sprint(before+1); got != want {
		t.Errorf("the code's row counts %q after coding, want %q", got, want)
	}
	if got, want := ws.codes.defInfo.Text, qda.Plural(before+1, "coding", "codings"); !strings.HasPrefix(got, want) {
		t.Errorf("the definition panel says %q, want it to start %q", got, want)
	}
	if got := ws.codes.defText.Text; got != "Draft: trust between neighbours" {
		t.Errorf("coding replaced the unsaved definition with %q", got)
	}

	rows, _ := ws.p.Codings(project.CodingFilter{Codes: []qda.ID{code.ID}, Documents: []qda.ID{ws.doc.ID}})
	ws.uncode(rows[len(rows)-1].ID)
	if n, _ := ws.p.CodeCounts(); ws.counts[code.ID] != n[code.ID] || ws.counts[code.ID] != before {
		t.Errorf("after uncoding the window counts %d, the project %d, want %d", ws.counts[code.ID], n[code.ID], before)
	}
}

// Ensure that a coding under a deep code shows its whole path inside the
// pop-up, not running past the pop-up's edge.
func TestCodedSpan_PopupFitsALongCodePath(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	var long qda.ID
	ws.tree.Walk(func(c *qda.Code, _ int) {
		if long == "" || len(ws.tree.Path(c.ID)) > len(ws.tree.Path(long)) {
			long = c.ID
		}
	})
	doc := ws.docs[0].ID
	span := qda.Span{Start: 2, End: 8}
	if _, err := ws.p.ApplyCode(doc, span, long); err != nil {
		t.Fatal(err)
	}
	ws.openDocument(doc)
	realTap(w.Canvas(), glyphAt(ws.view, 4))
	if ws.popup == nil {
		t.Fatal("tapping the coded span showed no popup")
	}
	path := ws.tree.Path(long)
	var title *widget.Label
	walk(ws.popup, func(o fyne.CanvasObject) bool {
		if l, ok := o.(*widget.Label); ok && l.Text == path {
			title = l
			return true
		}
		return false
	})
	if title == nil {
		t.Fatalf("the popup does not show %q:\n%s", path, textUnder(ws.popup))
	}
	need := fyne.MeasureText(path, theme.TextSize(), fyne.TextStyle{Bold: true}).Width
	if got := title.Size().Width; got < need {
		t.Errorf("the code path gets %.0f px of the %.0f px it needs", got, need)
	}
	walk(title, func(o fyne.CanvasObject) bool {
		if txt, ok := o.(*canvas.Text); ok && strings.Contains(txt.Text, "…") {
			t.Errorf("the code path is cut short: %q", txt.Text)
		}
		return false
	})
	right := canvasPos(title).X + title.Size().Width
	if edge := canvasPos(ws.popup.Content).X + ws.popup.Content.Size().Width; right > edge {
		t.Errorf("the code path ends at x=%.0f, past the pop-up's edge at %.0f", right, edge)
	}
}

// Ensure that Escape closes a coded span's pop-up.
func TestCodedSpan_EscapeClosesThePopup(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	rows, _ := ws.p.Codings(project.CodingFilter{})
	target := rows[0]
	ws.openDocument(target.Document)
	ws.view.ScrollTo(target.Span)
	realTap(w.Canvas(), glyphAt(ws.view, target.Span.Start+target.Span.Len()/2))
	if ws.popup == nil {
		t.Fatal("tapping a coded span showed no popup")
	}
	pop := ws.popup
	typed := w.Canvas().OnTypedKey()
	if typed == nil {
		t.Fatal("the pop-up does not listen to the keyboard")
	}
	typed(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if ws.popup != nil || pop.Visible() {
		t.Error("Escape left the pop-up open")
	}
}

// Ensure that where one code was applied twice (by two coders), the
// context menu's items for the two codings can be told apart.
func TestCodingMenu_TwoCodingsOfOneCodeAreToldApart(t *testing.T) {
	app, _ := openDemoCopy(t)
	ws := app.ws
	rows, _ := ws.p.Codings(project.CodingFilter{})
	for _, a := range rows {
		for _, b := range rows {
			if a.ID == b.ID || a.Code != b.Code || a.Document != b.Document || !a.Span.Overlaps(b.Span) {
				continue
			}
			ws.openDocument(a.Document)
			at := max(a.Span.Start, b.Span.Start)
			menu := ws.codingMenu(qda.Span{}, ws.view.HighlightsAt(at), "")
			labels := map[string]bool{}
			for _, it := range menu.Items {
				if it.ChildMenu == nil || !strings.HasPrefix(it.Label, "“") {
					continue
				}
				if labels[it.Label] {
					t.Errorf("two codings share the menu label %q", it.Label)
				}
				labels[it.Label] = true
			}
			if len(labels) < 2 {
				t.Errorf("the menu lists %d codings at %d, want both", len(labels), at)
			}
			return
		}
	}
	t.Skip("the demo has no code applied twice to overlapping text")
}
