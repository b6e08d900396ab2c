package main_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Ensure that a suggestion a team member rejected in her copy is not
// suggested to the lead after coder merge, nor after the lead corrects the
// text before it.
func TestCLI_RejectedSuggestionStaysRejectedAfterMergeAndEdit(t *testing.T) {
	dir := t.TempDir()
	lead := filepath.Join(dir, "lead.coder")
	ok(t, "new", lead, "--codebook", "empty")
	f := filepath.Join(dir, "village.txt")
	os.WriteFile(f, []byte(strings.Join(suggestFixture, "\n\n")+"\n"), 0o644)
	ok(t, "import", lead, f)
	ok(t, "codes", "add", lead, "Money")
	for _, i := range []int{0, 2, 4, 6, 8} {
		ok(t, "code", lead, "--doc", "village", "--code", "Money", "--match", suggestFixture[i], "--coder", "Lead")
	}
	ana := cp(t, lead, filepath.Join(dir, "ana.coder"))
	type sugg struct {
		Start int    `json:"start"`
		End   int    `json:"end"`
		Text  string `json:"text"`
	}
	got := jsonOut[[]sugg](t, "suggest", ana, "--code", "Money", "--json")
	if len(got) == 0 {
		t.Fatal("no suggestions in Ana's copy")
	}
	rejected := got[0]
	ok(t, "suggest", ana, "--code", "Money", "--reject", fmt.Sprintf("village:%d:%d", rejected.Start, rejected.End), "--coder", "Ana")

	out := ok(t, "merge", lead, ana)
	if !strings.Contains(out, "rejected suggestion") {
		t.Errorf("merge report does not say a rejected suggestion came in:\n%s", out)
	}
	listed := func(when string) {
		t.Helper()
		for _, s := range jsonOut[[]sugg](t, "suggest", lead, "--code", "Money", "--json") {
			if s.Text == rejected.Text {
				t.Fatalf("%s: Ana's rejected suggestion %q is suggested to the lead at %d:%d", when, s.Text, s.Start, s.End)
			}
		}
	}
	listed("after the merge")
	// "in March" is in the first paragraph, before every suggestion.
	i := strings.Index(suggestFixture[0], "in March")
	ok(t, "edit", lead, "--doc", "village", "--span", fmt.Sprintf("%d:%d", i, i+len("in March")), "--text", "in early March")
	listed("after a correction before it")
	if out := ok(t, "merge", lead, ana); !strings.Contains(out, "Nothing changed") && strings.Contains(out, "Came in") {
		t.Errorf("merging Ana's copy again after the correction brought something in:\n%s", out)
	}
	listed("after merging again")
}
