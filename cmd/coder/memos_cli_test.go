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
	}
	rows := jsonOut[[]memoRow](t, "memos", p)
	if len(rows) != 6 {
		t.Fatalf("%d memos, want the demo's 6", len(rows))
	}
	for _, r := range rows {
		if r.Coder != "Researcher A" || r.About == "" {
			t.Errorf("memo %q: coder %q, about %q", r.Title, r.Coder, r.About)
		}
	}
}
