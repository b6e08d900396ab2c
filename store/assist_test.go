package store_test

import (
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"coder/qda"
	"coder/store"
)

func rejections(t *testing.T, db *store.DB) []qda.Rejection {
	t.Helper()
	var rs []qda.Rejection
	if err := db.View(func(tx *store.Tx) error {
		var err error
		rs, err = tx.Rejections()
		return err
	}); err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(rs, qda.CompareRejections)
	return rs
}

// Ensure that rejected suggestions go with their document and with their
// code (and the codes below it), and follow their code into the code it is
// merged into, where one alike already there stays one.
func TestRejections_GoWithTheirCodeAndDocument(t *testing.T) {
	db := newDB(t)
	doc := sampleDoc("Yard notes", "The gate was mended. The keys went to the committee.")
	other := sampleDoc("Notice", "From Monday the east gate closes at ten.")
	trust, rules, sub, gate := sampleCode("Trust", ""), sampleCode("Rules", ""), sampleCode("Rules of the yard", ""), sampleCode("Gate", "")
	sub.Parent = rules.ID
	reject := func(code, d qda.ID, s, e int) qda.Rejection {
		return qda.Rejection{Code: code, Document: d, Span: qda.Span{Start: s, End: e}}
	}
	update(t, db, func(tx *store.Tx) error {
		for _, c := range []*qda.Code{trust, rules, sub, gate} {
			if err := tx.PutCode(c); err != nil {
				return err
			}
		}
		for _, d := range []*qda.Document{doc, other} {
			if err := tx.PutDocument(d); err != nil {
				return err
			}
		}
		for _, r := range []qda.Rejection{
			reject(trust.ID, doc.ID, 0, 20), reject(rules.ID, doc.ID, 0, 20), reject(sub.ID, doc.ID, 21, 52),
			reject(gate.ID, doc.ID, 0, 20), reject(gate.ID, other.ID, 0, 10), reject(trust.ID, other.ID, 0, 10),
		} {
			if err := tx.PutRejection(&r); err != nil {
				return err
			}
		}
		return nil
	})
	update(t, db, func(tx *store.Tx) error { return tx.DeleteCode(rules.ID, true) })
	update(t, db, func(tx *store.Tx) error { return tx.DeleteDocument(other.ID) })
	update(t, db, func(tx *store.Tx) error { return tx.MergeCode(gate.ID, trust.ID) })
	want := []qda.Rejection{reject(trust.ID, doc.ID, 0, 20)}
	want[0].Text = "The gate was mended." // a rejection put without its words gets them
	if got := rejections(t, db); !slices.Equal(got, want) {
		t.Errorf("rejections = %+v, want %+v", got, want)
	}
}

// Ensure that salvaging a project file keeps its rejected suggestions, so
// the assistant does not offer them again in the salvaged project, and
// that a backup restored keeps them too.
func TestSalvage_KeepsRejectedSuggestions(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "p.coder")
	db, err := store.Create(path, qda.Project{Name: "Yard study"})
	if err != nil {
		t.Fatal(err)
	}
	doc := sampleDoc("Yard notes", "The gate was mended. The keys went to the committee.")
	code := sampleCode("Trust", "")
	want := []qda.Rejection{
		{Code: code.ID, Document: doc.ID, Span: qda.Span{Start: 0, End: 20}, Text: "The gate was mended."},
		{Code: code.ID, Document: doc.ID, Span: qda.Span{Start: 21, End: 52}, Text: "The keys went to the committee."},
	}
	update(t, db, func(tx *store.Tx) error {
		if err := tx.PutCode(code); err != nil {
			return err
		}
		if err := tx.PutDocument(doc); err != nil {
			return err
		}
		for i := range want {
			if err := tx.PutRejection(&want[i]); err != nil {
				return err
			}
		}
		return nil
	})
	db.Close()
	saved := filepath.Join(dir, "saved.coder")
	rep, err := store.Salvage(path, saved)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Kept["rejected suggestions"] != 2 || len(rep.Lost) != 0 {
		t.Errorf("salvage kept %v, lost %v; want both rejected suggestions kept", rep.Kept, rep.Lost)
	}
	got, err := store.Open(saved, store.Options{Backups: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer got.Close()
	if rs := rejections(t, got); !slices.Equal(rs, want) {
		t.Errorf("salvaged rejections = %+v, want %+v", rs, want)
	}

	restored := filepath.Join(dir, "restored.coder")
	if _, err := store.Restore(restored, path); err != nil {
		t.Fatal(err)
	}
	back, err := store.Open(restored, store.Options{Backups: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer back.Close()
	if rs := rejections(t, back); !slices.Equal(rs, want) {
		t.Errorf("restored rejections = %+v, want %+v", rs, want)
	}
}

// Ensure that when the page of a project's root bucket is damaged, salvage
// finds an older copy of it even though the root then names the buckets
// made on first use (the rejected suggestions, the tombstones), and keeps
// the rejected suggestions it leads to.
func TestSalvage_OlderRootWithRejections(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "p.coder")
	db, err := store.Create(path, qda.Project{Name: "Yard study"})
	if err != nil {
		t.Fatal(err)
	}
	doc := sampleDoc("Yard notes", "The gate was mended. The keys went to the committee.")
	code, gone := sampleCode("Trust", ""), sampleCode("Rules", "")
	r := qda.Rejection{Code: code.ID, Document: doc.ID, Span: qda.Span{Start: 0, End: 20}, Text: "The gate was mended."}
	update(t, db, func(tx *store.Tx) error { return tx.PutCode(code) })
	update(t, db, func(tx *store.Tx) error { return tx.PutCode(gone) })
	update(t, db, func(tx *store.Tx) error { return tx.PutDocument(doc) })
	update(t, db, func(tx *store.Tx) error { return tx.PutRejection(&r) })
	update(t, db, func(tx *store.Tx) error { return tx.DeleteCode(gone.ID, false) })
	for i := range 3 {
		update(t, db, func(tx *store.Tx) error {
			c := *code
			c.Description = fmt.Sprintf("version %d", i)
			return tx.PutCode(&c)
		})
	}
	db.Close()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// The newer of the two meta pages names the root bucket's page.
	size := int(binary.LittleEndian.Uint32(data[24:]))
	meta := 0
	if binary.LittleEndian.Uint64(data[size+64:]) > binary.LittleEndian.Uint64(data[64:]) {
		meta = size
	}
	root := int(binary.LittleEndian.Uint64(data[meta+32:]))
	clear(data[root*size : (root+1)*size])
	os.WriteFile(path, data, 0o600)

	saved := filepath.Join(dir, "saved.coder")
	rep, err := store.Salvage(path, saved)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Kept["rejected suggestions"] != 1 || rep.Kept["documents"] != 1 {
		t.Errorf("salvage kept %v, lost %v; want the document and its rejected suggestion from an older root", rep.Kept, rep.Lost)
	}
}
