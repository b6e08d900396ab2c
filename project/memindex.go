package project

import (
	"context"
	"time"

	"coder/search"
)

// An encrypted project's search index lives in memory (see OpenIndex), where
// bleve never merges the segment each update adds to every shard: searches
// of the demo project were eight times slower after 200 codings. So once an
// in-memory index has taken many updates it is built afresh in the
// background, the old one serving searches meanwhile, and swapped in with
// the changes made during the build.

// memRefreshAfter is how many updates an in-memory index takes before it is
// rebuilt; memRefreshRest is how many times its last build's duration must
// have passed since, so a big project does not rebuild all day.
const (
	memRefreshAfter = 50
	memRefreshRest  = 10
)

// memIndex is the state of an in-memory index's refresh; guarded by ixMu.
type memIndex struct {
	updates    int           // updates since the index was built
	built      time.Time     // when it was built
	took       time.Duration // how long that took
	refreshing bool          // a rebuild is under way
	queued     []pendingChange
	cancel     context.CancelFunc
}

// builtInMemory records that ix was just built in memory, in took.
func (p *Project) builtInMemory(took time.Duration) {
	p.mem.stop()
	p.mem = memIndex{built: time.Now(), took: took}
}

// stop cancels a refresh under way.
func (m *memIndex) stop() {
	if m.cancel != nil {
		m.cancel()
	}
}

// notedMemUpdate counts an update applied to the in-memory index ix, queues
// it for a refresh under way, and starts one when due. The caller holds
// ixMu and actMu, so stamp is the store's counter now.
func (p *Project) notedMemUpdate(ix *search.Index, pc pendingChange) {
	if !ix.InMemory() {
		return
	}
	m := &p.mem
	m.updates++
	if m.refreshing {
		m.queued = append(m.queued, pc)
		return
	}
	if m.updates < memRefreshAfter || time.Since(m.built) < memRefreshRest*m.took {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	m.refreshing, m.queued, m.cancel = true, nil, cancel
	go p.refreshMemIndex(ctx, ix, pc.after)
}

// refreshMemIndex builds the index afresh from the project as of stamp (and
// later), brings it up to the changes queued meanwhile, and swaps it in for
// old, unless old is no longer the open index.
func (p *Project) refreshMemIndex(ctx context.Context, old *search.Index, stamp uint64) {
	p.buildMu.Lock() // not alongside a build or a reindex
	defer p.buildMu.Unlock()
	start := time.Now()
	c, err := p.corpus(stamp)
	var ix *search.Index
	if err == nil {
		ix, err = search.BuildInMemory(ctx, c, nil)
	}
	p.ixMu.Lock()
	queued := p.mem.queued
	p.mem.refreshing, p.mem.queued = false, nil
	for _, pc := range queued {
		if err != nil {
			break
		}
		err = p.applyChanges(ix, pc.changes, max(ix.Stamp(), pc.after))
	}
	if err != nil || p.index != old || ix.Stamp() != old.Stamp() {
		p.ixMu.Unlock()
		if ix != nil {
			ix.Close()
		}
		return
	}
	p.index = ix
	p.mem = memIndex{built: time.Now(), took: time.Since(start)}
	p.ixMu.Unlock()
	old.Close() // waits for searches still running on it
}
