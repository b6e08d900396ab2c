package store_test

import (
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

func codeNames(t *testing.T, path string) []string {
	t.Helper()
	db, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var names []string
	db.View(func(tx *store.Tx) error {
		codes, err := tx.Codes()
		for _, c := range codes {
			names = append(names, c.Name)
		}
		return err
	})
	return names
}

func has(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Ensure that restoring a backup brings back what it holds, and that the file
// it replaces is saved as a backup first, so a restore loses nothing.
func TestRestore_SavesTheCurrentFileFirst(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.coder")
	db, err := store.Create(path, qda.Project{Name: "R"})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	db, err = store.Open(path, store.Options{BackupEvery: -1})
	if err != nil {
		t.Fatal(err)
	}
	update(t, db, func(tx *store.Tx) error { return tx.PutCode(sampleCode("Kept", "")) })
	db.Close() // waits for the backup that follows the write
	list, _ := store.ListBackups(path)
	if len(list) == 0 || list[0].Err != nil {
		t.Fatalf("backups after a write: %+v", list)
	}
	first := list[0].Path
	db, _ = store.Open(path, store.Options{BackupEvery: time.Hour})
	update(t, db, func(tx *store.Tx) error { return tx.PutCode(sampleCode("Later", "")) })
	db.Close()

	saved, err := store.Restore(path, first)
	if err != nil {
		t.Fatal(err)
	}
	if got := codeNames(t, path); !has(got, "Kept") || has(got, "Later") {
		t.Errorf("after restore the codes are %v, want Kept and not Later", got)
	}
	if got := codeNames(t, saved); !has(got, "Later") {
		t.Errorf("the saved copy of the replaced file has %v, want Later", got)
	}
	if list, _ := store.ListBackups(path); list[0].Path != saved || list[0].Note != "before restore" {
		t.Errorf("newest backup is %+v, want the saved file noted 'before restore'", list[0])
	}
}

// Ensure that restore is refused while the project is open, and refuses a
// damaged backup, leaving the project as it was.
func TestRestore_RefusedWhileOpenOrFromADamagedBackup(t *testing.T) {
	db := newDB(t)
	bad := filepath.Join(t.TempDir(), "bad.coder")
	os.WriteFile(bad, []byte(strings.Repeat("x", 9000)), 0o600)
	if _, err := store.Restore(db.Path(), bad); !errors.Is(err, store.ErrDamaged) {
		t.Errorf("restoring from a damaged file: err = %v, want ErrDamaged", err)
	}
	good := filepath.Join(t.TempDir(), "good.coder")
	g, _ := store.Create(good, qda.Project{Name: "G"})
	g.Close()
	if _, err := store.Restore(db.Path(), good); !errors.Is(err, store.ErrLocked) {
		t.Errorf("restoring over an open project: err = %v, want ErrLocked", err)
	}
}

// Ensure that a 0444 project file opens read-only, reads, and that a write
// says "this project is open read-only" instead of failing obscurely.
func TestOpen_ReadOnlyFileOpensReadOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ro.coder")
	db, _ := store.Create(path, qda.Project{Name: "RO"})
	update(t, db, func(tx *store.Tx) error { return tx.PutCode(sampleCode("A", "")) })
	db.Close()
	os.Chmod(path, 0o444)
	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatalf("a read-only file does not open: %v", err)
	}
	defer db.Close()
	if !db.ReadOnly() || len(db.Warnings()) == 0 {
		t.Errorf("ReadOnly %v, warnings %v: want read-only with a warning", db.ReadOnly(), db.Warnings())
	}
	err = db.Update(func(tx *store.Tx) error { return tx.PutCode(sampleCode("B", "")) })
	if !errors.Is(err, store.ErrReadOnly) || !strings.Contains(err.Error(), "this project is open read-only") {
		t.Errorf("write: err = %v, want 'this project is open read-only'", err)
	}
}

// Ensure that a backup that cannot be written (here the backup folder's name
// is taken by a file, as a full disk or read-only folder would fail) is a
// warning: the project opens and works.
func TestOpen_BackupThatCannotBeWrittenIsAWarning(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.coder")
	db, _ := store.Create(path, qda.Project{Name: "W"})
	update(t, db, func(tx *store.Tx) error { return tx.PutCode(sampleCode("A", "")) })
	db.Close()
	os.RemoveAll(store.BackupDir(path))
	os.WriteFile(store.BackupDir(path), []byte("in the way"), 0o600)
	db, err := store.Open(path, store.Options{BackupEvery: -1})
	if err != nil {
		t.Fatalf("open refused because of the backup: %v", err)
	}
	update(t, db, func(tx *store.Tx) error { return tx.PutCode(sampleCode("B", "")) })
	db.Close()
	w := db.Warnings()
	if len(w) == 0 || !strings.Contains(w[0], "no backup was written") {
		t.Errorf("warnings %v, want 'no backup was written'", w)
	}
}

// Ensure that a second open of a project held for writing says which process
// holds it.
func TestOpen_LockedSaysWhichProcess(t *testing.T) {
	path := filepath.Join(t.TempDir(), "l.coder")
	db, _ := store.Create(path, qda.Project{Name: "L"})
	db.Close()
	db, err := store.Open(path, store.Options{Holder: "the test"})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_, err = store.Open(path, store.Options{})
	want := fmt.Sprintf("already open in another Coder window (held by the test, process %d", os.Getpid())
	if !errors.Is(err, store.ErrLocked) || !strings.Contains(err.Error(), want) {
		t.Errorf("err = %v, want %q", err, want)
	}
}
