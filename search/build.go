package search

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/util"
	index "github.com/blevesearch/bleve_index_api"

	"coder/qda"
)

// Corpus is a whole project as the index sees it. Documents are fetched one
// at a time through Doc, so a build never needs every text in memory at once.
type Corpus struct {
	Docs  int                            // how many documents there are
	Doc   func(i int) (*DocInput, error) // the i-th document, 0 <= i < Docs
	Memos []MemoInput
	Stamp uint64 // the store's change counter this corpus reflects
}

// batchTokens is about how many tokens go into one segment of a build: some
// 700 kB of English or 300 kB of Chinese. Bigger batches leave fewer segments
// to merge at the end; smaller ones bound the memory analysed tokens take
// (a hundred bytes or so each, with the positions phrase queries need).
const batchTokens = 120_000

// chunkRunes is about how much text (in characters: 32 kB of English, three
// times that of Chinese, which makes two tokens a character) is read and
// goes to the analysers at once. A long
// document is read, analysed and indexed this much at a time, passage by
// passage, so its size does not decide the build's memory: analysed text
// takes some twenty times its size until the builder has written it, and
// about six chunks are in flight (analysing, queued, being indexed).
const chunkRunes = 32 << 10

// Build indexes the corpus into dir, replacing whatever is there, and returns
// the open index. It builds beside dir and swaps the result in at the end, so
// a cancelled or failed build leaves dir as it was; close any Index open on
// dir first. progress, if not nil, is called with documents done so far out
// of the total (memos count as one more document, done last).
func Build(ctx context.Context, dir string, c Corpus, progress func(done, total int)) (*Index, error) {
	tmp := dir + ".building"
	if err := os.RemoveAll(tmp); err != nil {
		return nil, fmt.Errorf("search index %s: clearing an earlier build: %w", tmp, err)
	}
	if err := os.MkdirAll(tmp, 0o755); err != nil {
		return nil, fmt.Errorf("search index %s: %w", dir, err)
	}
	if err := build(ctx, tmp, c, progress); err != nil {
		os.RemoveAll(tmp)
		return nil, err
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
// whether it happened; healed, when an index was there but could not be used
// (damaged, from another version), says why, for the caller to tell the user.
// A missing or merely stale index is rebuilt without a healed error.
func OpenOrBuild(ctx context.Context, dir string, stamp uint64, load func() (Corpus, error), progress func(done, total int)) (ix *Index, rebuilt bool, healed, err error) {
	ix, err = Open(dir)
	if err == nil && ix.Stamp() == stamp {
		return ix, false, nil, nil
	}
	if err == nil {
		ix.Close()
	} else if !errors.Is(err, ErrNeedsRebuild) {
		return nil, false, nil, err
	} else if !errors.Is(err, errNoIndex) {
		healed = err
	}
	c, err := load()
	if err != nil {
		return nil, false, nil, err
	}
	ix, err = Build(ctx, dir, c, progress)
	if err != nil {
		return nil, false, nil, err
	}
	return ix, true, healed, nil
}

// build writes a complete index into the empty directory dir: one shard per
// core, each written by bleve's offline builder, which writes each batch as a
// segment file and merges them once at the end, instead of merging again and
// again as a live index would.
//
// The work is a pipeline: this goroutine turns documents into index documents,
// one worker per core analyses them, and one goroutine per shard feeds that
// shard's builder. A builder lays out every segment under one lock on one
// goroutine, so a single index keeps about one core busy however many there
// are; with a builder per shard the segment building runs in parallel too.
func build(ctx context.Context, dir string, c Corpus, progress func(done, total int)) error {
	return feed(ctx, c, progress, func(s, n, perBatch int) (shardSink, error) {
		b, err := newBuilder(shardDir(dir, s), perBatch, c.Stamp, n)
		if err != nil {
			return nil, err
		}
		return &diskShard{b: b, dir: shardDir(dir, s), stamp: c.Stamp, shards: n}, nil
	})
}

// shardSink takes one shard's analysed units during a build; Close writes
// what it still holds.
type shardSink interface {
	Index(d *document.Document) error
	Close() error
}

// diskShard is a shard written by bleve's offline builder.
type diskShard struct {
	b             *scorch.Builder
	dir           string
	stamp         uint64
	shards, units int
}

func (d *diskShard) Index(doc *document.Document) error {
	d.units++
	return d.b.Index(doc)
}

func (d *diskShard) Close() error {
	if d.units == 0 {
		// bleve's builder cannot write an index of nothing.
		return buildEmpty(d.dir, d.stamp, d.shards)
	}
	if err := d.b.Close(); err != nil {
		return fmt.Errorf("search index %s: %w", d.dir, err)
	}
	return nil
}

// feed runs the build pipeline (see build) into the shards open makes.
func feed(ctx context.Context, c Corpus, progress func(done, total int), open func(s, shards, perBatch int) (shardSink, error)) error {
	// Memory the heap no longer uses is given back to the system slowly,
	// and until then counts towards the process's memory: an import just
	// before (300 MB for a 100 MB document) would add to the build's peak,
	// and the build's own garbage to the merges' (see below) and to the
	// first search's. So the build starts and ends by giving it back.
	debug.FreeOSMemory()
	defer debug.FreeOSMemory()
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(memoryLimit(buildHeap)))
	n := shardCount()
	builders := make([]shardSink, n)
	// Each builder holds a batch of analysed units until it writes it; the
	// shards share batchTokens between them, so a build takes no more memory
	// for having more of them.
	//
	// The first document sets the batch size; it is read once, not again
	// for indexing (a second copy of a 100 MB text).
	var first *DocInput
	if c.Docs > 0 {
		var err error
		if first, err = c.Doc(0); err != nil {
			return err
		}
	}
	perUnit, err := unitsPerBatch(first)
	if err != nil {
		return err
	}
	perBatch := max(50, perUnit/n)
	if c.Docs == 1 {
		// One document's passages all go to one shard (the other holds
		// only memos): its builder may take the whole budget, writing half
		// as many segments for the final merge to join.
		perBatch = perUnit
	}
	for s := range builders {
		b, err := open(s, n, perBatch)
		if err != nil {
			return err
		}
		builders[s] = b
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		errOnce  sync.Once
		firstErr error
	)
	setErr := func(err error) { errOnce.Do(func() { firstErr = err; cancel() }) }

	// A job is a chunk of one document's units (or the memos) for one
	// shard; last marks a document's final chunk, for progress.
	type job struct {
		units []*document.Document
		shard int
		last  bool
	}
	workers := max(1, runtime.GOMAXPROCS(0))
	toAnalyse := make(chan job, workers)
	// An analysed document holds its tokens (megabytes for a long Chinese
	// transcript), so each shard keeps only one waiting: with more, the
	// documents queued for every shard add up to the heap's peak.
	analysed := make([]chan job, n)
	for s := range analysed {
		analysed[s] = make(chan job, 1)
	}

	var aw sync.WaitGroup
	for w := 0; w < workers; w++ {
		aw.Add(1)
		go func() {
			defer aw.Done()
			for j := range toAnalyse {
				for _, u := range j.units {
					preAnalyse(u)
				}
				analysed[j.shard] <- j
			}
		}()
	}
	var (
		fw       sync.WaitGroup
		progMu   sync.Mutex
		total    = c.Docs + 1
		docsDone = 0
	)
	for s := range builders {
		fw.Add(1)
		go func() {
			defer fw.Done()
			for j := range analysed[s] {
				if ctx.Err() != nil {
					continue // drain
				}
				for _, u := range j.units {
					if err := builders[s].Index(u); err != nil {
						setErr(fmt.Errorf("search index: %w", err))
						break
					}
				}
				if progress != nil && j.last {
					progMu.Lock()
					docsDone++
					progress(docsDone, total)
					progMu.Unlock()
				}
			}
		}()
	}

	send := func(j job) bool {
		select {
		case toAnalyse <- j:
			return true
		case <-ctx.Done():
			return false
		}
	}
	for i := 0; i < c.Docs && ctx.Err() == nil; i++ {
		in := first
		first = nil
		if i > 0 {
			var err error
			if in, err = c.Doc(i); err != nil {
				setErr(err)
				break
			}
		}
		shard := shardOf(in.Doc.ID, n)
		var held []*document.Document
		err := unitChunks(in, nil, chunkRunes, func(units []*document.Document) bool {
			// Hold one chunk back, so the document's last one is known.
			if held != nil && !send(job{units: held, shard: shard}) {
				return false
			}
			held = units
			return true
		})
		if err != nil {
			setErr(err)
			break
		}
		send(job{units: held, shard: shard, last: true})
	}
	memos := make([]*document.Document, len(c.Memos))
	for i := range c.Memos {
		memos[i] = memoUnit(&c.Memos[i])
	}
	send(job{units: memos, shard: memoShard, last: true})
	close(toAnalyse)
	aw.Wait()
	for _, ch := range analysed {
		close(ch)
	}
	fw.Wait()

	if firstErr == nil && ctx.Err() != nil {
		firstErr = ctx.Err()
	}
	// Close writes the last batch and merges; skip that work when failing.
	if firstErr != nil {
		return firstErr
	}
	// The merges map every segment file into memory (150 MB a shard for
	// 100 MB of text), on top of whatever the heap holds: the analysed
	// units are written now, so give their memory back first, and keep
	// the merges' garbage (they hold little live) from piling up.
	debug.FreeOSMemory()
	debug.SetMemoryLimit(memoryLimit(mergeHeap))
	// The shards' last batches and final merges run in parallel as well.
	errs := make([]error, n)
	var cw sync.WaitGroup
	for s, b := range builders {
		cw.Add(1)
		go func() {
			defer cw.Done()
			errs[s] = b.Close()
		}()
	}
	cw.Wait()
	return errors.Join(errs...)
}

// buildHeap is about twice what a build holds live at its peak: a batch of
// batchTokens analysed tokens per shard being built into a segment, and the
// chunks in flight; 80 to 90 MB measured for 100 MB of English. mergeHeap is
// the same for the final merges, which keep little live but make much
// garbage.
const (
	buildHeap = 192 << 20
	mergeHeap = 64 << 20
)

// memoryLimit is the soft memory limit a build runs under: what the process
// holds now, plus heap. The garbage collector otherwise lets the heap grow
// to twice all that is live, and what is live includes whatever the process
// held before (a 100 MB text kept for undo after its import made the build's
// heap peak 200 MB higher). The limit only makes collections come sooner;
// it never fails an allocation, and it is never raised above one already
// set.
func memoryLimit(heap int64) int64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return min(int64(ms.Sys-ms.HeapReleased)+heap, debug.SetMemoryLimit(-1))
}

