package store_test

import (
	"math/rand"
	"path/filepath"
	"strings"
	"testing"

	"coder/qda"
	"coder/store"
)

// Ensure that a text cursor reads exactly the text of each span of a long
// document with characters of several byte lengths, in any order and over
// many transactions, and that reading a few short spans allocates about
// their size, not the text's (a search's first hits in a 100 MB document
// read the whole document).
func TestTextCursor_ReadsSpansNotTheWholeText(t *testing.T) {
	path := filepath.Join(t.TempDir(), "long.coder")
	db, err := store.Create(path, qda.Project{Name: "Long"})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for i := 0; b.Len() < 8<<20; i++ {
		b.WriteString("Wei: the committee met at the noodle shop, café 会议 in winter 🍜.\n")
	}
	text := b.String()
	doc := sampleDoc("Long interview", text)
	if err := db.Update(func(tx *store.Tx) error { return tx.PutDocument(doc) }); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if db, err = store.Open(path, store.Options{Backups: -1}); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	runes := []rune(text)
	r := rand.New(rand.NewSource(1))
	cur := store.NewTextCursor(doc.ID, doc.Chars)
	for round := 0; round < 20; round++ {
		var spans []qda.Span
		for k := 0; k < 5; k++ {
			s := r.Intn(len(runes) + 10)
			spans = append(spans, qda.Span{Start: s, End: s + r.Intn(300)})
		}
		var got []string
		if err := db.View(func(tx *store.Tx) error {
			got, err = cur.Spans(tx, spans)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		for k, s := range spans {
			want := string(runes[min(s.Start, len(runes)):min(s.End, len(runes))])
			if got[k] != want {
				t.Fatalf("span %v: got %q, want %q", s, got[k], want)
			}
		}
	}
	far := []qda.Span{{Start: len(runes) - 200, End: len(runes) - 100}}
	var got []string
	n := allocated(func() {
		db.View(func(tx *store.Tx) error {
			got, err = store.NewTextCursor(doc.ID, doc.Chars).Spans(tx, far)
			return err
		})
	})
	if err != nil || got[0] != string(runes[far[0].Start:far[0].End]) {
		t.Fatalf("last span: %q, %v", got, err)
	}
	if n > 1<<20 {
		t.Errorf("reading 100 characters of an %d MB text allocated %d kB", len(text)>>20, n>>10)
	}
}

// Ensure that a cursor kept across an edit of the text reads the new text,
// and one kept across other writes reads on where it was.
func TestTextCursor_FollowsAChangedText(t *testing.T) {
	db, err := store.Create(filepath.Join(t.TempDir(), "p.coder"), qda.Project{Name: "P"})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	doc := sampleDoc("Notes", strings.Repeat("日本 and China. ", 100_000)+"日本 and China.")
	if err := db.Update(func(tx *store.Tx) error { return tx.PutDocument(doc) }); err != nil {
		t.Fatal(err)
	}
	cur := store.NewTextCursor(doc.ID, doc.Chars)
	read := func(s qda.Span) string {
		var got []string
		if err := db.View(func(tx *store.Tx) error {
			got, err = cur.Spans(tx, []qda.Span{s})
			return err
		}); err != nil {
			t.Fatal(err)
		}
		return got[0]
	}
	last := doc.Chars - 13 // the last "日本 and China."
	if got := read(qda.Span{Start: last + 3, End: last + 6}); got != "and" {
		t.Fatalf("got %q, want and", got)
	}
	if err := db.Update(func(tx *store.Tx) error { return tx.PutDocument(sampleDoc("Other", "Another text.")) }); err != nil {
		t.Fatal(err)
	}
	if got := read(qda.Span{Start: last + 7, End: last + 12}); got != "China" {
		t.Fatalf("after another write: got %q, want China", got)
	}
	sp, err := qda.NewSplice(doc.Chars, []qda.Replacement{{Span: qda.Span{Start: 0, End: 2}, Text: "Korea"}})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *store.Tx) error { _, err := tx.SpliceText(doc.ID, sp, qda.Drop); return err }); err != nil {
		t.Fatal(err)
	}
	// Three more characters before it: the same place is now three further on.
	if got := read(qda.Span{Start: last + 10, End: last + 15}); got != "China" {
		t.Errorf("after an edit: got %q, want China", got)
	}
}
