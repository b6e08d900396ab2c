package main_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Ensure that coder help says an anonymised copy is written in clear, even
// of an encrypted project, as the README and the command's own note say.
func TestHelp_AnonymiseSaysTheCopyIsInClear(t *testing.T) {
	out := ok(t, "help")
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, "coder anonymise") {
			if !strings.Contains(line, "in clear") {
				t.Errorf("coder help's anonymise line does not say the copy is in clear:\n%s", line)
			}
			return
		}
	}
	t.Errorf("coder help has no anonymise line:\n%s", out)
}

// Ensure that coder COMMAND --help prints that command's lines of coder help
// and exits 0, instead of refusing --help as an unknown option.
func TestHelp_CommandHelpPrintsItsUsage(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"anonymise", "--help"}, "coder anonymise PROJECT OUT.coder"},
		{[]string{"stats", "--help"}, "coder stats PROJECT cooc"},
		{[]string{"codes", "-h"}, "coder codes add PROJECT PATH"},
		{[]string{"attr", "import", "--help"}, "coder attr import PROJECT"},
		{[]string{"open", "--help"}, "coder open PROJECT"},
	} {
		r := coder(t, c.args...)
		if r.code != 0 || !strings.Contains(r.stdout, c.want) {
			t.Errorf("coder %s: exit %d, stdout:\n%s\nstderr: %s\nwant a line with %q", strings.Join(c.args, " "), r.code, r.stdout, r.stderr, c.want)
		}
	}
}

// Ensure that an export refusing filter options names them as they are
// typed (--by-coder, not --coder) and says what the format exports instead.
func TestCLI_ExportRefusingFiltersNamesTheOptionsAsTyped(t *testing.T) {
	p := filepath.Join(t.TempDir(), "d.coder")
	ok(t, "demo", p)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--format", "qdpx", "--by-coder", "Researcher A"}, "qdpx exports the whole project"},
		{[]string{"--format", "csv", "--codebook", "--code", "Political logic"}, "--codebook exports the codebook"},
	} {
		r := coder(t, append([]string{"export", p, "--out", filepath.Join(t.TempDir(), "x")}, c.args...)...)
		if r.code != 2 || !strings.Contains(r.stderr, "--by-coder") || !strings.Contains(r.stderr, c.want) {
			t.Errorf("export %v: exit %d, stderr %q; want exit 2 naming --by-coder and saying %q", c.args, r.code, r.stderr, c.want)
		}
	}
}

// Ensure that coder kwic says so when the word never occurs as a word
// (大门 in the demo is only part of the word 大门口), instead of printing
// nothing, and that the README's example word 门口 is found.
func TestCLI_KWICWithNoOccurrenceSaysSo(t *testing.T) {
	p := filepath.Join(t.TempDir(), "d.coder")
	ok(t, "demo", p)
	r := coder(t, "kwic", p, "大门")
	if r.code != 0 || r.stdout != "" || !strings.Contains(r.stderr, "no occurrence of 大门") || !strings.Contains(r.stderr, "coder search") {
		t.Errorf("kwic of a word not in the lists: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if out := ok(t, "kwic", p, "门口", "--width", "20"); strings.Count(out, "[门口]") != 3 {
		t.Errorf("kwic 门口 on the demo:\n%s", out)
	}
}

// Ensure that coder edit's summary counts in words a person reads: "1 coding
// moved", not "1 codings moved".
func TestCLI_EditSummarySaysOneCodingMoved(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "s.coder")
	f := filepath.Join(dir, "yard.txt")
	if err := os.WriteFile(f, []byte("The gate was broken. The fence was fixed.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ok(t, "new", p)
	ok(t, "import", p, f)
	ok(t, "code", p, "--doc", "yard", "--code", "Political logic", "--match", "fence")
	out := ok(t, "edit", p, "--doc", "yard", "--span", "4:8", "--text", "doors")
	if !strings.Contains(out, "1 coding moved, 0 removed") {
		t.Errorf("coder edit says:\n%s", out)
	}
}
