package bench

import (
	"bytes"
	"fmt"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// RunRipgrep times each query as a ripgrep scan over the documents' text
// files, counting matching lines (passages). ripgrep has no index: its
// "index" is the text itself.
func RunRipgrep(c *Corpus) (*Figures, error) {
	if _, err := exec.LookPath("rg"); err != nil {
		return nil, fmt.Errorf("rg not found (apt-get install ripgrep): %w", err)
	}
	f := newFigures()
	f.IndexBytes = c.Bytes
	docs := filepath.Join(c.Dir, "docs")
	for _, q := range queriesFor(c.Lang) {
		if q.rg == nil {
			continue
		}
		for rep := 0; rep < rgQueryReps; rep++ {
			// --count counts matching lines, which are passages.
			args := append([]string{"--count", "--no-filename", "--no-config"}, q.rg...)
			args = append(args, "--", docs)
			cmd := exec.Command("rg", args...)
			var out, errb bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &errb
			began := time.Now()
			err := cmd.Run()
			took := time.Since(began)
			if err != nil && cmd.ProcessState.ExitCode() != 1 { // 1: no match
				return nil, fmt.Errorf("rg %s: %v: %s", strings.Join(q.rg, " "), err, errb.String())
			}
			f.Queries[q.kind] = append(f.Queries[q.kind], took)
			f.QueriesCPU[q.kind] = append(f.QueriesCPU[q.kind], cmd.ProcessState.UserTime()+cmd.ProcessState.SystemTime())
			f.PeakRSS = max(f.PeakRSS, maxRSS(cmd))
			total := 0
			for _, line := range strings.Fields(out.String()) {
				n, _ := strconv.Atoi(line)
				total += n
			}
			f.Hits[q.coder] = total
		}
	}
	return f, nil
}
