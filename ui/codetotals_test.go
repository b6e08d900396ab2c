package ui

import (
	"fmt"
	"testing"

	"coder/qda"
)

// subtreeCount sums the project's counts over a code and all below it.
func subtreeCount(ws *workspace, id qda.ID) int {
	n := 0
	for _, s := range ws.tree.Subtree(id) {
		n += ws.counts[s]
	}
	return n
}

// Ensure that a parent code's row shows its own codings and those of its
// whole subtree, that a code without sub-codes shows just its own, and that
// coding a sub-code updates every ancestor's total.
func TestCodebookRow_ParentShowsOwnAndSubtreeTotal(t *testing.T) {
	app, _ := openDemoCopy(t)
	ws := app.ws
	leaf, ok := ws.tree.Find("Political logic/Mobilisation/Mass persuasion work")
	if !ok {
		t.Fatal("the demo has no Mass persuasion work code")
	}
	mid, _ := ws.tree.Find("Political logic/Mobilisation")
	top, _ := ws.tree.Find("Political logic")
	want := func(id qda.ID) string {
		if len(ws.tree.Children(id)) == 0 {
			return fmt.Sprint(ws.counts[id])
		}
		return fmt.Sprintf("%d · %d", ws.counts[id], subtreeCount(ws, id))
	}

	t.Run("ParentsShowOwnAndTotal", func(t *testing.T) {
		for _, id := range []qda.ID{top.ID, mid.ID} {
			if subtreeCount(ws, id) == ws.counts[id] {
				t.Fatalf("the demo's %s has no codings below it to sum", ws.tree.Path(id))
			}
			if got := rowOf(t, ws.codes, id).count.String(); got != want(id) {
				t.Errorf("%s's row counts %q, want %q", ws.tree.Path(id), got, want(id))
			}
		}
	})

	t.Run("CodeWithoutSubCodesShowsOwnOnly", func(t *testing.T) {
		if got := rowOf(t, ws.codes, leaf.ID).count.String(); got != fmt.Sprint(ws.counts[leaf.ID]) {
			t.Errorf("the leaf's row counts %q, want %d", got, ws.counts[leaf.ID])
		}
	})

	t.Run("CodingASubCodeUpdatesAncestors", func(t *testing.T) {
		ws.openDocument(ws.docs[0].ID)
		// Draw the ancestors' rows first, so what they show afterwards
		// comes from the single-code update, not a first render.
		topBefore := subtreeCount(ws, top.ID)
		rowOf(t, ws.codes, leaf.ID)
		rows := map[qda.ID]*codeRow{}
		for r := range ws.codes.rows {
			if r.id == top.ID || r.id == mid.ID {
				rows[r.id] = r
			}
		}
		ws.view.Select(firstWords(t, ws, 3))
		if !ws.applyCode(leaf.ID) {
			t.Fatal("applying the code failed")
		}
		if subtreeCount(ws, top.ID) != topBefore+1 {
			t.Fatalf("the project's subtree count went from %d to %d", topBefore, subtreeCount(ws, top.ID))
		}
		for _, id := range []qda.ID{top.ID, mid.ID} {
			r := rows[id]
			if r == nil || r.id != id {
				t.Fatalf("%s's row was not drawn or was reused", ws.tree.Path(id))
			}
			if got := r.count.String(); got != want(id) {
				t.Errorf("after coding, %s's row counts %q, want %q", ws.tree.Path(id), got, want(id))
			}
		}
	})
}
