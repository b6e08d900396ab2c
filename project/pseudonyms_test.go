package project_test

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"coder/project"
	"coder/qda"
)

// demoTable covers the real-looking names of the fictional demo project.
var demoTable = [][2]string{
	{"Han", "H"}, {"Zhou", "Z"}, {"Fang", "F"}, {"Lu", "L"}, {"Sun", "S"}, {"Qian", "Q"}, {"Wang", "W"},
	{"周书记", "甲书记"}, {"王阿姨", "乙阿姨"}, {"老孙", "老丙"}, {"韩老师", "丁老师"}, {"居民王", "居民甲"},
}

// realName finds a name of demoTable in text: Latin names as whole words
// in any letter case, Chinese ones anywhere (written apart from the
// Pseudonymiser, so the test does not check the code with itself).
var realName = regexp.MustCompile(`(?i)\b(Han|Zhou|Fang|Lu|Sun|Qian|Wang)\b|周书记|王阿姨|老孙|韩老师|居民王`)

func demoWithTable(t *testing.T) *project.Project {
	t.Helper()
	p, err := project.WriteDemo(filepath.Join(t.TempDir(), "demo.coder"), project.Options{Coder: "Tester", Backups: -1, IndexDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	for _, r := range demoTable {
		if err := p.SetPseudonym(r[0], r[1]); err != nil {
			t.Fatal(err)
		}
	}
	return p
}

// leaks returns where a real name is in data: in the bytes themselves,
// or, for a zip archive (docx, xlsx, qdpx), in any file inside it.
func leaks(t *testing.T, name string, data []byte) []string {
	t.Helper()
	var out []string
	if zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data))); err == nil {
		for _, f := range zr.File {
			rc, err := f.Open()
			if err != nil {
				t.Fatalf("%s: %s: %v", name, f.Name, err)
			}
			inner, _ := io.ReadAll(rc)
			rc.Close()
			out = append(out, leaks(t, name+"/"+f.Name, inner)...)
			if m := realName.FindString(f.Name); m != "" {
				out = append(out, name+": file name "+f.Name)
			}
		}
		return out
	}
	for _, m := range realName.FindAllIndex(data, 3) {
		out = append(out, name+": …"+string(data[max(0, m[0]-30):min(len(data), m[1]+30)])+"…")
	}
	return out
}

// Ensure that every export format, run with pseudonymise on the demo
// project and a table of its names, holds none of the names, inside
// DOCX, XLSX and QDPX archives too, while the same exports without it do.
func TestExport_PseudonymisedHasNoRealName(t *testing.T) {
	p := demoWithTable(t)
	ctx := context.Background()
	for _, format := range []string{"qdpx", "qdc", "csv", "xlsx", "html", "md", "docx"} {
		var plain, pseudo bytes.Buffer
		if err := p.Export(ctx, &plain, format, project.CodingFilter{}, nil); err != nil {
			t.Fatal(err)
		}
		if err := p.Export(ctx, &pseudo, format, project.CodingFilter{}, nil, project.ExportOptions{Pseudonymise: true}); err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		if format != "qdc" && len(leaks(t, format, plain.Bytes())) == 0 {
			t.Errorf("the plain %s export has no real name: the test would prove nothing", format)
		}
		if l := leaks(t, format, pseudo.Bytes()); len(l) > 0 {
			t.Errorf("the pseudonymised %s export names names:\n%s", format, strings.Join(l, "\n"))
		}
	}
	for _, format := range []string{"csv", "html", "md", "docx"} {
		var out bytes.Buffer
		if err := p.ExportCodebook(ctx, &out, format, nil, project.ExportOptions{Pseudonymise: true}); err != nil {
			t.Fatal(err)
		}
		if l := leaks(t, "codebook "+format, out.Bytes()); len(l) > 0 {
			t.Errorf("the pseudonymised codebook names names:\n%s", strings.Join(l, "\n"))
		}
	}
}

