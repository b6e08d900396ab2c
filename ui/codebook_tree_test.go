package ui

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"coder/project"
	"coder/qda"
)

// drawnTree reads the code tree as the window paints it: every row the tree
// draws, top to bottom, as the path its indentation gives it ("Parent/Child"
// when the row is indented one step under a row named Parent).
func drawnTree(t *testing.T, c *codebookPanel) []string {
	t.Helper()
	th := c.tree.Theme()
	pad, icon := th.Size(theme.SizeNamePadding), th.Size(theme.SizeNameInlineIcon)
	type drawn struct {
		y     float32
		name  string
		depth int
	}
	var rows []drawn
	walk(c.tree, func(o fyne.CanvasObject) bool {
		w, ok := o.(fyne.Widget)
		if !ok || !o.Visible() {
			return false
		}
		// A tree node holds a row and places it after its indent and its
		// branch icon.
		for _, k := range test.WidgetRenderer(w).Objects() {
			if r, ok := k.(*codeRow); ok {
				indent := r.Position().X - 2*pad - icon
				rows = append(rows, drawn{o.Position().Y, r.name.Text, int(math.Round(float64(indent / (icon + pad))))})
			}
		}
		return false
	})
	sort.Slice(rows, func(i, j int) bool { return rows[i].y < rows[j].y })
	var out, stack []string
	for _, r := range rows {
		if r.depth < 0 || r.depth > len(stack) {
			out = append(out, fmt.Sprintf("%s (drawn %d steps in, under nothing)", r.name, r.depth))
			continue
		}
		stack = append(stack[:r.depth], r.name)
		out = append(out, strings.Join(stack, "/"))
	}
	return out
}

// modelTree lists the codebook's codes as the tree should draw them: every
// branch open but those named in closed (by path).
func modelTree(c *codebookPanel, closed ...string) []string {
	var out []string
	c.ws.tree.Walk(func(code *qda.Code, _ int) {
		path := c.ws.tree.Path(code.ID)
		for _, shut := range closed {
			if strings.HasPrefix(path, shut+"/") {
				return
			}
		}
		out = append(out, path)
	})
	return out
}

// checkDrawn fails when the drawn tree differs from the codebook.
func checkDrawn(t *testing.T, c *codebookPanel, after string, closed ...string) {
	t.Helper()
	got, want := drawnTree(t, c), modelTree(c, closed...)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("after %s the tree draws\n  %s\nbut the codebook is\n  %s", after, strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

// selectIn picks an option of the first Select in a dialog.
func selectIn(form fyne.CanvasObject, option string) {
	walk(form, func(o fyne.CanvasObject) bool {
		if s, ok := o.(*widget.Select); ok {
			s.SetSelected(option)
			return true
		}
		return false
	})
}

// Ensure that after every kind of codebook change (add, drag, Move to…,
// merge, delete, undo, redo, REFI-QDA import) the tree the window draws has
// the codebook's rows, depths and parents: a code moved under another is
// drawn indented under it, not where it was.
func TestCodebook_DrawnTreeFollowsEveryChange(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	p := ws.p
	c := ws.codes
	// Tall enough that every row of the codebook is drawn at once.
	w.Resize(fyne.NewSize(1280, 4000))
	for _, path := range []string{"Community/Street office", "Community/Residents' committee", "Access gate", "Gate", "Emotions/Anger"} {
		if _, err := p.AddCode(path, "", ""); err != nil {
			t.Fatal(err)
		}
	}
	checkDrawn(t, c, "adding codes")
	find := func(path string) qda.ID {
		t.Helper()
		code, ok := ws.tree.Find(path)
		if !ok {
			t.Fatalf("no code %q", path)
		}
		return code.ID
	}
	// A codebook as it is now, to import back later.
	qdc := filepath.Join(t.TempDir(), "before.qdc")
	f, err := os.Create(qdc)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Export(context.Background(), f, "qdc", project.CodingFilter{}, nil); err != nil {
		t.Fatal(err)
	}
	f.Close()

	t.Run("AddFromTheDialog", func(t *testing.T) {
		c.addCodeDialog(find("Community"))
		form := topOverlay(t, w)
		typeInto(entries(form)[0], "Night patrol/Volunteers")
		test.Tap(button(t, form, "Add"))
		checkDrawn(t, c, "adding a code with a sub-code under Community")
	})
	t.Run("MoveToDialog", func(t *testing.T) {
		c.moveDialog(find("Access gate"))
		form := topOverlay(t, w)
		pickCode(t, form, "Community", "Community")
		test.Tap(button(t, form, "Move"))
		if got := ws.tree.Path(find("Community/Access gate")); got != "Community/Access gate" {
			t.Fatalf("the code is at %q", got)
		}
		checkDrawn(t, c, "moving Access gate under Community")
	})
	t.Run("DragABranch", func(t *testing.T) {
		target := rowOf(t, c, find("Emotions"))
		at := fyne.CurrentApp().Driver().AbsolutePositionForObject(target).AddXY(20, target.Size().Height/2)
		row := rowOf(t, c, find("Community"))
		row.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{AbsolutePosition: at}, Dragged: fyne.Delta{DY: 10}})
		row.DragEnd()
		find("Emotions/Community/Street office")
		checkDrawn(t, c, "dragging Community onto Emotions")
	})
	t.Run("MergeAndDelete", func(t *testing.T) {
		c.mergeDialog(find("Gate"))
		form := topOverlay(t, w)
		pickCode(t, form, "Emotions/Community/Access gate", "Emotions/Community/Access gate")
		test.Tap(button(t, form, "Merge"))
		checkDrawn(t, c, "merging Gate into Access gate")
		c.deleteDialog(find("Emotions/Anger"))
		test.Tap(button(t, topOverlay(t, w), "Yes"))
		checkDrawn(t, c, "deleting Emotions/Anger")
	})
	t.Run("UndoAndRedo", func(t *testing.T) {
		for i := 0; i < 5; i++ {
			ws.menus.undo.Action()
			checkDrawn(t, c, fmt.Sprintf("%d undos", i+1))
		}
		for i := 0; i < 3; i++ {
			ws.menus.redo.Action()
			checkDrawn(t, c, fmt.Sprintf("%d redos", i+1))
		}
	})
	t.Run("FindingAndClearingTheFindBox", func(t *testing.T) {
		test.Type(c.filter, "gate")
		c.filter.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
		checkDrawn(t, c, "finding “gate” and pressing Escape")
	})
	t.Run("AClosedBranchStaysClosedWhereverItGoes", func(t *testing.T) {
		community := find("Emotions/Community")
		c.tree.CloseBranch(c.uidOf(community))
		checkDrawn(t, c, "closing Community", "Emotions/Community")
		ws.moveCode(community, "")
		checkDrawn(t, c, "moving the closed Community to the top level", "Community")
		ws.menus.undo.Action()
		checkDrawn(t, c, "undoing the move", "Emotions/Community")
		c.openAll()
	})
	t.Run("ImportAnOlderCodebook", func(t *testing.T) {
		if _, err := p.ImportExchange(context.Background(), qdc, nil); err != nil {
			t.Fatal(err)
		}
		checkDrawn(t, c, "importing the codebook as it was before the moves")
	})
}
