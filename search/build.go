package search

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
)

// Corpus is a whole project as the index sees it. Documents are fetched one
// at a time through Doc, so a build never needs every text in memory at once.
type Corpus struct {
	Docs  int                            // how many documents there are
	Doc   func(i int) (*DocInput, error) // the i-th document, 0 <= i < Docs
	Memos []MemoInput
	Stamp uint64 // the store's change counter this corpus reflects
}

// batchBytes is how much text goes into one indexing batch. Bigger batches
// make fewer segments to merge; smaller ones bound the memory that analysed
// but unwritten tokens take (roughly ten times the text).
const batchBytes = 4 << 20

// Build indexes the corpus into dir, replacing whatever is there, and returns
// the open index. It builds beside dir and swaps the result in at the end, so
// a cancelled or failed build leaves dir as it was; close any Index open on
// dir first. progress, if not nil, is called with the documents done so far
// (memos count as one document at the end) from the calling goroutine's
// helpers; keep it quick.
func Build(ctx context.Context, dir string, c Corpus, progress func(done, total int)) (*Index, error) {
	tmp := dir + ".building"
	if err := os.RemoveAll(tmp); err != nil {
		return nil, fmt.Errorf("search index %s: clearing an earlier build: %w", tmp, err)
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return nil, fmt.Errorf("search index %s: %w", dir, err)
	}
	bi, err := bleve.NewUsing(tmp, newMapping(), scorch.Name, scorch.Name, map[string]interface{}{
		// Waiting for every batch to reach the disk is pointless here: an
		// interrupted build is thrown away whole.
		"unsafe_batch": true,
	})
	if err != nil {
		return nil, fmt.Errorf("search index %s: creating: %w", tmp, err)
	}
	fail := func(err error) (*Index, error) {
		bi.Close()
		os.RemoveAll(tmp)
		return nil, err
	}
	if err := fill(ctx, bi, c, progress); err != nil {
		return fail(err)
	}
	// The version and stamp go last, in a batch whose persistence is awaited:
	// batches reach the disk in order, so once it has, everything has, and an
	// index with a version key is a complete one.
	last := bi.NewBatch()
	last.SetInternal(keyVersion, []byte(schemaVersion))
	last.SetInternal(keyStamp, stampBytes(c.Stamp))
	persisted := make(chan error, 1)
	last.SetPersistedCallback(func(err error) { persisted <- err })
	if err := bi.Batch(last); err != nil {
		return fail(err)
	}
	select {
	case err := <-persisted:
		if err != nil {
			return fail(fmt.Errorf("search index %s: writing: %w", tmp, err))
		}
	case <-ctx.Done():
		return fail(ctx.Err())
	}
	if err := bi.Close(); err != nil {
		os.RemoveAll(tmp)
		return nil, fmt.Errorf("search index %s: writing: %w", tmp, err)
	}
	if err := os.RemoveAll(dir); err != nil {
		return nil, fmt.Errorf("search index %s: removing the old index: %w", dir, err)
	}
	if err := os.Rename(tmp, dir); err != nil {
		return nil, fmt.Errorf("search index %s: moving the new index into place: %w", dir, err)
	}
	return Open(dir)
}

// OpenOrBuild opens the index in dir and rebuilds it when it is missing,
// damaged, from another version, or stamped with a counter other than stamp.
// load is called only when a rebuild is needed. rebuilt tells the caller
// whether it happened (to say so, or to log it).
func OpenOrBuild(ctx context.Context, dir string, stamp uint64, load func() (Corpus, error), progress func(done, total int)) (ix *Index, rebuilt bool, err error) {
	ix, err = Open(dir)
	if err == nil && ix.Stamp() == stamp {
		return ix, false, nil
	}
	if err == nil {
		ix.Close()
	} else if !errors.Is(err, ErrNeedsRebuild) {
		return nil, false, err
	}
	c, err := load()
	if err != nil {
		return nil, false, err
	}
	ix, err = Build(ctx, dir, c, progress)
	return ix, err == nil, err
}

// fill indexes every unit of the corpus. One goroutine turns documents into
// index documents and cuts batches by text size; as many workers as there are
// cores hand batches to bleve, which analyses each batch on all cores and then
// builds its segment on one, so two batches in flight keep both busy.
func fill(ctx context.Context, bi bleve.Index, c Corpus, progress func(done, total int)) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	total := c.Docs + 1
	type job struct {
		b    *bleve.Batch
		docs int // documents completed by this batch
	}
	jobs := make(chan job, 1)
	var (
		wg      sync.WaitGroup
		errOnce sync.Once
		firstEr error
		done    atomic.Int64
		progMu  sync.Mutex
	)
	setErr := func(err error) {
		errOnce.Do(func() { firstEr = err; cancel() })
	}
	workers := min(runtime.GOMAXPROCS(0), 4)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if ctx.Err() != nil {
					continue
				}
				if err := bi.Batch(j.b); err != nil {
					setErr(fmt.Errorf("indexing: %w", err))
					continue
				}
				n := done.Add(int64(j.docs))
				if progress != nil {
					progMu.Lock()
					progress(int(n), total)
					progMu.Unlock()
				}
			}
		}()
	}

	b := bi.NewBatch()
	size, docs := 0, 0
	flush := func() bool {
		if b.Size() == 0 && docs == 0 {
			return true
		}
		select {
		case jobs <- job{b, docs}:
		case <-ctx.Done():
			return false
		}
		b, size, docs = bi.NewBatch(), 0, 0
		return true
	}
	add := func(d *document.Document, bytes int) bool {
		if err := b.IndexAdvanced(d); err != nil {
			setErr(err)
			return false
		}
		size += bytes
		return size < batchBytes || flush()
	}
produce:
	for i := 0; i < c.Docs; i++ {
		if ctx.Err() != nil {
			break
		}
		in, err := c.Doc(i)
		if err != nil {
			setErr(err)
			break
		}
		units := unitsOf(in)
		for _, u := range units {
			if !add(u, unitBytes(u)) {
				break produce
			}
		}
		docs++
	}
	if ctx.Err() == nil {
		for i := range c.Memos {
			if !add(memoUnit(&c.Memos[i]), len(c.Memos[i].Text)) {
				break
			}
		}
		docs++
		flush()
	}
	close(jobs)
	wg.Wait()
	if firstEr != nil {
		return firstEr
	}
	return ctx.Err()
}

// unitBytes estimates the analysis work in a unit by its text size.
func unitBytes(d *document.Document) int {
	n := 0
	for _, f := range d.Fields {
		if f.Name() == fText {
			n += len(f.Value())
		}
	}
	return n + 64
}
