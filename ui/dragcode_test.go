package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"coder/qda"
)

// Ensure that dragging selected words onto a code in the codebook codes
// them with that code, that the words follow the pointer with a hint on the
// way, and that a drag that begins outside the selection selects anew.
func TestDragToCode(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	p := ws.p
	ws.openDocument(ws.docs[0].ID)
	trust, ok := ws.tree.Find("Community logic/Trust and social capital")
	if !ok {
		t.Fatal("the demo codebook has no Trust and social capital code")
	}
	ws.codes.tree.ScrollTo(ws.codes.uidOf(trust.ID))
	words := firstWords(t, ws, 4)

	t.Run("FromTheSelectionOntoACodeAppliesIt", func(t *testing.T) {
		ws.view.Select(words)
		want := "Community logic/Trust and social capital: " + words.Slice([]rune(ws.doc.Text))
		if slices.Contains(codingsOf(t, p, ws.doc.ID), want) {
			t.Fatal("the words were coded before the drag")
		}
		var hints []string
		carryDrag(w, ws.view, middleOf(ws.view, words), rowCentre(t, ws, trust.ID), func() {
			hints = append(hints, textUnder(topOverlay(t, w)))
		})
		if !slices.Contains(codingsOf(t, p, ws.doc.ID), want) {
			t.Fatalf("the drop did not code the words; the document's codings are %q", codingsOf(t, p, ws.doc.ID))
		}
		if got := ws.view.Selection(); got != words {
			t.Errorf("the drop changed the selection to %v, want %v", got, words)
		}
		if len(hints) != 2 || !strings.Contains(hints[0], "Drop on a code") || !strings.Contains(hints[1], "Code with “Trust and social capital”") {
			t.Errorf("the floating label said %q, want first “Drop on a code”, then the code's name", hints)
		}
		if !strings.Contains(hints[0], carriedWords(ws.view.SelectedText())) {
			t.Errorf("the floating label %q does not show the carried words", hints[0])
		}
		if o := w.Canvas().Overlays().Top(); o != nil {
			t.Error("the floating label stayed up after the drop")
		}
	})

	t.Run("OntoAFolderCodesNothing", func(t *testing.T) {
		var folder *qda.Code
		ws.tree.Walk(func(c *qda.Code, _ int) {
			if c.Folder && folder == nil {
				folder = c
			}
		})
		if folder == nil {
			t.Fatal("the demo codebook has no folder")
		}
		ws.codes.selectCode(folder.ID)
		before := len(codingsOf(t, p, ws.doc.ID))
		ws.view.Select(words)
		var hint string
		carryDrag(w, ws.view, middleOf(ws.view, words), rowCentre(t, ws, folder.ID), func() { hint = textUnder(topOverlay(t, w)) })
		if !strings.Contains(hint, "is a folder") {
			t.Errorf("over the folder the floating label said %q", hint)
		}
		if after := len(codingsOf(t, p, ws.doc.ID)); after != before {
			t.Errorf("dropping on the folder %q made %d codings", folder.Name, after-before)
		}
		if msg := textUnder(topOverlay(t, w)); !strings.Contains(msg, "choose a code inside it") {
			t.Errorf("dropping on a folder said %q, want why nothing was coded", msg)
		}
		dismissOverlays(w)
	})

	t.Run("OffTheCodebookCodesNothing", func(t *testing.T) {
		before := len(codingsOf(t, p, ws.doc.ID))
		ws.view.Select(words)
		carryDrag(w, ws.view, middleOf(ws.view, words), canvasPos(ws.documents.content).AddXY(20, 20), nil)
		if after := len(codingsOf(t, p, ws.doc.ID)); after != before {
			t.Errorf("dropping on the document list made %d codings", after-before)
		}
	})

	t.Run("FromOutsideTheSelectionSelectsAnew", func(t *testing.T) {
		before := len(codingsOf(t, p, ws.doc.ID))
		ws.view.Select(words)
		next := qda.Span{Start: words.End + 2, End: words.End + 12}
		dragSelect(w, ws.view, next)
		if got := ws.view.Selection(); got != next {
			t.Errorf("a drag beginning after the selection selected %v, want %v", got, next)
		}
		if after := len(codingsOf(t, p, ws.doc.ID)); after != before {
			t.Errorf("selecting made %d codings", after-before)
		}
	})
}

// firstWords returns a span of n words from the start of the open
// document's first body line that is in view.
func firstWords(t *testing.T, ws *workspace, n int) qda.Span {
	t.Helper()
	runes := []rune(ws.doc.Text)
	start := -1
	for o, r := range runes {
		if start < 0 {
			if r != ' ' && r != '\n' && ws.view.PositionOf(o).Y > ws.view.LineHeight() {
				start = o
			}
			continue
		}
		if r == ' ' {
			if n--; n == 0 {
				return qda.Span{Start: start, End: o}
			}
		}
	}
	t.Fatal("the document has too few words in view")
	return qda.Span{}
}

// middleOf is the canvas position of the middle glyph of s.
func middleOf(v *TranscriptView, s qda.Span) fyne.Position {
	return glyphAt(v, s.Start+s.Len()/2)
}

// rowCentre is the canvas position of the middle of a code's row in the
// codebook tree.
func rowCentre(t *testing.T, ws *workspace, code qda.ID) fyne.Position {
	t.Helper()
	tree := canvasPos(ws.codes.tree)
	for r := range ws.codes.rows {
		if r.id != code || fyne.CurrentApp().Driver().CanvasForObject(r) == nil {
			continue
		}
		at := canvasPos(r)
		if overlaps(at, r.Size(), tree, ws.codes.tree.Size()) {
			return at.AddXY(r.Size().Width/2, r.Size().Height/2)
		}
	}
	t.Fatalf("no row for %s in view", ws.tree.Path(code))
	return fyne.Position{}
}

// carryDrag drags from one canvas point to another as the desktop driver
// does: every event goes to the view, where the drag began, with positions
// relative to it and steps since the last event; halfway and at the end it
// calls during (when set) before the button is released.
func carryDrag(w fyne.Window, v *TranscriptView, from, to fyne.Position, during func()) {
	origin := canvasPos(v.surface)
	half := fyne.NewPos((from.X+to.X)/2, (from.Y+to.Y)/2)
	prev := from
	for _, p := range []fyne.Position{half, to} {
		v.surface.Dragged(&fyne.DragEvent{
			PointEvent: fyne.PointEvent{Position: p.Subtract(origin), AbsolutePosition: p},
			Dragged:    fyne.NewDelta(p.X-prev.X, p.Y-prev.Y),
		})
		prev = p
		if during != nil {
			during()
		}
	}
	v.surface.DragEnd()
}

// dismissOverlays closes the notices a refused drop put up.
func dismissOverlays(w fyne.Window) {
	for o := w.Canvas().Overlays().Top(); o != nil; o = w.Canvas().Overlays().Top() {
		w.Canvas().Overlays().Remove(o)
	}
}
