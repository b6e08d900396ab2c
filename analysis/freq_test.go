package analysis

import "testing"

// Ensure that each code's own frequencies count its codings, the characters
// they cover, and the documents and cases they are in.
func TestFrequencies_OwnCountsMatchTheFixture(t *testing.T) {
	f, err := fixture().Frequencies(Dimension{}, false)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][4]int{ // codings, chars, documents, cases
		"P":               {2, 25, 2, 2},
		"P/a":             {2, 30, 2, 2},
		"P/a/x":           {1, 6, 1, 2},
		"B":               {3, 53, 2, 2},
		"Community logic": {0, 0, 0, 0},
	}
	if len(f.Rows) != len(want) {
		t.Fatalf("got %d rows, want %d", len(f.Rows), len(want))
	}
	for _, r := range f.Rows {
		got := [4]int{r.Codings, r.Chars, r.Documents, r.Cases}
		if got != want[r.Path] {
			t.Errorf("%s: got %v, want %v", r.Path, got, want[r.Path])
		}
	}
	if f.Rows[0].Path != "P" || f.Rows[1].Path != "P/a" || f.Rows[3].Path != "B" {
		t.Errorf("rows are not in codebook order: %v %v %v", f.Rows[0].Path, f.Rows[1].Path, f.Rows[3].Path)
	}
	sameIDs(t, "codings behind B", f.Codings(3), codeIDs("c3", "c5", "c7")...)
}

// Ensure that rolled-up frequencies add the codes below, and count a
// character covered by nested codings once.
func TestFrequencies_RollupCountsNestedCharactersOnce(t *testing.T) {
	f, err := fixture().Frequencies(Dimension{}, true)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][4]int{
		"P":     {5, 45, 2, 2}, // d1 [0,30) + d2 [5,10) and [30,40)
		"P/a":   {3, 30, 2, 2}, // d1 [10,30) + d2 [30,40)
		"P/a/x": {1, 6, 1, 2},
		"B":     {3, 53, 2, 2},
	}
	for _, r := range f.Rows {
		if w, ok := want[r.Path]; ok && [4]int{r.Codings, r.Chars, r.Documents, r.Cases} != w {
			t.Errorf("%s: got %v, want %v", r.Path, [4]int{r.Codings, r.Chars, r.Documents, r.Cases}, w)
		}
	}
	sameIDs(t, "codings behind P rolled up", f.Codings(0), codeIDs("c1", "c2", "c4", "c6", "c8")...)
}

// Ensure that a breakdown by case lists every case, the empty one too, and
// a row for documents in no case; a document in two cases counts in both.
func TestFrequencies_ByCaseIncludesEmptyCasesAndUncasedDocuments(t *testing.T) {
	f, err := fixture().Frequencies(Dimension{Kind: "case"}, false)
	if err != nil {
		t.Fatal(err)
	}
	var labels []string
	for _, g := range f.Groups {
		labels = append(labels, g.Label)
	}
	if len(labels) != 4 || labels[0] != "K1" || labels[1] != "K2" || labels[2] != "K3" || labels[3] != NoValue {
		t.Fatalf("groups: got %v, want [K1 K2 K3 %s]", labels, NoValue)
	}
	wantBy := map[string][]int{"P": {1, 2, 0, 0}, "B": {2, 3, 0, 0}, "P/a/x": {1, 1, 0, 0}, "Community logic": {0, 0, 0, 0}}
	for _, r := range f.Rows {
		if w, ok := wantBy[r.Path]; ok {
			for g := range w {
				if r.By[g] != w[g] {
					t.Errorf("%s by case: got %v, want %v", r.Path, r.By, w)
					break
				}
			}
		}
	}
	sameIDs(t, "B in K2", f.CellCodings(3, 1), codeIDs("c3", "c5", "c7")...)
	sameIDs(t, "B in K1", f.CellCodings(3, 0), codeIDs("c3", "c5")...)
}

// Ensure that a breakdown by a case attribute gives each document the values
// of the cases holding it, and documents without one a row of their own.
func TestFrequencies_ByAttributeUsesTheCasesValues(t *testing.T) {
	f, err := fixture().Frequencies(Dimension{Kind: "attr", Attr: "role"}, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Groups) != 3 || f.Groups[0].Label != "cadre" || f.Groups[1].Label != "resident" || f.Groups[2].Label != NoValue {
		t.Fatalf("groups: %+v", f.Groups)
	}
	if by := f.Rows[0].By; by[0] != 1 || by[1] != 2 || by[2] != 0 {
		t.Errorf("P by role: got %v, want [1 2 0]", by)
	}
	if _, err := fixture().Frequencies(Dimension{Kind: "attr", Attr: "Colour"}, false); err == nil {
		t.Error("an unknown attribute gave no error")
	}
}

// Ensure that breakdowns are read as the CLI writes them.
func TestParseDimension_ReadsCaseDocAndAttr(t *testing.T) {
	for in, want := range map[string]Dimension{"case": {Kind: "case"}, "doc": {Kind: "doc"}, "attr:Informant role": {Kind: "attr", Attr: "Informant role"}, "": {}} {
		got, err := ParseDimension(in)
		if err != nil || got != want {
			t.Errorf("%q: got %+v, %v; want %+v", in, got, err, want)
		}
	}
	if _, err := ParseDimension("attr:"); err == nil {
		t.Error("attr: with no name gave no error")
	}
}
