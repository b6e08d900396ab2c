package bench

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// Run is one corpus measured in the three systems; FTS5 or Ripgrep may be nil
// when that tool is missing.
type Run struct {
	Corpus  *Corpus
	Coder   *Figures
	FTS5    *Figures
	Ripgrep *Figures
}

// WriteTable prints the runs as one markdown table: a block of rows per
// corpus, a column per system, and Coder's figures as ratios to the others'.
// For rates a ratio above 1 favours Coder; for times and sizes, below 1 does.
// Times under 1 ms count as 1 ms in ratios. CPU rows count user and system
// time, which other work on the machine hardly changes.
func WriteTable(w io.Writer, runs []Run) {
	fmt.Fprintln(w, "| corpus | measure | Coder | SQLite FTS5 | ripgrep | Coder ÷ FTS5 | Coder ÷ rg |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|")
	for _, r := range runs {
		c := r.Corpus
		label := fmt.Sprintf("%s %.0f MB, %d docs, %d passages", c.Lang, mb(c.Bytes), c.Docs, c.Passages)
		row := func(measure, coder, fts, rg, rf, rr string) {
			fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %s |\n", label, measure, coder, fts, rg, rf, rr)
			label = ""
		}
		rate := func(f *Figures) (string, float64) {
			if f == nil || f.IndexTime == 0 {
				return "—", 0
			}
			v := mb(c.Bytes) / f.IndexTime.Seconds()
			return fmt.Sprintf("%.2f MB/s (%.1f s)", v, f.IndexTime.Seconds()), v
		}
		cs, cv := rate(r.Coder)
		fs, fv := rate(r.FTS5)
		row("import+index", cs, fs, "— (no index)", ratio(cv, fv), "—")
		if f := r.Coder; f != nil && f.AppImport > 0 {
			total := f.AppImport + f.AppIndex
			v := mb(c.Bytes) / total.Seconds()
			row("app: files → project file → index", fmt.Sprintf("%.2f MB/s (%.1f s store + %.1f s index)", v, f.AppImport.Seconds(), f.AppIndex.Seconds()), fs, "—", ratio(v, fv), "—")
		}
		cpuRate := func(f *Figures) (string, float64) {
			if f == nil || f.IndexCPU == 0 {
				return "—", 0
			}
			v := mb(c.Bytes) / f.IndexCPU.Seconds()
			return fmt.Sprintf("%.2f MB per CPU-s (%.1f CPU-s)", v, f.IndexCPU.Seconds()), v
		}
		cs, cv = cpuRate(r.Coder)
		fs, fv = cpuRate(r.FTS5)
		row("import+index, CPU", cs, fs, "—", ratio(cv, fv), "—")

		size := func(f *Figures) (string, float64) {
			if f == nil || f.IndexBytes == 0 {
				return "—", 0
			}
			return fmt.Sprintf("%.1f MB", mb(f.IndexBytes)), float64(f.IndexBytes)
		}
		cs, cv = size(r.Coder)
		fs, fv = size(r.FTS5)
		rs, rv := size(r.Ripgrep)
		if rs != "—" {
			rs += " (the text)"
		}
		row("index size", cs, fs, rs, ratio(cv, fv), ratio(cv, rv))

		for _, k := range []QueryKind{Term, Phrase, Boolean, Filtered, CJK} {
			if len(r.Coder.Queries[k]) == 0 {
				continue
			}
			for _, cpu := range []bool{false, true} {
				lat := func(f *Figures) (string, Latencies) {
					if f == nil {
						return "—", nil
					}
					l := f.Queries[k]
					if cpu {
						l = f.QueriesCPU[k]
					}
					if len(l) == 0 {
						return "—", nil
					}
					return fmt.Sprintf("%s / %s", ms(l.Percentile(50)), ms(l.Percentile(95))), l
				}
				cs, cl := lat(r.Coder)
				fs, fl := lat(r.FTS5)
				rs, rl := lat(r.Ripgrep)
				name := fmt.Sprintf("%s query p50 / p95", k)
				if cpu {
					name = fmt.Sprintf("%s query CPU p50 / p95", k)
				}
				row(name, cs, fs, rs, latRatio(cl, fl), latRatio(cl, rl))
			}
		}

		rss := func(f *Figures) (string, float64) {
			if f == nil || f.PeakRSS == 0 {
				return "—", 0
			}
			return fmt.Sprintf("%.0f MB", mb(int64(f.PeakRSS))), float64(f.PeakRSS)
		}
		cs, cv = rss(r.Coder)
		fs, fv = rss(r.FTS5)
		rs, rv = rss(r.Ripgrep)
		row("peak RSS", cs, fs, rs, ratio(cv, fv), ratio(cv, rv))
		row("peak Go heap", fmt.Sprintf("%.0f MB", mb(int64(r.Coder.PeakHeap))), "—", "—", "—", "—")
	}
}

// Disagreements lists queries whose hit totals differ between Coder and the
// other systems, which a reader of the table should know about.
func Disagreements(r Run) []string {
	var out []string
	for _, q := range queriesFor(r.Corpus.Lang) {
		mine := r.Coder.Hits[q.coder]
		var others []string
		if r.FTS5 != nil {
			if n, ok := r.FTS5.Hits[q.coder]; ok && n != mine {
				others = append(others, fmt.Sprintf("FTS5 %d", n))
			}
		}
		if r.Ripgrep != nil {
			if n, ok := r.Ripgrep.Hits[q.coder]; ok && n != mine {
				others = append(others, fmt.Sprintf("rg %d", n))
			}
		}
		if len(others) > 0 {
			out = append(out, fmt.Sprintf("%s %s: Coder %d, %s", r.Corpus.Lang, q.coder, mine, strings.Join(others, ", ")))
		}
	}
	return out
}

func mb(b int64) float64 { return float64(b) / (1 << 20) }

func ms(d time.Duration) string {
	v := float64(d) / float64(time.Millisecond)
	if v < 10 {
		return fmt.Sprintf("%.1f ms", v)
	}
	return fmt.Sprintf("%.0f ms", v)
}

func ratio(a, b float64) string {
	if a == 0 || b == 0 {
		return "—"
	}
	return fmt.Sprintf("%.2f×", a/b)
}

func latRatio(a, b Latencies) string {
	if len(a) == 0 || len(b) == 0 {
		return "—"
	}
	// The sqlite3 shell times wall clock to the millisecond, so anything
	// faster counts as 1 ms here rather than dividing by nothing.
	p := func(l Latencies, q float64) float64 { return float64(max(l.Percentile(q), time.Millisecond)) }
	return fmt.Sprintf("%.2f× / %.2f×", p(a, 50)/p(b, 50), p(a, 95)/p(b, 95))
}
