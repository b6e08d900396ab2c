package main

import (
	"strings"
	"testing"

	"coder/ingest"
)

// Ensure that a PDF child process that dies without answering costs one file
// with a clear message naming it, not the app.
func TestIsolatedPDF_ChildThatDiesIsAFailedFile(t *testing.T) {
	read := isolatedPDF("/bin/false")
	_, err := read("report.pdf", []byte("%PDF-1.4\n"), ingest.Options{})
	if err == nil {
		t.Fatal("a dead child gave no error")
	}
	if msg := err.Error(); !strings.Contains(msg, "report.pdf") || !strings.Contains(msg, "PDF reader failed") {
		t.Errorf("error %q should name the file and say the reader failed", msg)
	}
}
