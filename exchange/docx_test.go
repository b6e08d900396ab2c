package exchange_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"coder/exchange"
)

// Ensure that the DOCX reports open in LibreOffice and carry their text: the
// hand-written package is only useful if a word processor accepts it.
func TestDOCX_OpensInLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice not installed (apt-get install libreoffice-writer-nogui)")
	}
	if testing.Short() {
		t.Skip("starting LibreOffice is slow; skipped with -short")
	}
	b := fixture(t)
	dir := t.TempDir()
	var ex, cb bytes.Buffer
	if err := exchange.WriteExcerpts(&ex, exchange.FormatDOCX, b, exchange.Filter{}, exchange.ExcerptOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := exchange.WriteCodebook(&cb, exchange.FormatDOCX, b); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "excerpts.docx"), ex.Bytes(), 0o644)
	os.WriteFile(filepath.Join(dir, "codebook.docx"), cb.Bytes(), 0o644)
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless",
		"--convert-to", "txt:Text (encoded):UTF8", "--outdir", dir, filepath.Join(dir, "excerpts.docx"), filepath.Join(dir, "codebook.docx"))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("LibreOffice failed: %v\n%s", err, out)
	}
	for file, wants := range map[string][]string{
		"excerpts.txt": {"Community logic/Trust", "大家都说这是走形式。", "Interview 01 - community cadre, line 7", "Memo: Drains"},
		"codebook.txt": {"Political logic", "Mobilisation", "Party members set an example", "Context (folder)"},
	} {
		text, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			t.Fatalf("LibreOffice wrote no %s: %v", file, err)
		}
		for _, want := range wants {
			if !strings.Contains(string(text), want) {
				t.Errorf("%s as LibreOffice reads it lacks %q", file, want)
			}
		}
	}
}
