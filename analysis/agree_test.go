package analysis

import (
	"math"
	"testing"

	"coder/qda"
)

func near(got, want, tol float64) bool { return math.Abs(got-want) <= tol }

// Ensure that Cohen's kappa of a 2×2 table matches published worked
// examples:
//   - M. Kaptein and E. van den Heuvel, Statistics for Data Scientists
//     (Springer, 2022), ch. 6 "Multiple Random Variables", Table 6.1 (left):
//     20 5 / 10 65 gives κ ≈ 0.625 (pO = 0.85, pE = 0.60);
//   - the worked example of the Wikipedia article "Cohen's kappa" (50
//     grant proposals read by two readers): 20 5 / 10 15 gives κ = 0.4.
func TestCohenKappa_TextbookTables(t *testing.T) {
	for _, tc := range []struct {
		table [2][2]float64
		want  float64
	}{
		{[2][2]float64{{20, 5}, {10, 65}}, 0.625},
		{[2][2]float64{{20, 5}, {10, 15}}, 0.4},
	} {
		if got := CohenKappa(tc.table); !near(got, tc.want, 1e-9) {
			t.Errorf("kappa of %v = %v, want %v", tc.table, got, tc.want)
		}
	}
	if got := CohenKappa([2][2]float64{{0, 0}, {0, 9}}); !math.IsNaN(got) {
		t.Errorf("kappa with no variation = %v, want undefined (NaN)", got)
	}
}

// Ensure that Krippendorff's nominal alpha matches the worked examples in
// K. Krippendorff, "Computing Krippendorff's Alpha-Reliability" (Annenberg
// School for Communication, University of Pennsylvania, 2011):
//   - A. binary data, two observers, no missing data: α = 0.095;
//   - C. nominal data, any number of observers, missing data (4 observers,
//     12 units, values 1–5): α = 0.743.
func TestAlpha_KrippendorffWorkedExamples(t *testing.T) {
	const x = -1 // missing
	for _, tc := range []struct {
		name string
		data [][]int // a row per observer, a column per unit
		want float64
	}{
		{"binary", [][]int{
			{0, 1, 0, 0, 0, 0, 0, 0, 1, 0},
			{1, 1, 1, 0, 0, 1, 0, 0, 0, 0},
		}, 0.095},
		{"nominal with missing data", [][]int{
			{1, 2, 3, 3, 2, 1, 4, 1, 2, x, x, x},
			{1, 2, 3, 3, 2, 2, 4, 1, 2, 5, x, 3},
			{x, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, x},
			{1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, x},
		}, 0.743},
	} {
		var co Coincidences
		for u := range tc.data[0] {
			vals := map[int]int{}
			for _, row := range tc.data {
				if row[u] != x {
					vals[row[u]]++
				}
			}
			co.AddUnit(vals, 1)
		}
		if got := co.Alpha(); !near(got, tc.want, 0.0005) {
			t.Errorf("%s: alpha = %.4f, want %.3f", tc.name, got, tc.want)
		}
	}
}

// agreeFixture: two coders over two documents, and a third document only
// coder A coded (so it is not compared).
//
//	codes: P > P/a ; B
//	d1 (100 chars): A codes P/a [0,40), B [50,60)   B codes P/a [10,40), B [70,80)
//	d2 (50 chars):  A codes P [0,10)                B codes P [0,10)
//	d3 (30 chars):  A codes B [0,30)
func agreeFixture() *Data {
	return New(Snapshot{
		Codes: []qda.Code{
			{ID: "P", Name: "P", Order: 0},
			{ID: "Pa", Parent: "P", Name: "a"},
			{ID: "B", Name: "B", Order: 1},
		},
		Documents: []Document{
			{ID: "d1", Name: "one", Chars: 100},
			{ID: "d2", Name: "two", Chars: 50},
			{ID: "d3", Name: "three", Chars: 30},
		},
		Codings: []qda.Coding{
			{ID: "a1", Document: "d1", Code: "Pa", Coder: "A", Span: qda.Span{Start: 0, End: 40}},
			{ID: "a2", Document: "d1", Code: "B", Coder: "A", Span: qda.Span{Start: 50, End: 60}},
			{ID: "b1", Document: "d1", Code: "Pa", Coder: "B", Span: qda.Span{Start: 10, End: 40}},
			{ID: "b2", Document: "d1", Code: "B", Coder: "B", Span: qda.Span{Start: 70, End: 80}},
			{ID: "a3", Document: "d2", Code: "P", Coder: "A", Span: qda.Span{Start: 0, End: 10}},
			{ID: "b3", Document: "d2", Code: "P", Coder: "B", Span: qda.Span{Start: 0, End: 10}},
			{ID: "a4", Document: "d3", Code: "B", Coder: "A", Span: qda.Span{Start: 0, End: 30}},
		},
	})
}

