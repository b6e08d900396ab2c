package store_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"coder/qda"
	"coder/store"
)

// deletionsAndPseudonyms writes a project whose coder deleted a coding and
// a code (two tombstones) and keeps a pseudonym table of two rows, then a
// long field note last, so that its text fills the file's last pages. It
// returns the file's path, its tombstones and its pseudonym table.
func deletionsAndPseudonyms(t *testing.T) (string, []qda.Tombstone, []qda.Pseudonym) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "p.coder")
	db, err := store.Create(path, qda.Project{Name: "Yard study"})
	if err != nil {
		t.Fatal(err)
	}
	ana := &qda.Coder{ID: qda.NewID(), Name: "Ana", Color: "#112233"}
	doc := sampleDoc("Yard notes", "Li Wei said the gate was mended. Wang Fang kept the keys.")
	trust, rules := sampleCode("Trust", ""), sampleCode("Rules", "")
	kept := &qda.Coding{ID: qda.NewID(), Document: doc.ID, Code: trust.ID, Span: qda.Span{Start: 0, End: 32}, Coder: ana.ID, Created: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
	gone := &qda.Coding{ID: qda.NewID(), Document: doc.ID, Code: trust.ID, Span: qda.Span{Start: 33, End: 57}, Coder: ana.ID, Created: time.Date(2026, 3, 1, 9, 1, 0, 0, time.UTC)}
	names := []qda.Pseudonym{
		{ID: qda.NewID(), Real: "Li Wei", Replacement: "Resident A"},
		{ID: qda.NewID(), Real: "Wang Fang", Replacement: "Resident B"},
	}
	update(t, db, func(tx *store.Tx) error {
		for _, err := range []error{tx.PutCoder(ana), tx.PutCode(trust), tx.PutCode(rules), tx.PutDocument(doc), tx.PutCoding(kept), tx.PutCoding(gone)} {
			if err != nil {
				return err
			}
		}
		for i := range names {
			if err := tx.PutPseudonym(&names[i]); err != nil {
				return err
			}
		}
		return nil
	})
	deleted := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	update(t, db, func(tx *store.Tx) error { tx.SetEditor(ana.ID, deleted); return tx.DeleteCoding(gone.ID) })
	update(t, db, func(tx *store.Tx) error { tx.SetEditor(ana.ID, deleted); return tx.DeleteCode(rules.ID, false) })
	long := sampleDoc("Long field note", "LONGNOTE "+strings.Repeat("The elders argued about parking by the bicycle shed. ", 1500))
	update(t, db, func(tx *store.Tx) error { return tx.PutDocument(long) })
	var tombs []qda.Tombstone
	db.View(func(tx *store.Tx) error { tombs, err = tx.Tombstones(); return err })
	db.Close()
	if len(tombs) != 2 {
		t.Fatalf("the project holds %d tombstones, want 2 (a coding and a code)", len(tombs))
	}
	slices.SortFunc(names, func(a, b qda.Pseudonym) int { return strings.Compare(a.Real, b.Real) })
	return path, tombs, names
}

