package store_test

import (
	"testing"
	"time"

	"coder/qda"
	"coder/store"
)

// Ensure that a code renamed in a transaction with an editor records who
// renamed it, when, and which version the rename replaced, while a write
// that changes nothing keeps the old stamp.
func TestStamp_RenameRecordsEditorAndReplacedVersion(t *testing.T) {
	db := newDB(t)
	lin := qda.Coder{ID: qda.NewID(), Name: "Lin"}
	code := sampleCode("Trust", "")
	first := time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC)
	update(t, db, func(tx *store.Tx) error {
		tx.SetEditor(lin.ID, first)
		if err := tx.PutCoder(&lin); err != nil {
			return err
		}
		return tx.PutCode(code)
	})
	var before qda.Code
	update(t, db, func(tx *store.Tx) error {
		c, err := tx.Code(code.ID)
		before = *c
		return err
	})
	if !before.Modified.Equal(first) || before.ModifiedBy != lin.ID || before.Replaces != "" {
		t.Fatalf("new code stamped %v by %s replacing %q; want %v by Lin, nothing replaced", before.Modified, before.ModifiedBy, before.Replaces, first)
	}
	later := first.Add(time.Hour)
	update(t, db, func(tx *store.Tx) error {
		tx.SetEditor(lin.ID, later)
		c, _ := tx.Code(code.ID)
		c.Name = "Mutual trust"
		return tx.PutCode(c)
	})
	update(t, db, func(tx *store.Tx) error {
		tx.SetEditor(lin.ID, later.Add(time.Hour))
		c, _ := tx.Code(code.ID)
		return tx.PutCode(c) // no change
	})
	update(t, db, func(tx *store.Tx) error {
		c, err := tx.Code(code.ID)
		if err != nil {
			return err
		}
		if !c.Modified.Equal(later) || c.Replaces != before.Version() {
			t.Errorf("renamed code stamped %v replacing %q; want %v replacing %q", c.Modified, c.Replaces, later, before.Version())
		}
		if !qda.Supersedes(c, &before) || qda.Supersedes(&before, c) {
			t.Errorf("the renamed code should supersede the old one, not the other way round")
		}
		return nil
	})
}

// Ensure that deleting a document leaves tombstones for it and for its
// codings and memos, and that undoing the deletion removes them again.
func TestTombstone_DeleteDocumentBuriesItAndUndoRaisesIt(t *testing.T) {
	db := newDB(t)
	doc := sampleDoc("Interview 1", "Resident: the gate stays open.")
	code := sampleCode("Access", "")
	coding := &qda.Coding{ID: qda.NewID(), Document: doc.ID, Code: code.ID, Span: qda.Span{Start: 10, End: 18}, Created: time.Now().UTC()}
	memo := &qda.Memo{ID: qda.NewID(), On: qda.OnDocument, Target: doc.ID, Text: "first visit", Created: time.Now().UTC(), Modified: time.Now().UTC()}
	update(t, db, func(tx *store.Tx) error {
		for _, err := range []error{tx.PutCode(code), tx.PutDocument(doc), tx.PutCoding(coding), tx.PutMemo(memo)} {
			if err != nil {
				return err
			}
		}
		return nil
	})
	who := qda.NewID()
	at := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	ch, err := db.Record(func(tx *store.Tx) error {
		tx.SetEditor(who, at)
		return tx.DeleteDocument(doc.ID)
	})
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[qda.ID]string{doc.ID: qda.GoneDocument, coding.ID: qda.GoneCoding, memo.ID: qda.GoneMemo}
	update(t, db, func(tx *store.Tx) error {
		ts, err := tx.Tombstones()
		if len(ts) != 3 {
			t.Fatalf("tombstones = %+v; want one each for the document, its coding and its memo", ts)
		}
		for _, ts := range ts {
			if kinds[ts.ID] != ts.Kind || ts.Coder != who || !ts.At.Equal(at) {
				t.Errorf("tombstone %+v; want kind %q by %s at %v", ts, kinds[ts.ID], who, at)
			}
		}
		return err
	})
	if _, err := db.Undo(ch); err != nil {
		t.Fatal(err)
	}
	update(t, db, func(tx *store.Tx) error {
		if ts, _ := tx.Tombstones(); len(ts) != 0 {
			t.Errorf("after undo, tombstones = %+v; want none", ts)
		}
		if _, gone := tx.Tombstone(doc.ID); gone {
			t.Errorf("the document is back, yet still buried")
		}
		return nil
	})
}

// Ensure that merging one code into another records the merged code as
// unified with the one it went into, so a later merge can follow it.
func TestTombstone_MergeCodeRecordsWhereItWent(t *testing.T) {
	db := newDB(t)
	a, b := sampleCode("Trust", ""), sampleCode("Confidence", "")
	update(t, db, func(tx *store.Tx) error {
		if err := tx.PutCode(a); err != nil {
			return err
		}
		return tx.PutCode(b)
	})
	update(t, db, func(tx *store.Tx) error { return tx.MergeCode(b.ID, a.ID) })
	update(t, db, func(tx *store.Tx) error {
		ts, ok := tx.Tombstone(b.ID)
		if !ok || ts.Into != a.ID || ts.Kind != qda.GoneCode {
			t.Errorf("tombstone of the merged code = %+v, %v; want one pointing into %s", ts, ok, a.ID)
		}
		return nil
	})
}
