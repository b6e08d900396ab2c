package ingest_test

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"coder/ingest"
)

// Ensure that importing a big plain-text file allocates a few times its size,
// not ten: its bytes are decoded in place rather than copied, and its lines
// and passages are gathered into slices sized once (a 100 MB file peaked at
// 750 MB). Short-lived garbage (speaker labels) is counted too.
func TestFile_BigPlainTextIsReadWithoutExtraCopies(t *testing.T) {
	text := strings.Repeat("Interviewer: Where did the committee meet that winter, and who came along when the snow closed the school road for a week?\n"+
		"Wei: In the back room of the noodle shop, most weeks. The owner let us stay after closing as long as somebody swept up, and the older members brought thermoses of tea for everyone.\n", 60_000)
	path := filepath.Join(t.TempDir(), "long interview.txt")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	res, err := ingest.File(path, ingest.Options{})
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	checkDocument(t, &res.Document)
	if res.Document.Text != text {
		t.Fatal("the text changed on import")
	}
	n := after.TotalAlloc - before.TotalAlloc
	if limit := uint64(len(text)) * 5; n > limit {
		t.Errorf("importing a %d MB file allocated %d MB; want at most %d MB", len(text)>>20, n>>20, limit>>20)
	}
}
