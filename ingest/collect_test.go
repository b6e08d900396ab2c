package ingest_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"

	"coder/ingest"
)

func writeFiles(t *testing.T, root string, files ...string) {
	t.Helper()
	for _, f := range files {
		p := filepath.Join(root, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("text"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// Ensure that folders expand recursively in a stable order, skipping what
// cannot be imported with a reason for each.
func TestCollect(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root,
		"b/interview 2.docx", "b/interview 1.txt", "a.md", "c/deep/notes.html",
		".hidden.txt", ".git/config.txt", "photo.jpg", "README", "~$draft.docx")
	single := filepath.Join(root, "a.md")
	files, skipped, err := ingest.Collect([]string{root, single})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		filepath.Join(root, "a.md"),
		filepath.Join(root, "b/interview 1.txt"),
		filepath.Join(root, "b/interview 2.docx"),
		filepath.Join(root, "c/deep/notes.html"),
	}
	if !reflect.DeepEqual(files, want) {
		t.Errorf("files:\n got %q\nwant %q", files, want)
	}
	reasons := map[string]string{}
	for _, s := range skipped {
		reasons[filepath.Base(s.Path)] = s.Reason
	}
	wantReasons := map[string]string{
		".hidden.txt":  "hidden file",
		".git":         "hidden folder",
		"photo.jpg":    "unsupported file type .jpg",
		"README":       "no file extension, so its type is unknown",
		"~$draft.docx": "a lock file the word processor keeps while the document is open",
	}
	if !reflect.DeepEqual(reasons, wantReasons) {
		t.Errorf("skipped:\n got %q\nwant %q", reasons, wantReasons)
	}
	t.Run("MissingPathIsAnError", func(t *testing.T) {
		_, _, err := ingest.Collect([]string{filepath.Join(root, "nope")})
		wantError(t, err, filepath.Join(root, "nope"), "no such file or folder")
	})
	t.Run("FileNamedDirectlyIsKeptEvenIfHidden", func(t *testing.T) {
		files, _, err := ingest.Collect([]string{filepath.Join(root, ".hidden.txt")})
		if err != nil || len(files) != 1 {
			t.Errorf("files %q err %v", files, err)
		}
	})
	t.Run("UnsupportedFileNamedDirectlyIsSkipped", func(t *testing.T) {
		files, skipped, err := ingest.Collect([]string{filepath.Join(root, "photo.jpg")})
		if err != nil || len(files) != 0 || len(skipped) != 1 {
			t.Errorf("files %q skipped %q err %v", files, skipped, err)
		}
	})
}

// Ensure that Formats lists the extensions for file dialogs.
func TestFormats(t *testing.T) {
	have := map[string]bool{}
	for _, f := range ingest.Formats() {
		have[f] = true
	}
	for _, ext := range []string{".txt", ".md", ".docx", ".odt", ".rtf", ".html", ".htm", ".epub", ".pdf", ".srt", ".vtt"} {
		if !have[ext] {
			t.Errorf("Formats() lacks %s: %q", ext, ingest.Formats())
		}
	}
}

// Ensure that a named pipe linked into a folder is skipped with a message
// instead of blocking the scan (opening a FIFO waits for a writer for ever).
func TestCollect_FIFOBehindLinkIsSkipped(t *testing.T) {
	root := t.TempDir()
	fifo := filepath.Join(root, "f")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("cannot make a FIFO here: %v", err)
	}
	dir := filepath.Join(root, "d")
	writeFiles(t, dir, "notes.txt")
	if err := os.Symlink(fifo, filepath.Join(dir, "pipe.txt")); err != nil {
		t.Fatal(err)
	}
	type out struct {
		files   []string
		skipped []ingest.Skipped
		err     error
	}
	done := make(chan out, 1)
	go func() {
		f, s, err := ingest.Collect([]string{dir, filepath.Join(dir, "pipe.txt")})
		done <- out{f, s, err}
	}()
	select {
	case o := <-done:
		if o.err != nil {
			t.Fatal(o.err)
		}
		if len(o.files) != 1 || filepath.Base(o.files[0]) != "notes.txt" {
			t.Errorf("files = %v, want only notes.txt", o.files)
		}
		if len(o.skipped) != 2 {
			t.Fatalf("skipped = %v, want the pipe twice (in the folder and named directly)", o.skipped)
		}
		for _, s := range o.skipped {
			if !strings.Contains(s.Reason, "named pipe") {
				t.Errorf("skip reason %q should say it is a named pipe", s.Reason)
			}
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Collect blocked on a named pipe")
	}
	done2 := make(chan error, 1)
	go func() {
		_, err := ingest.File(filepath.Join(dir, "pipe.txt"), ingest.Options{})
		done2 <- err
	}()
	select {
	case err := <-done2:
		if err == nil || !strings.Contains(err.Error(), "named pipe") {
			t.Errorf("File on a pipe: err = %v, want a refusal naming a named pipe", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("File blocked on a named pipe")
	}
}
