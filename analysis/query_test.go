package analysis

import (
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
	checkQuery(t, "P NOT B", QueryOptions{Limit: Limit{Cases: codeIDs("K1")}})
	checkQuery(t, "P", QueryOptions{Limit: Limit{Cases: codeIDs("K3")}})
	checkQuery(t, "P", QueryOptions{Limit: Limit{Attr: map[string]string{"lang": "EN"}}}, wantSeg{"d1", 0, 30})
	checkQuery(t, "B", QueryOptions{Limit: Limit{Documents: codeIDs("d2")}}, wantSeg{"d2", 12, 20})
}

// Ensure that a query that cannot be read says what is wrong.
func TestQuery_BadQueriesSayWhy(t *testing.T) {
	for _, q := range []string{"", "P AND", `"P`, "Political logic", "P FOLLOWED B", "(P OR B", "P B", "AND P"} {
		if _, err := fixture().Query(q, QueryOptions{}); err == nil {
			t.Errorf("%q gave no error", q)
		}
	}
}
