package main_test

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// Ensure that a copy made before a text correction merges back onto the
// corrected text through the command line: the lead sends a copy out,
// then corrects two typos in the interview ("comittee", which shifts what
// follows, and "plain", the same length); Ana codes the old text in her
// copy. Merged either way round, her codings cover the words she coded in
// the corrected text, the coding on the corrected word is kept on it and
// the merge says so, and the lead's text stays.
func TestCLI_MergeCopyMadeBeforeATextCorrection(t *testing.T) {
	dir := t.TempDir()
	lead := filepath.Join(dir, "lead.coder")
	ok(t, "new", lead, "--codebook", "logics", "--name", "Yard study")
	text := "Resident Li: The yard comittee met under the plain tree and fixed the gate.\nInterviewer: Who paid?\n"
	ok(t, "import", lead, writeTemp(t, dir, "li.txt", text), "--kind", "interview")
	ana := cp(t, lead, filepath.Join(dir, "ana.coder"))

	span := func(s, word string) string {
		i := strings.Index(s, word) // ASCII: bytes are runes
		return fmt.Sprintf("%d:%d", i, i+len(word))
	}
	ok(t, "edit", lead, "--doc", "li", "--span", span(text, "comittee"), "--text", "committee")
	corrected := strings.Replace(text, "comittee", "committee", 1)
	ok(t, "edit", lead, "--doc", "li", "--span", span(corrected, "plain"), "--text", "plane")

	ok(t, "code", ana, "--doc", "li", "--code", "Community logic", "--match", "fixed the gate", "--coder", "Ana")
	ok(t, "code", ana, "--doc", "li", "--code", "Political logic", "--match", "Who paid?", "--coder", "Ana")
	ok(t, "code", ana, "--doc", "li", "--code", "Community logic", "--match", "the plain tree", "--coder", "Ana")

	l1 := cp(t, lead, filepath.Join(dir, "l1.coder"))
	a1 := cp(t, ana, filepath.Join(dir, "a1.coder"))
	report := ok(t, "merge", l1, ana)
	ok(t, "merge", a1, lead)
	if !strings.Contains(report, "its text was changed by a text correction") || !strings.Contains(report, `"the plain tree"`) {
		t.Errorf("the merge report does not say the coding on the corrected word moved:\n%s", report)
	}
	texts := func(path string) []string {
		var out []string
		for _, c := range jsonOut[[]codingRow](t, "codings", path) {
			out = append(out, c.Coder+": "+c.Text)
		}
		sort.Strings(out)
		return out
	}
	want := []string{"Ana: Who paid?", "Ana: fixed the gate", "Ana: the plane tree"}
	for _, p := range []string{l1, a1} {
		if got := texts(p); strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%s: codings cover %q; want %q", filepath.Base(p), got, want)
		}
		fixed := strings.Replace(corrected, "plain", "plane", 1)
		if got := jsonOut[[]codingRow](t, "codings", p); len(got) == 0 || !strings.Contains(fixed, got[0].Text) {
			t.Errorf("%s: codings %+v are not on the corrected text", filepath.Base(p), got)
		}
		if out := ok(t, "search", p, "committee"); !strings.Contains(out, "«committee» met under the plane tree") {
			t.Errorf("%s: search does not find the corrected text: %s", filepath.Base(p), out)
		}
		ok(t, "check", p)
	}
	if a, b := ok(t, "codings", l1, "--json"), ok(t, "codings", a1, "--json"); a != b {
		t.Errorf("the codings differ with the direction of the merge:\n%s\nvs\n%s", a, b)
	}
}
