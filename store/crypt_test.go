package store_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"coder/qda"
	"coder/store"
)

// secrets are the clear texts the encrypted project below holds; none may
// appear in its file or its backups.
var secrets = []string{"lighthouse keeper", "Harbour Trust", "tide tables", "Ferryman Interview"}

// newEncrypted creates an encrypted project holding a document, a code, a
// coding and a memo made of secrets, and returns its path, closed.
func newEncrypted(t *testing.T, opt store.Options) (path string, doc *qda.Document) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "secret.coder")
	opt.Passphrase = "correct horse battery"
	db, err := store.Create(path, qda.Project{Name: "Fieldwork"}, opt)
	if err != nil {
		t.Fatal(err)
	}
	doc = sampleDoc("Ferryman Interview", "The lighthouse keeper reads the tide tables every dawn.")
	code := sampleCode("Harbour Trust", "")
	coding := &qda.Coding{ID: qda.NewID(), Document: doc.ID, Code: code.ID, Span: qda.Span{Start: 4, End: 21}, Created: time.Now()}
	memo := &qda.Memo{ID: qda.NewID(), On: qda.OnDocument, Target: doc.ID, Title: "dawn", Text: "ask again about the tide tables", Created: time.Now(), Modified: time.Now()}
	update(t, db, func(tx *store.Tx) error {
		return errors.Join(tx.PutCode(code), tx.PutDocument(doc), tx.PutCoding(coding), tx.PutMemo(memo))
	})
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	return path, doc
}

// clearTextIn returns the secrets found in the file at path.
func clearTextIn(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var found []string
	for _, s := range secrets {
		for _, form := range []string{s, strings.ToLower(s)} {
			if bytes.Contains(data, []byte(form)) {
				found = append(found, form)
			}
		}
	}
	return found
}

// Ensure that an encrypted project's file and its backups hold none of its
// document text, document and code names or memo text, and that it reads
// back in full with its passphrase.
func TestEncrypted_NoClearTextInFileOrBackups(t *testing.T) {
	path, doc := newEncrypted(t, store.Options{BackupOnClose: true, BackupEvery: -1})
	db, err := store.Open(path, store.Options{Passphrase: "correct horse battery", BackupOnClose: true, BackupEvery: -1})
	if err != nil {
		t.Fatal(err)
	}
	if !db.Encrypted() {
		t.Error("Encrypted() = false for an encrypted project")
	}
	db.View(func(tx *store.Tx) error {
		got, err := tx.DocumentByName("ferryman interview")
		if err != nil || got.ID != doc.ID {
			t.Errorf("DocumentByName = %v, %v", got, err)
		}
		text, err := tx.Text(doc.ID)
		if err != nil || text != doc.Text {
			t.Errorf("Text = %q, %v", text, err)
		}
		if cs, err := tx.CodingsOf(doc.ID); err != nil || len(cs) != 1 {
			t.Errorf("CodingsOf = %v, %v", cs, err)
		}
		return nil
	})
	if probs, err := db.Check(); err != nil || len(probs) > 0 {
		t.Errorf("Check = %v, %v", probs, err)
	}
	update(t, db, func(tx *store.Tx) error { return tx.PutCode(sampleCode("Harbour Trust two", "")) })
	db.Close()
	backups, err := store.Backups(path)
	if err != nil || len(backups) == 0 {
		t.Fatalf("no backups (%v)", err)
	}
	for _, f := range append(backups, path) {
		if found := clearTextIn(t, f); len(found) > 0 {
			t.Errorf("%s holds %q in clear", filepath.Base(f), found)
		}
	}
	// A backup is the project as it was: it opens with the same passphrase.
	b, err := store.Open(backups[0], store.Options{ReadOnly: true, Passphrase: "correct horse battery"})
	if err != nil {
		t.Fatalf("backup: %v", err)
	}
	b.Close()
}

