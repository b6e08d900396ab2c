package analysis

import (
	"testing"

	"coder/qda"
)

// fixture is a small project written by hand; every expected number in the
// tests below was counted from this picture, not computed by the package.
//
//	codes: P (top) > P/a > P/a/x ; B (top) ; "Community logic" (top, never applied)
//	d1: 100 chars, passages [0,40) [40,100); in cases K1 and K2
//	    c1 P      [0,20)
//	    c2 P/a    [10,30)   overlaps c1
//	    c3 B      [15,50)   crosses the passage boundary at 40; overlaps c1, c2, c4
//	    c4 P/a/x  [12,18)   nested inside c1, c2 and c3
//	    c5 B      [60,70)
//	d2: 50 chars, one passage [0,50); in case K2
//	    c6 P      [5,10)
//	    c7 B      [12,20)   two characters after c6
//	    c8 P/a    [30,40)
//	d3: 30 chars, no codings, in no case
//	K3: an empty case
//	Role (case attribute): K1 cadre, K2 resident. Lang (document attribute): d1 en.
func fixture() *Data {
	return New(Snapshot{
		Codes: []qda.Code{
			{ID: "P", Name: "P", Order: 0},
			{ID: "Pa", Parent: "P", Name: "a"},
			{ID: "Pax", Parent: "Pa", Name: "x"},
			{ID: "B", Name: "B", Order: 1},
			{ID: "C", Name: "Community logic", Order: 2},
		},
		Documents: []Document{
			{ID: "d1", Name: "one", Chars: 100, Passages: []qda.Span{{Start: 0, End: 40}, {Start: 40, End: 100}}},
			{ID: "d2", Name: "two", Chars: 50, Passages: []qda.Span{{Start: 0, End: 50}}},
			{ID: "d3", Name: "three", Chars: 30, Passages: []qda.Span{{Start: 0, End: 30}}},
		},
		Codings: []qda.Coding{
			{ID: "c1", Document: "d1", Code: "P", Span: qda.Span{Start: 0, End: 20}},
			{ID: "c2", Document: "d1", Code: "Pa", Span: qda.Span{Start: 10, End: 30}},
			{ID: "c3", Document: "d1", Code: "B", Span: qda.Span{Start: 15, End: 50}},
			{ID: "c4", Document: "d1", Code: "Pax", Span: qda.Span{Start: 12, End: 18}},
			{ID: "c5", Document: "d1", Code: "B", Span: qda.Span{Start: 60, End: 70}},
			{ID: "c6", Document: "d2", Code: "P", Span: qda.Span{Start: 5, End: 10}},
			{ID: "c7", Document: "d2", Code: "B", Span: qda.Span{Start: 12, End: 20}},
			{ID: "c8", Document: "d2", Code: "Pa", Span: qda.Span{Start: 30, End: 40}},
		},
		Cases: []qda.Case{
			{ID: "K2", Name: "K2", Documents: []qda.ID{"d1", "d2"}},
			{ID: "K1", Name: "K1", Documents: []qda.ID{"d1"}},
			{ID: "K3", Name: "K3"},
		},
		Variables: []qda.Variable{
			{ID: "role", Name: "Role", Scope: qda.ScopeCase, Type: qda.VarText},
			{ID: "lang", Name: "Lang", Scope: qda.ScopeDocument, Type: qda.VarText},
		},
		Values: []qda.Value{
			{Variable: "role", Owner: "K1", Value: "cadre"},
			{Variable: "role", Owner: "K2", Value: "resident"},
			{Variable: "lang", Owner: "d1", Value: "en"},
		},
	})
}

func sameIDs(t *testing.T, what string, got []qda.ID, want ...qda.ID) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: got %v, want %v", what, got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("%s: got %v, want %v", what, got, want)
		}
	}
}

func codeIDs(ids ...string) []qda.ID {
	out := make([]qda.ID, len(ids))
	for i, s := range ids {
		out[i] = qda.ID(s)
	}
	return out
}