// newBuilder starts bleve's offline builder on the empty directory dir, with
// the internal values every shard carries from the start; shards is how many
// shards the index has.
func newBuilder(dir string, batchSize int, stamp uint64, shards int) (*scorch.Builder, error) {
	mappingJSON, err := util.MarshalJSON(newMapping())
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("search index %s: %w", dir, err)
	}
	// What bleve.NewBuilder writes, done here because its builder only takes
	// documents through the reflection-based mapping.
	if err := os.WriteFile(filepath.Join(dir, "index_meta.json"), []byte(`{"storage":"scorch","index_type":"scorch"}`), 0o644); err != nil {
		return nil, fmt.Errorf("search index %s: %w", dir, err)
	}
	b, err := scorch.NewBuilder(map[string]interface{}{
		"path":            filepath.Join(dir, "store"),
		"buildPathPrefix": dir,
		"batchSize":       batchSize,
		"mergeMax":        16,
		"internal": map[string][]byte{
			string(util.MappingInternalKey): mappingJSON,
			string(keyVersion):              []byte(schemaVersion),
			string(keyStamp):                stampBytes(stamp),
			string(keyShards):               shardsBytes(shards),
		},
	})
	if err != nil {
		return nil, fmt.Errorf("search index %s: %w", dir, err)
	}
	return b, nil
}

