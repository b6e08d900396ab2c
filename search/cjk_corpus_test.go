package search_test

import (
	"context"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"coder/qda"
	"coder/search"
)

// sharedDir finds /work/shared beside the repository, or skips the test.
func sharedDir(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("repository root not found")
		}
		dir = parent
	}
	shared := filepath.Join(dir, "..", "shared")
	if _, err := os.Stat(filepath.Join(shared, "corpus", "zh")); err != nil {
		t.Skipf("shared corpus absent (%v); it sits beside the repository on the development machine", err)
	}
	return shared
}

// Ensure that a query of Chinese characters finds exactly the passages that
// contain that string, as a plain substring scan over the shared Chinese
// corpus does: every one of them (recall) and no other (precision).
func TestSearch_ChineseMatchesSubstringScan(t *testing.T) {
	shared := sharedDir(t)
	files, _ := filepath.Glob(filepath.Join(shared, "corpus", "zh", "*.txt"))
	if len(files) == 0 {
		t.Skip("no Chinese texts in the shared corpus")
	}
	b := &qda.Bundle{}
	var paragraphs []string
	for i, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var turns []turn
		for _, p := range strings.Split(strings.ReplaceAll(string(raw), "\r\n", "\n"), "\n") {
			if p = strings.TrimSpace(p); p != "" {
				turns = append(turns, turn{"", p})
				paragraphs = append(paragraphs, p)
			}
		}
		id := qda.NameID("6ba7b810-9dad-11d1-80b4-00c04fd430c8", f)
		b.Documents = append(b.Documents, newDoc(id, filepath.Base(f)+string(rune('0'+i)), qda.KindPolicy, turns...))
	}
	ix, err := search.Build(context.Background(), t.TempDir(), search.CorpusFromBundle(b, 1), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()

	// Queries: runs of Han characters cut from the corpus at random (seeded),
	// one to six characters long, plus characters that never occur.
	r := rand.New(rand.NewSource(3))
	seen := map[string]bool{}
	var queries []string
	for len(queries) < 400 {
		p := []rune(paragraphs[r.Intn(len(paragraphs))])
		if len(p) == 0 {
			continue
		}
		start, n := r.Intn(len(p)), 1+r.Intn(6)
		q := string(p[start:min(len(p), start+n)])
		if !allHan(q) || seen[q] {
			continue
		}
		seen[q] = true
		queries = append(queries, q)
	}
	queries = append(queries, "龘", "中龘")

	type named struct{ name, text string }
	var scan []named
	for _, d := range b.Documents {
		rs := []rune(d.Text)
		for i, p := range d.Passages {
			scan = append(scan, named{d.Name + "#" + itoa(i), p.Span.Slice(rs)})
		}
	}
	for _, q := range queries {
		want := map[string]bool{}
		for _, p := range scan {
			if strings.Contains(p.text, q) {
				want[p.name] = true
			}
		}
		for _, form := range []string{q, `"` + q + `"`} {
			res := find(t, ix, b, form, func(o *search.Options) { o.Limit = 10000 })
			got := map[string]bool{}
			for _, p := range passages(res) {
				got[p] = true
			}
			for p := range want {
				if !got[p] {
					t.Errorf("%s: passage %s contains it but was not found", form, p)
				}
			}
			for p := range got {
				if !want[p] {
					t.Errorf("%s: passage %s found but does not contain it", form, p)
				}
			}
			if res.Total != len(want) {
				t.Errorf("%s: total %d, want %d", form, res.Total, len(want))
			}
			for _, m := range matched(b, res) {
				if m != q {
					t.Errorf("%s: a marked match reads %q", form, m)
				}
			}
		}
	}
}

func allHan(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return s != ""
}
