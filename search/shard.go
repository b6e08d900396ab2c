package search

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"path/filepath"
	"runtime"
	"slices"
	"sync"

	"github.com/blevesearch/bleve/v2"

	"coder/qda"
)

// maxShards bounds how many bleve indexes one project's index is split into.
// Each shard is built by its own builder, so a build uses as many cores as
// there are shards; a search asks every shard, so more shards than cores
// would only add work to each query.
const maxShards = 2

// memoShard is the shard that holds every memo: memos are few, and keeping
// them together keeps their updates in one batch.
const memoShard = 0

// shardCount is how many shards a new build writes on this machine.
func shardCount() int { return max(1, min(maxShards, runtime.GOMAXPROCS(0))) }

// shardDir is where shard s of the index in dir lives.
func shardDir(dir string, s int) string { return filepath.Join(dir, fmt.Sprintf("shard-%d", s)) }

// shardOf is the shard that holds every unit of document id among n shards.
// The hash is fixed (FNV-1a), so an index opened later routes updates to the
// shard its build chose.
func shardOf(id qda.ID, n int) int {
	if n <= 1 {
		return 0
	}
	h := fnv.New32a()
	h.Write([]byte(id))
	return int(h.Sum32() % uint32(n))
}

// searchShards runs req on every shard at once and merges the answers. Hits
// are unranked, so the merged order is shard 0's hits, then shard 1's, each
// in its index's own order: stable between searches, so pages do not overlap.
// (bleve's index alias would sort the union by score, which for unranked hits
// leaves their order to chance.) Call with ix.mu held.
func (ix *Index) searchShards(ctx context.Context, req *bleve.SearchRequest) (*bleve.SearchResult, error) {
	if len(ix.shards) == 1 {
		return ix.searchShard(ctx, 0, req)
	}
	results := make([]*bleve.SearchResult, len(ix.shards))
	errs := make([]error, len(ix.shards))
	var wg sync.WaitGroup
	for s := range ix.shards {
		// Each shard may hold the whole page, from the first hit on.
		r := *req
		r.From, r.Size = 0, req.From+req.Size
		r.Sort = req.Sort.Copy()
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[s], errs[s] = ix.searchShard(ctx, s, &r)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	res := results[0]
	for _, r := range results[1:] {
		res.Merge(r)
	}
	for name, fr := range req.Facets {
		res.Facets.Fixup(name, fr.Size)
	}
	hits := res.Hits
	hits = hits[min(req.From, len(hits)):]
	hits = hits[:min(req.Size, len(hits))]
	res.Hits = hits
	res.Request = req
	return res, nil
}

// shardsDictionary reads the text field's term dictionary of every shard,
// each term once, in order. Call with ix.mu held.
func (ix *Index) shardsDictionary() dictionary {
	if len(ix.shards) == 1 {
		return bleveDictionary(ix.shards[0])
	}
	return func(prefix string, keep func(string) bool) ([]string, error) {
		seen := map[string]bool{}
		var out []string
		for _, bi := range ix.shards {
			terms, err := bleveDictionary(bi)(prefix, keep)
			if err != nil {
				return nil, err
			}
			for _, t := range terms {
				if !seen[t] {
					seen[t] = true
					out = append(out, t)
				}
			}
		}
		slices.Sort(out)
		return out, nil
	}
}

// searchShard runs req on one shard. Whatever goes wrong reading it (bleve's
// "index read inconsistency detected" over a damaged segment, or a panic in
// its decoders) is an error wrapping ErrNeedsRebuild, the error a rebuild
// cures; only a cancelled search stays a cancellation.
func (ix *Index) searchShard(ctx context.Context, s int, req *bleve.SearchRequest) (res *bleve.SearchResult, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, needsRebuild(ix.dir, "the search index is damaged", fmt.Errorf("bleve: %v", r))
		}
	}()
	res, err = ix.shards[s].SearchInContext(ctx, req)
	if err != nil && ctx.Err() == nil {
		err = needsRebuild(ix.dir, "the search index cannot be read", err)
	}
	return res, err
}
