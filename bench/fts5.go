package bench

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Figures are one system's measurements on one corpus. Zero means not measured.
type Figures struct {
	IndexTime time.Duration
	// AppImport and AppIndex are Coder's figures through the project layer:
	// files into the project file, then the index built from it (RunApp).
	AppImport, AppIndex time.Duration
	IndexCPU            time.Duration // user+system CPU time of the import and index
	IndexBytes          int64
	PeakRSS             uint64 // bytes
	PeakHeap            uint64 // Go heap, bytes (Coder only)
	Queries             map[QueryKind]Latencies
	// QueriesCPU are the queries' user+system CPU times: unlike wall time they
	// hardly change when other work shares the machine.
	QueriesCPU map[QueryKind]Latencies
	Hits       map[string]int // total hits per query, to check the systems agree
}

// queryReps is how many times each query runs in FTS5 and Coder; ripgrep,
// which reads the whole corpus every time, runs each query fewer times.
const (
	queryReps   = 15
	rgQueryReps = 3
)

// RunFTS5 loads the corpus into an SQLite FTS5 table with the sqlite3 shell
// and times the queries there.
func RunFTS5(c *Corpus, work string) (*Figures, error) {
	if _, err := exec.LookPath("sqlite3"); err != nil {
		return nil, fmt.Errorf("sqlite3 not found (apt-get install sqlite3): %w", err)
	}
	db := filepath.Join(work, "fts5.db")
	os.Remove(db)
	tokenizer := "porter unicode61"
	if c.Lang == Chinese {
		tokenizer = "trigram"
	}
	load := fmt.Sprintf(`PRAGMA journal_mode=OFF;
PRAGMA synchronous=OFF;
CREATE VIRTUAL TABLE t USING fts5(doc UNINDEXED, kind, speaker, body, tokenize='%s');
.mode ascii
.import %s t
`, tokenizer, c.Rows)
	f := newFigures()
	began := time.Now()
	_, rss, cpu, err := sqlite(db, load)
	if err != nil {
		return nil, fmt.Errorf("loading FTS5: %w", err)
	}
	f.IndexTime = time.Since(began)
	f.IndexCPU = cpu
	f.PeakRSS = rss
	if st, err := os.Stat(db); err == nil {
		f.IndexBytes = st.Size()
	}

	var script strings.Builder
	script.WriteString(".timer on\n.mode list\n")
	specs := queriesFor(c.Lang)
	for rep := 0; rep < queryReps; rep++ {
		for _, q := range specs {
			// Like Coder's: the total and the best 20 with snippets.
			if strings.Contains(q.fts, "MATCH") {
				fmt.Fprintf(&script, "SELECT 'Q', (SELECT count(*) FROM t WHERE %s), rowid, snippet(t, 3, '«', '»', '…', 24) FROM t WHERE %s ORDER BY rank LIMIT 20;\n", q.fts, q.fts)
			} else {
				fmt.Fprintf(&script, "SELECT 'Q', (SELECT count(*) FROM t WHERE %s), rowid, substr(body, 1, 80) FROM t WHERE %s LIMIT 20;\n", q.fts, q.fts)
			}
		}
	}
	out, rss, _, err := sqlite(db, script.String())
	if err != nil {
		return nil, fmt.Errorf("querying FTS5: %w", err)
	}
	f.PeakRSS = max(f.PeakRSS, rss)
	// Each statement prints its rows (the first carrying the total) and then
	// one "Run Time" line; statements with no rows print only the time.
	i, total := 0, 0
	s := bufio.NewScanner(bytes.NewReader(out))
	s.Buffer(make([]byte, 1<<20), 1<<20)
	for s.Scan() {
		line := s.Text()
		if rest, ok := strings.CutPrefix(line, "Q|"); ok && total == 0 {
			total, _ = strconv.Atoi(strings.SplitN(rest, "|", 2)[0])
			continue
		}
		rest, ok := strings.CutPrefix(line, "Run Time: real ")
		if !ok {
			continue
		}
		// real R user U sys S
		fs := strings.Fields(rest)
		secs := func(k int) time.Duration {
			if k >= len(fs) {
				return 0
			}
			v, _ := strconv.ParseFloat(fs[k], 64)
			return time.Duration(v * float64(time.Second))
		}
		q := specs[i%len(specs)]
		f.Queries[q.kind] = append(f.Queries[q.kind], secs(0))
		f.QueriesCPU[q.kind] = append(f.QueriesCPU[q.kind], secs(2)+secs(4))
		f.Hits[q.coder] = total
		i, total = i+1, 0
	}
	if i != queryReps*len(specs) {
		return nil, fmt.Errorf("querying FTS5: expected %d timings, read %d", queryReps*len(specs), i)
	}
	return f, nil
}

func newFigures() *Figures {
	return &Figures{Queries: map[QueryKind]Latencies{}, QueriesCPU: map[QueryKind]Latencies{}, Hits: map[string]int{}}
}

// sqlite runs a script in the sqlite3 shell and returns its output, peak RSS
// and CPU time.
func sqlite(db, script string) ([]byte, uint64, time.Duration, error) {
	cmd := exec.Command("sqlite3", "-batch", "-bail", db)
	cmd.Stdin = strings.NewReader(script)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return nil, 0, 0, fmt.Errorf("%v: %s", err, errb.String())
	}
	return out.Bytes(), maxRSS(cmd), cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime(), nil
}

// maxRSS reads a finished command's peak RSS (Linux reports kilobytes).
func maxRSS(cmd *exec.Cmd) uint64 {
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		return uint64(ru.Maxrss) << 10
	}
	return 0
}
