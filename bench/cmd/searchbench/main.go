// Command searchbench generates a synthetic corpus, indexes and queries it with
// Coder's search, SQLite FTS5 and ripgrep, and prints one markdown table.
//
//	go run ./bench/cmd/searchbench -mb 100 -lang en,zh
//
// BENCH_MB and BENCH_LANG set the defaults of -mb and -lang.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"coder/bench"
)

func main() {
	defMB := 100
	if v, err := strconv.Atoi(os.Getenv("BENCH_MB")); err == nil && v > 0 {
		defMB = v
	}
	defLang := "en,zh"
	if v := os.Getenv("BENCH_LANG"); v != "" {
		defLang = v
	}
	size := flag.Int("mb", defMB, "corpus size in megabytes per language (about 10 documents a megabyte)")
	langs := flag.String("lang", defLang, "corpora to measure: en, zh or en,zh")
	work := flag.String("work", "", "working directory for corpus and indexes (default: a temporary one, removed after)")
	seed := flag.Int64("seed", 1, "corpus seed; the same seed writes the same corpus")
	flag.Parse()

	dir := *work
	if dir == "" {
		d, err := os.MkdirTemp("", "coder-bench-")
		if err != nil {
			fail(err)
		}
		defer os.RemoveAll(d)
		dir = d
	}
	// The tools run first, while this process is small: a child's peak RSS,
	// as Linux reports it, starts from its parent's size at the fork.
	var runs []bench.Run
	for _, l := range strings.Split(*langs, ",") {
		lang := bench.Lang(strings.TrimSpace(l))
		if lang != bench.English && lang != bench.Chinese {
			fail(fmt.Errorf("-lang: %q is not en or zh", l))
		}
		logf("%s: generating %d MB corpus", lang, *size)
		c, err := bench.Generate(filepath.Join(dir, string(lang)), lang, *size, *seed)
		if err != nil {
			fail(err)
		}
		r := bench.Run{Corpus: c}
		logf("%s: %d documents, %d passages; loading SQLite FTS5", lang, c.Docs, c.Passages)
		if r.FTS5, err = bench.RunFTS5(c, c.Dir); err != nil {
			logf("%s: FTS5 skipped: %v", lang, err)
		}
		logf("%s: scanning with ripgrep", lang)
		if r.Ripgrep, err = bench.RunRipgrep(c); err != nil {
			logf("%s: ripgrep skipped: %v", lang, err)
		}
		runs = append(runs, r)
	}
	for i := range runs {
		r := &runs[i]
		lang := r.Corpus.Lang
		logf("%s: indexing with Coder", lang)
		last := -1
		var err error
		if r.Coder, err = bench.RunCoder(r.Corpus, r.Corpus.Dir, func(done, total int) {
			if pct := 100 * done / total; pct/10 != last/10 {
				last = pct
				logf("%s: coder %d%%", lang, pct)
			}
		}); err != nil {
			fail(err)
		}
		logf("%s: importing into a project and indexing it, as the app does", lang)
		if r.Coder.AppImport, r.Coder.AppIndex, err = bench.RunApp(r.Corpus, r.Corpus.Dir); err != nil {
			fail(err)
		}
		for _, d := range bench.Disagreements(*r) {
			logf("hit totals differ: %s", d)
		}
	}
	bench.WriteTable(os.Stdout, runs)
}

func logf(format string, args ...any) { fmt.Fprintf(os.Stderr, "searchbench: "+format+"\n", args...) }

func fail(err error) {
	fmt.Fprintln(os.Stderr, "searchbench:", err)
	os.Exit(1)
}
