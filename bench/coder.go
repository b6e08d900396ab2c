package bench

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"syscall"
	"time"

	"coder/qda"
	"coder/search"
)

// RunCoder builds Coder's index over the corpus and times the queries, each
// returning the total and the first 20 hits with snippets, reading hit
// documents from disk as the store would hand them over.
func RunCoder(c *Corpus, work string, progress func(done, total int)) (*Figures, error) {
	dir := filepath.Join(work, "coder-index")
	os.RemoveAll(dir)
	// Start the peak RSS from what this run needs, not what an earlier one left.
	debug.FreeOSMemory()
	ResetPeakRSS()
	heap := StartHeapSampler()
	f := newFigures()
	ids := make(map[qda.ID]int, c.Docs)
	for i := 0; i < c.Docs; i++ {
		ids[c.meta(i).ID] = i
	}
	began, cpu0 := time.Now(), processCPU()
	ix, err := search.Build(context.Background(), dir, search.Corpus{Docs: c.Docs, Doc: c.Load, Stamp: 1}, progress)
	if err != nil {
		heap.Stop()
		return nil, err
	}
	f.IndexTime, f.IndexCPU = time.Since(began), processCPU()-cpu0
	defer ix.Close()
	f.IndexBytes = dirSize(dir)

	lookup := func(id qda.ID) (*qda.Document, error) {
		i, ok := ids[id]
		if !ok {
			return nil, fmt.Errorf("document %s: %w", id, qda.ErrNotFound)
		}
		in, err := c.Load(i)
		if err != nil {
			return nil, err
		}
		return in.Doc, nil
	}
	specs := queriesFor(c.Lang)
	ctx := context.Background()
	for rep := 0; rep < queryReps; rep++ {
		for _, q := range specs {
			t, cpu0 := time.Now(), processCPU()
			res, err := ix.Search(ctx, q.coder, search.Options{Limit: 20, Docs: lookup})
			if err != nil {
				heap.Stop()
				return nil, fmt.Errorf("query %q: %w", q.coder, err)
			}
			f.Queries[q.kind] = append(f.Queries[q.kind], time.Since(t))
			f.QueriesCPU[q.kind] = append(f.QueriesCPU[q.kind], processCPU()-cpu0)
			f.Hits[q.coder] = res.Total
		}
	}
	f.PeakHeap = heap.Stop()
	f.PeakRSS = PeakRSS()
	return f, nil
}

// BuildOnly builds Coder's index over the corpus and returns how long it took;
// profiling the build alone starts here.
func BuildOnly(c *Corpus, work string) (time.Duration, error) {
	dir := filepath.Join(work, "coder-index")
	began := time.Now()
	ix, err := search.Build(context.Background(), dir, search.Corpus{Docs: c.Docs, Doc: c.Load, Stamp: 1}, nil)
	if err != nil {
		return 0, err
	}
	ix.Close()
	return time.Since(began), nil
}

// processCPU returns the user+system CPU time this process has used.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
