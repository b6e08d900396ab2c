package analysis

import (
	"fmt"
	"math/rand"
	"testing"

	"coder/qda"
)

// benchSnapshot generates a large project: 1,000 documents of 5,000
// characters in 20 passages, 100 codes in 3 levels (4 × 4 × 5 under 4 tops,
// counting the tops and middles), 100,000 codings and 50 cases with a case
// attribute of 5 values.
func benchSnapshot() Snapshot {
	r := rand.New(rand.NewSource(1))
	var s Snapshot
	var leaves []qda.ID
	for a := range 4 {
		top := qda.ID(fmt.Sprintf("T%d", a))
		s.Codes = append(s.Codes, qda.Code{ID: top, Name: string(top), Order: a})
		for b := range 4 {
			mid := qda.ID(fmt.Sprintf("T%dM%d", a, b))
			s.Codes = append(s.Codes, qda.Code{ID: mid, Parent: top, Name: string(mid), Order: b})
			for c := range 5 {
				leaf := qda.ID(fmt.Sprintf("T%dM%dL%d", a, b, c))
				s.Codes = append(s.Codes, qda.Code{ID: leaf, Parent: mid, Name: string(leaf), Order: c})
				leaves = append(leaves, leaf)
			}
		}
	}
	all := make([]qda.ID, len(s.Codes))
	for i, c := range s.Codes {
		all[i] = c.ID
	}
	s.Variables = []qda.Variable{{ID: "region", Name: "Region", Scope: qda.ScopeCase, Type: qda.VarText}}
	for i := range 50 {
		s.Cases = append(s.Cases, qda.Case{ID: qda.ID(fmt.Sprintf("K%02d", i)), Name: fmt.Sprintf("Case %02d", i)})
		s.Values = append(s.Values, qda.Value{Variable: "region", Owner: s.Cases[i].ID, Value: fmt.Sprintf("Region %d", i%5)})
	}
	for i := range 1000 {
		d := Document{ID: qda.ID(fmt.Sprintf("D%04d", i)), Name: fmt.Sprintf("doc %04d", i), Chars: 5000}
		for p := range 20 {
			d.Passages = append(d.Passages, qda.Span{Start: p * 250, End: p*250 + 249})
		}
		s.Documents = append(s.Documents, d)
		s.Cases[i%50].Documents = append(s.Cases[i%50].Documents, d.ID)
		for k := range 100 {
			start := r.Intn(4800)
			code := leaves[r.Intn(len(leaves))]
			if k%5 == 0 {
				code = all[r.Intn(len(all))]
			}
			s.Codings = append(s.Codings, qda.Coding{ID: qda.ID(fmt.Sprintf("C%04d-%03d", i, k)), Document: d.ID, Code: code, Span: qda.Span{Start: start, End: start + 20 + r.Intn(180)}})
		}
	}
	return s
}

var benchData *Data

func benchmarkData(b *testing.B) *Data {
	if benchData == nil {
		benchData = New(benchSnapshot())
	}
	b.ReportAllocs()
	b.ResetTimer()
	return benchData
}

func BenchmarkNew(b *testing.B) {
	s := benchSnapshot()
	b.ReportAllocs()
	for b.Loop() {
		New(s)
	}
}

func BenchmarkFrequenciesByCaseRollup(b *testing.B) {
	d := benchmarkData(b)
	for b.Loop() {
		if _, err := d.Frequencies(Dimension{Kind: "case"}, true); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCooccurrence100x100Overlap(b *testing.B) {
	d := benchmarkData(b)
	for b.Loop() {
		c := d.Cooccurrence(nil, Unit{Kind: "overlap"}, false)
		if len(c.Codes) != 100 {
			b.Fatal(len(c.Codes))
		}
	}
}

func BenchmarkCooccurrence100x100Passage(b *testing.B) {
	d := benchmarkData(b)
	for b.Loop() {
		d.Cooccurrence(nil, Unit{Kind: "passage"}, false)
	}
}

func BenchmarkMatrix50x100(b *testing.B) {
	d := benchmarkData(b)
	for b.Loop() {
		m, err := d.Matrix(Dimension{Kind: "case"}, nil, false)
		if err != nil || len(m.Rows) != 50 || len(m.Codes) != 100 {
			b.Fatal(err)
		}
	}
}

func BenchmarkQuery3Terms(b *testing.B) {
	d := benchmarkData(b)
	for b.Loop() {
		if _, err := d.Query("T0 AND T1 NOT T2/T2M0", QueryOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
