package project_test

import (
	"archive/zip"
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"coder/project"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// demo writes the demo project into a temporary folder.
func demo(t *testing.T) *project.Project {
	t.Helper()
	p, err := project.WriteDemo(filepath.Join(t.TempDir(), "demo.coder"), project.Options{Backups: -1, IndexDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	return p
}

// Ensure that every export format gives, on the demo project, exactly the
// reviewed output under testdata/golden (run with -update after an intended
// change, and read the diff).
func TestExport_GoldenOnDemoProject(t *testing.T) {
	p := demo(t)
	for _, tc := range []struct {
		format   string
		codebook bool
		file     string
	}{
		{"qdpx", false, "demo.qdpx.txt"},
		{"qdc", false, "demo.qdc"},
		{"csv", false, "demo-excerpts.csv"},
		{"xlsx", false, "demo-excerpts.xlsx.txt"},
		{"html", false, "demo-excerpts.html"},
		{"md", false, "demo-excerpts.md"},
		{"docx", false, "demo-excerpts.docx.txt"},
		{"csv", true, "demo-codebook.csv"},
		{"html", true, "demo-codebook.html"},
		{"md", true, "demo-codebook.md"},
		{"docx", true, "demo-codebook.docx.txt"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			var buf bytes.Buffer
			var err error
			if tc.codebook {
				err = p.ExportCodebook(context.Background(), &buf, tc.format, nil)
			} else {
				err = p.Export(context.Background(), &buf, tc.format, project.CodingFilter{}, nil)
			}
			if err != nil {
				t.Fatal(err)
			}
			got := buf.Bytes()
			switch tc.format {
			case "qdpx", "docx":
				got = zipText(t, got)
			case "xlsx":
				got = xlsxText(t, got)
			}
			golden(t, tc.file, got)
		})
	}
}

// Ensure that the demo project's REFI-QDA export validates against the
// standard's schemas, so other tools accept it.
func TestExport_DemoValidatesAgainstREFIQDA(t *testing.T) {
	_, file, _, _ := runtime.Caller(0)
	schemas := filepath.Join(filepath.Dir(file), "..", "..", "shared", "refi-qda")
	if _, err := os.Stat(filepath.Join(schemas, "Project.xsd")); err != nil {
		t.Skip("../shared/refi-qda is absent (a fresh clone has none); cannot validate against the schemas")
	}
	if _, err := exec.LookPath("xmllint"); err != nil {
		t.Skip("xmllint is not installed (Debian: libxml2-utils)")
	}
	p := demo(t)
	dir := t.TempDir()
	var qdpx, qdc bytes.Buffer
	if err := p.Export(context.Background(), &qdpx, "qdpx", project.CodingFilter{}, nil); err != nil {
		t.Fatal(err)
	}
	if err := p.Export(context.Background(), &qdc, "qdc", project.CodingFilter{}, nil); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(qdpx.Bytes()), int64(qdpx.Len()))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == "project.qde" {
			rc, _ := f.Open()
			data, _ := io.ReadAll(rc)
			os.WriteFile(filepath.Join(dir, "project.qde"), data, 0o644)
		}
	}
	os.WriteFile(filepath.Join(dir, "codebook.qdc"), qdc.Bytes(), 0o644)
	for file, schema := range map[string]string{"project.qde": "Project.xsd", "codebook.qdc": "Codebook.xsd"} {
		out, err := exec.Command("xmllint", "--noout", "--schema", filepath.Join(schemas, schema), filepath.Join(dir, file)).CombinedOutput()
		if err != nil {
			t.Errorf("%s does not validate against %s: %v\n%s", file, schema, err, out)
		}
	}
}

// Ensure that exporting the demo project to .qdpx and importing it into a
// new project gives the same documents, codings and memos.
func TestExport_QDPXRoundTripIntoNewProject(t *testing.T) {
	p := demo(t)
	path := filepath.Join(t.TempDir(), "demo.qdpx")
	f, _ := os.Create(path)
	if err := p.Export(context.Background(), f, "qdpx", project.CodingFilter{}, nil); err != nil {
		t.Fatal(err)
	}
	f.Close()
	q := newProject(t, "empty")
	if _, err := q.ImportExchange(context.Background(), path, nil); err != nil {
		t.Fatal(err)
	}
	a, _ := p.Codings(project.CodingFilter{})
	b, _ := q.Codings(project.CodingFilter{})
	if len(a) != len(b) {
		t.Fatalf("codings: %d exported, %d imported", len(a), len(b))
	}
	byID := map[string]project.CodingRow{}
	for _, r := range b {
		byID[string(r.ID)] = r
	}
	for _, r := range a {
		got, ok := byID[string(r.ID)]
		if !ok || got.Text != r.Text || got.CodePath != r.CodePath || got.DocName != r.DocName || got.CoderName != r.CoderName {
			t.Errorf("coding %s: exported %q %s in %s, imported %+v", r.ID, r.Text, r.CodePath, r.DocName, got)
		}
	}
	ma, _ := p.Memos("", "")
	mb, _ := q.Memos("", "")
	if len(ma) != len(mb) {
		t.Errorf("memos: %d exported, %d imported", len(ma), len(mb))
	}
	if probs, _ := q.Check(); len(probs) > 0 {
		t.Errorf("imported project: %v", probs)
	}
	// Importing the same file again merges by GUID: nothing is duplicated.
	if _, err := q.ImportExchange(context.Background(), path, nil); err != nil {
		t.Fatal(err)
	}
	if again, _ := q.Codings(project.CodingFilter{}); len(again) != len(a) {
		t.Errorf("second import: %d codings, want %d", len(again), len(a))
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./project -run Golden -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		wl, gl := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
		for i := 0; i < len(wl) && i < len(gl); i++ {
			if wl[i] != gl[i] {
				t.Fatalf("%s differs from the golden file at line %d:\nwant %q\n got %q\n(if intended, run with -update)", name, i+1, wl[i], gl[i])
			}
		}
		t.Fatalf("%s differs from the golden file in length (%d vs %d lines)", name, len(wl), len(gl))
	}
}

// zipText lists a zip package's entries and their contents, as a reviewable
// text stand-in for the binary file.
func zipText(t *testing.T, data []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		names = append(names, f.Name)
		files[f.Name] = f
	}
	sort.Strings(names)
	var out bytes.Buffer
	for _, n := range names {
		rc, err := files[n].Open()
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(rc)
		rc.Close()
		fmt.Fprintf(&out, "=== %s (%d bytes)\n%s\n", n, len(body), body)
	}
	return out.Bytes()
}

// xlsxText lists every sheet's cells row by row.
func xlsxText(t *testing.T, data []byte) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out bytes.Buffer
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&out, "=== sheet %s\n", sheet)
		for _, r := range rows {
			fmt.Fprintln(&out, strings.Join(r, " | "))
		}
	}
	return out.Bytes()
}
