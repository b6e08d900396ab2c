package analysis

import (
	"strings"
	"testing"

	"coder/qda"
)

type wantSeg struct {
	doc        qda.ID
	start, end int
}

func checkQuery(t *testing.T, expr string, opt QueryOptions, want ...wantSeg) []Segment {
	t.Helper()
	got, err := fixture().Query(expr, opt)
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	if len(got) != len(want) {
		t.Fatalf("%s: got %d segments %+v, want %v", expr, len(got), got, want)
	}
	for i, w := range want {
		if got[i].Document != w.doc || got[i].Span != (qda.Span{Start: w.start, End: w.end}) {
			t.Errorf("%s: segment %d is %s %v, want %s %d:%d", expr, i, got[i].Document, got[i].Span, w.doc, w.start, w.end)
		}
	}
	return got
}

// Ensure that A AND B keeps the characters coded with both (a code standing
// for the codes below it), with the codings behind them.
func TestQuery_AndKeepsCharactersCodedWithBoth(t *testing.T) {
	got := checkQuery(t, "P AND B", QueryOptions{}, wantSeg{"d1", 15, 30})
	sameIDs(t, "codings behind P AND B", got[0].Codings, codeIDs("c1", "c2", "c3", "c4")...)
	if len(got[0].Codes) != 4 || got[0].Codes[0].Path != "P" || got[0].Codes[3].Path != "B" {
		t.Errorf("codes: %+v", got[0].Codes)
	}
}

// Ensure that OR, NOT, NEAR and FOLLOWED BY give the segments counted by hand.
func TestQuery_OrNotNearFollowedBy(t *testing.T) {
	checkQuery(t, "P/a OR B", QueryOptions{}, wantSeg{"d1", 10, 50}, wantSeg{"d1", 60, 70}, wantSeg{"d2", 12, 20}, wantSeg{"d2", 30, 40})
	checkQuery(t, "P NOT B", QueryOptions{}, wantSeg{"d2", 5, 10}, wantSeg{"d2", 30, 40})
	checkQuery(t, "P AND NOT B", QueryOptions{}, wantSeg{"d2", 5, 10}, wantSeg{"d2", 30, 40})
	checkQuery(t, "P NEAR B", QueryOptions{Near: 2}, wantSeg{"d1", 0, 50}, wantSeg{"d2", 5, 20})
	checkQuery(t, "P near/1 B", QueryOptions{}, wantSeg{"d1", 0, 50})
	checkQuery(t, "P FOLLOWED BY B", QueryOptions{}, wantSeg{"d1", 0, 70}, wantSeg{"d2", 5, 20})
	checkQuery(t, `"P/a/x" OR ("Community logic" OR B) AND P`, QueryOptions{}, wantSeg{"d1", 12, 30})
}

// Ensure that a query limited to a case or an attribute value looks only at
// those documents.
func TestQuery_LimitedToCasesAndAttributes(t *testing.T) {
	checkQuery(t, "P NOT B", QueryOptions{Filter: qda.Filter{Cases: codeIDs("K1")}})
	checkQuery(t, "P", QueryOptions{Filter: qda.Filter{Cases: codeIDs("K3")}})
	checkQuery(t, "P", QueryOptions{Filter: qda.Filter{Attrs: []qda.AttrCond{{Name: "lang", Op: qda.AttrEq, Value: "EN"}}}}, wantSeg{"d1", 0, 30})
	checkQuery(t, "B", QueryOptions{Filter: qda.Filter{Documents: codeIDs("d2")}}, wantSeg{"d2", 12, 20})
}

// Ensure that a query that cannot be read says what is wrong.
func TestQuery_BadQueriesSayWhy(t *testing.T) {
	for _, q := range []string{"", "P AND", `"P`, "Political logic", "P FOLLOWED B", "(P OR B", "P B", "AND P"} {
		if _, err := fixture().Query(q, QueryOptions{}); err == nil {
			t.Errorf("%q gave no error", q)
		}
	}
}

