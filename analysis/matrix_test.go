package analysis

import "testing"

// Ensure that the framework matrix has a row per case (the empty one too),
// a column per code, and the codings behind each cell.
func TestMatrix_CasesByCodesWithTheCodingsBehindEachCell(t *testing.T) {
	m, err := fixture().Matrix(Dimension{Kind: "case"}, codeIDs("P", "B", "C"), false)
	if err != nil {
		t.Fatal(err)
	}
	checkCounts(t, "matrix", m.Counts, [][]int{{1, 2, 0}, {2, 3, 0}, {0, 0, 0}, {0, 0, 0}})
	sameIDs(t, "K2 × P", m.Cell(1, 0), codeIDs("c1", "c6")...)
	if k := m.CellKey(0, 1); k != "case:K1|code:B" {
		t.Errorf("cell key: %q", k)
	}
	m, err = fixture().Matrix(Dimension{Kind: "doc"}, codeIDs("P"), true)
	if err != nil {
		t.Fatal(err)
	}
	// documents by name: one, three, two
	checkCounts(t, "documents × P rolled up", m.Counts, [][]int{{3}, {0}, {2}})
	sameIDs(t, "two × P", m.Cell(2, 0), codeIDs("c6", "c8")...)
}
