package ingest_test

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"coder/ingest"
	"coder/qda"
	"golang.org/x/text/unicode/norm"
)

// mustImport imports data as a file called name and checks the invariants
// every imported document must keep.
func mustImport(t testing.TB, name string, data []byte) *ingest.Result {
	t.Helper()
	res, err := ingest.Bytes(name, data, ingest.Options{})
	if err != nil {
		t.Fatalf("import %s: %v", name, err)
	}
	checkDocument(t, &res.Document)
	return res
}

// checkDocument asserts the rules of an imported document: it validates,
// its text is NFC with LF line ends and no characters XML cannot carry, and
// its passages are non-empty and do not start or end in white space.
func checkDocument(t testing.TB, d *qda.Document) {
	t.Helper()
	if err := d.Validate(); err != nil {
		t.Fatalf("document does not validate: %v", err)
	}
	if !d.ID.Valid() {
		t.Errorf("document ID %q is not a UUID", d.ID)
	}
	if !utf8.ValidString(d.Text) {
		t.Errorf("text is not valid UTF-8")
	}
	if !norm.NFC.IsNormalString(d.Text) {
		t.Errorf("text is not NFC")
	}
	if strings.Contains(d.Text, "\r") {
		t.Errorf("text holds a carriage return")
	}
	for _, r := range d.Text {
		if (r < 0x20 && r != '\t' && r != '\n') || r == 0xFFFE || r == 0xFFFF {
			t.Errorf("text holds character %U, which XML cannot carry", r)
			break
		}
	}
	if d.Source.SHA256 == "" || d.Source.Format == "" || d.Source.FileName == "" {
		t.Errorf("source facts missing: %+v", d.Source)
	}
	if d.Imported.IsZero() {
		t.Errorf("import time missing")
	}
	runes := []rune(d.Text)
	for i, p := range d.Passages {
		s := p.Span.Slice(runes)
		if strings.TrimSpace(s) != s {
			t.Errorf("passage %d %q starts or ends in white space", i, s)
		}
	}
}

// passages returns each passage's text.
func passages(d *qda.Document) []string {
	runes := []rune(d.Text)
	out := make([]string, len(d.Passages))
	for i, p := range d.Passages {
		out[i] = p.Span.Slice(runes)
	}
	return out
}

// wantError asserts err is a *qda.Error naming file whose Why contains why.
func wantError(t *testing.T, err error, file, why string) *qda.Error {
	t.Helper()
	var qe *qda.Error
	if !errors.As(err, &qe) {
		t.Fatalf("error %v (%T) is not a *qda.Error", err, err)
	}
	if qe.What != file {
		t.Errorf("error names %q, want %q", qe.What, file)
	}
	if !strings.Contains(qe.Why, why) {
		t.Errorf("error says %q, want it to mention %q", qe.Why, why)
	}
	if qe.Fix == "" {
		t.Errorf("error %q says nothing about what to do", qe)
	}
	return qe
}

// sharedDir returns ../shared next to the repository root, skipping the test
// when it is absent (a fresh clone has no shared corpus).
func sharedDir(t *testing.T, sub ...string) string {
	t.Helper()
	p, err := findShared(sub...)
	if err != nil {
		t.Skipf("shared corpus not available: %v", err)
	}
	return p
}

// findShared locates ../shared beside the repository root (the directory
// holding go.mod above the test's working directory).
func findShared(sub ...string) (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the test directory")
		}
		dir = parent
	}
	p := filepath.Join(append([]string{dir, "..", "shared"}, sub...)...)
	if _, err := os.Stat(p); err != nil {
		return "", err
	}
	return p, nil
}

func ingestBytes(name string, data []byte) (*ingest.Result, error) {
	return ingest.Bytes(name, data, ingest.Options{})
}

func itoa(i int) string { return strconv.Itoa(i) }
