package main_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"coder/project"
)

type backupRow struct {
	Name      string    `json:"name"`
	Time      time.Time `json:"time"`
	Size      int64     `json:"size"`
	Documents int       `json:"documents"`
	Codings   int       `json:"codings"`
	Memos     int       `json:"memos"`
	Note      string    `json:"note"`
}

// Ensure that coder backups lists the backups with time, size and counts,
// and that coder restore brings one back after saving the current file as a
// backup itself, so the codings made since are not lost either.
func TestCLI_BackupsListAndRestore(t *testing.T) {
	p := filepath.Join(t.TempDir(), "b.coder")
	ok(t, "demo", p)
	before := len(jsonOut[[]codingRow](t, "codings", p))
	ok(t, "code", p, "--doc", "Interview - community cadre", "--code", "Political logic", "--span", "0:20")
	out := ok(t, "backups", p)
	if !strings.Contains(out, "documents") || !strings.Contains(out, "coder restore "+p) {
		t.Fatalf("backups listed:\n%s\nwant a table and how to restore", out)
	}
	list := jsonOut[[]backupRow](t, "backups", p)
	if len(list) != 1 || list[0].Codings != before || list[0].Documents != 8 || list[0].Size == 0 || list[0].Time.IsZero() {
		t.Fatalf("backups: %+v, want one, taken after the demo was written, with %d codings and 8 documents", list, before)
	}
	out = ok(t, "restore", p, "1")
	if !strings.Contains(out, "saved the current file as the backup") || !strings.Contains(out, "restored "+p) {
		t.Errorf("restore said %q", out)
	}
	if n := len(jsonOut[[]codingRow](t, "codings", p)); n != before {
		t.Errorf("after restore %d codings, want the backup's %d", n, before)
	}
	list = jsonOut[[]backupRow](t, "backups", p)
	if len(list) != 2 || list[0].Note != "before restore" || list[0].Codings != before+1 {
		t.Errorf("backups after restore: %+v; want the replaced file first, with %d codings, noted 'before restore'", list, before+1)
	}
	if r := coder(t, "restore", p, "99"); r.code != 1 || !strings.Contains(r.stderr, "no backup number 99") {
		t.Errorf("restore 99: exit %d, %q", r.code, r.stderr)
	}
}

// Ensure that a project file marked read-only (0444) still serves docs,
// check, export and search, and that a write says the project is open
// read-only; and that a backup that cannot be written is a warning, not a
// refusal.
func TestCLI_ReadOnlyProjectStillReads(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "ro.coder")
	ok(t, "demo", p)
	os.Chmod(p, 0o444)
	ok(t, "docs", p)
	ok(t, "check", p)
	ok(t, "export", p, "--format", "csv", "--out", filepath.Join(dir, "x.csv"))
	ok(t, "search", p, "gate")
	r := coder(t, "codes", "add", p, "New code")
	if r.code != 1 || !strings.Contains(r.stderr, "this project is open read-only") {
		t.Errorf("a write on a read-only file: exit %d, %q", r.code, r.stderr)
	}
	os.Chmod(p, 0o600)
	// The backup folder's name taken by a file: no backup can be written,
	// as on a full disk or in a read-only folder.
	os.RemoveAll(project.BackupDir(p))
	os.WriteFile(project.BackupDir(p), nil, 0o600)
	r = coder(t, "codes", "add", p, "New code")
	if r.code != 0 || !strings.Contains(r.stderr, "warning: no backup was written") {
		t.Errorf("a write with no room for a backup: exit %d, %q; want success and a warning", r.code, r.stderr)
	}
}

// Ensure that a command refused by the lock says which process holds the
// project, and that a command that only reads waits a few seconds for a
// writer that lets go soon.
func TestCLI_LockedSaysWhoAndReadersWait(t *testing.T) {
	p := filepath.Join(t.TempDir(), "l.coder")
	ok(t, "new", p)
	held, err := project.Open(p, project.Options{Backups: -1, Holder: "the test"})
	if err != nil {
		t.Fatal(err)
	}
	r := coder(t, "codes", "add", p, "X")
	want := fmt.Sprintf("already open in another Coder window (held by the test, process %d", os.Getpid())
	if r.code != 1 || !strings.Contains(r.stderr, want) {
		t.Errorf("exit %d, %q; want %q", r.code, r.stderr, want)
	}
	go func() {
		time.Sleep(1500 * time.Millisecond)
		held.Close()
	}()
	if r := coder(t, "docs", p); r.code != 0 {
		t.Errorf("docs while a writer held the file for 1.5 s: exit %d, %q; want it to wait and succeed", r.code, r.stderr)
	}
}
