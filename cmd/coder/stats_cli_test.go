package main_test

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Ensure that coder stats and coder query print the JSON shapes the README
// documents, with numbers counted by hand from a small project.
func TestCLI_StatsAndQueryJSON(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "s.coder")
	a := filepath.Join(dir, "a.txt")
	b := filepath.Join(dir, "b.txt")
	os.WriteFile(a, []byte("Gate committee: the township asked us to act. Residents met in the yard at night.\n"), 0o644)
	os.WriteFile(b, []byte("Neighbours cleaned the lane together on Sunday.\n"), 0o644)
	ok(t, "new", p, "--codebook", "empty")
	ok(t, "import", p, a, b)
	ok(t, "codes", "add", p, "Political logic")
	ok(t, "codes", "add", p, "Community logic/Public deliberation")
	ok(t, "code", p, "--doc", "a", "--code", "Political logic", "--span", "0:20")
	ok(t, "code", p, "--doc", "a", "--code", "Community logic", "--span", "10:30")
	ok(t, "code", p, "--doc", "a", "--code", "Community logic/Public deliberation", "--span", "40:50")
	ok(t, "code", p, "--doc", "b", "--code", "Community logic", "--span", "0:10")
	ok(t, "cases", "add", p, "Yard 3")
	ok(t, "cases", "assign", p, "Yard 3", "a")

	freq := jsonOut[[]struct {
		Code      string         `json:"code"`
		Codings   int            `json:"codings"`
		Chars     int            `json:"chars"`
		Documents int            `json:"documents"`
		Cases     int            `json:"cases"`
		By        map[string]int `json:"by"`
	}](t, "stats", p, "freq", "--by", "case", "--rollup")
	found := false
	for _, r := range freq {
		if r.Code == "Community logic" {
			found = true
			// a: [10,30) and [40,50); b: [0,10)
			if r.Codings != 3 || r.Chars != 40 || r.Documents != 2 || r.Cases != 1 || r.By["Yard 3"] != 2 || r.By["(none)"] != 1 {
				t.Errorf("freq Community logic: %+v", r)
			}
		}
	}
	if !found || len(freq) != 3 {
		t.Fatalf("freq rows: %+v", freq)
	}

	cooc := jsonOut[struct {
		Unit   string       `json:"unit"`
		Codes  []string     `json:"codes"`
		Counts [][]int      `json:"counts"`
		C      [][]*float64 `json:"c"`
	}](t, "stats", p, "cooc", "--codes", "Political logic,Community logic", "--rollup")
	if cooc.Unit != "overlap" || len(cooc.Codes) != 2 || cooc.Counts[0][1] != 1 || cooc.Counts[1][1] != 3 || cooc.Counts[0][0] != 1 {
		t.Fatalf("cooc: %+v", cooc)
	}
	if c := cooc.C[0][1]; c == nil || math.Abs(*c-1.0/3) > 1e-3 {
		t.Errorf("c-coefficient: %v, want 0.333", c)
	}
	m := jsonOut[struct {
		Rows   []string `json:"rows"`
		Codes  []string `json:"codes"`
		Counts [][]int  `json:"counts"`
	}](t, "stats", p, "matrix", "--rows", "case")
	if strings.Join(m.Rows, "|") != "Yard 3|(none)" || len(m.Codes) != 3 || m.Counts[0][0] != 1 || m.Counts[1][1] != 1 || m.Counts[1][0] != 0 {
		t.Errorf("matrix: %+v", m)
	}

	q := jsonOut[[]struct {
		Document string   `json:"document"`
		Start    int      `json:"start"`
		End      int      `json:"end"`
		Text     string   `json:"text"`
		Codes    []string `json:"codes"`
	}](t, "query", p, `"Political logic" AND "Community logic"`, "--code-as", "Both logics")
	if len(q) != 1 || q[0].Document != "a" || q[0].Start != 10 || q[0].End != 20 || q[0].Text != "ttee: the " || strings.Join(q[0].Codes, "|") != "Political logic|Community logic" {
		t.Fatalf("query: %+v", q)
	}
	codes := jsonOut[[]codeRow](t, "codes", p)
	for _, c := range codes {
		if c.Path == "Both logics" && c.Codings != 1 {
			t.Errorf("Both logics has %d codings, want 1", c.Codings)
		}
	}
	if r := coder(t, "query", p, "Political logic AND"); r.code != 2 || !strings.Contains(r.stderr, "quote") {
		t.Errorf("bad query: exit %d, %s", r.code, r.stderr)
	}
	if r := coder(t, "stats", p, "cooc", "--unit", "sentence"); r.code != 2 {
		t.Errorf("bad unit: exit %d", r.code)
	}
}
