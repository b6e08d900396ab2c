package merge_test

import (
	"testing"

	"coder/qda"
)

// editMemo rewrites memo id in b at minute min, as the store stamps an edit.
func editMemo(b *qda.Bundle, id qda.ID, text string, min int, by qda.ID) {
	for i := range b.Memos {
		if x := &b.Memos[i]; x.ID == id {
			old := x.Version()
			x.Text = text
			stampEdit(x, old, at(min), by)
		}
	}
}

// memoTexts is what a person sees in the memo list: each memo's text, and
// for a flagged copy which memo it is a conflicting version of.
func memoTexts(b *qda.Bundle) map[string]qda.ID {
	out := map[string]qda.ID{}
	for _, x := range b.Memos {
		out[x.Text] = x.ConflictOf
	}
	return out
}

// Ensure that a memo version which a later version had seen is not brought
// back as a conflict once that later version was itself settled, whatever
// the order of merges. Ana rewrites the lead's memo (X); Chen, who had
// Ana's copy, rewrites X (M, which saw X); Bo rewrites the lead's memo
// later (W), merges Chen's copy, takes M's point into W and deletes the
// flagged copy of M. Merging Ana, Bo and Chen must give W alone: X was
// seen by M, and M was settled by Bo. Before the fix, merging Bo and Chen
// first lost the knowledge that M had seen X, and Ana's X came back as a
// conflict (the order-dependence seen once at seed 424 of the property
// test with random IDs).
func TestMerge_VersionSeenByASettledVersionIsNoConflictInAnyOrder(t *testing.T) {
	lead, ana, bo, chen := qda.ID("c0"), qda.ID("c1"), qda.ID("c2"), qda.ID("c3")
	const memo = qda.ID("8d0e7c52-3a41-4b8e-9c6f-2f1d5e0a7b31")
	base := &qda.Bundle{Project: qda.Project{ID: "p", Name: "Field study", Created: at(0)},
		Coders: []qda.Coder{{ID: lead, Name: "Lead"}, {ID: ana, Name: "Ana"}, {ID: bo, Name: "Bo"}, {ID: chen, Name: "Chen"}},
		Memos:  []qda.Memo{{ID: memo, On: qda.OnProject, Text: "The gate", Coder: lead, Created: at(1), Modified: at(1)}}}
	a := copyOf(base)
	editMemo(a, memo, "The gate is shut at ten", 2, ana) // X
	c := copyOf(a)
	editMemo(c, memo, "The gate is shut at ten; cards are scarce", 3, chen) // M
	b := copyOf(base)
	editMemo(b, memo, "The gate and the keys", 5, bo) // W
	b = m(b, c)
	var flagged qda.ID
	for _, x := range b.Memos {
		if x.ConflictOf == memo {
			flagged = x.ID
		}
	}
	if flagged == "" {
		t.Fatalf("Bo⊕Chen: no flagged copy of Chen's version; memos %v", memoTexts(b))
	}
	editMemo(b, memo, "The gate and the keys; cards are scarce", 6, bo)
	b.Memos = keep(b.Memos, func(x qda.Memo) bool { return x.ID != flagged })
	b.Tombstones = append(b.Tombstones, qda.Tombstone{ID: flagged, Kind: qda.GoneMemo, At: at(6), Coder: bo})

	want := map[string]qda.ID{"The gate and the keys; cards are scarce": ""}
	orders := map[string]*qda.Bundle{
		"(A⊕B)⊕C": m(m(a, b), c), "A⊕(B⊕C)": m(a, m(b, c)), "(A⊕C)⊕B": m(m(a, c), b),
		"(B⊕C)⊕A": m(m(b, c), a), "C⊕(A⊕B)": m(c, m(a, b)), "((A⊕B)⊕C)⊕A": m(m(m(a, b), c), a),
	}
	for what, got := range orders {
		if texts := memoTexts(got); len(texts) != 1 || texts["The gate and the keys; cards are scarce"] != "" {
			t.Errorf("%s: memos %v, want %v", what, texts, want)
		}
		sameProject(t, what+" vs (A⊕B)⊕C", got, orders["(A⊕B)⊕C"])
	}
}
