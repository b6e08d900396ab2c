package store_test

import (
	"bytes"
	"errors"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"coder/project"
	"coder/store"
)

// demoFile writes the fictional demo project and returns its path and bytes.
func demoFile(t *testing.T) (string, []byte) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.coder")
	p, err := project.WriteDemo(path, project.Options{Backups: -1, IndexDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	p.Close()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return path, data
}

// flipped returns a copy of data with n random bits flipped past the first
// 8 KB (the two header pages), the same for the same seed.
func flipped(data []byte, seed int64, n int) []byte {
	out := append([]byte(nil), data...)
	r := rand.New(rand.NewSource(seed))
	for range n {
		i := 8192 + r.Intn(len(out)-8192)
		out[i] ^= 1 << r.Intn(8)
	}
	return out
}

// readAll opens the file and reads everything a command could, returning
// the first error; it must never panic.
func readAll(path string) error {
	db, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer db.Close()
	if probs, err := db.Check(); err != nil || len(probs) > 0 {
		return errors.Join(err, errors.New("check found problems"))
	}
	return db.View(func(tx *store.Tx) error { _, err := tx.Bundle(); return err })
}

// Ensure that a project file cut short (which made bbolt panic with "invalid
// freelist page", or fault) is refused as damaged, naming the file, for a
// reader and a writer alike, and is left as it was.
func TestOpen_TruncatedFileIsDamagedNotAPanic(t *testing.T) {
	path, _ := demoFile(t)
	for _, size := range []int64{100000, 65536, 9000} {
		if err := os.Truncate(path, size); err != nil {
			t.Fatal(err)
		}
		for _, ro := range []bool{true, false} {
			_, err := store.Open(path, store.Options{ReadOnly: ro})
			if !errors.Is(err, store.ErrDamaged) || !strings.Contains(err.Error(), path+": the project file is damaged (") {
				t.Fatalf("size %d, read-only %v: err = %v, want the project file is damaged", size, ro, err)
			}
		}
		if st, _ := os.Stat(path); st.Size() != size {
			t.Errorf("the damaged file was changed: %d bytes, want %d", st.Size(), size)
		}
	}
}

// Ensure that of 40 copies with 20 bits flipped past the header, none makes
// opening, checking or reading panic: each either reads or fails with an
// error (5 of 40 made check panic before).
func TestOpen_BitFlippedFilesNeverPanic(t *testing.T) {
	_, data := demoFile(t)
	dir := t.TempDir()
	damaged := 0
	for seed := int64(1); seed <= 40; seed++ {
		path := filepath.Join(dir, "f.coder")
		if err := os.WriteFile(path, flipped(data, seed, 20), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := readAll(path); err != nil {
			damaged++
		}
	}
	if damaged == 0 {
		t.Error("no flipped copy was found damaged; the flips do not reach the data")
	}
}

// Ensure that a 0-byte project file is refused with its name and a fix, and
// is not turned into a new empty project (bbolt initialises empty files).
func TestOpen_EmptyFileIsRefusedAndNotRewritten(t *testing.T) {
	path := filepath.Join(t.TempDir(), "empty.coder")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := store.Open(path, store.Options{})
	if !errors.Is(err, store.ErrEmpty) || !strings.Contains(err.Error(), path+": the project file is empty") || !strings.Contains(err.Error(), "(restore") {
		t.Fatalf("err = %v, want the file named, 'is empty' and a fix", err)
	}
	if st, _ := os.Stat(path); st.Size() != 0 {
		t.Errorf("the empty file was rewritten to %d bytes", st.Size())
	}
}

// Ensure that salvage copies what a bit-flipped file still holds into a new,
// sound project, reports what it lost, and leaves the damaged file alone.
func TestSalvage_BitFlippedFileKeepsWhatCanBeRead(t *testing.T) {
	_, data := demoFile(t)
	dir := t.TempDir()
	for _, seed := range []int64{10, 13} { // a damaged record; a damaged page
		bad := filepath.Join(dir, "bad.coder")
		damaged := flipped(data, seed, 20)
		os.WriteFile(bad, damaged, 0o600)
		out := filepath.Join(dir, "saved.coder")
		os.Remove(out)
		rep, err := store.Salvage(bad, out)
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		if rep.Kept["documents"] < 4 || rep.Kept["codes"] < 30 || rep.Kept["codings"] == 0 || rep.Kept["memos"] == 0 {
			t.Errorf("seed %d: kept %v; most of the demo should survive", seed, rep.Kept)
		}
		if len(rep.Lost) == 0 {
			t.Errorf("seed %d: nothing reported lost from a damaged file", seed)
		}
		if err := readAll(out); err != nil {
			t.Errorf("seed %d: the salvaged project is not sound: %v", seed, err)
		}
		if now, _ := os.ReadFile(bad); string(now) != string(damaged) {
			t.Errorf("seed %d: salvage changed the damaged file", seed)
		}
	}
}

// Ensure that salvage of a file cut short takes the records the pages left
// still hold and says the rest is lost. Where bbolt puts a record varies, so
// the file is cut right after the page that holds the code "Political logic"
// (or, if that is the last page, one page earlier).
func TestSalvage_TruncatedFileKeepsWhatRemains(t *testing.T) {
	path, data := demoFile(t)
	at := bytes.Index(data, []byte(`"name":"Political logic"`))
	if at < 0 {
		t.Fatal("the demo has no code named Political logic")
	}
	cut := int64(at/4096+1) * 4096
	if cut >= int64(len(data)) {
		cut = int64(len(data)) - 4096
	}
	os.Truncate(path, cut)
	out := filepath.Join(t.TempDir(), "saved.coder")
	rep, err := store.Salvage(path, out)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Lost) == 0 || !strings.Contains(rep.Lost[0], "cut short") {
		t.Errorf("lost %v, want the truncation reported first", rep.Lost)
	}
	if err := readAll(out); err != nil {
		t.Errorf("the salvaged project is not sound: %v", err)
	}
	db, err := store.Open(out, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.View(func(tx *store.Tx) error {
		codes, _ := tx.Codes()
		for _, c := range codes {
			if c.Name == "Political logic" {
				return nil
			}
		}
		t.Errorf("kept %v, but not the code Political logic", rep.Kept)
		return nil
	})
}
