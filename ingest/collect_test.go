package ingest_test

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

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
