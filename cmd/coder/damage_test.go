package main_test

import (
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// crashed reports whether a run's stderr shows a panic or fatal signal
// instead of an error message.
func crashed(r result) bool {
	return r.code > 2 || strings.Contains(r.stderr, "panic") || strings.Contains(r.stderr, "goroutine ") || strings.Contains(r.stderr, "fatal error")
}

// Ensure that every command on a project file cut short exits 1 with
// "coder: FILE: the project file is damaged (…) (… coder salvage …)"
// instead of bbolt's panic ("invalid freelist page") or a bus error, and
// that salvage then makes a sound project of what is left.
func TestCLI_DamagedFileIsReportedNotAPanic(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "t.coder")
	ok(t, "demo", p)
	if err := os.Truncate(p, 100000); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"check", p}, {"docs", p}, {"codes", p}, {"codings", p}, {"memos", p}, {"search", p, "gate"},
		{"export", p, "--format", "csv", "--out", filepath.Join(dir, "x.csv")},
		{"codes", "add", p, "New code"}, {"import", p, filepath.Join(dir, "none.txt")},
	} {
		r := coder(t, args...)
		want := "coder: " + p + ": the project file is damaged ("
		if r.code != 1 || crashed(r) || !strings.HasPrefix(r.stderr, want) || !strings.Contains(r.stderr, "coder salvage "+p) {
			t.Errorf("coder %s: exit %d, stderr %q; want exit 1 and %q… with what to do", strings.Join(args, " "), r.code, r.stderr, want)
		}
	}
	out := ok(t, "salvage", p, filepath.Join(dir, "saved.coder"))
	if !strings.Contains(out, "salvaged into") || !strings.Contains(out, "cut short") {
		t.Errorf("salvage said %q; want what was kept and that the file was cut short", out)
	}
	if out := ok(t, "check", filepath.Join(dir, "saved.coder")); !strings.HasPrefix(out, "ok") {
		t.Errorf("the salvaged project does not check clean: %s", out)
	}
}

// Ensure that 40 copies of the demo with 20 bytes flipped past the first
// 8 KB never crash check or docs: each run succeeds or exits 1 with a message
// (5 of 40 made check panic before).
func TestCLI_BitFlippedFilesNeverCrash(t *testing.T) {
	dir := t.TempDir()
	orig := filepath.Join(dir, "orig.coder")
	ok(t, "demo", orig)
	data, _ := os.ReadFile(orig)
	damaged := 0
	for seed := int64(1); seed <= 40; seed++ {
		b := append([]byte(nil), data...)
		r := rand.New(rand.NewSource(seed))
		for range 20 {
			b[8192+r.Intn(len(b)-8192)] = byte(r.Intn(256))
		}
		p := filepath.Join(dir, "f.coder")
		os.WriteFile(p, b, 0o600)
		for _, cmd := range []string{"check", "docs"} {
			r := coder(t, cmd, p)
			if crashed(r) {
				t.Fatalf("seed %d: coder %s crashed: %s", seed, cmd, r.stderr)
			}
			if r.code == 1 && !strings.HasPrefix(r.stderr, "coder: ") {
				t.Errorf("seed %d: coder %s: %q is not the CLI's error format", seed, cmd, r.stderr)
			}
			if cmd == "check" && r.code != 0 {
				damaged++
			}
		}
	}
	if damaged == 0 {
		t.Error("check found no flipped copy damaged")
	}
}

// Ensure that a 0-byte project file is refused by name with a fix, and stays
// 0 bytes (bbolt would have made it a new empty database).
func TestCLI_EmptyProjectFileIsRefusedNotRewritten(t *testing.T) {
	p := filepath.Join(t.TempDir(), "empty.coder")
	os.WriteFile(p, nil, 0o600)
	for _, cmd := range []string{"docs", "check", "import"} {
		r := coder(t, cmd, p, "x.txt")
		if cmd != "import" {
			r = coder(t, cmd, p)
		}
		if r.code != 1 || !strings.HasPrefix(r.stderr, "coder: "+p+": the project file is empty (0 bytes)") || !strings.Contains(r.stderr, "create the project again") {
			t.Errorf("coder %s: exit %d, %q", cmd, r.code, r.stderr)
		}
	}
	if st, _ := os.Stat(p); st.Size() != 0 {
		t.Errorf("the empty file became %d bytes", st.Size())
	}
}