// buildEmpty writes an empty shard into dir, for a project with no text yet
// or a shard no document hashed to.
func buildEmpty(dir string, stamp uint64, shards int) error {
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	bi, err := bleve.NewUsing(dir, newMapping(), scorch.Name, scorch.Name, nil)
	if err != nil {
		return fmt.Errorf("search index %s: %w", dir, err)
	}
	b := bi.NewBatch()
	b.SetInternal(keyVersion, []byte(schemaVersion))
	b.SetInternal(keyStamp, stampBytes(stamp))
	b.SetInternal(keyShards, shardsBytes(shards))
	if err := bi.Batch(b); err != nil {
		bi.Close()
		return fmt.Errorf("search index %s: %w", dir, err)
	}
	return bi.Close()
}

// unitsPerBatch turns batchTokens into the unit count bleve's builder
// batches by, from the tokens in the first document's passages (in, nil
// for a corpus without documents).
func unitsPerBatch(in *DocInput) (int, error) {
	const fallback, sampleRunes = 1000, 256 << 10
	if in == nil {
		return fallback, nil
	}
	// Count tokens in the first passages only (a quarter of a million
	// characters or so): the first document may be a hundred megabytes.
	var sample []qda.Span
	size := 0
	for _, p := range passagesOf(in.Doc) {
		if size >= sampleRunes {
			break
		}
		sp := p.Span
		sp.End = min(sp.End, sp.Start+sampleRunes)
		sample, size = append(sample, sp), size+sp.Len()
	}
	if len(sample) == 0 {
		return fallback, nil
	}
	texts, err := in.texts(sample)
	if err != nil {
		return 0, fmt.Errorf("search index: reading the text of %q: %w", in.Doc.Name, err)
	}
	n := 0
	for _, t := range texts {
		tokenize([]byte(t), func(token) { n++ })
	}
	perUnit := max(8, n/len(sample))
	return max(50, batchTokens/perUnit), nil
}

// analysedField is a text field analysed ahead of time on a worker; the
// builder's own call to Analyze, which would run on its single goroutine,
// does nothing.
type analysedField struct{ *document.TextField }

// Analyze implements index.Field; the analysis is already done.
func (analysedField) Analyze() {}

func preAnalyse(d *document.Document) {
	for i, f := range d.Fields {
		if tf, ok := f.(*document.TextField); ok && tf.Options().IsIndexed() {
			tf.Analyze()
			d.Fields[i] = analysedField{tf}
		}
	}
}

var _ index.Field = analysedField{}
