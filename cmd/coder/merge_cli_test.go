package main_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func cp(t *testing.T, from, to string) string {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return to
}

// mergeOut is the part of coder merge --json this test reads.
type mergeOut struct {
	File    string         `json:"file"`
	Added   map[string]int `json:"added"`
	Removed map[string]int `json:"removed"`
	Unified []struct {
		Kind, What, How string
	} `json:"unified"`
	Conflicts []struct {
		Kind, What, Detail string
	} `json:"conflicts"`
}

func codingIDs(rows []codingRow) map[string]codingRow {
	m := map[string]codingRow{}
	for _, r := range rows {
		m[r.ID] = r
	}
	return m
}

// Ensure that the usual field-team cycle works through the command line:
// the lead makes a project and gives two coders a copy each; they code,
// rename and recolour codes, delete a coding, write memos and import the
// same new interview separately; the lead merges both copies back, in
// either order with the same codings, codes and memos; then sends the
// merged project out again, and the second round merges back too without
// bringing back what was deleted.
func TestCLI_MergeTeamRoundTrip(t *testing.T) {
	dir := t.TempDir()
	lead := filepath.Join(dir, "lead.coder")
	ok(t, "new", lead, "--codebook", "logics", "--name", "Yard study")
	li := writeTemp(t, dir, "li.txt", "Resident Li: The yard committee met under the plane tree and fixed the gate.\nInterviewer: Who paid?\nResident Li: Everyone gave a little.\n")
	ok(t, "import", lead, li, "--kind", "interview")
	ok(t, "code", lead, "--doc", "li", "--code", "Community logic", "--match", "yard committee", "--coder", "Lead")
	ok(t, "code", lead, "--doc", "li", "--code", "Political logic", "--match", "Who paid?", "--coder", "Lead")
	leadCodings := jsonOut[[]codingRow](t, "codings", lead)
	if len(leadCodings) != 2 {
		t.Fatalf("lead's codings = %+v", leadCodings)
	}
	ana := cp(t, lead, filepath.Join(dir, "ana.coder"))
	bo := cp(t, lead, filepath.Join(dir, "bo.coder"))

	wang := writeTemp(t, dir, "wang.txt", "Resident Wang: Nobody asked us. The notice went up on the door of the office.\n")
	// Ana: imports Wang's interview, adds and applies Trust, renames a
	// code, deletes one of the lead's codings, writes a memo.
	ok(t, "import", ana, wang, "--kind", "interview")
	ok(t, "codes", "add", ana, "Trust", "--color", "#1E6FD9")
	ok(t, "code", ana, "--doc", "wang", "--code", "Trust", "--match", "Nobody asked us", "--coder", "Ana")
	ok(t, "code", ana, "--doc", "li", "--code", "Trust", "--match", "Everyone gave", "--coder", "Ana")
	ok(t, "codes", "rename", ana, "Bureaucratic logic", "Bureaucracy")
	ok(t, "uncode", ana, leadCodings[1].ID)
	ok(t, "memo", ana, "--on", "code", "Trust", "--text", "Trust grows in small repairs.", "--coder", "Ana")
	// Bo: imports the same file, makes his own Trust, recolours a code,
	// codes and writes a memo.
	ok(t, "import", bo, wang, "--kind", "interview")
	ok(t, "codes", "add", bo, "Trust", "--color", "#C62828")
	ok(t, "code", bo, "--doc", "wang", "--code", "Trust", "--match", "notice went up", "--coder", "Bo")
	ok(t, "code", bo, "--doc", "wang", "--code", "Political logic", "--match", "the office", "--coder", "Bo")
	ok(t, "codes", "color", bo, "Community logic", "#F9A825")
	ok(t, "memo", bo, "--on", "project", "--text", "Round one: the office decides, residents repair.", "--coder", "Bo")

	l1 := cp(t, lead, filepath.Join(dir, "l1.coder"))
	l2 := cp(t, lead, filepath.Join(dir, "l2.coder"))
	reps := jsonOut[[]mergeOut](t, "merge", l1, ana, bo)
	ok(t, "merge", l2, bo, ana)
	for _, what := range [][]string{{"codings"}, {"codes"}, {"memos"}, {"docs"}} {
		a := ok(t, append(append(what, l1), "--json")...)
		b := ok(t, append(append(what, l2), "--json")...)
		if a != b {
			t.Errorf("coder %s differs with the order of merges:\n%s\nvs\n%s", what[0], a, b)
		}
	}
	if len(reps) != 2 || reps[0].Added["codings"] != 2 || reps[0].Removed["codings"] != 1 || reps[0].Added["documents"] != 1 {
		t.Errorf("report of Ana's merge = %+v; want 2 codings and a document in, 1 coding out", reps)
	}
	unified := map[string]string{}
	for _, u := range reps[1].Unified {
		unified[u.Kind+" "+u.What] = u.How
	}
	if unified["code Trust"] != "by path" || unified["document wang"] != "same text" {
		t.Errorf("Bo's merge unified %+v; want his Trust by path and his wang by text", reps[1].Unified)
	}
	merged := jsonOut[[]codingRow](t, "codings", l1)
	byCoder := map[string]int{}
	for _, c := range merged {
		byCoder[c.Coder]++
		if c.ID == leadCodings[1].ID {
			t.Errorf("the coding Ana deleted is back: %+v", c)
		}
	}
	if byCoder["Lead"] != 1 || byCoder["Ana"] != 2 || byCoder["Bo"] != 2 || len(merged) != 5 {
		t.Errorf("merged codings by coder = %v; want Lead 1, Ana 2, Bo 2", byCoder)
	}
	docs := jsonOut[[]docRow](t, "docs", l1)
	if len(docs) != 2 {
		t.Errorf("docs = %+v; want li and one wang", docs)
	}
	codes := ok(t, "codes", l1, "--json")
	if !strings.Contains(codes, `"Bureaucracy"`) || !strings.Contains(codes, "#F9A825") || strings.Count(codes, `"Trust"`) != 1 {
		t.Errorf("codes after merging = %s; want the rename, the colour and one Trust", codes)
	}
	ok(t, "check", l1)

	// Round two: the lead sends the merged project out again.
	ana2 := cp(t, l1, filepath.Join(dir, "ana2.coder"))
	var bosCoding string
	for _, c := range merged {
		if c.Coder == "Bo" && c.Text == "the office" {
			bosCoding = c.ID
		}
	}
	ok(t, "uncode", ana2, bosCoding)
	ok(t, "code", ana2, "--doc", "li", "--code", "Community logic", "--match", "plane tree", "--coder", "Ana")
	ok(t, "merge", l1, ana2)
	ok(t, "merge", l1, bo) // Bo's old copy still has the coding Ana deleted
	after := codingIDs(jsonOut[[]codingRow](t, "codings", l1))
	if _, back := after[bosCoding]; back {
		t.Errorf("merging Bo's old copy brought back the coding Ana deleted in round two")
	}
	if len(after) != 5 {
		t.Errorf("after round two: %d codings; want 5 (one deleted, one added)", len(after))
	}
	again := jsonOut[[]mergeOut](t, "merge", l1, ana2, bo, ana)
	for _, r := range again {
		if n := sum(r.Added) + sum(r.Removed); n != 0 {
			t.Errorf("merging %s a second time changed %d things: %+v", r.File, n, r)
		}
	}
	ok(t, "check", l1)
	if out := ok(t, "merge", l1, ana2); !strings.Contains(out, "Nothing changed") {
		t.Errorf("merging again says %q", out)
	}
	if r := coder(t, "merge", l1, filepath.Join(dir, "missing.coder")); r.code != 1 || !strings.Contains(r.stderr, "missing.coder") {
		t.Errorf("merging a missing file: exit %d, %q", r.code, r.stderr)
	}
	var raw []map[string]any
	if err := json.Unmarshal([]byte(ok(t, "merge", l1, ana, "--json")), &raw); err != nil || len(raw) != 1 {
		t.Errorf("merge --json: %v %v", err, raw)
	}
}

func sum(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}
