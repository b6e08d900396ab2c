package analysis

import (
	"math"
	"testing"

	"coder/qda"
)

func checkCounts(t *testing.T, what string, got [][]int, want [][]int) {
	t.Helper()
	for i := range want {
		for j := range want[i] {
			if got[i][j] != want[i][j] {
				t.Fatalf("%s: got %v, want %v", what, got, want)
			}
		}
	}
}

func checkC(t *testing.T, what string, got *float64, want float64) {
	t.Helper()
	if math.IsNaN(want) {
		if got != nil {
			t.Errorf("%s: c = %v, want undefined (nil)", what, *got)
		}
		return
	}
	if got == nil || math.Abs(*got-want) > 1e-9 {
		t.Errorf("%s: c = %v, want %v", what, got, want)
	}
}

// Ensure that overlap co-occurrence counts pairs of codings that share a
// character, nested ones included, with each code's codings on the diagonal
// and the c-coefficient beside it (undefined for a code never applied).
func TestCooccurrence_OverlapCountsSharedCharacterPairs(t *testing.T) {
	c := fixture().Cooccurrence(codeIDs("P", "Pa", "Pax", "B", "C"), Unit{Kind: "overlap"}, false)
	checkCounts(t, "overlap", c.Counts, [][]int{
		{2, 1, 1, 1, 0},
		{1, 2, 1, 1, 0},
		{1, 1, 1, 1, 0},
		{1, 1, 1, 3, 0},
		{0, 0, 0, 0, 0},
	})
	checkC(t, "P×P/a", c.C[0][1], 1.0/3)
	checkC(t, "P×B", c.C[0][3], 0.25)
	checkC(t, "P/a/x×B", c.C[2][3], 1.0/3)
	checkC(t, "P×P", c.C[0][0], 1)
	checkC(t, "P×Community", c.C[0][4], 0)
	checkC(t, "Community×Community", c.C[4][4], math.NaN())

	ev := c.Evidence(3, 0) // B row, P column: c3 with c1
	if len(ev) != 1 {
		t.Fatalf("evidence B×P: got %d, want 1", len(ev))
	}
	sameIDs(t, "B×P codings, row's code first", ev[0].Codings, codeIDs("c3", "c1")...)
	if ev[0].Overlap != (qda.Span{Start: 15, End: 20}) || ev[0].Span != (qda.Span{Start: 0, End: 50}) || ev[0].Document != "d1" {
		t.Errorf("evidence B×P: %+v", ev[0])
	}
}

// Ensure that rolled up, a code's sub-code codings count for it, and a pair
// of codings is counted once even when both stand for both codes.
func TestCooccurrence_RollupCountsEachPairOnce(t *testing.T) {
	c := fixture().Cooccurrence(codeIDs("P", "B"), Unit{Kind: "overlap"}, true)
	checkCounts(t, "P, B rolled up", c.Counts, [][]int{{5, 3}, {3, 3}})
	checkC(t, "P×B", c.C[0][1], 0.6)

	c = fixture().Cooccurrence(codeIDs("P", "Pa"), Unit{Kind: "overlap"}, true)
	// {c1,c2}, {c1,c4}, {c2,c4}: one of each of P (c1,c2,c4,c6,c8) and P/a (c2,c4,c8), never a coding with itself.
	checkCounts(t, "P, P/a rolled up", c.Counts, [][]int{{5, 3}, {3, 3}})
	if ev := c.Evidence(0, 1); len(ev) != 3 {
		t.Errorf("evidence P×P/a: got %d, want 3", len(ev))
	}
}

// Ensure that near:N counts pairs at most N characters apart.
func TestCooccurrence_NearCountsPairsWithinN(t *testing.T) {
	c := fixture().Cooccurrence(codeIDs("P", "Pa", "B"), Unit{Kind: "near", N: 2}, false)
	// P–B: c1/c3 overlap, c6/c7 two apart. P/a–B: c2/c3. P–P/a: c1/c2 overlap; c6/c8 are 20 apart.
	checkCounts(t, "near:2", c.Counts, [][]int{{2, 1, 2}, {1, 2, 1}, {2, 1, 3}})
	c = fixture().Cooccurrence(codeIDs("P", "B"), Unit{Kind: "near", N: 1}, false)
	checkCounts(t, "near:1", c.Counts, [][]int{{2, 1}, {1, 3}})
	ev := fixture().Cooccurrence(codeIDs("P", "B"), Unit{Kind: "near", N: 2}, false).Evidence(0, 1)
	if len(ev) != 2 || ev[1].Document != "d2" || !ev[1].Overlap.Empty() || ev[1].Span != (qda.Span{Start: 5, End: 20}) {
		t.Errorf("near evidence: %+v", ev)
	}
}

// Ensure that passage co-occurrence counts passages, and a coding that
// crosses a passage boundary is in both passages.
func TestCooccurrence_PassageCountsPassagesAcrossBoundaries(t *testing.T) {
	c := fixture().Cooccurrence(codeIDs("P", "Pa", "B"), Unit{Kind: "passage"}, false)
	// d1 [0,40): P, P/a, B. d1 [40,100): B (c3 reaches 50, and c5). d2: P, P/a, B.
	checkCounts(t, "passage", c.Counts, [][]int{{2, 2, 2}, {2, 2, 2}, {2, 2, 3}})
	checkC(t, "P×B", c.C[0][2], 2.0/3)
	ev := c.Evidence(2, 0)
	if len(ev) != 2 || ev[0].Span != (qda.Span{Start: 0, End: 40}) {
		t.Fatalf("passage evidence B×P: %+v", ev)
	}
	sameIDs(t, "codings in d1's first passage", ev[0].Codings, codeIDs("c3", "c1")...)
	if ev[0].Overlap != (qda.Span{Start: 15, End: 20}) {
		t.Errorf("overlap in the passage: got %v, want 15:20", ev[0].Overlap)
	}
}

// Ensure that units are read as the CLI writes them.
func TestParseUnit_ReadsOverlapPassageNear(t *testing.T) {
	if u, err := ParseUnit("near:25"); err != nil || u != (Unit{Kind: "near", N: 25}) {
		t.Errorf("near:25: got %+v, %v", u, err)
	}
	for _, bad := range []string{"near:", "near:-1", "sentence"} {
		if _, err := ParseUnit(bad); err == nil {
			t.Errorf("%q gave no error", bad)
		}
	}
}