// Ensure that agreement is counted per character over the documents both
// coders coded, each code with the codes below it, with the figures worked
// out by hand from agreeFixture.
func TestAgree_CountsCharactersOfDocumentsBothCoded(t *testing.T) {
	a, err := agreeFixture().Agree(AgreeOptions{Coders: []qda.ID{"A", "B"}})
	if err != nil {
		t.Fatal(err)
	}
	sameIDs(t, "documents", a.Documents, "d1", "d2")
	if a.Chars != 150 {
		t.Fatalf("chars = %d, want 150", a.Chars)
	}
	if len(a.Codes) != 3 || a.Codes[0].Path != "P" || a.Codes[1].Path != "P/a" || a.Codes[2].Path != "B" {
		t.Fatalf("rows = %+v, want P, P/a, B", a.Codes)
	}
	// P (with P/a): A 40+10 = 50, B 30+10 = 40, both 40; 150 units,
	// agree on 140. Table both=40, A only=10, B only=0, neither=100.
	p := a.Codes[0]
	if p.Chars[0] != 50 || p.Chars[1] != 40 || p.CharsBoth != 40 {
		t.Errorf("P chars = %v both %d, want [50 40] both 40", p.Chars, p.CharsBoth)
	}
	if !near(p.Percent, 100*140.0/150, 1e-9) {
		t.Errorf("P percent = %v", p.Percent)
	}
	if want := CohenKappa([2][2]float64{{40, 10}, {0, 100}}); !near(p.Kappa, want, 1e-12) {
		t.Errorf("P kappa = %v, want %v", p.Kappa, want)
	}
	// B: A 10, B 10, both 0: kappa below zero (all disagreement on B).
	b := a.Codes[2]
	if b.Chars[0] != 10 || b.Chars[1] != 10 || b.CharsBoth != 0 || b.Kappa >= 0 {
		t.Errorf("B = %+v, want 10, 10, both 0 and a negative kappa", b)
	}
	// Overall pools each code's own codings: P (d2 only: both 10),
	// P/a (both 30, A only 10), B (A only 10, B only 10), over 3×150 units.
	want := CohenKappa([2][2]float64{{40, 20}, {10, 380}})
	if !near(a.Overall.Kappa, want, 1e-12) || !near(a.Overall.Percent, 100*420.0/450, 1e-9) {
		t.Errorf("overall = %+v, want kappa %v and percent %v", a.Overall, want, 100*420.0/450)
	}
}

// Ensure that a code chosen by --code is reported alone, and that alpha for
// three coders is computed when only two of them agree everywhere.
func TestAgree_ChosenCodeAndThreeCoders(t *testing.T) {
	d := agreeFixture()
	a, err := d.Agree(AgreeOptions{Coders: []qda.ID{"A", "B"}, Codes: []qda.ID{"B"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Codes) != 1 || a.Codes[0].Path != "B" {
		t.Fatalf("rows = %+v, want only B", a.Codes)
	}
	// Overall with P chosen pools P's and P/a's own codings: P both 10 (d2),
	// P/a both 30 and A only 10 (d1), over 2×150 units.
	a, _ = d.Agree(AgreeOptions{Coders: []qda.ID{"A", "B"}, Codes: []qda.ID{"P"}})
	if want := CohenKappa([2][2]float64{{40, 10}, {0, 250}}); !near(a.Overall.Kappa, want, 1e-12) {
		t.Errorf("overall for P = %v, want %v (P and P/a pooled)", a.Overall.Kappa, want)
	}
	if _, err := d.Agree(AgreeOptions{Coders: []qda.ID{"A"}}); err == nil {
		t.Error("one coder: want an error")
	}
	if _, err := d.Agree(AgreeOptions{Coders: []qda.ID{"A", "A"}}); err == nil {
		t.Error("the same coder twice: want an error")
	}
	// A third coder who coded nothing: no document is coded by all three.
	a, err = d.Agree(AgreeOptions{Coders: []qda.ID{"A", "B", "C"}})
	if err != nil || len(a.Documents) != 0 || !math.IsNaN(a.Overall.Alpha) {
		t.Errorf("three coders, one silent: %+v, %v; want no documents and alpha undefined", a, err)
	}
}

// Ensure that disagreements are the stretches where the two coders' codes
// differ, with what each coded there.
func TestDisagreements_StretchesWhereCodesDiffer(t *testing.T) {
	ds, err := agreeFixture().Disagreements(AgreeOptions{Coders: []qda.ID{"A", "B"}})
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		doc        qda.ID
		start, end int
		a, b       string
	}
	want := []row{
		{"d1", 0, 10, "P/a", ""},
		{"d1", 50, 60, "B", ""},
		{"d1", 70, 80, "", "B"},
	}
	if len(ds) != len(want) {
		t.Fatalf("got %d disagreements %+v, want %d", len(ds), ds, len(want))
	}
	paths := func(cs []Column) string {
		s := ""
		for _, c := range cs {
			s += c.Path
		}
		return s
	}
	for i, w := range want {
		g := ds[i]
		if g.Document != w.doc || g.Span.Start != w.start || g.Span.End != w.end || paths(g.A) != w.a || paths(g.B) != w.b {
			t.Errorf("disagreement %d = %s %v a=%q b=%q, want %+v", i, g.Document, g.Span, paths(g.A), paths(g.B), w)
		}
	}
	ds, _ = agreeFixture().Disagreements(AgreeOptions{Coders: []qda.ID{"A", "B"}, Codes: []qda.ID{"P"}})
	if len(ds) != 1 || ds[0].Span != (qda.Span{Start: 0, End: 10}) {
		t.Errorf("only P: %+v, want the one stretch [0,10)", ds)
	}
}

// Ensure that Agreed gives, per document and code, the stretches both
// coders coded with that very code.
func TestAgreed_StretchesBothCodersCoded(t *testing.T) {
	ag, err := agreeFixture().Agreed(AgreeOptions{Coders: []qda.ID{"A", "B"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(ag) != 2 {
		t.Fatalf("got %+v, want P/a on d1 and P on d2", ag)
	}
	if ag[0].Document != "d1" || ag[0].Code != "Pa" || len(ag[0].Spans) != 1 || ag[0].Spans[0] != (qda.Span{Start: 10, End: 40}) {
		t.Errorf("first = %+v, want P/a [10,40) on d1", ag[0])
	}
	if ag[1].Document != "d2" || ag[1].Code != "P" || ag[1].Spans[0] != (qda.Span{Start: 0, End: 10}) {
		t.Errorf("second = %+v, want P [0,10) on d2", ag[1])
	}
}
