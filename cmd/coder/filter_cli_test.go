package main_test

import (
	"path/filepath"
	"strings"
	"testing"
)

// Ensure that coder stats and coder query narrow by the same filter rule as
// coder codings, attribute ranges included: the frequencies under a range
// count exactly the codings coder codings lists under it, and a query
// finds passages only in the documents those codings are in.
func TestCLI_StatsAndQueryTakeTheCodingsFilter(t *testing.T) {
	p := filepath.Join(t.TempDir(), "demo.coder")
	ok(t, "demo", p)
	for _, attr := range []string{"Years in community>10", "Years in community=..10", "Party member=true"} {
		rows := jsonOut[[]struct {
			Document, Code string
		}](t, "codings", p, "--attr", attr, "--json")
		want := map[string]int{}
		docs := map[string]bool{}
		for _, r := range rows {
			want[r.Code]++
			docs[r.Document] = true
		}
		freq := jsonOut[[]struct {
			Code    string
			Codings int
		}](t, "stats", p, "freq", "--attr", attr, "--json")
		total := 0
		for _, f := range freq {
			total += f.Codings
			if f.Codings != want[f.Code] {
				t.Errorf("%s: %s has %d codings in freq, %d in coder codings", attr, f.Code, f.Codings, want[f.Code])
			}
		}
		if total != len(rows) || total == 0 {
			t.Errorf("%s: freq counts %d codings, coder codings lists %d", attr, total, len(rows))
		}
		segs := jsonOut[[]struct{ Document string }](t, "query", p, `"Political logic" OR "Community logic" OR "Bureaucratic logic"`, "--attr", attr, "--json")
		for _, s := range segs {
			if !docs[s.Document] {
				t.Errorf("%s: the query found a passage in %s, which the filter leaves out", attr, s.Document)
			}
		}
	}
	if r := coder(t, "stats", p, "freq", "--attr", "Shoe size>40"); r.code != 1 || !strings.Contains(r.stderr, "Years in community") {
		t.Errorf("an unknown attribute: exit %d, %q", r.code, r.stderr)
	}
}
