package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"coder/project"
	"coder/qda"
)

// rowOf returns the tree row showing a code.
func rowOf(t *testing.T, c *codebookPanel, id qda.ID) *codeRow {
	t.Helper()
	c.selectCode(id)
	for r := range c.rows {
		if r.id == id && r.Visible() && fyne.CurrentApp().Driver().CanvasForObject(r) != nil {
			return r
		}
	}
	t.Fatalf("no row shows %s", c.ws.tree.Path(id))
	return nil
}

// Ensure that the codebook's own gestures and dialogs edit the codebook:
// add, drag a code onto another to move it, merge, delete with its codings,
// and that undo puts each back.
func TestCodebook_AddMoveMergeDeleteAndUndo(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	p := ws.p
	c := ws.codes

	t.Run("AddFromTheToolbarDialog", func(t *testing.T) {
		c.selected = ""
		c.addCodeDialog("")
		form := topOverlay(t, w)
		typeInto(entries(form)[0], "Rumours")
		test.Tap(button(t, form, "Add"))
		if _, ok := ws.tree.Find("Rumours"); !ok {
			t.Fatal("the new code is not in the codebook")
		}
	})

	t.Run("DragOntoAnotherCodeMovesIt", func(t *testing.T) {
		// Tall enough that selecting the dragged code does not scroll the
		// target row away from where it was measured.
		w.Resize(fyne.NewSize(1280, 1000))
		rumours, _ := ws.tree.Find("Rumours")
		trust, _ := ws.tree.Find("Community logic/Trust and social capital")
		target := rowOf(t, c, trust.ID)
		at := fyne.CurrentApp().Driver().AbsolutePositionForObject(target).AddXY(20, target.Size().Height/2)
		row := rowOf(t, c, rumours.ID)
		row.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{AbsolutePosition: at}, Dragged: fyne.Delta{DY: 10}})
		row.DragEnd()
		if got := ws.tree.Path(rumours.ID); got != "Community logic/Trust and social capital/Rumours" {
			t.Fatalf("after the drag the code is at %q", got)
		}
		ws.menus.undo.Action()
		if got := ws.tree.Path(rumours.ID); got != "Rumours" {
			t.Errorf("undo left the code at %q", got)
		}
	})

	t.Run("MergeMovesCodingsAndDeletesTheCode", func(t *testing.T) {
		from, _ := ws.tree.Find("Political logic/Mobilisation/Mass persuasion work")
		into, _ := ws.tree.Find("Political logic/Mobilisation/Organised political study")
		// Identical spans of the two codes become one coding.
		spans := map[string]bool{}
		rows, _ := p.Codings(project.CodingFilter{Codes: []qda.ID{from.ID, into.ID}})
		for _, r := range rows {
			spans[string(r.Document)+r.Span.String()] = true
		}
		before := len(spans)
		c.mergeDialog(from.ID)
		form := topOverlay(t, w)
		pickCode(t, form, ws.tree.Path(into.ID), ws.tree.Path(into.ID))
		test.Tap(button(t, form, "Merge"))
		if _, ok := ws.tree.Code(from.ID); ok {
			t.Error("the merged code is still there")
		}
		if n := ws.counts[into.ID]; n != before {
			t.Errorf("the code merged into has %d codings, want %d", n, before)
		}
		ws.menus.undo.Action()
		if _, ok := ws.tree.Code(from.ID); !ok {
			t.Error("undo did not bring the merged code back")
		}
	})

	t.Run("DeleteWithCodingsAfterConfirming", func(t *testing.T) {
		code, _ := ws.tree.Find("Political logic/Mobilisation")
		rows, _ := p.Codings(project.CodingFilter{Codes: []qda.ID{code.ID}})
		if len(rows) == 0 {
			t.Fatal("the demo has no codings under Mobilisation")
		}
		total, _ := p.Codings(project.CodingFilter{})
		c.deleteDialog(code.ID)
		test.Tap(button(t, topOverlay(t, w), "Yes"))
		if _, ok := ws.tree.Code(code.ID); ok {
			t.Fatal("the code is still there")
		}
		after, _ := p.Codings(project.CodingFilter{})
		if len(after) != len(total)-len(rows) {
			t.Errorf("%d codings left, want %d", len(after), len(total)-len(rows))
		}
		if ws.menus.undo.Label != "Undo Delete code" {
			t.Errorf("Edit menu says %q", ws.menus.undo.Label)
		}
		ws.menus.undo.Action()
		back, _ := p.Codings(project.CodingFilter{})
		if len(back) != len(total) {
			t.Errorf("undo brought back %d codings, want %d", len(back), len(total))
		}
	})

	t.Run("DefinitionIsSavedFromThePanel", func(t *testing.T) {
		code, _ := ws.tree.Find("Context/Trigger")
		c.selectCode(code.ID)
		typeInto(c.defText, "What set the change going.")
		test.Tap(c.defSave)
		got, _ := p.FindCode("Context/Trigger")
		if got.Description != "What set the change going." {
			t.Errorf("definition is %q", got.Description)
		}
	})
}

// Ensure that clicking a code's row selects the code and shows its
// definition. The row also takes right-clicks and drags, which makes the
// desktop driver hand it the click instead of the tree.
func TestCodebook_ClickingACodeSelectsIt(t *testing.T) {
	app, _ := openDemoCopy(t)
	ws := app.ws
	c := ws.codes
	trust, _ := ws.tree.Find("Community logic/Trust and social capital")
	row := rowOf(t, c, trust.ID)
	c.tree.UnselectAll()
	c.selected = ""
	test.Tap(row)
	if c.selected != trust.ID {
		t.Fatalf("clicking %q selected %q", ws.tree.Path(trust.ID), ws.tree.Path(c.selected))
	}
	if c.defPath.Text != ws.tree.Path(trust.ID) {
		t.Errorf("the definition pane shows %q", c.defPath.Text)
	}
}

// Ensure that Escape in the find box gives up the search: the box empties,
// the whole codebook shows again and the keyboard is back in the document.
func TestCodebook_EscapeInTheFindBoxReturnsToTheDocument(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	c := ws.codes
	ws.openDocument(ws.docs[0].ID)
	c.focusFilter("")
	test.Type(c.filter, "pilot")
	if c.matches == nil {
		t.Fatal("typing in the find box found nothing")
	}
	c.filter.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if c.filter.Text != "" || c.matches != nil {
		t.Errorf("after Escape the box holds %q and %d matches", c.filter.Text, len(c.matches))
	}
	if w.Canvas().Focused() != ws.view {
		t.Errorf("after Escape the keyboard is in %T, want the document", w.Canvas().Focused())
	}
}
