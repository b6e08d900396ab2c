package main_test

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// Ensure that 'coder edit' corrects a typo in coded text, the coding still
// covers its words (as 'coder codings' shows), a coding on the rewritten
// word alone is reported removed, and a span outside the text is refused.
func TestCLI_EditMovesCodings(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "p.coder")
	ok(t, "new", p, "--codebook", "empty")
	f := writeTemp(t, dir, "ferry.txt", "Interviewer: When did the fery stop?\n\nMr Okafor: In the winter, when the river froze.\n")
	ok(t, "import", p, f)
	ok(t, "codes", "add", p, "Transport")
	ok(t, "code", p, "--doc", "ferry", "--code", "Transport", "--match", "When did the fery stop?")
	ok(t, "code", p, "--doc", "ferry", "--code", "Transport", "--match", "fer")
	ok(t, "code", p, "--doc", "ferry", "--code", "Transport", "--match", "the river froze")
	out := ok(t, "edit", p, "--doc", "ferry", "--span", "26:30", "--text", "boat", "--json")
	var rep struct {
		Old     string
		Moved   int
		Removed []struct{ Text, Code string }
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("edit --json: %v\n%s", err, out)
	}
	if rep.Old != "fery" || rep.Moved != 0 || len(rep.Removed) != 1 || rep.Removed[0].Text != "fer" || rep.Removed[0].Code != "Transport" {
		t.Errorf("edit report = %+v", rep)
	}
	codings := ok(t, "codings", p)
	for _, want := range []string{"When did the boat stop?", "the river froze"} {
		if !strings.Contains(codings, want) {
			t.Errorf("codings after the edit lack %q:\n%s", want, codings)
		}
	}
	if r := coder(t, "edit", p, "--doc", "ferry", "--span", "5:500", "--text", "x"); r.code != 1 || !strings.Contains(r.stderr, "within 0:") {
		t.Errorf("edit past the end: exit %d, %s", r.code, r.stderr)
	}
	if r := coder(t, "edit", p, "--doc", "ferry", "--text", "x"); r.code != 2 {
		t.Errorf("edit without --span: exit %d, want 2", r.code)
	}
}
