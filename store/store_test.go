package store_test

import (
	"bytes"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"coder/qda"
	"coder/store"
)

// newDB creates a project in a temporary folder.
func newDB(t *testing.T) *store.DB {
	t.Helper()
	db, err := store.Create(filepath.Join(t.TempDir(), "p.coder"), qda.Project{Name: "Test"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func update(t *testing.T, db *store.DB, fn func(tx *store.Tx) error) {
	t.Helper()
	if err := db.Update(fn); err != nil {
		t.Fatal(err)
	}
}

func sampleDoc(name, text string) *qda.Document {
	n := len([]rune(text))
	return &qda.Document{
		ID: qda.NewID(), Name: name, Kind: qda.KindInterview, Text: text, Chars: n,
		Passages: []qda.Passage{{Span: qda.Span{Start: 0, End: n}, Kind: qda.PassageTurn, Speaker: "Li", Timed: true, At: 13 * time.Second}},
		Source:   qda.Source{FileName: name + ".txt", Format: "txt", Encoding: "UTF-8", SHA256: "ab", Size: 10},
		Imported: time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC),
	}
}

func sampleCode(name string, parent qda.ID) *qda.Code {
	return &qda.Code{ID: qda.NewID(), Parent: parent, Name: name, Color: "#336699", Description: "about " + name}
}

// Ensure that every entity type reads back exactly as it was written, after
// the file is closed and opened again.
func TestStore_RoundTripEveryType(t *testing.T) {
	path := filepath.Join(t.TempDir(), "rt.coder")
	db, err := store.Create(path, qda.Project{Name: "Round trip", Description: "d"})
	if err != nil {
		t.Fatal(err)
	}
	doc := sampleDoc("Interview 1", "居民：我们自己管。 Resident: we run it.")
	parent := sampleCode("Community logic", "")
	parent.Folder = true
	code := sampleCode("Trust", parent.ID)
	coder := &qda.Coder{ID: qda.NewID(), Name: "Researcher A", Color: "#112233"}
	coding := &qda.Coding{ID: qda.NewID(), Document: doc.ID, Code: code.ID, Span: qda.Span{Start: 3, End: 8}, Coder: coder.ID, Created: time.Date(2025, 2, 3, 4, 5, 6, 0, time.UTC), Memo: "key quote"}
	cs := &qda.Case{ID: qda.NewID(), Name: "G Community", Description: "the site", Documents: []qda.ID{doc.ID}}
	v := &qda.Variable{ID: qda.NewID(), Name: "Founded", Type: qda.VarDate, Scope: qda.ScopeCase}
	memo := &qda.Memo{ID: qda.NewID(), On: qda.OnCode, Target: code.ID, Title: "T", Text: "trust grows", Coder: coder.ID, Created: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC), Modified: time.Date(2025, 3, 2, 0, 0, 0, 0, time.UTC)}
	update(t, db, func(tx *store.Tx) error {
		for _, step := range []error{tx.PutCoder(coder), tx.PutCode(parent), tx.PutCode(code), tx.PutDocument(doc), tx.PutCoding(coding), tx.PutCase(cs), tx.PutVariable(v), tx.SetValue(qda.Value{Variable: v.ID, Owner: cs.ID, Value: "2019/05/01"}), tx.PutMemo(memo)} {
			if step != nil {
				return step
			}
		}
		return nil
	})
	db.Close()
	db, err = store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.View(func(tx *store.Tx) error {
		p, _ := tx.Project()
		if p.Name != "Round trip" || !p.ID.Valid() {
			t.Errorf("project = %+v", p)
		}
		got, err := tx.DocumentWithText(doc.ID)
		if err != nil || !reflect.DeepEqual(got, doc) {
			t.Errorf("document = %+v, %v; want %+v", got, err, doc)
		}
		for _, c := range []*qda.Code{parent, code} {
			if got, err := tx.Code(c.ID); err != nil || *got != *c {
				t.Errorf("code = %+v, %v; want %+v", got, err, c)
			}
		}
		if got, err := tx.Coding(coding.ID); err != nil || *got != *coding {
			t.Errorf("coding = %+v, %v", got, err)
		}
		if got, err := tx.CodingsOf(doc.ID); err != nil || len(got) != 1 {
			t.Errorf("codings of document = %v, %v", got, err)
		}
		if got, err := tx.Case(cs.ID); err != nil || !reflect.DeepEqual(got, cs) {
			t.Errorf("case = %+v, %v", got, err)
		}
		if got, err := tx.Variable(v.ID); err != nil || !reflect.DeepEqual(got, v) {
			t.Errorf("variable = %+v, %v", got, err)
		}
		if vals, _ := tx.ValuesOf(cs.ID); len(vals) != 1 || vals[0].Value != "2019-05-01" {
			t.Errorf("values = %+v, want the date normalised to 2019-05-01", vals)
		}
		if got, err := tx.Memo(memo.ID); err != nil || !reflect.DeepEqual(got, memo) {
			t.Errorf("memo = %+v, %v", got, err)
		}
		if got, err := tx.Coder(coder.ID); err != nil || *got != *coder {
			t.Errorf("coder = %+v, %v", got, err)
		}
		return nil
	})
	if probs, err := db.Check(); err != nil || len(probs) > 0 {
		t.Errorf("check = %v, %v", probs, err)
	}
}

// Ensure that the referential rules refuse what would leave the project
// inconsistent, and that a refused action leaves nothing behind.
func TestStore_ReferentialRules(t *testing.T) {
	db := newDB(t)
	doc := sampleDoc("D", "0123456789")
	folder := sampleCode("Folder", "")
	folder.Folder = true
	code := sampleCode("Code", "")
	update(t, db, func(tx *store.Tx) error {
		if err := tx.PutDocument(doc); err != nil {
			return err
		}
		if err := tx.PutCode(folder); err != nil {
			return err
		}
		return tx.PutCode(code)
	})
	coding := func(doc, code qda.ID, s qda.Span) *qda.Coding {
		return &qda.Coding{ID: qda.NewID(), Document: doc, Code: code, Span: s}
	}
	cases := map[string]func(tx *store.Tx) error{
		"ErrCodingOnMissingDocument": func(tx *store.Tx) error {
			return tx.PutCoding(coding(qda.NewID(), code.ID, qda.Span{Start: 0, End: 1}))
		},
		"ErrCodingWithMissingCode": func(tx *store.Tx) error { return tx.PutCoding(coding(doc.ID, qda.NewID(), qda.Span{Start: 0, End: 1})) },
		"ErrCodingWithFolder":      func(tx *store.Tx) error { return tx.PutCoding(coding(doc.ID, folder.ID, qda.Span{Start: 0, End: 1})) },
		"ErrSpanPastEnd":           func(tx *store.Tx) error { return tx.PutCoding(coding(doc.ID, code.ID, qda.Span{Start: 5, End: 11})) },
		"ErrSpanEmpty":             func(tx *store.Tx) error { return tx.PutCoding(coding(doc.ID, code.ID, qda.Span{Start: 5, End: 5})) },
		"ErrSpanNegative":          func(tx *store.Tx) error { return tx.PutCoding(coding(doc.ID, code.ID, qda.Span{Start: -1, End: 2})) },
		"ErrCodeMissingParent":     func(tx *store.Tx) error { return tx.PutCode(sampleCode("X", qda.NewID())) },
		"ErrDuplicateSiblingName":  func(tx *store.Tx) error { return tx.PutCode(sampleCode("code", "")) },
		"ErrCodeInsideItself": func(tx *store.Tx) error {
			f := *folder
			c := sampleCode("Child", f.ID)
			if err := tx.PutCode(c); err != nil {
				return err
			}
			f.Parent = c.ID
			return tx.PutCode(&f)
		},
		"ErrCaseWithMissingDocument": func(tx *store.Tx) error {
			return tx.PutCase(&qda.Case{ID: qda.NewID(), Name: "C", Documents: []qda.ID{qda.NewID()}})
		},
		"ErrMemoOnMissingCode": func(tx *store.Tx) error {
			return tx.PutMemo(&qda.Memo{ID: qda.NewID(), On: qda.OnCode, Target: qda.NewID(), Text: "x"})
		},
		"ErrTextChangesAfterImport": func(tx *store.Tx) error {
			d := *doc
			d.Text = "9876543210"
			return tx.PutDocument(&d)
		},
		"ErrBadValueType": func(tx *store.Tx) error {
			v := &qda.Variable{ID: qda.NewID(), Name: "Age", Type: qda.VarInteger, Scope: qda.ScopeDocument}
			if err := tx.PutVariable(v); err != nil {
				return err
			}
			return tx.SetValue(qda.Value{Variable: v.ID, Owner: doc.ID, Value: "forty"})
		},
	}
	var before uint64
	db.View(func(tx *store.Tx) error { before = tx.Changes(); return nil })
	for name, fn := range cases {
		t.Run(name, func(t *testing.T) {
			if err := db.Update(fn); err == nil {
				t.Fatal("accepted; want an error")
			}
		})
	}
	db.View(func(tx *store.Tx) error {
		if tx.Changes() != before {
			t.Errorf("change counter moved from %d to %d: a refused action wrote something", before, tx.Changes())
		}
		codes, _ := tx.Codes()
		if len(codes) != 2 {
			t.Errorf("codes = %d, want 2 (refused actions must roll back)", len(codes))
		}
		return nil
	})
}

// Ensure that a second open of the same file fails fast with the message a
// researcher understands, instead of hanging.
func TestOpen_ErrLockedInSameProcess(t *testing.T) {
	db := newDB(t)
	start := time.Now()
	_, err := store.Open(db.Path(), store.Options{})
	if !errors.Is(err, store.ErrLocked) {
		t.Fatalf("err = %v, want ErrLocked", err)
	}
	if !strings.Contains(err.Error(), "already open in another Coder window") {
		t.Errorf("message %q does not say the project is open elsewhere", err)
	}
	if time.Since(start) > 10*time.Second {
		t.Errorf("open waited %v: it must give up after about a second", time.Since(start))
	}
}

// Ensure that deleting a code with codings is refused unless forced, and that
// merging re-points codings and removes the merged code.
func TestCodebook_DeleteAndMerge(t *testing.T) {
	db := newDB(t)
	doc := sampleDoc("D", "0123456789")
	a, b := sampleCode("A", ""), sampleCode("B", "")
	child := sampleCode("A1", a.ID)
	var c1, c2 qda.Coding
	update(t, db, func(tx *store.Tx) error {
		tx.PutDocument(doc)
		tx.PutCode(a)
		tx.PutCode(b)
		tx.PutCode(child)
		c1 = qda.Coding{ID: qda.NewID(), Document: doc.ID, Code: a.ID, Span: qda.Span{Start: 0, End: 3}}
		c2 = qda.Coding{ID: qda.NewID(), Document: doc.ID, Code: a.ID, Span: qda.Span{Start: 4, End: 6}}
		dup := qda.Coding{ID: qda.NewID(), Document: doc.ID, Code: b.ID, Span: qda.Span{Start: 4, End: 6}}
		for _, c := range []*qda.Coding{&c1, &c2, &dup} {
			if err := tx.PutCoding(c); err != nil {
				return err
			}
		}
		return nil
	})
	if err := db.Update(func(tx *store.Tx) error { return tx.DeleteCode(a.ID, false) }); !errors.Is(err, qda.ErrConflict) {
		t.Fatalf("delete with codings: err = %v, want a refusal", err)
	}
	update(t, db, func(tx *store.Tx) error { return tx.MergeCode(a.ID, b.ID) })
	db.View(func(tx *store.Tx) error {
		if _, err := tx.Code(a.ID); !errors.Is(err, qda.ErrNotFound) {
			t.Errorf("merged code still there: %v", err)
		}
		got, _ := tx.Coding(c1.ID)
		if got == nil || got.Code != b.ID {
			t.Errorf("coding not re-pointed: %+v", got)
		}
		all, _ := tx.CodingsOf(doc.ID)
		if len(all) != 2 {
			t.Errorf("codings = %d, want 2 (the duplicate on the same span dropped)", len(all))
		}
		ch, _ := tx.Code(child.ID)
		if ch == nil || ch.Parent != b.ID {
			t.Errorf("child not moved under the merge target: %+v", ch)
		}
		return nil
	})
	update(t, db, func(tx *store.Tx) error { return tx.DeleteCode(b.ID, true) })
	db.View(func(tx *store.Tx) error {
		if all, _ := tx.Codings(); len(all) != 0 {
			t.Errorf("forced delete left %d codings", len(all))
		}
		if _, err := tx.Code(child.ID); err == nil {
			t.Errorf("forced delete left the child code")
		}
		return nil
	})
	if probs, _ := db.Check(); len(probs) > 0 {
		t.Errorf("check after delete: %v", probs)
	}
}

// Ensure that undo restores exactly the state before an action, redo restores
// the state after it, and a stale undo is refused without writing.
func TestUndo_RestoresAndRefusesWhenStale(t *testing.T) {
	db := newDB(t)
	doc := sampleDoc("D", "0123456789")
	code := sampleCode("A", "")
	update(t, db, func(tx *store.Tx) error {
		if err := tx.PutDocument(doc); err != nil {
			return err
		}
		return tx.PutCode(code)
	})
	coding := &qda.Coding{ID: qda.NewID(), Document: doc.ID, Code: code.ID, Span: qda.Span{Start: 1, End: 4}}
	ch, err := db.Record(func(tx *store.Tx) error { return tx.PutCoding(coding) })
	if err != nil {
		t.Fatal(err)
	}
	count := func() int {
		var n int
		db.View(func(tx *store.Tx) error { cs, _ := tx.CodingsOf(doc.ID); n = len(cs); return nil })
		return n
	}
	redo, err := db.Undo(ch)
	if err != nil || count() != 0 {
		t.Fatalf("undo: err=%v codings=%d, want 0", err, count())
	}
	if _, err := db.Undo(ch); !errors.Is(err, store.ErrStale) {
		t.Errorf("second undo of the same step: err = %v, want ErrStale", err)
	}
	_ = redo
	if _, err := db.Redo(ch); err != nil || count() != 1 {
		t.Fatalf("redo: err=%v codings=%d, want 1", err, count())
	}
	if probs, _ := db.Check(); len(probs) > 0 {
		t.Errorf("check after undo/redo: %v", probs)
	}
}

// Ensure that a write is followed by a backup holding it (a negative
// BackupEvery: after every write), and that only the newest few of a day are
// kept.
func TestOpen_WritesRotatingBackups(t *testing.T) {
	path := filepath.Join(t.TempDir(), "b.coder")
	db, err := store.Create(path, qda.Project{Name: "B"})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	for i := 0; i < 5; i++ {
		db, err := store.Open(path, store.Options{Backups: 3, BackupEvery: -1})
		if err != nil {
			t.Fatal(err)
		}
		update(t, db, func(tx *store.Tx) error { return tx.PutCode(sampleCode("C"+string(rune('a'+i)), "")) })
		db.Close()
	}
	list, err := store.Backups(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 3 {
		t.Fatalf("backups = %d (%v), want 3", len(list), list)
	}
	b, err := store.Open(list[0], store.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("newest backup does not open: %v", err)
	}
	defer b.Close()
	b.View(func(tx *store.Tx) error {
		codes, _ := tx.Codes()
		if len(codes) != 5 {
			t.Errorf("newest backup has %d codes, want 5 (taken after the last change)", len(codes))
		}
		return nil
	})
}

// Ensure that files that are not Coder projects are refused with a clear message.
func TestOpen_ErrNotAProject(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.coder")
	if err := writeFile(path, []byte(strings.Repeat("not a database ", 500))); err != nil {
		t.Fatal(err)
	}
	_, err := store.Open(path, store.Options{})
	if err == nil || !strings.Contains(err.Error(), "not a Coder project") {
		t.Fatalf("err = %v, want 'not a Coder project'", err)
	}
}

// Ensure that a small file that is not a project (a note or a Word file
// given the .coder extension) is refused as not a Coder project, not as a
// project "cut short" that salvage could rescue.
func TestOpen_SmallFileThatIsNoProjectIsNotCalledCutShort(t *testing.T) {
	for name, data := range map[string][]byte{
		"note.coder": []byte("Field note, yard 3: the gate again.\n"),
		"word.coder": append([]byte("PK\x03\x04"), bytes.Repeat([]byte{0x11}, 2000)...),
	} {
		path := filepath.Join(t.TempDir(), name)
		if err := writeFile(path, data); err != nil {
			t.Fatal(err)
		}
		_, err := store.Open(path, store.Options{})
		if err == nil || !strings.Contains(err.Error(), "not a Coder project") || strings.Contains(err.Error(), "cut short") {
			t.Errorf("%s: err = %v, want 'not a Coder project'", name, err)
		}
	}
}

// Ensure that document names stay unique regardless of case, follow renames,
// and are freed when a document is deleted.
func TestDocuments_NamesFollowRenamesAndDeletes(t *testing.T) {
	db := newDB(t)
	a := sampleDoc("Interview A", "one")
	update(t, db, func(tx *store.Tx) error { return tx.PutDocument(a) })
	if err := db.Update(func(tx *store.Tx) error { return tx.PutDocument(sampleDoc("interview a", "two")) }); !errors.Is(err, qda.ErrConflict) {
		t.Errorf("a second document named like the first: %v, want a conflict", err)
	}
	renamed := *a
	renamed.Text, renamed.Name = "", "Interview Alpha"
	update(t, db, func(tx *store.Tx) error { return tx.PutDocument(&renamed) })
	db.View(func(tx *store.Tx) error {
		if _, err := tx.DocumentByName("Interview A"); err == nil {
			t.Error("the old name still finds the document")
		}
		if d, err := tx.DocumentByName("INTERVIEW ALPHA"); err != nil || d.ID != a.ID {
			t.Errorf("the new name: %v, %v", d, err)
		}
		if n, _ := tx.UniqueDocName("Interview Alpha"); n != "Interview Alpha (2)" {
			t.Errorf("UniqueDocName = %q", n)
		}
		return nil
	})
	update(t, db, func(tx *store.Tx) error { return tx.DeleteDocument(a.ID) })
	update(t, db, func(tx *store.Tx) error { return tx.PutDocument(sampleDoc("Interview Alpha", "three")) })
	if probs, _ := db.Check(); len(probs) > 0 {
		t.Errorf("check: %v", probs)
	}
}

// Ensure that memos written on codings go with them when a document is
// deleted, and memos on other things stay.
func TestDeleteDocument_TakesItsCodingMemos(t *testing.T) {
	db := newDB(t)
	doc := sampleDoc("D", "0123456789")
	code := sampleCode("C", "")
	coding := &qda.Coding{ID: qda.NewID(), Document: doc.ID, Code: code.ID, Span: qda.Span{Start: 0, End: 3}}
	onCoding := &qda.Memo{ID: qda.NewID(), On: qda.OnCoding, Target: coding.ID, Text: "on the coding"}
	onCode := &qda.Memo{ID: qda.NewID(), On: qda.OnCode, Target: code.ID, Text: "on the code"}
	update(t, db, func(tx *store.Tx) error {
		for _, err := range []error{tx.PutDocument(doc), tx.PutCode(code), tx.PutCoding(coding), tx.PutMemo(onCoding), tx.PutMemo(onCode)} {
			if err != nil {
				return err
			}
		}
		return nil
	})
	update(t, db, func(tx *store.Tx) error { return tx.DeleteDocument(doc.ID) })
	db.View(func(tx *store.Tx) error {
		ms, _ := tx.Memos()
		if len(ms) != 1 || ms[0].ID != onCode.ID {
			t.Errorf("memos after deleting the document: %+v, want only the memo on the code", ms)
		}
		return nil
	})
	if probs, _ := db.Check(); len(probs) > 0 {
		t.Errorf("check: %v", probs)
	}
}