// Ensure that in the pseudonymised project every coding still covers the
// same words: its text is the pseudonymised text of the original coding.
func TestPseudonymised_CodingsCoverTheSameWords(t *testing.T) {
	p := demoWithTable(t)
	table, _ := p.Pseudonyms()
	m := qda.NewPseudonymiser(table)
	before, _ := p.Bundle()
	after, err := p.Pseudonymised()
	if err != nil {
		t.Fatal(err)
	}
	texts := func(b *qda.Bundle) map[qda.ID][]rune {
		out := map[qda.ID][]rune{}
		for _, d := range b.Documents {
			out[d.ID] = []rune(d.Text)
		}
		return out
	}
	old, now := texts(before), texts(after)
	if len(after.Codings) != len(before.Codings) {
		t.Fatalf("%d codings after, %d before", len(after.Codings), len(before.Codings))
	}
	moved := 0
	for i, c := range after.Codings {
		o := before.Codings[i]
		want := m.Apply(o.Span.Slice(old[o.Document]))
		if got := c.Span.Slice(now[c.Document]); got != want {
			t.Errorf("coding %s covers %q, want %q", c.ID, got, want)
		}
		if c.Span != o.Span {
			moved++
		}
	}
	if moved == 0 {
		t.Errorf("no coding moved: the demo's table replaced nothing before a coding")
	}
	for _, d := range after.Documents {
		if err := d.Validate(); err != nil {
			t.Errorf("pseudonymised document: %v", err)
		}
	}
}

// Ensure that coder anonymise's copy is a sound project with no real name
// anywhere in its file, and that an empty table is refused.
func TestWriteAnonymised_CopyHoldsNoRealName(t *testing.T) {
	p := demoWithTable(t)
	out := filepath.Join(t.TempDir(), "shared.coder")
	rep, err := p.WriteAnonymised(out)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Replaced == 0 || rep.Documents != 8 {
		t.Errorf("report = %+v", rep)
	}
	raw, _ := os.ReadFile(out)
	if l := leaks(t, "copy", raw); len(l) > 0 {
		t.Errorf("the anonymised copy's file names names:\n%s", strings.Join(l, "\n"))
	}
	c, err := project.Open(out, project.Options{Coder: "Reader", Backups: -1, ReadOnly: true, IndexDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if probs, err := c.Check(); err != nil || len(probs) > 0 {
		t.Errorf("check of the copy: %v %v", probs, err)
	}
	if table, _ := c.Pseudonyms(); len(table) != 0 {
		t.Errorf("the copy carries the pseudonym table: %v", table)
	}
	if _, err := p.WriteAnonymised(out); err == nil {
		t.Errorf("writing over an existing file was allowed")
	}
	empty := newProject(t, "empty")
	if _, err := empty.WriteAnonymised(filepath.Join(t.TempDir(), "x.coder")); err == nil || !strings.Contains(err.Error(), "table is empty") {
		t.Errorf("an empty table: err = %v", err)
	}
}

// Ensure that the pseudonym table of an encrypted project is sealed with
// it: the real names are nowhere in the file, and the table reads back
// with the passphrase.
func TestPseudonyms_EncryptedWithTheProject(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sealed.coder")
	opt := project.Options{Coder: "Tester", Backups: -1, IndexDir: t.TempDir(), Passphrase: "correct horse battery"}
	p, err := project.Create(path, project.CreateOptions{Codebook: "empty", Options: opt})
	if err != nil {
		t.Fatal(err)
	}
	if err := p.SetPseudonym("Okonkwo Adaeze", "Resident A"); err != nil {
		t.Fatal(err)
	}
	p.Close()
	raw, _ := os.ReadFile(path)
	if bytes.Contains(raw, []byte("Okonkwo")) || bytes.Contains(raw, []byte("Resident A")) {
		t.Errorf("the encrypted project file holds the pseudonym table in clear")
	}
	p, err = project.Open(path, opt)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if table, _ := p.Pseudonyms(); len(table) != 1 || table[0].Real != "Okonkwo Adaeze" {
		t.Errorf("table after reopening = %v", table)
	}
}
