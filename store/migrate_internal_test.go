package store

import (
	"path/filepath"
	"strconv"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"coder/qda"
)

// Ensure that a schema-1 file (no index of document names) opens, is
// migrated to the current schema with its names indexed, and checks clean.
func TestMigrate_FromSchema1(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.coder")
	db, err := Create(path, qda.Project{Name: "Old"})
	if err != nil {
		t.Fatal(err)
	}
	doc := &qda.Document{ID: qda.NewID(), Name: "Interview 1", Kind: qda.KindInterview, Text: "Hello.", Chars: 6, Imported: time.Now()}
	if err := db.Update(func(tx *Tx) error { return tx.PutDocument(doc) }); err != nil {
		t.Fatal(err)
	}
	// Turn it into what schema 1 wrote.
	err = db.bolt.Update(func(tx *bolt.Tx) error {
		if err := tx.DeleteBucket(bDocNames); err != nil {
			return err
		}
		return tx.Bucket(bMeta).Put(kSchema, []byte(strconv.Itoa(1)))
	})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	db, err = Open(path, Options{Backups: -1})
	if err != nil {
		t.Fatalf("opening a schema-1 file: %v", err)
	}
	defer db.Close()
	db.View(func(tx *Tx) error {
		if v, _ := tx.schemaVersion(); v != SchemaVersion {
			t.Errorf("schema after migration = %d, want %d", v, SchemaVersion)
		}
		if d, err := tx.DocumentByName("interview 1"); err != nil || d.ID != doc.ID {
			t.Errorf("DocumentByName after migration: %v, %v", d, err)
		}
		return nil
	})
	if probs, err := db.Check(); err != nil || len(probs) > 0 {
		t.Errorf("check after migration: %v %v", probs, err)
	}
}

// Ensure that a file from a newer Coder is refused, not misread.
func TestOpen_ErrNewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.coder")
	db, err := Create(path, qda.Project{Name: "New"})
	if err != nil {
		t.Fatal(err)
	}
	db.bolt.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bMeta).Put(kSchema, []byte(strconv.Itoa(SchemaVersion+1)))
	})
	db.Close()
	if _, err := Open(path, Options{Backups: -1}); err == nil {
		t.Fatal("a file from a newer schema was opened")
	}
}
