package bench_test

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"coder/bench"
)

// Ensure that the same seed writes the same corpus, byte for byte, so runs
// on different machines and days measure the same text.
func TestGenerate_SameSeedSameCorpus(t *testing.T) {
	for _, lang := range []bench.Lang{bench.English, bench.Chinese} {
		a, err := bench.Generate(t.TempDir(), lang, 1, 9)
		if err != nil {
			t.Fatal(err)
		}
		b, err := bench.Generate(t.TempDir(), lang, 1, 9)
		if err != nil {
			t.Fatal(err)
		}
		if digest(t, a) != digest(t, b) || a.Passages != b.Passages {
			t.Errorf("%s: two corpora from seed 9 differ", lang)
		}
		if a.Docs != 10 || a.Bytes < 10*100<<10 || a.Bytes > 11*100<<10 {
			t.Errorf("%s: %d documents, %d bytes; want 10 documents of about 100 kB", lang, a.Docs, a.Bytes)
		}
	}
}

// Ensure that documents load with passages that lie inside the text and
// speakers taken off the passage.
func TestCorpus_LoadGivesValidDocuments(t *testing.T) {
	c, err := bench.Generate(t.TempDir(), bench.English, 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	in, err := c.Load(0)
	if err != nil {
		t.Fatal(err)
	}
	if err := in.Doc.Validate(); err != nil {
		t.Fatal(err)
	}
	rs := []rune(in.Doc.Text)
	p := in.Doc.Passages[0]
	if p.Speaker != "Interviewer" || strings.Contains(p.Span.Slice(rs), "Interviewer:") {
		t.Errorf("first passage: speaker %q, text %q", p.Speaker, p.Span.Slice(rs))
	}
}

func digest(t *testing.T, c *bench.Corpus) string {
	h := sha256.New()
	files, _ := filepath.Glob(filepath.Join(c.Dir, "docs", "*.txt"))
	files = append(files, c.Rows)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		h.Write(b)
	}
	return string(h.Sum(nil))
}

// BenchmarkBuild indexes a synthetic corpus of BENCH_MB megabytes (default 5)
// per language; the figure to read is MB/s.
func BenchmarkBuild(b *testing.B) {
	mb := 5
	if v, err := strconv.Atoi(os.Getenv("BENCH_MB")); err == nil && v > 0 {
		mb = v
	}
	for _, lang := range []bench.Lang{bench.English, bench.Chinese} {
		b.Run(string(lang), func(b *testing.B) {
			c, err := bench.Generate(b.TempDir(), lang, mb, 1)
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(c.Bytes)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := bench.BuildOnly(c, b.TempDir()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// Ensure that the merge benchmark's two copies merge into their union: the
// shared codings once, each copy's own codings besides.
func TestRunMerge_CopiesMergeIntoTheirUnion(t *testing.T) {
	f, err := bench.RunMerge(t.TempDir(), 2000, 1000)
	if err != nil {
		t.Fatal(err)
	}
	if f.Result != 3000 {
		t.Errorf("merged project has %d codings; want 1,000 shared + 2 × 1,000 own", f.Result)
	}
}
