package bench

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
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
	f := &Figures{Queries: map[QueryKind]Latencies{}, Hits: map[string]int{}}
	ids := make(map[qda.ID]int, c.Docs)
	for i := 0; i < c.Docs; i++ {
		ids[c.meta(i).ID] = i
	}
	began := time.Now()
	ix, err := search.Build(context.Background(), dir, search.Corpus{Docs: c.Docs, Doc: c.Load, Stamp: 1}, progress)
	if err != nil {
		heap.Stop()
		return nil, err
	}
	f.IndexTime = time.Since(began)
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
			t := time.Now()
			res, err := ix.Search(ctx, q.coder, search.Options{Limit: 20, Docs: lookup})
			if err != nil {
				heap.Stop()
				return nil, fmt.Errorf("query %q: %w", q.coder, err)
			}
			f.Queries[q.kind] = append(f.Queries[q.kind], time.Since(t))
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