// salvaged opens the salvaged project and returns its tombstones and
// pseudonym table.
func salvaged(t *testing.T, path string) ([]qda.Tombstone, []qda.Pseudonym) {
	t.Helper()
	db, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var tombs []qda.Tombstone
	var names []qda.Pseudonym
	if err := db.View(func(tx *store.Tx) error {
		if tombs, err = tx.Tombstones(); err != nil {
			return err
		}
		names, err = tx.Pseudonyms()
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return tombs, names
}

// Ensure that salvage keeps the project's tombstones (so a salvaged project
// merged with a colleague's copy does not bring back what was deleted) and
// its pseudonym table (the researcher's mapping for anonymised copies), and
// says so in its summary: from a file cut short, from one with bits flipped
// in a page of a document's text, and from one whose root page is gone, so
// that they are read from an older copy of the root.
func TestSalvage_KeepsTombstonesAndPseudonyms(t *testing.T) {
	for _, damage := range []string{"truncated", "bit-flipped", "root lost"} {
		t.Run(damage, func(t *testing.T) {
			path, tombs, names := deletionsAndPseudonyms(t)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			size := int(binary.LittleEndian.Uint32(data[24:]))
			long := bytes.LastIndex(data, []byte("LONGNOTE"))
			if long < 0 {
				t.Fatal("the long note's text is not in the file")
			}
			switch damage {
			case "truncated":
				// Cut right after the last page holding a tombstone or a
				// pseudonym, within the long note's text.
				last := max(bytes.LastIndex(data, []byte(`"kind":"code"`)), bytes.LastIndex(data, []byte(`"real":"Wang Fang"`)))
				cut := (last/size + 1) * size
				if cut >= len(data) {
					t.Fatalf("the tombstones lie in the file's last page (%d of %d bytes); nothing to cut", cut, len(data))
				}
				data = data[:cut]
			case "bit-flipped":
				// The page the long note's text starts in no longer says
				// which page it is.
				page := long / size * size
				data[page] ^= 0x21
				data[page+1] ^= 0x04
			case "root lost":
				meta := 0
				if binary.LittleEndian.Uint64(data[size+64:]) > binary.LittleEndian.Uint64(data[64:]) {
					meta = size
				}
				root := int(binary.LittleEndian.Uint64(data[meta+32:]))
				clear(data[root*size : (root+1)*size])
			}
			if err := os.WriteFile(path, data, 0o600); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(t.TempDir(), "saved.coder")
			rep, err := store.Salvage(path, out)
			if err != nil {
				t.Fatal(err)
			}
			if len(rep.Lost) == 0 {
				t.Errorf("nothing reported lost from a %s file", damage)
			}
			// The deleted code must not come back from an older copy of
			// its page: its tombstone says it was deleted since.
			if rep.Kept["codes"] != 1 {
				t.Errorf("kept %d codes, want 1 (the code Rules was deleted); lost %v", rep.Kept["codes"], rep.Lost)
			}
			if rep.Kept["deletion records"] != 2 || rep.Kept["pseudonyms"] != 2 {
				t.Errorf("kept %v, lost %v; want 2 deletion records and 2 pseudonyms", rep.Kept, rep.Lost)
			}
			if s := rep.Summary(); !strings.Contains(s, "2 deletion records") || !strings.Contains(s, "2 pseudonyms") {
				t.Errorf("summary %q does not name the deletions and pseudonyms kept", s)
			}
			gotTombs, gotNames := salvaged(t, out)
			if !slices.Equal(gotTombs, tombs) {
				t.Errorf("salvaged tombstones = %+v\nwant %+v", gotTombs, tombs)
			}
			if !slices.Equal(gotNames, names) {
				t.Errorf("salvaged pseudonyms = %+v\nwant %+v", gotNames, names)
			}
			if err := readAll(out); err != nil {
				t.Errorf("the salvaged project is not sound: %v", err)
			}
		})
	}
}

// Ensure that a rejected suggestion taken back (its undo left a tombstone)
// does not come back from an older copy of a page when the root page is
// lost, and that its tombstone is kept.
func TestSalvage_RejectionTakenBackStaysTakenBack(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.coder")
	db, err := store.Create(path, qda.Project{Name: "Yard study"})
	if err != nil {
		t.Fatal(err)
	}
	ana := &qda.Coder{ID: qda.NewID(), Name: "Ana"}
	doc := sampleDoc("Yard notes", "The gate was mended. The keys went to the committee.")
	code := sampleCode("Trust", "")
	update(t, db, func(tx *store.Tx) error {
		return errors.Join(tx.PutCoder(ana), tx.PutCode(code), tx.PutDocument(doc))
	})
	ch, err := db.Record(func(tx *store.Tx) error {
		tx.SetEditor(ana.ID, time.Now())
		return tx.Reject(&qda.Rejection{Code: code.ID, Document: doc.ID, Span: qda.Span{Start: 0, End: 20}})
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Undo(ch); err != nil {
		t.Fatal(err)
	}
	// One change after the undo: the root before it (holding the
	// rejection) is still in the file, and the undo's (holding the
	// tombstone) is the one the current root's loss leaves newest.
	update(t, db, func(tx *store.Tx) error {
		c := *code
		c.Description = "checked"
		return tx.PutCode(&c)
	})
	db.Close()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	size := int(binary.LittleEndian.Uint32(data[24:]))
	meta := 0
	if binary.LittleEndian.Uint64(data[size+64:]) > binary.LittleEndian.Uint64(data[64:]) {
		meta = size
	}
	root := int(binary.LittleEndian.Uint64(data[meta+32:]))
	clear(data[root*size : (root+1)*size])
	os.WriteFile(path, data, 0o600)

	out := filepath.Join(t.TempDir(), "saved.coder")
	rep, err := store.Salvage(path, out)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Kept["rejected suggestions"] != 0 || rep.Kept["deletion records"] != 1 {
		t.Errorf("kept %v, lost %v; want the rejection's tombstone and not the rejection taken back", rep.Kept, rep.Lost)
	}
	tombs, _ := salvaged(t, out)
	if len(tombs) != 1 || tombs[0].Kind != qda.GoneRejection || tombs[0].Coder != ana.ID {
		t.Errorf("salvaged tombstones %+v; want the rejection's, by Ana", tombs)
	}
}

// Ensure that when a coder's record cannot be read, salvage keeps their
// codings and memos under a stand-in coder with the same ID (a merge then
// meets the colleague's copy of that coder), and says so, rather than
// losing every coding the coder made.
func TestSalvage_CodingsOfALostCoderAreKept(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.coder")
	db, err := store.Create(path, qda.Project{Name: "Yard study"})
	if err != nil {
		t.Fatal(err)
	}
	ana := &qda.Coder{ID: qda.NewID(), Name: "Ana"}
	doc := sampleDoc("Yard notes", "The gate was mended. The keys went to the committee.")
	code := sampleCode("Trust", "")
	coding := &qda.Coding{ID: qda.NewID(), Document: doc.ID, Code: code.ID, Span: qda.Span{Start: 0, End: 20}, Coder: ana.ID, Created: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
	memo := &qda.Memo{ID: qda.NewID(), On: qda.OnCode, Target: code.ID, Title: "Trust", Text: "It grows in small repairs.", Coder: ana.ID, Created: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
	update(t, db, func(tx *store.Tx) error {
		return errors.Join(tx.PutCoder(ana), tx.PutCode(code), tx.PutDocument(doc), tx.PutCoding(coding), tx.PutMemo(memo))
	})
	db.Close()
	// The coder's record is gone, as when the page holding it is damaged.
	bdb, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := bdb.Update(func(tx *bolt.Tx) error { return tx.Bucket([]byte("coders")).Delete([]byte(ana.ID)) }); err != nil {
		t.Fatal(err)
	}
	bdb.Close()

	out := filepath.Join(t.TempDir(), "saved.coder")
	rep, err := store.Salvage(path, out)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Kept["codings"] != 1 || rep.Kept["memos"] != 1 {
		t.Errorf("kept %v, lost %v; want the lost coder's coding and memo", rep.Kept, rep.Lost)
	}
	if len(rep.Lost) != 1 || !strings.Contains(rep.Lost[0], string(ana.ID)) {
		t.Errorf("lost %q; want one line naming the coder whose record was lost", rep.Lost)
	}
	if err := readAll(out); err != nil {
		t.Errorf("the salvaged project is not sound: %v", err)
	}
}
