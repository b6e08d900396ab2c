package search

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
)

// BuildInMemory indexes the corpus into an index that lives in memory only,
// for a project whose text must never reach the disk in clear (an encrypted
// one). It is built like one on disk, shard by shard, and searched and
// updated the same way; it is gone when closed, so it is built on every open.
func BuildInMemory(ctx context.Context, c Corpus, progress func(done, total int)) (*Index, error) {
	ix := &Index{}
	shards := make([]bleve.Index, shardCount())
	err := feed(ctx, c, progress, func(s, n, perBatch int) (shardSink, error) {
		bi, err := bleve.NewUsing("", newMapping(), scorch.Name, scorch.Name, nil)
		if err != nil {
			return nil, fmt.Errorf("search index in memory: %w", err)
		}
		shards[s] = bi
		return &memShard{bi: bi, batch: bi.NewBatch(), limit: perBatch, stamp: c.Stamp, shards: n}, nil
	})
	for _, bi := range shards {
		if bi != nil {
			ix.shards = append(ix.shards, bi)
		}
	}
	if err != nil {
		ix.closeShards()
		return nil, err
	}
	ix.stamp.Store(c.Stamp)
	return ix, nil
}

// memShard batches a shard's units into an index in memory. Each batch
// becomes one segment that is never merged (scorch merges only on disk),
// so batches are as big as a build's.
type memShard struct {
	bi          bleve.Index
	batch       *bleve.Batch
	size, limit int
	stamp       uint64
	shards      int
}

func (m *memShard) Index(d *document.Document) error {
	if err := m.batch.IndexAdvanced(d); err != nil {
		return err
	}
	m.size++
	if m.size >= m.limit {
		return m.flush()
	}
	return nil
}

func (m *memShard) flush() error {
	err := m.bi.Batch(m.batch)
	m.batch, m.size = m.bi.NewBatch(), 0
	return err
}

func (m *memShard) Close() error {
	m.batch.SetInternal(keyVersion, []byte(schemaVersion))
	m.batch.SetInternal(keyStamp, stampBytes(m.stamp))
	m.batch.SetInternal(keyShards, shardsBytes(m.shards))
	return m.flush()
}

// InMemory reports whether the index lives in memory only.
func (ix *Index) InMemory() bool { return ix.dir == "" }
