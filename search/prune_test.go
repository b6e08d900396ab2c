package search_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"coder/search"
)

// Ensure that Prune removes the indexes of projects whose file is gone and
// of projects unused for longer than the limit, then the least recently used
// until the cache fits its cap, and never the index being opened.
func TestPrune_RemovesOrphansStaleAndOverCap(t *testing.T) {
	root := t.TempDir()
	now := time.Now()
	project := filepath.Join(t.TempDir(), "p.coder")
	os.WriteFile(project, []byte("x"), 0o644)
	mk := func(name, owner string, age time.Duration, size int) string {
		dir := filepath.Join(root, name)
		if err := search.MarkUsed(dir, owner); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, "data"), make([]byte, size), 0o644)
		when := now.Add(-age)
		os.Chtimes(filepath.Join(dir, "coder-project"), when, when)
		return dir
	}
	current := mk("current", project, 90*24*time.Hour, 600)
	gone := mk("gone", filepath.Join(root, "deleted.coder"), time.Hour, 10)
	stale := mk("stale", project, 31*24*time.Hour, 10)
	older := mk("older", project, 2*time.Hour, 500)
	newer := mk("newer", project, time.Hour, 500)
	removed := search.Prune(root, current, search.MaxIndexAge, 1400, now)
	exists := func(dir string) bool { _, err := os.Stat(dir); return err == nil }
	if exists(gone) || exists(stale) {
		t.Errorf("orphaned or stale index kept (removed %v)", removed)
	}
	if exists(older) || !exists(newer) {
		t.Errorf("over the cap the least recently used index should go first (removed %v)", removed)
	}
	if !exists(current) {
		t.Error("the index being opened was removed")
	}
}
