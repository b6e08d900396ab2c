package main_test

import (
	"archive/zip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Ensure that the pseudonym table is kept with add, remove and listing,
// that suggest offers a speaker's name, and that export --pseudonymise and
// anonymise write no real name.
func TestCLI_PseudonymsExportAndAnonymise(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "p.coder")
	ok(t, "new", p, "--codebook", "empty")
	f := writeTemp(t, dir, "ferry.txt", "Interviewer: When did the ferry stop?\n\nMr Okafor: In the winter. Mrs Bello from Fernbrook Village said so too.\n\nInterviewer: Why?\n\nMr Okafor: Money, they said.\n")
	ok(t, "import", p, f)
	ok(t, "codes", "add", p, "Transport")
	ok(t, "code", p, "--doc", "ferry", "--code", "Transport", "--match", "Mrs Bello from Fernbrook Village said so")
	var sugg []struct{ Name, Kind string }
	if err := json.Unmarshal([]byte(ok(t, "pseudonyms", p, "suggest", "--json")), &sugg); err != nil {
		t.Fatal(err)
	}
	names := map[string]string{}
	for _, s := range sugg {
		names[s.Name] = s.Kind
	}
	if names["Mr Okafor"] != "speaker" || names["Bello"] != "person" || names["Fernbrook Village"] != "place" {
		t.Errorf("suggestions = %v", names)
	}
	ok(t, "pseudonyms", p, "add", "Okafor", "O")
	ok(t, "pseudonyms", p, "add", "Bello", "B")
	ok(t, "pseudonyms", p, "add", "Fernbrook Village", "F Village")
	ok(t, "pseudonyms", p, "add", "Lagos", "L")
	ok(t, "pseudonyms", p, "remove", "lagos")
	if out := ok(t, "pseudonyms", p); !strings.Contains(out, "Fernbrook Village") || strings.Contains(out, "Lagos") {
		t.Errorf("table = %q", out)
	}
	if r := coder(t, "pseudonyms", p, "add", "Bello", "Bello B"); r.code != 1 {
		t.Errorf("a replacement holding the name: exit %d", r.code)
	}
	csv := filepath.Join(dir, "out.csv")
	ok(t, "export", p, "--format", "csv", "--out", csv, "--pseudonymise")
	data, _ := os.ReadFile(csv)
	if s := string(data); strings.Contains(s, "Bello") || strings.Contains(s, "Fernbrook") || !strings.Contains(s, "Mrs B from F Village said so") {
		t.Errorf("pseudonymised csv:\n%s", s)
	}
	matrix := filepath.Join(dir, "matrix.docx")
	ok(t, "stats", p, "matrix", "--rows", "doc", "--out", matrix, "--pseudonymise")
	if text := zippedText(t, matrix); strings.Contains(text, "Bello") || !strings.Contains(text, "Mrs B from F Village said so") {
		t.Errorf("pseudonymised matrix:\n%s", text)
	}
	copyPath := filepath.Join(dir, "shared.coder")
	ok(t, "anonymise", p, copyPath)
	if out := ok(t, "text", copyPath, "--doc", "ferry"); strings.Contains(out, "Okafor") || !strings.Contains(out, "Mr O:") {
		t.Errorf("anonymised text:\n%s", out)
	}
	if out := ok(t, "codings", copyPath); !strings.Contains(out, "Mrs B from F Village said so") {
		t.Errorf("anonymised codings:\n%s", out)
	}
}

// zippedText is every file of the zip archive at path, one after another.
func zippedText(t *testing.T, path string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var b strings.Builder
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		b.Write(data)
	}
	return b.String()
}

// Ensure that coder anonymise of an encrypted project writes its copy in
// clear, as asked, but says so on stderr, naming how to encrypt it.
func TestCLI_AnonymiseOfEncryptedProjectNotesTheCopyIsInClear(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "locked.coder")
	env := []string{"XDG_CACHE_HOME=" + filepath.Join(dir, "cache"), "CODER_PASSPHRASE=quiet orchard"}
	if r := coderEnv(t, env, "demo", p, "--encrypt"); r.code != 0 {
		t.Fatalf("demo --encrypt: %d %s", r.code, r.stderr)
	}
	if r := coderEnv(t, env, "pseudonyms", p, "add", "Han", "Mr H"); r.code != 0 {
		t.Fatalf("pseudonyms add: %d %s", r.code, r.stderr)
	}
	out := filepath.Join(dir, "shared.coder")
	r := coderEnv(t, env, "anonymise", p, out)
	if r.code != 0 {
		t.Fatalf("anonymise: %d %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, "not encrypted") || !strings.Contains(r.stderr, "coder encrypt") {
		t.Errorf("anonymise of an encrypted project says on stderr:\n%s", r.stderr)
	}
	if r := coderEnv(t, []string{"XDG_CACHE_HOME=" + filepath.Join(dir, "cache")}, "docs", out); r.code != 0 {
		t.Errorf("the copy does not open without a passphrase: %d %s", r.code, r.stderr)
	}
	clear := filepath.Join(dir, "clear.coder")
	ok(t, "demo", clear)
	ok(t, "pseudonyms", clear, "add", "Han", "Mr H")
	if r := coder(t, "anonymise", clear, filepath.Join(dir, "shared2.coder")); r.code != 0 || strings.Contains(r.stderr, "not encrypted") {
		t.Errorf("anonymise of a project in clear: %d, stderr %q", r.code, r.stderr)
	}
}