// yearFixture is the fixture with a document attribute Year: d1 2019,
// d2 2023, and Joined on the cases: K1 2010-05-01, K2 2021-03-15.
func yearFixture(t *testing.T) *Data {
	t.Helper()
	s := fixture().s
	s.Variables = append(append([]qda.Variable(nil), s.Variables...),
		qda.Variable{ID: "year", Name: "Year", Scope: qda.ScopeDocument, Type: qda.VarInteger},
		qda.Variable{ID: "joined", Name: "Joined", Scope: qda.ScopeCase, Type: qda.VarDate})
	s.Values = append(append([]qda.Value(nil), s.Values...),
		qda.Value{Variable: "year", Owner: "d1", Value: "2019"},
		qda.Value{Variable: "year", Owner: "d2", Value: "2023"},
		qda.Value{Variable: "joined", Owner: "K1", Value: "2010-05-01"},
		qda.Value{Variable: "joined", Owner: "K2", Value: "2021-03-15"})
	return New(s)
}

func cond(t *testing.T, s string) []qda.AttrCond {
	t.Helper()
	c, err := qda.ParseAttrCond(s)
	if err != nil {
		t.Fatal(err)
	}
	return []qda.AttrCond{c}
}

// Ensure that queries and tables narrow by the one filter rule, with
// attribute ranges: a number above a bound, a date between two, and a
// document carrying its cases' values (d1 is in K1 and K2, so any of their
// dates may satisfy a range); an unknown attribute is an error.
func TestOnly_AttributeRangesNarrowQueriesAndTables(t *testing.T) {
	d := yearFixture(t)
	segs := func(f qda.Filter) []wantSeg {
		got, err := d.Query("B", QueryOptions{Filter: f})
		if err != nil {
			t.Fatal(err)
		}
		var out []wantSeg
		for _, g := range got {
			out = append(out, wantSeg{g.Document, g.Span.Start, g.Span.End})
		}
		return out
	}
	// B codings: c3 d1 [15,50), c5 d1 [60,70), c7 d2 [12,20).
	if got := segs(qda.Filter{Attrs: cond(t, "Year>2020")}); len(got) != 1 || got[0] != (wantSeg{"d2", 12, 20}) {
		t.Errorf("Year>2020: %v", got)
	}
	if got := segs(qda.Filter{Attrs: cond(t, "Year<=2019")}); len(got) != 2 || got[0].doc != "d1" {
		t.Errorf("Year<=2019: %v", got)
	}
	// Joined 2009..2011 holds for K1 only, which holds d1 only.
	if got := segs(qda.Filter{Attrs: cond(t, "Joined=2009-01-01..2011-12-31")}); len(got) != 2 || got[0].doc != "d1" || got[1].doc != "d1" {
		t.Errorf("Joined in 2009..2011: %v", got)
	}
	// Both: d2 (in K2, joined 2021) with Year 2023.
	if got := segs(qda.Filter{Attrs: append(cond(t, "Joined>=2021-01-01"), cond(t, "Year>2020")...)}); len(got) != 1 || got[0].doc != "d2" {
		t.Errorf("Joined>=2021 and Year>2020: %v", got)
	}
	// The frequencies of B under Year>2020 count c7 alone.
	only, err := d.Only(qda.Filter{Attrs: cond(t, "Year>2020")})
	if err != nil {
		t.Fatal(err)
	}
	ft, err := only.Frequencies(Dimension{}, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range ft.Rows {
		if r.Path == "B" && r.Codings != 1 {
			t.Errorf("B under Year>2020 has %d codings, want 1", r.Codings)
		}
	}
	if _, err := d.Only(qda.Filter{Attrs: cond(t, "Age>60")}); err == nil || !strings.Contains(err.Error(), "Year") {
		t.Errorf("an unknown attribute: %v", err)
	}
}
