package ingest_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"coder/ingest"
)

// Ensure that files that cannot be research text are refused with a message
// that names the file and says what to do.
func TestImport_Refusals(t *testing.T) {
	t.Run("EmptyFile", func(t *testing.T) {
		_, err := ingest.Bytes("empty.txt", nil, ingest.Options{})
		wantError(t, err, "empty.txt", "empty")
	})
	t.Run("OnlyWhiteSpace", func(t *testing.T) {
		_, err := ingest.Bytes("blank.txt", []byte(" \n\t\r\n  \u3000\n"), ingest.Options{})
		wantError(t, err, "blank.txt", "no text")
	})
	t.Run("BinaryWithTextExtension", func(t *testing.T) {
		data := make([]byte, 4096)
		for i := range data {
			data[i] = byte(i * 7 % 256)
		}
		_, err := ingest.Bytes("notes.txt", data, ingest.Options{})
		wantError(t, err, "notes.txt", "binary")
	})
	t.Run("BinaryWithUnknownExtension", func(t *testing.T) {
		data := append([]byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00"), bytes.Repeat([]byte{0, 1, 2, 3, 'a'}, 200)...)
		_, err := ingest.Bytes("notes.bin", data, ingest.Options{})
		qe := wantError(t, err, "notes.bin", "this looks like a binary file, not text")
		if qe.Fix != "import .txt, .md, .docx, .odt, .rtf, .html, .epub, .pdf, .srt or .vtt files" {
			t.Errorf("fix = %q", qe.Fix)
		}
	})
	t.Run("OverSizeLimitInMemory", func(t *testing.T) {
		_, err := ingest.Bytes("big.txt", bytes.Repeat([]byte("a"), 2000), ingest.Options{MaxSize: 1000})
		wantError(t, err, "big.txt", "more than the 1000 bytes limit")
	})
	t.Run("OverSizeLimitOnDisk", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "big.txt")
		if err := os.WriteFile(path, bytes.Repeat([]byte("word "), 1000), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := ingest.File(path, ingest.Options{MaxSize: 4 << 10})
		wantError(t, err, "big.txt", "more than the 4.0 KB limit")
	})
	t.Run("DefaultLimitIs100MB", func(t *testing.T) {
		if ingest.DefaultMaxSize != 100<<20 {
			t.Errorf("DefaultMaxSize = %d", ingest.DefaultMaxSize)
		}
	})
	t.Run("MissingFile", func(t *testing.T) {
		_, err := ingest.File(filepath.Join(t.TempDir(), "gone.txt"), ingest.Options{})
		wantError(t, err, "gone.txt", "no such file")
	})
	t.Run("Folder", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "notes")
		os.Mkdir(dir, 0o755)
		_, err := ingest.File(dir, ingest.Options{})
		wantError(t, err, "notes", "folder")
	})
}

// Ensure that File reads from disk exactly what Bytes reads from memory.
func TestFile_ReadsFromDisk(t *testing.T) {
	path := filepath.Join(t.TempDir(), "Interview 3.txt")
	if err := os.WriteFile(path, []byte("Q: Hello?\nA: Hello.\nQ: Ready?\nA: Yes.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := ingest.File(path, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkDocument(t, &res.Document)
	if res.Document.Name != "Interview 3" || len(res.Document.Passages) != 4 {
		t.Errorf("name %q passages %d", res.Document.Name, len(res.Document.Passages))
	}
}
