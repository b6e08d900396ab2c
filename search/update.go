package search

import (
	"errors"
	"fmt"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"coder/qda"
)

// Update is a set of changes applied to the index in one batch, together with
// the store change counter they bring it up to. Each shard takes its part
// and the stamp in one batch, so a shard's stamp never claims changes it
// lacks; after a crash between two shards' batches their stamps differ and
// Open asks for a rebuild.
type Update struct {
	Docs        []DocInput  // documents to (re)index with all their passages and segments
	RemoveDocs  []qda.ID    // documents to drop, with their passages and segments
	Memos       []MemoInput // memos to (re)index
	RemoveMemos []qda.ID    // memos to drop
	// Partial re-indexes parts of documents: after codings are added or
	// removed, only the passages they overlap and their own segments change,
	// which for a long transcript is a few units instead of hundreds.
	Partial []Partial
	Stamp   uint64 // the store's change counter after these changes
}

// Partial names the parts of one document to re-index.
type Partial struct {
	In       DocInput // the document as it is now, with all its codings
	Passages []int    // indexes into the document's passages
	Codings  []qda.ID // codings whose segments to drop and, if they still exist, re-index
}

func (p *Partial) hasPassage(i int) bool {
	for _, x := range p.Passages {
		if x == i {
			return true
		}
	}
	return false
}

func (p *Partial) hasCoding(id qda.ID) bool {
	for _, x := range p.Codings {
		if x == id {
			return true
		}
	}
	return false
}

// Apply brings the index up to date with u. Re-indexing a document first drops
// every unit it had, so codings that were removed disappear too. Call it after
// an import, a coding or uncoding, a case or attribute change (re-index the
// documents concerned) and after memo edits.
func (ix *Index) Apply(u Update) error {
	ix.applyMu.Lock()
	defer ix.applyMu.Unlock()
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.shards == nil {
		return ErrClosed
	}
	n := len(ix.shards)
	batches := make([]*bleve.Batch, n)
	for s, bi := range ix.shards {
		batches[s] = bi.NewBatch()
	}
	batchOf := func(doc qda.ID) *bleve.Batch { return batches[shardOf(doc, n)] }
	drop := make([]qda.ID, 0, len(u.Docs)+len(u.RemoveDocs))
	for i := range u.Docs {
		drop = append(drop, u.Docs[i].Doc.ID)
	}
	drop = append(drop, u.RemoveDocs...)
	for _, id := range drop {
		ids, err := ix.unitsOfDoc(id)
		if err != nil {
			return err
		}
		b := batchOf(id)
		for _, uid := range ids {
			b.Delete(uid)
		}
	}
	for i := range u.Partial {
		pa := &u.Partial[i]
		b := batchOf(pa.In.Doc.ID)
		for _, p := range pa.Passages {
			b.Delete(passageID(pa.In.Doc.ID, p))
		}
		for _, id := range pa.Codings {
			b.Delete(segmentID(id))
		}
		units, err := unitsOf(&pa.In, pa)
		if err != nil {
			return err
		}
		for _, d := range units {
			if err := b.IndexAdvanced(d); err != nil {
				return fmt.Errorf("search index: indexing %q: %w", pa.In.Doc.Name, err)
			}
		}
	}
	for i := range u.Docs {
		b := batchOf(u.Docs[i].Doc.ID)
		units, err := unitsOf(&u.Docs[i], nil)
		if err != nil {
			return err
		}
		for _, d := range units {
			if err := b.IndexAdvanced(d); err != nil {
				return fmt.Errorf("search index: indexing %q: %w", u.Docs[i].Doc.Name, err)
			}
		}
	}
	memos := batches[memoShard]
	for _, id := range u.RemoveMemos {
		memos.Delete(memoID(id))
	}
	for i := range u.Memos {
		if err := memos.IndexAdvanced(memoUnit(&u.Memos[i])); err != nil {
			return fmt.Errorf("search index: indexing memo %q: %w", u.Memos[i].Title, err)
		}
	}
	// Every shard records the stamp with its own changes, even a shard with
	// none: Open takes shards whose stamps differ for an update cut short.
	errs := make([]error, n)
	var wg sync.WaitGroup
	for s, bi := range ix.shards {
		batches[s].SetInternal(keyStamp, stampBytes(u.Stamp))
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := bi.Batch(batches[s]); err != nil {
				errs[s] = fmt.Errorf("search index %s: %w", shardDir(ix.dir, s), err)
			}
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	ix.stamp.Store(u.Stamp)
	return nil
}

// IndexDocument re-indexes one document and records stamp.
func (ix *Index) IndexDocument(in DocInput, stamp uint64) error {
	return ix.Apply(Update{Docs: []DocInput{in}, Stamp: stamp})
}

// RemoveDocument drops one document's passages and segments and records stamp.
func (ix *Index) RemoveDocument(id qda.ID, stamp uint64) error {
	return ix.Apply(Update{RemoveDocs: []qda.ID{id}, Stamp: stamp})
}

// IndexMemo re-indexes one memo and records stamp.
func (ix *Index) IndexMemo(m MemoInput, stamp uint64) error {
	return ix.Apply(Update{Memos: []MemoInput{m}, Stamp: stamp})
}

// RemoveMemo drops one memo and records stamp.
func (ix *Index) RemoveMemo(id qda.ID, stamp uint64) error {
	return ix.Apply(Update{RemoveMemos: []qda.ID{id}, Stamp: stamp})
}

// unitsOfDoc lists the IDs of a document's passages and segments (not memos
// written about it, which have their own life).
func (ix *Index) unitsOfDoc(id qda.ID) ([]string, error) {
	doc := query.NewTermQuery(string(id))
	doc.SetField(fDoc)
	p := query.NewTermQuery(unitPassage)
	p.SetField(fType)
	s := query.NewTermQuery(unitSegment)
	s.SetField(fType)
	q := query.NewConjunctionQuery([]query.Query{doc, query.NewDisjunctionQuery([]query.Query{p, s})})
	var ids []string
	const page = 10000
	for from := 0; ; from += page {
		req := bleve.NewSearchRequestOptions(q, page, from, false)
		req.SortBy([]string{"_id"})
		res, err := ix.shards[shardOf(id, len(ix.shards))].Search(req)
		if err != nil {
			return nil, fmt.Errorf("search index %s: finding the units of document %s: %w", ix.dir, id, err)
		}
		for _, h := range res.Hits {
			ids = append(ids, h.ID)
		}
		if len(res.Hits) < page {
			return ids, nil
		}
	}
}
