package search

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// ownerFile, inside an index directory, holds the absolute path of the
// project file the index belongs to; its modification time is when that
// project last opened its index.
const ownerFile = "coder-project"

// Cache limits: an index unused this long is removed, and the indexes
// together may take at most this much disk (least recently used go first).
const (
	MaxIndexAge   = 30 * 24 * time.Hour
	MaxCacheBytes = 2 << 30
)

// MarkUsed records that the index in dir belongs to the project file at
// project and was used now, for Prune.
func MarkUsed(dir, project string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, ownerFile), []byte(project), 0o644)
}

// Prune removes the indexes under root that are no longer wanted: those
// whose project file is gone, those not used for maxAge, and then the least
// recently used until the rest take at most maxBytes. The index in keep (the
// one being opened) always stays. It returns the directories removed; an
// index it cannot judge (no owner file, made by an older Coder) is judged by
// its directory's age alone.
func Prune(root, keep string, maxAge time.Duration, maxBytes int64, now time.Time) []string {
	entries, err := os.ReadDir(root)
	if err != nil {
		return nil
	}
	type cached struct {
		dir  string
		used time.Time
		size int64
	}
	var live []cached
	var removed []string
	remove := func(dir string) {
		if os.RemoveAll(dir) == nil {
			removed = append(removed, dir)
		}
	}
	for _, e := range entries {
		dir := filepath.Join(root, e.Name())
		if !e.IsDir() || dir == filepath.Clean(keep) || strings.HasSuffix(e.Name(), ".building") {
			continue
		}
		c := cached{dir: dir}
		if st, err := os.Stat(filepath.Join(dir, ownerFile)); err == nil {
			c.used = st.ModTime()
			if owner, err := os.ReadFile(filepath.Join(dir, ownerFile)); err == nil {
				if _, err := os.Stat(string(owner)); err != nil && os.IsNotExist(err) {
					remove(dir)
					continue
				}
			}
		} else if info, err := e.Info(); err == nil {
			c.used = info.ModTime()
		}
		if now.Sub(c.used) > maxAge {
			remove(dir)
			continue
		}
		c.size = dirBytes(dir)
		live = append(live, c)
	}
	total := dirBytes(keep)
	for _, c := range live {
		total += c.size
	}
	sort.Slice(live, func(i, j int) bool { return live[i].used.Before(live[j].used) })
	for _, c := range live {
		if total <= maxBytes {
			break
		}
		remove(c.dir)
		total -= c.size
	}
	return removed
}

// dirBytes sums the sizes of the files under dir.
func dirBytes(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return n
}
