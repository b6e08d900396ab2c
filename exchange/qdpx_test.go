package exchange_test

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"coder/exchange"
	"coder/qda"
)

// writeQDPX exports b to a file in a temporary directory.
func writeQDPX(t *testing.T, b *qda.Bundle) string {
	t.Helper()
	var buf bytes.Buffer
	if err := exchange.WriteQDPX(&buf, b); err != nil {
		t.Fatalf("WriteQDPX: %v", err)
	}
	path := filepath.Join(t.TempDir(), "project.qdpx")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// xmllint validates data against a schema in the shared REFI-QDA folder,
// skipping when xmllint or the schema is absent.
func xmllint(t *testing.T, data []byte, schema string) {
	t.Helper()
	xsd := sharedDir(t, "refi-qda", schema)
	lint, err := exec.LookPath("xmllint")
	if err != nil {
		t.Skip("xmllint not installed (apt-get install libxml2-utils)")
	}
	f := filepath.Join(t.TempDir(), "doc.xml")
	if err := os.WriteFile(f, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(lint, "--noout", "--schema", xsd, f).CombinedOutput()
	if err != nil {
		t.Fatalf("xmllint rejects the file against %s: %v\n%s", schema, err, out)
	}
}

func zipEntries(t *testing.T, data []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	out := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name] = b
	}
	return out
}

// Ensure that an exported project validates against the REFI-QDA schema and
// carries each document's text as UTF-8 under sources/.
func TestWriteQDPX_ValidatesAgainstProjectSchema(t *testing.T) {
	b := fixture(t)
	var buf bytes.Buffer
	if err := exchange.WriteQDPX(&buf, b); err != nil {
		t.Fatal(err)
	}
	entries := zipEntries(t, buf.Bytes())
	for _, d := range b.Documents {
		got, ok := entries["sources/"+string(d.ID)+".txt"]
		if !ok {
			t.Fatalf("no sources/%s.txt in the archive", d.ID)
		}
		if string(got) != d.Text {
			t.Errorf("sources/%s.txt differs from the document text", d.ID)
		}
	}
	qde := entries["project.qde"]
	for _, want := range []string{`plainTextPath="internal://` + string(docInterview) + `.txt"`, `origin="Coder"`, `<Sets>`, `<NoteRef targetGUID=`} {
		if !bytes.Contains(qde, []byte(want)) {
			t.Errorf("project.qde lacks %s", want)
		}
	}
	xmllint(t, qde, "Project.xsd")
}

// Ensure that a codebook export validates against the REFI-QDA codebook schema.
func TestWriteQDC_ValidatesAgainstCodebookSchema(t *testing.T) {
	var buf bytes.Buffer
	if err := exchange.WriteQDC(&buf, fixture(t)); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(buf.Bytes(), []byte(`color="#E6194B"`)) || !bytes.Contains(buf.Bytes(), []byte(`isCodable="false"`)) {
		t.Errorf("codebook lacks colours or the folder flag:\n%s", buf.Bytes())
	}
	xmllint(t, buf.Bytes(), "Codebook.xsd")
}

// Ensure that characters XML cannot carry do not break an export.
func TestWriteQDPX_ControlCharactersStayValid(t *testing.T) {
	b := fixture(t)
	b.Codes[0].Name = "Political\x00 logic\x01"
	b.Codes[0].Description = "bell\x07 and \uFFFE"
	b.Memos[0].Text = "nul\x00here"
	b.Cases[0].Name = "G\x1bCommunity"
	var buf bytes.Buffer
	if err := exchange.WriteQDPX(&buf, b); err != nil {
		t.Fatal(err)
	}
	qde := zipEntries(t, buf.Bytes())["project.qde"]
	if bytes.ContainsAny(qde, "\x00\x01\x07\x1b") {
		t.Fatal("project.qde contains control characters")
	}
	xmllint(t, qde, "Project.xsd")
	path := filepath.Join(t.TempDir(), "p.qdpx")
	os.WriteFile(path, buf.Bytes(), 0o644)
	got, _, err := exchange.ReadQDPX(path)
	if err != nil {
		t.Fatalf("the export does not read back: %v", err)
	}
	if got.Codes[0].Name != "Political logic" {
		t.Errorf("code name read back as %q", got.Codes[0].Name)
	}
}

// Ensure that the same bundle always gives the same archive bytes.
func TestWriteQDPX_IsDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	exchange.WriteQDPX(&a, fixture(t))
	f := fixture(t)
	// Order in a bundle carries no meaning; the export must not depend on it.
	f.Documents[0], f.Documents[2] = f.Documents[2], f.Documents[0]
	f.Codings[0], f.Codings[5] = f.Codings[5], f.Codings[0]
	f.Memos[0], f.Memos[3] = f.Memos[3], f.Memos[0]
	exchange.WriteQDPX(&b, f)
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two exports of the same project differ")
	}
}

