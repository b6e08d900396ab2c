package main_test

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Ensure that coder agree and coder disagreements print the JSON shapes the
// README documents, with figures counted by hand, that --coder records the
// coder on codings, memos and query codings, and that bad coder names are
// refused with the coders the project knows.
func TestCLI_AgreeAndDisagreements(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.coder")
	doc := filepath.Join(dir, "yard.txt")
	// 80 characters and a newline.
	os.WriteFile(doc, []byte("The residents met at the gate and the cadre spoke of the new rules for the yard.\n"), 0o644)
	ok(t, "new", p, "--codebook", "empty")
	ok(t, "import", p, doc)
	ok(t, "codes", "add", p, "Gate")
	ok(t, "codes", "add", p, "Rules")
	ok(t, "code", p, "--doc", "yard", "--code", "Gate", "--span", "0:30", "--coder", "Ana")
	ok(t, "code", p, "--doc", "yard", "--code", "Gate", "--span", "4:30", "--coder", "Ben")
	ok(t, "code", p, "--doc", "yard", "--code", "Rules", "--span", "53:80", "--coder", "Ben")
	ok(t, "memo", p, "--on", "code", "Gate", "--text", "Where people gather.", "--coder", "Ana")
	ok(t, "query", p, `"Gate"`, "--code-as", "Gate again", "--coder", "Cai")

	memos := jsonOut[[]struct {
		Coder string `json:"coder"`
	}](t, "memos", p)
	if len(memos) != 1 || memos[0].Coder != "Ana" {
		t.Errorf("memo coder: %+v, want Ana", memos)
	}
	codings := jsonOut[[]struct {
		Code  string `json:"code"`
		Coder string `json:"coder"`
	}](t, "codings", p, "--code", "Gate again")
	if len(codings) != 1 || codings[0].Coder != "Cai" {
		t.Errorf("query --code-as --coder: %+v, want one coding (the two overlap) by Cai", codings)
	}

	// --by-coder keeps one coder's codings; --coder is its alias here.
	for _, tc := range []struct {
		args []string
		want int
	}{
		{[]string{"--by-coder", "ben"}, 2},
		{[]string{"--coder", "Ben"}, 2},
		{[]string{"--by-coder", "Ana", "--by-coder", "Ben", "--code", "Gate"}, 2},
	} {
		rows := jsonOut[[]struct {
			Coder string `json:"coder"`
		}](t, append([]string{"codings", p}, tc.args...)...)
		if len(rows) != tc.want {
			t.Errorf("codings %v: %d rows %+v, want %d", tc.args, len(rows), rows, tc.want)
		}
	}
	freq := jsonOut[[]struct {
		Code    string `json:"code"`
		Codings int    `json:"codings"`
		Chars   int    `json:"chars"`
	}](t, "stats", p, "freq", "--by-coder", "Ben")
	for _, r := range freq {
		if r.Code == "Gate" && (r.Codings != 1 || r.Chars != 26) {
			t.Errorf("stats freq --by-coder Ben: Gate %+v, want Ben's one coding of 26 characters", r)
		}
	}
	segs := jsonOut[[]struct {
		Start int `json:"start"`
		End   int `json:"end"`
	}](t, "query", p, `"Gate"`, "--by-coder", "Ben")
	if len(segs) != 1 || segs[0].Start != 4 || segs[0].End != 30 {
		t.Errorf("query --by-coder Ben: %+v, want Ben's [4,30)", segs)
	}
	for q, want := range map[string]int{`coder:ben`: 1, `gate coder:"Ana"`: 1, `coder:Nobody`: 0} {
		res := jsonOut[struct {
			Total int `json:"total"`
		}](t, "search", p, q)
		if res.Total != want {
			t.Errorf("search %s: %d hits, want %d", q, res.Total, want)
		}
	}
	if r := coder(t, "codings", p, "--by-coder", "Nobody"); r.code != 1 || !strings.Contains(r.stderr, "Nobody") {
		t.Errorf("codings --by-coder Nobody: exit %d, %q", r.code, r.stderr)
	}

	type stat struct {
		Percent *float64 `json:"percent"`
		Kappa   *float64 `json:"kappa"`
		Alpha   *float64 `json:"alpha"`
	}
	a := jsonOut[struct {
		Coders    []string `json:"coders"`
		Documents int      `json:"documents"`
		Overall   stat     `json:"overall"`
		Codes     []struct {
			Code string `json:"code"`
			stat
			CharsA    int `json:"chars_a"`
			CharsB    int `json:"chars_b"`
			CharsBoth int `json:"chars_both"`
		} `json:"codes"`
	}](t, "agree", p, "--coders", "ana, Ben")
	if len(a.Coders) != 2 || a.Coders[0] != "Ana" || a.Coders[1] != "Ben" || a.Documents != 1 || len(a.Codes) != 2 {
		t.Fatalf("agree: %+v", a)
	}
	// Gate over 81 characters: Ana 30, Ben 26, both 26, agree on 77.
	// Kappa: po = 77/81, pe = (30·26 + 51·55)/81².
	g := a.Codes[0]
	po, pe := 77.0/81, (30.0*26+51*55)/(81*81)
	if g.Code != "Gate" || g.CharsA != 30 || g.CharsB != 26 || g.CharsBoth != 26 ||
		math.Abs(*g.Percent-100*po) > 1e-9 || math.Abs(*g.Kappa-(po-pe)/(1-pe)) > 1e-9 || g.Alpha == nil {
		t.Errorf("Gate row: %+v", g)
	}
	// Rules: only Ben coded it, so Ana's characters never vary: kappa is 0.
	if r := a.Codes[1]; r.Code != "Rules" || r.CharsA != 0 || r.CharsB != 27 || r.Kappa == nil || *r.Kappa != 0 {
		t.Errorf("Rules row: %+v", r)
	}
	if a.Overall.Kappa == nil || a.Overall.Percent == nil || a.Overall.Alpha == nil {
		t.Errorf("overall: %+v", a.Overall)
	}
	text := ok(t, "agree", p, "--coders", "Ana,Ben", "--code", "Gate")
	if !strings.Contains(text, "Gate") || strings.Contains(text, "Rules") || !strings.Contains(text, "overall") {
		t.Errorf("agree --code Gate text:\n%s", text)
	}

	ds := jsonOut[[]struct {
		Document string   `json:"document"`
		Start    int      `json:"start"`
		End      int      `json:"end"`
		Text     string   `json:"text"`
		A        []string `json:"a"`
		B        []string `json:"b"`
	}](t, "disagreements", p, "--coders", "Ana,Ben")
	if len(ds) != 2 || ds[0].Document != "yard" || ds[0].Start != 0 || ds[0].End != 4 || ds[0].Text != "The " ||
		len(ds[0].A) != 1 || ds[0].A[0] != "Gate" || len(ds[0].B) != 0 || ds[1].B[0] != "Rules" {
		t.Errorf("disagreements: %+v", ds)
	}

	r := coder(t, "agree", p, "--coders", "Ana,Nobody")
	if r.code != 1 || !strings.Contains(r.stderr, "Nobody") || !strings.Contains(r.stderr, "Ana, Ben") {
		t.Errorf("unknown coder: exit %d, %q", r.code, r.stderr)
	}
	if r := coder(t, "agree", p, "--coders", "Ana"); r.code != 2 {
		t.Errorf("one coder: exit %d, want 2 (usage)", r.code)
	}
}
