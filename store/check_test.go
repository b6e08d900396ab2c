package store_test

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"coder/qda"
	"coder/store"
)

// Ensure that check reports a rejected suggestion that points at other
// words than it records, lies past its document's end, or is on a code or
// document that no longer exists (records a file written before rejections
// moved with text corrections and went with their code may hold), each
// named by its code, document and span, and passes a sound one.
func TestCheck_ReportsRejectionsOnWrongWordsOrMissingThings(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.coder")
	db, err := store.Create(path, qda.Project{Name: "Yard study"})
	if err != nil {
		t.Fatal(err)
	}
	doc := sampleDoc("Yard notes", "The gate was mended. The keys went to the committee.")
	trust := sampleCode("Trust", "")
	update(t, db, func(tx *store.Tx) error {
		if err := tx.PutCode(trust); err != nil {
			return err
		}
		return tx.PutDocument(doc)
	})
	db.Close()

	gone := qda.NewID()
	records := []qda.Rejection{
		{Code: trust.ID, Document: doc.ID, Span: qda.Span{Start: 0, End: 20}, Text: "The gate was mended."},  // sound
		{Code: trust.ID, Document: doc.ID, Span: qda.Span{Start: 21, End: 41}, Text: "The gate was mended."}, // other words
		{Code: trust.ID, Document: doc.ID, Span: qda.Span{Start: 40, End: 90}},                               // past the end
		{Code: gone, Document: doc.ID, Span: qda.Span{Start: 0, End: 20}, Text: "The gate was mended."},      // deleted code
		{Code: trust.ID, Document: gone, Span: qda.Span{Start: 0, End: 20}, Text: "The gate was mended."},    // deleted document
	}
	bdb, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := bdb.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists([]byte("assist-rejected"))
		if err != nil {
			return err
		}
		for _, r := range records {
			data, _ := json.Marshal(r)
			key := fmt.Sprintf("%s/%s/%d:%d", r.Code, r.Document, r.Span.Start, r.Span.End)
			if err := b.Put([]byte(key), data); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	bdb.Close()

	db, err = store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	probs, err := db.Check()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range probs {
		if strings.HasPrefix(p.What, "rejected suggestion") {
			got = append(got, p.String())
		}
	}
	want := []string{
		`rejected suggestion of "Trust" on "Yard notes" at 21:41: document "Yard notes": its text at 21:41 is no longer the words rejected there (it was corrected)`,
		`rejected suggestion of "Trust" on "Yard notes" at 40:90: document "Yard notes": span 40:90 ends past the text, which has 52 characters`,
		fmt.Sprintf(`rejected suggestion of %s on "Yard notes" at 0:20: its code does not exist`, gone),
		fmt.Sprintf(`rejected suggestion of "Trust" on %s at 0:20: its document does not exist`, gone),
	}
	slices.Sort(got)
	slices.Sort(want)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("check reported\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