// Ensure that our export, imported back, gives the same project: IDs, texts,
// spans, codes, cases, memos, variables and values.
func TestQDPX_RoundTripKeepsTheProject(t *testing.T) {
	want := fixture(t)
	got, rep, err := exchange.ReadQDPX(writeQDPX(t, want))
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Warnings) > 0 || len(rep.MissingSources) > 0 {
		t.Errorf("clean round trip reported problems: %v %v", rep.Warnings, rep.MissingSources)
	}
	if rep.Producer != exchange.Origin {
		t.Errorf("producer = %q", rep.Producer)
	}
	compareBundles(t, want, got)
}

// compareBundles checks everything REFI-QDA can carry. The project's own ID
// and documents' original-file facts have no place in the format.
func compareBundles(t *testing.T, want, got *qda.Bundle) {
	t.Helper()
	if got.Project.Name != want.Project.Name || got.Project.Description != want.Project.Description || !got.Project.Created.Equal(want.Project.Created) {
		t.Errorf("project = %+v, want %+v", got.Project, want.Project)
	}
	eq := func(what string, a, b []string) {
		t.Helper()
		sort.Strings(a)
		sort.Strings(b)
		if strings.Join(a, "\n") != strings.Join(b, "\n") {
			t.Errorf("%s differ:\n got: %q\nwant: %q", what, a, b)
		}
	}
	str := func(parts ...any) string {
		var s []string
		for _, p := range parts {
			switch v := p.(type) {
			case string:
				s = append(s, v)
			default:
				s = append(s, strings.TrimSpace(strings.ReplaceAll(sprint(v), "\n", "⏎")))
			}
		}
		return strings.Join(s, "|")
	}
	var a, b []string
	for _, c := range want.Coders {
		a = append(a, str(string(c.ID), c.Name))
	}
	for _, c := range got.Coders {
		b = append(b, str(string(c.ID), c.Name))
	}
	eq("coders", b, a)
	a, b = nil, nil
	for _, c := range want.Codes {
		a = append(a, str(string(c.ID), string(c.Parent), c.Name, c.Color, c.Description, c.Folder, c.Order))
	}
	for _, c := range got.Codes {
		b = append(b, str(string(c.ID), string(c.Parent), c.Name, c.Color, c.Description, c.Folder, c.Order))
	}
	eq("codes", b, a)
	a, b = nil, nil
	for _, d := range want.Documents {
		a = append(a, str(string(d.ID), d.Name, string(d.Kind), d.Text, d.Chars, d.Imported.UTC()))
	}
	for _, d := range got.Documents {
		b = append(b, str(string(d.ID), d.Name, string(d.Kind), d.Text, d.Chars, d.Imported.UTC()))
		if err := d.Validate(); err != nil {
			t.Errorf("imported document invalid: %v", err)
		}
	}
	eq("documents", b, a)
	a, b = nil, nil
	for _, c := range want.Codings {
		a = append(a, str(string(c.ID), string(c.Document), string(c.Code), c.Span.String(), string(c.Coder), c.Created.UTC(), c.Memo))
	}
	for _, c := range got.Codings {
		b = append(b, str(string(c.ID), string(c.Document), string(c.Code), c.Span.String(), string(c.Coder), c.Created.UTC(), c.Memo))
	}
	eq("codings", b, a)
	a, b = nil, nil
	for _, c := range want.Cases {
		a = append(a, str(string(c.ID), c.Name, c.Description, c.Documents))
	}
	for _, c := range got.Cases {
		b = append(b, str(string(c.ID), c.Name, c.Description, c.Documents))
	}
	eq("cases", b, a)
	a, b = nil, nil
	for _, v := range want.Variables {
		a = append(a, str(string(v.ID), v.Name, string(v.Type), string(v.Scope), v.Description))
	}
	for _, v := range got.Variables {
		b = append(b, str(string(v.ID), v.Name, string(v.Type), string(v.Scope), v.Description))
	}
	eq("variables", b, a)
	a, b = nil, nil
	for _, v := range want.Values {
		a = append(a, str(string(v.Variable), string(v.Owner), v.Value))
	}
	for _, v := range got.Values {
		b = append(b, str(string(v.Variable), string(v.Owner), v.Value))
	}
	eq("values", b, a)
	a, b = nil, nil
	for _, m := range want.Memos {
		a = append(a, str(string(m.ID), string(m.On), string(m.Target), m.Title, m.Text, string(m.Coder), m.Created.UTC(), m.Modified.UTC()))
	}
	for _, m := range got.Memos {
		b = append(b, str(string(m.ID), string(m.On), string(m.Target), m.Title, m.Text, string(m.Coder), m.Created.UTC(), m.Modified.UTC()))
	}
	eq("memos", b, a)
}
