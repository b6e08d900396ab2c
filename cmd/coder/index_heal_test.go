package main_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// Ensure that a damaged search index never crashes `coder search` nor makes
// it answer wrongly: whichever file of the index is cut short, has bytes
// flipped or is deleted, the search gives the same hits as before, rebuilds
// the index from the project file and says so; the search after that finds
// the rebuilt index sound and says nothing.
func TestCLI_DamagedSearchIndexIsRebuilt(t *testing.T) {
	dir := t.TempDir()
	cache := filepath.Join(dir, "cache")
	path := filepath.Join(dir, "demo.coder")
	search := func() (stdout, stderr string) {
		t.Helper()
		cmd := exec.Command(coderBin, "search", path, "committee OR 社区", "--json", "--limit", "100")
		cmd.Env = append(os.Environ(), "XDG_CACHE_HOME="+cache)
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		if err := cmd.Run(); err != nil {
			t.Fatalf("coder search: %v\nstderr: %s", err, errb.String())
		}
		// Hits are unranked; their order may differ between two builds.
		var res searchJSON
		if err := json.Unmarshal(out.Bytes(), &res); err != nil {
			t.Fatalf("coder search --json: %v\n%s", err, out.String())
		}
		hits := []string{fmt.Sprintf("%d hits", res.Total)}
		for _, h := range res.Hits {
			hits = append(hits, fmt.Sprintf("%s %d-%d %v %s %v", h.Document, h.Passage.Start, h.Passage.End, h.Matches, h.Snippet, h.Codes))
		}
		sort.Strings(hits[1:])
		return strings.Join(hits, "\n"), errb.String()
	}
	ok(t, "demo", path)
	want, _ := search()
	if strings.HasPrefix(want, "0 hits") {
		t.Fatalf("the demo search finds nothing to compare with:\n%s", want)
	}
	// indexFiles lists the files of the index's parts, relative to the
	// index folder, as the last build left them.
	var root string
	indexFiles := func() []string {
		t.Helper()
		if root == "" {
			dirs, _ := filepath.Glob(filepath.Join(cache, "coder", "index", "*"))
			if len(dirs) != 1 {
				t.Fatalf("index folders: %q, want one", dirs)
			}
			root = dirs[0]
		}
		var files []string
		filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.Contains(p, "shard-") {
				rel, _ := filepath.Rel(root, p)
				files = append(files, rel)
			}
			return nil
		})
		sort.Strings(files)
		return files
	}
	files := indexFiles()
	if len(files) < 3 {
		t.Fatalf("index files: %q; want each part's index_meta.json, root.bolt and segments", files)
	}
	damages := []struct {
		name string
		do   func(p string) error
		// sure says the damage is always detectable; flipped bytes in
		// root.bolt may land on a free page, which nothing reads.
		sure func(rel string) bool
	}{
		{"cut to half", func(p string) error {
			st, err := os.Stat(p)
			if err != nil {
				return err
			}
			return os.Truncate(p, st.Size()/2)
		}, func(string) bool { return true }},
		{"emptied", func(p string) error { return os.Truncate(p, 0) }, func(string) bool { return true }},
		{"bytes flipped", func(p string) error {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			for _, at := range []int{len(data) / 5, len(data) / 2, len(data) * 4 / 5} {
				for i := at; i < min(at+8, len(data)); i++ {
					data[i] ^= 0xA5
				}
			}
			return os.WriteFile(p, data, 0o600)
		}, func(rel string) bool { return !strings.HasSuffix(rel, "root.bolt") }},
		{"deleted", os.Remove, func(string) bool { return true }},
	}
	for _, d := range damages {
		for i := range files {
			now := indexFiles()
			if i >= len(now) {
				continue
			}
			rel := now[i]
			if err := d.do(filepath.Join(root, rel)); err != nil {
				t.Fatal(err)
			}
			got, stderr := search()
			if got != want {
				t.Errorf("%s %s: the search answered differently:\n%s\nwant:\n%s", rel, d.name, got, want)
			}
			said := strings.Contains(stderr, "search index") && strings.Contains(stderr, "it was rebuilt from the project")
			if (d.sure(rel) || stderr != "") && !said {
				t.Errorf("%s %s: stderr %q; want a warning that the search index was rebuilt", rel, d.name, stderr)
			}
			if _, again := search(); again != "" {
				t.Errorf("%s %s: the search after the rebuild said %q", rel, d.name, again)
			}
		}
	}
}