// Ensure that a wrong or missing passphrase is refused with a clear error and
// leaves the file exactly as it was (no backup, no migration, no lock note).
func TestOpen_WrongPassphraseIsRefusedAndWritesNothing(t *testing.T) {
	path, _ := newEncrypted(t, store.Options{})
	before, _ := os.ReadFile(path)
	entries, _ := os.ReadDir(filepath.Dir(path))
	_, err := store.Open(path, store.Options{Passphrase: "Correct horse battery", BackupEvery: -1})
	if !errors.Is(err, store.ErrWrongPassphrase) || !strings.Contains(err.Error(), path+": wrong passphrase (") {
		t.Errorf("wrong passphrase: err = %v", err)
	}
	_, err = store.Open(path, store.Options{})
	if !errors.Is(err, store.ErrPassphraseNeeded) {
		t.Errorf("no passphrase: err = %v", err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("the file changed")
	}
	if now, _ := os.ReadDir(filepath.Dir(path)); len(now) != len(entries) {
		t.Errorf("the folder now holds %d entries, was %d", len(now), len(entries))
	}
}

// Ensure that undo and redo work on an encrypted project (the change log is
// in clear in memory, the file stays sealed).
func TestEncrypted_UndoRedo(t *testing.T) {
	path, _ := newEncrypted(t, store.Options{})
	db, err := store.Open(path, store.Options{Passphrase: "correct horse battery", Backups: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	code := sampleCode("Quay", "")
	ch, err := db.Record(func(tx *store.Tx) error { return tx.PutCode(code) })
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Undo(ch); err != nil {
		t.Fatalf("undo: %v", err)
	}
	db.View(func(tx *store.Tx) error {
		if _, err := tx.Code(code.ID); err == nil {
			t.Error("the code is still there after undo")
		}
		return nil
	})
	if _, err := db.Redo(ch); err != nil {
		t.Fatalf("redo: %v", err)
	}
	if sc := ch.Scope(); !sc.Codes {
		t.Errorf("scope = %+v, want the codebook touched", sc)
	}
}

// Ensure that changing the passphrase re-encrypts the project: the old one
// no longer opens it, the new one does and finds everything.
func TestChangePassphrase_OldOneNoLongerOpens(t *testing.T) {
	path, doc := newEncrypted(t, store.Options{})
	db, err := store.Open(path, store.Options{Passphrase: "correct horse battery", Backups: -1})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.ChangePassphrase("new tide"); err != nil {
		t.Fatal(err)
	}
	db.View(func(tx *store.Tx) error {
		if _, err := tx.DocumentByName(doc.Name); err != nil {
			t.Errorf("after the change, in the same session: %v", err)
		}
		return nil
	})
	db.Close()
	if _, err := store.Open(path, store.Options{Passphrase: "correct horse battery"}); !errors.Is(err, store.ErrWrongPassphrase) {
		t.Errorf("old passphrase: err = %v", err)
	}
	db, err = store.Open(path, store.Options{Passphrase: "new tide", Backups: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if probs, err := db.Check(); err != nil || len(probs) > 0 {
		t.Errorf("Check = %v, %v", probs, err)
	}
	if found := clearTextIn(t, path); len(found) > 0 {
		t.Errorf("the file holds %q in clear", found)
	}
}

// Ensure that a decrypted copy is a plain project with everything in it and
// an encrypted copy of that is sealed again.
func TestSaveCopy_DecryptThenEncrypt(t *testing.T) {
	path, doc := newEncrypted(t, store.Options{})
	db, err := store.Open(path, store.Options{Passphrase: "correct horse battery", Backups: -1})
	if err != nil {
		t.Fatal(err)
	}
	plain := filepath.Join(t.TempDir(), "plain.coder")
	if err := db.SaveCopy(plain, ""); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if found := clearTextIn(t, plain); len(found) == 0 {
		t.Error("the decrypted copy holds no clear text")
	}
	p, err := store.Open(plain, store.Options{Backups: -1})
	if err != nil {
		t.Fatal(err)
	}
	if p.Encrypted() {
		t.Error("the decrypted copy is encrypted")
	}
	if probs, err := p.Check(); err != nil || len(probs) > 0 {
		t.Errorf("Check of the plain copy = %v, %v", probs, err)
	}
	again := filepath.Join(t.TempDir(), "again.coder")
	if err := p.SaveCopy(again, "second"); err != nil {
		t.Fatal(err)
	}
	p.Close()
	if found := clearTextIn(t, again); len(found) > 0 {
		t.Errorf("the encrypted copy holds %q in clear", found)
	}
	e, err := store.Open(again, store.Options{Passphrase: "second", Backups: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	e.View(func(tx *store.Tx) error {
		if d, err := tx.DocumentWithText(doc.ID); err != nil || d.Text != doc.Text {
			t.Errorf("document in the encrypted copy = %v, %v", d, err)
		}
		return nil
	})
}

// Ensure that a copy (encrypted or in clear) is about as big as the project
// it copies, and a new passphrase leaves the file about as big: both grew by
// bbolt's default 16 MB step, so the demo's 280 kB made a 17 MB copy.
func TestSaveCopy_SizedLikeTheProject(t *testing.T) {
	path, _ := newEncrypted(t, store.Options{})
	db, err := store.Open(path, store.Options{Passphrase: "correct horse battery", Backups: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	// Some 200 documents, so that re-encrypting them cannot fit in free
	// pages.
	for i := range 200 {
		d := sampleDoc(fmt.Sprintf("Dock log %d", i), strings.Repeat("The ferry left the quay at six. ", 40))
		update(t, db, func(tx *store.Tx) error { return tx.PutDocument(d) })
	}
	orig, _ := os.Stat(path)
	for _, pass := range []string{"", "second"} {
		out := filepath.Join(t.TempDir(), "copy.coder")
		if err := db.SaveCopy(out, pass); err != nil {
			t.Fatal(err)
		}
		st, err := os.Stat(out)
		if err != nil {
			t.Fatal(err)
		}
		if st.Size() > 2*orig.Size()+64<<10 {
			t.Errorf("a copy (passphrase %q) of a %d-byte project takes %d bytes", pass, orig.Size(), st.Size())
		}
	}
	if err := db.ChangePassphrase("third"); err != nil {
		t.Fatal(err)
	}
	// Every value is written anew before the old pages are free: twice the
	// room, grown in steps of the file's size.
	if st, _ := os.Stat(path); st.Size() > 3*orig.Size() {
		t.Errorf("a new passphrase took the project from %d bytes to %d", orig.Size(), st.Size())
	}
}
