package main_test

import (
	"os"
	"path/filepath"
	"testing"

	"coder/project"
	"coder/qda"
)

// Ensure that every command that writes takes --coder NAME and records that
// coder: on codings and memos, and as the editor of codes, cases and
// documents it changes.
func TestCLI_EveryWritingCommandTakesCoder(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "w.coder")
	doc := filepath.Join(dir, "yard.txt")
	os.WriteFile(doc, []byte("Resident Li: The gate was fixed on 4 May 2023.\nSecretary Zhou: The town paid for it.\nResident Li: Who chose the colour?\nSecretary Zhou: The yard council did.\nResident Li: Then it is ours.\nSecretary Zhou: It always was.\n"), 0o644)
	ok(t, "new", p, "--codebook", "empty", "--coder", "Dana")
	ok(t, "import", p, doc, "--coder", "Dana")
	for _, args := range [][]string{
		{"codes", "add", p, "Gate"},
		{"codes", "add", p, "Money"},
		{"codes", "describe", p, "Gate", "Where the yard meets the street."},
		{"codes", "color", p, "Gate", "#3CB44B"},
		{"codes", "rename", p, "Money", "Funds"},
		{"code", p, "--doc", "yard", "--code", "Gate", "--span", "0:10"},
		{"code", p, "--speaker", "Secretary Zhou", "--code", "Funds"},
		{"code", p, "--doc", "yard", "--code", "Gate", "--match", "gate"},
		{"memo", p, "--on", "code", "Gate", "--text", "Fixed in May."},
		{"cases", "add", p, "Yard 3"},
		{"cases", "assign", p, "Yard 3", "yard"},
		{"attr", p, "--case", "Yard 3", "Role", "resident"},
		{"turns", p, "--doc", "yard", "off"},
		{"query", p, `"Gate"`, "--code-as", "Gate again"},
	} {
		ok(t, append(args, "--coder", "Dana")...)
	}
	pr, err := project.Open(p, project.Options{ReadOnly: true, Backups: -1, IndexDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer pr.Close()
	dana, err := pr.FindCoders([]string{"Dana"})
	if err != nil {
		t.Fatal(err)
	}
	id := dana[0].ID
	rows, _ := pr.Codings(project.CodingFilter{})
	if len(rows) < 4 {
		t.Fatalf("%d codings, want at least 4", len(rows))
	}
	for _, r := range rows {
		if r.CoderName != "Dana" {
			t.Errorf("coding %s %s by %q, want Dana", r.CodePath, r.Span, r.CoderName)
		}
	}
	for _, path := range []string{"Gate", "Funds", "Gate again"} {
		c, err := pr.FindCode(path)
		if err != nil {
			t.Fatal(err)
		}
		if _, by, _ := c.Edited(); by != id {
			t.Errorf("code %s last edited by %s, want Dana (%s)", path, by, id)
		}
	}
	k, err := pr.FindCase("Yard 3")
	if err != nil {
		t.Fatal(err)
	}
	if _, by, _ := k.Edited(); by != id {
		t.Errorf("case last edited by %s, want Dana", by)
	}
	d, _ := pr.DocumentByName("yard")
	if _, by, _ := d.Edited(); by != qda.ID(id) {
		t.Errorf("document last edited by %s, want Dana", by)
	}
}
