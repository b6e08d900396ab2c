// Command importbench measures what one very large document costs against
// the same text spread over many files: the same synthetic English
// interviews are imported once as one 100 MB file and once as 1,000 files
// of 100 KB, then indexed and searched. Each case runs in a child process,
// so its peak resident memory (VmHWM) is its own; the output is one
// markdown table.
//
//	go run ./bench/cmd/importbench            # 100 MB
//	BENCH_MB=10 go run ./bench/cmd/importbench
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"time"

	"coder/bench"
	"coder/ingest"
	"coder/project"
)

// figures are one case's measurements.
type figures struct {
	Case                  string
	Files                 int
	Bytes                 int64
	Import, Index, Search time.Duration
	// Peak resident memory of each phase in bytes (VmHWM, reset between
	// phases where the kernel allows it) and of the whole run.
	ImportRSS, IndexRSS, SearchRSS, PeakRSS uint64
	Hits                                    int
}

func main() {
	defMB := 100
	if v, err := strconv.Atoi(os.Getenv("BENCH_MB")); err == nil && v > 0 {
		defMB = v
	}
	mb := flag.Int("mb", defMB, "megabytes of text in each case")
	child := flag.String("child", "", "internal: run one case on this folder")
	flag.Parse()
	if *child != "" {
		if err := runCase(*child); err != nil {
			fail(err)
		}
		return
	}
	dir, err := os.MkdirTemp("", "coder-importbench-")
	if err != nil {
		fail(err)
	}
	defer os.RemoveAll(dir)
	c, err := bench.Generate(filepath.Join(dir, "corpus"), bench.English, *mb, 1)
	if err != nil {
		fail(err)
	}
	many := filepath.Join(c.Dir, "docs")
	single := filepath.Join(dir, "single")
	if err := concatenate(many, filepath.Join(single, "interviews.txt")); err != nil {
		fail(err)
	}
	var rows []figures
	for _, in := range []string{single, many} {
		logf("importing %s", in)
		out, err := exec.Command(os.Args[0], "-child", in).Output()
		if err != nil {
			fail(fmt.Errorf("case %s: %v", in, err))
		}
		var f figures
		if err := json.Unmarshal(out, &f); err != nil {
			fail(err)
		}
		f.Case = map[string]string{single: "one document", many: "many documents"}[in]
		rows = append(rows, f)
	}
	fmt.Printf("\n| %d MB of text | files | import | index | first search | import peak RSS | index peak RSS | search peak RSS | peak RSS |\n", *mb)
	fmt.Println("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
	for _, f := range rows {
		fmt.Printf("| %s | %d | %s | %s | %s | %s | %s | %s | %s |\n", f.Case, f.Files,
			secs(f.Import), secs(f.Index), secs(f.Search), mib(f.ImportRSS), mib(f.IndexRSS), mib(f.SearchRSS), mib(f.PeakRSS))
	}
}

// runCase imports every file of dir into a new project, builds its search
// index, runs one search, and prints its figures as JSON.
func runCase(dir string) error {
	work, err := os.MkdirTemp("", "coder-importbench-case-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	opt := project.Options{Coder: "bench", IndexDir: filepath.Join(work, "index")}
	p, err := project.Create(filepath.Join(work, "p.coder"), project.CreateOptions{Options: opt, Codebook: "empty"})
	if err != nil {
		return err
	}
	defer p.Close()
	f := figures{}
	ctx := context.Background()
	phase := func(rss *uint64, d *time.Duration, fn func() error) error {
		bench.ResetPeakRSS()
		start := time.Now()
		err := fn()
		*d = time.Since(start)
		*rss = bench.PeakRSS()
		return err
	}
	if err := phase(&f.ImportRSS, &f.Import, func() error {
		rep, err := p.Import(ctx, []string{dir}, project.ImportOptions{}, nil)
		if err == nil && len(rep.Failed) > 0 {
			err = rep.Failed[0].Err
		}
		if rep != nil {
			f.Files = len(rep.Imported)
		}
		return err
	}); err != nil {
		return err
	}
	if err := phase(&f.IndexRSS, &f.Index, func() error {
		_, err := p.OpenIndex(ctx, nil)
		return err
	}); err != nil {
		return err
	}
	if err := phase(&f.SearchRSS, &f.Search, func() error {
		res, err := p.Search(ctx, "committee", project.SearchOptions{Limit: 20})
		if err == nil {
			f.Hits = res.Total
		}
		return err
	}); err != nil {
		return err
	}
	f.PeakRSS = max(f.ImportRSS, f.IndexRSS, f.SearchRSS)
	return json.NewEncoder(os.Stdout).Encode(f)
}

// concatenate writes the files of dir, in order, into one file at out,
// stopping before it would pass the import size limit; the files left out
// are moved aside, so both cases hold the same text.
func concatenate(dir, out string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	var total int64
	for i, e := range entries {
		info, err := e.Info()
		if err != nil {
			return err
		}
		if total+info.Size() > ingest.DefaultMaxSize {
			for _, rest := range entries[i:] {
				if err := os.Rename(filepath.Join(dir, rest.Name()), filepath.Join(filepath.Dir(dir), rest.Name())); err != nil {
					return err
				}
			}
			entries = entries[:i]
			break
		}
		total += info.Size()
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	w, err := os.Create(out)
	if err != nil {
		return err
	}
	for _, e := range entries {
		r, err := os.Open(filepath.Join(dir, e.Name()))
		if err != nil {
			return err
		}
		_, err = io.Copy(w, r)
		r.Close()
		if err != nil {
			return err
		}
	}
	return w.Close()
}

func secs(d time.Duration) string { return fmt.Sprintf("%.1f s", d.Seconds()) }
func mib(n uint64) string         { return fmt.Sprintf("%d MB", n>>20) }

func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "importbench: "+format+"\n", args...)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "importbench:", err)
	os.Exit(1)
}
