package store_test

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"coder/qda"
	"coder/store"
)

// allocated returns how many bytes fn allocated on the heap.
func allocated(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// Ensure that storing a big document costs about one copy of its text (the
// page bbolt writes), not one more per layer (a 100 MB import peaked at
// 750 MB), and that undo and redo still restore it exactly.
func TestPutDocument_BigTextIsNotCopiedAgain(t *testing.T) {
	db := newDB(t)
	text := strings.Repeat("Interviewer: Where did the committee meet that winter?\nWei: In the back room of the noodle shop, most weeks.\n", 160_000)
	doc := sampleDoc("Long interview", text)
	var ch *store.Changes
	n := allocated(func() {
		var err error
		if ch, err = db.Record(func(tx *store.Tx) error { return tx.PutDocument(doc) }); err != nil {
			t.Fatal(err)
		}
	})
	if limit := uint64(len(text)) * 3 / 2; n > limit {
		t.Errorf("storing a %d MB text allocated %d MB; want at most %d MB", len(text)>>20, n>>20, limit>>20)
	}
	readText := func() (string, error) {
		var s string
		err := db.View(func(tx *store.Tx) error {
			var err error
			s, err = tx.Text(doc.ID)
			return err
		})
		return s, err
	}
	if s, err := readText(); err != nil || s != text {
		t.Fatalf("text read back: %d bytes, %v; want the %d bytes written", len(s), err, len(text))
	}
	if _, err := db.Undo(ch); err != nil {
		t.Fatal(err)
	}
	if _, err := readText(); err == nil {
		t.Error("the document's text is still there after undo")
	}
	if _, err := db.Redo(ch); err != nil {
		t.Fatal(err)
	}
	if s, err := readText(); err != nil || s != text {
		t.Errorf("text after redo: %d bytes, %v; want the %d bytes written", len(s), err, len(text))
	}
}

// Ensure that a small project's file stays small: bbolt is given room to map
// a large file up front, and must not grow the file to match.
func TestCreate_SmallProjectFileStaysSmall(t *testing.T) {
	path := filepath.Join(t.TempDir(), "small.coder")
	db, err := store.Create(path, qda.Project{Name: "Small"})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *store.Tx) error {
		return tx.PutDocument(sampleDoc("Note", "Wei: the shop opens at six."))
	}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Size() > 1<<20 {
		t.Errorf("a project with one short note takes %d kB on disk", st.Size()>>10)
	}
}

// rssFile returns how much of the files this process maps is resident
// (RssFile in /proc/self/status), or -1 where that is not known.
func rssFile() int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return -1
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "RssFile:"); ok {
			var kb int64
			if _, err := fmt.Sscan(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), &kb); err == nil {
				return kb << 10
			}
		}
	}
	return -1
}

// Ensure that reading a long document's text costs one copy of it, not also
// its pages of the project file brought into memory through bbolt's map (a
// 100 MB text took 200 MB to read for indexing).
func TestText_BigTextIsReadWithoutMappingItsPages(t *testing.T) {
	if rssFile() < 0 {
		t.Skip("no /proc/self/status here")
	}
	path := filepath.Join(t.TempDir(), "long.coder")
	db, err := store.Create(path, qda.Project{Name: "Long"})
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Repeat("Wei: The committee met in the back room of the noodle shop, most weeks, all winter.\n", 200_000)
	doc := sampleDoc("Long interview", text)
	if err := db.Update(func(tx *store.Tx) error { return tx.PutDocument(doc) }); err != nil {
		t.Fatal(err)
	}
	db.Close()
	// Opened afresh, so none of the file is mapped in yet.
	db, err = store.Open(path, store.Options{Backups: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	before := rssFile()
	var got string
	if err := db.View(func(tx *store.Tx) error {
		got, err = tx.Text(doc.ID)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if got != text {
		t.Fatalf("text read back: %d bytes, want the %d written", len(got), len(text))
	}
	if grew := rssFile() - before; grew > int64(len(text))/4 {
		t.Errorf("reading a %d MB text mapped %d MB of the project file into memory", len(text)>>20, grew>>20)
	}
}

// Ensure that an import's undo step does not keep its text alive (a 100 MB
// import then held 114 MB until the app closed, which pushed indexing past
// its memory budget): the step keeps the text's hash and reads the text back
// from the file when it is undone. An undo after someone else changed the
// text is still refused, and undo and redo still restore it exactly.
func TestUndoStep_DoesNotHoldABigTextAlive(t *testing.T) {
	db := newDB(t)
	var ch *store.Changes
	var doc *qda.Document
	size := 0
	func() {
		text := strings.Repeat("Interviewer: Who kept the minutes?\nLan: The young clerk, in a school exercise book.\n", 200_000)
		size = len(text)
		doc = sampleDoc("Long interview", text)
		var err error
		if ch, err = db.Record(func(tx *store.Tx) error { return tx.PutDocument(doc) }); err != nil {
			t.Fatal(err)
		}
		doc.Text = ""
	}()
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	if ms.HeapAlloc > uint64(size)/2 {
		t.Errorf("with the import's undo step kept, %d MB of heap are live; the %d MB text should not be among them", ms.HeapAlloc>>20, size>>20)
	}
	runtime.KeepAlive(ch)

	sp, err := qda.NewSplice(doc.Chars, []qda.Replacement{{Span: qda.Span{Start: 0, End: 11}, Text: "Researcher"}})
	if err != nil {
		t.Fatal(err)
	}
	edit, err := db.Record(func(tx *store.Tx) error { _, err := tx.SpliceText(doc.ID, sp, qda.Drop); return err })
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Undo(ch); err != store.ErrStale {
		t.Fatalf("undoing the import after the text was corrected: %v, want %v", err, store.ErrStale)
	}
	if _, err := db.Undo(edit); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Undo(ch); err != nil {
		t.Fatalf("undoing the import: %v", err)
	}
	if _, err := db.Redo(ch); err != nil {
		t.Fatal(err)
	}
	err = db.View(func(tx *store.Tx) error {
		s, err := tx.Text(doc.ID)
		if err == nil && (len(s) != size || !strings.HasPrefix(s, "Interviewer: Who kept")) {
			t.Errorf("text after undo and redo: %d bytes starting %.20q; want the %d bytes imported", len(s), s, size)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
