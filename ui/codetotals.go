package ui

import (
	"coder/codebook"
	"coder/qda"
)

// codeTotals holds, for every code, its codings plus those of all codes
// below it. Rows read it on every render, so it is worked out once per
// change of the codebook or the counts rather than once per row.
type codeTotals struct {
	tree  *codebook.Tree // the codebook the totals were summed over
	stale bool           // the counts changed since
	sum   map[qda.ID]int
}

// of returns the total codings of id's subtree, summing all totals again
// first when the codebook or the counts changed since the last sum.
func (t *codeTotals) of(ws *workspace, id qda.ID) int {
	if t.stale || t.tree != ws.tree || t.sum == nil {
		t.recount(ws.tree, ws.counts)
	}
	if n, ok := t.sum[id]; ok {
		return n
	}
	// A code the walk from the top cannot reach (a broken parent chain)
	// still has its own codings.
	return ws.counts[id]
}

// recount sums the counts bottom-up in one pass over the tree. Codes in a
// parent cycle are not reachable from the top, so the walk ends.
func (t *codeTotals) recount(tree *codebook.Tree, counts map[qda.ID]int) {
	t.tree, t.stale = tree, false
	t.sum = make(map[qda.ID]int, tree.Len())
	var sum func(id qda.ID) int
	sum = func(id qda.ID) int {
		n := counts[id]
		for _, k := range tree.Children(id) {
			n += sum(k.ID)
		}
		t.sum[id] = n
		return n
	}
	for _, top := range tree.Children("") {
		sum(top.ID)
	}
}
