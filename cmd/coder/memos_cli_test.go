package main_test

import (
	"path/filepath"
	"strings"
	"testing"
)

// Ensure that `coder memos` says what each memo is on, by the names the
// researcher knows (code path, document, case), and that --json names the
// coder as `codings --json` does.
func TestMemos_SayWhatEachMemoIsOnAndWhoWroteIt(t *testing.T) {
	p := filepath.Join(t.TempDir(), "demo.coder")
	ok(t, "demo", p)
	out := ok(t, "memos", p)
	for _, want := range []string{
		"[code Community logic/Trust and social capital] — Researcher A",
		"[document Field notes - courtyard meeting] — Researcher A",
		"[case Local activist] — Researcher A",
		"[project] The analytic question — Researcher A",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("memos lack %q:\n%s", want, out)
		}
	}
	type memoRow struct {
		On, About, Title, Text, Coder string
		Note                          bool
	}
	var rows []memoRow
	for _, r := range jsonOut[[]memoRow](t, "memos", p) {
		if !r.Note { // the memos on codings are TestMemos_ListTheMemosOnCodings's
			rows = append(rows, r)
		}
	}
	if len(rows) != 6 {
		t.Fatalf("%d memos, want the demo's 6", len(rows))
	}
	for _, r := range rows {
		if r.Coder != "Researcher A" || r.About == "" {
			t.Errorf("memo %q: coder %q, about %q", r.Title, r.Coder, r.About)
		}
	}
}

// Ensure that `coder memos` lists the memos written on codings (the memo
// field of `codings --json`, the coding memo of the Memos tab), saying the
// code, document and text they are on and who wrote them, in text and JSON.
func TestMemos_ListTheMemosOnCodings(t *testing.T) {
	p := filepath.Join(t.TempDir(), "demo.coder")
	ok(t, "demo", p)
	type codingRow struct{ Document, Code, Text, Coder, Memo string }
	var noted []codingRow
	for _, c := range jsonOut[[]codingRow](t, "codings", p) {
		if c.Memo != "" {
			noted = append(noted, c)
		}
	}
	if len(noted) == 0 {
		t.Fatal("the demo has no memos on codings")
	}
	out := ok(t, "memos", p)
	type memoRow struct {
		On, About, Text, Coder string
		Note                   bool
	}
	rows := jsonOut[[]memoRow](t, "memos", p)
	for _, c := range noted {
		head := "[coding " + c.Code + " in " + c.Document
		if !strings.Contains(out, head) || !strings.Contains(out, c.Memo) {
			t.Errorf("memos lack the memo %q on %s:\n%s", c.Memo, head, out)
		}
		found := false
		for _, r := range rows {
			if r.Text == c.Memo {
				found = true
				excerpt := strings.Join(strings.Fields(c.Text), " ")
				excerpt = string([]rune(excerpt)[:min(20, len([]rune(excerpt)))])
				if r.On != "coding" || !r.Note || r.Coder != c.Coder || !strings.Contains(r.About, c.Code) || !strings.Contains(r.About, c.Document) || !strings.Contains(r.About, excerpt) {
					t.Errorf("memos --json gives the memo on a coding as %+v, want it on %s in %s (“%s…”) by %s", r, c.Code, c.Document, excerpt, c.Coder)
				}
			}
		}
		if !found {
			t.Errorf("memos --json lacks the memo %q", c.Memo)
		}
	}
}
