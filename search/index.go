package search

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2"

	"coder/qda"
)

// schemaVersion changes whenever what is indexed or how it is analysed
// changes; an index with another version is rebuilt, never half-used.
const schemaVersion = "coder-search-3"

// Keys in the index's internal key/value store.
var (
	keyVersion = []byte("coder.version")
	keyStamp   = []byte("coder.stamp")
	keyShards  = []byte("coder.shards") // how many shards the index was built with
)

// ErrNeedsRebuild is wrapped by every error from Open that a rebuild cures: the
// index is missing, unreadable, corrupt or from another version of Coder.
// Test for it with errors.Is and call Build.
var ErrNeedsRebuild = errors.New("search index needs rebuilding")

// errNoIndex is wrapped by Open's error when there is no index at all: the
// one reason to build that is not worth a word to the user.
var errNoIndex = errors.New("no search index")

// ErrClosed is returned by operations on an Index after Close.
var ErrClosed = errors.New("search index is closed")

// Index is an open search index. Its methods are safe for concurrent use;
// searches run alongside updates.
//
// On disk it is a few bleve indexes, the shards (see shard.go), each holding
// every unit of the documents that hash to it; searches ask all of them.
type Index struct {
	dir string

	mu     sync.RWMutex // guards shards against Close; bleve itself is concurrent
	shards []bleve.Index
	stamp  atomic.Uint64
	// applyMu serialises updates, so two re-indexings of one document cannot
	// interleave; searches never wait for it.
	applyMu sync.Mutex
}

// Dir returns the directory the index lives in.
func (ix *Index) Dir() string { return ix.dir }

// Open opens the index in dir. An index that is missing, corrupt or from
// another version of Coder gives an error wrapping ErrNeedsRebuild; the caller
// then builds it afresh with Build (OpenOrBuild does both).
func Open(dir string) (*Index, error) {
	n := 0
	for ; ; n++ {
		if _, err := os.Stat(filepath.Join(shardDir(dir, n), "index_meta.json")); err != nil {
			break
		}
	}
	if n == 0 {
		if _, err := os.Stat(filepath.Join(dir, "index_meta.json")); err == nil {
			return nil, needsRebuild(dir, "the search index was made by another version of Coder", nil)
		}
		if parts, _ := filepath.Glob(shardDir(dir, 0) + "*"); len(parts) > 0 {
			return nil, needsRebuild(dir, "the search index is damaged", errors.New("a part of it is missing"))
		}
		return nil, needsRebuild(dir, "there is no search index yet", errNoIndex)
	}
	ix := &Index{dir: dir}
	for s := 0; s < n; s++ {
		sdir := shardDir(dir, s)
		if err := verifyShard(sdir); err != nil {
			ix.closeShards()
			return nil, needsRebuild(dir, "the search index is damaged", err)
		}
		bi, err := openBleve(sdir)
		if err != nil {
			ix.closeShards()
			return nil, needsRebuild(dir, "the search index cannot be read", err)
		}
		ix.shards = append(ix.shards, bi)
		stamp, shards, err := check(sdir, bi)
		if err != nil {
			ix.closeShards()
			return nil, err
		}
		// A lost shard would silently take its documents with it, and
		// updates would be routed as if it had never been.
		if shards != n {
			ix.closeShards()
			return nil, needsRebuild(dir, fmt.Sprintf("the search index has %d of its %d parts", n, shards), nil)
		}
		// Updates write the stamp into every shard in the batch of that
		// shard's changes; shards that disagree were cut off between two
		// batches, and which changes the index lacks is unknown.
		if s > 0 && stamp != ix.stamp.Load() {
			ix.closeShards()
			return nil, needsRebuild(dir, "the search index was not fully written (its parts disagree)", nil)
		}
		ix.stamp.Store(stamp)
	}
	return ix, nil
}

// closeShards closes whatever shards are open, for an Open that fails.
func (ix *Index) closeShards() {
	for _, bi := range ix.shards {
		bi.Close()
	}
	ix.shards = nil
}

// openBleve opens a bleve index, turning a panic inside bleve (which some
// kinds of garbage in segment files provoke) into an error.
func openBleve(dir string) (bi bleve.Index, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("bleve: %v", r)
		}
	}()
	// Updates need not wait for the disk: the stamp is written in the same
	// batch as the changes it covers, so after a crash an index either has
	// both or neither, and a stale stamp makes the caller rebuild.
	return bleve.OpenUsing(dir, map[string]interface{}{"unsafe_batch": true})
}

// check verifies an opened shard is ours and readable, and returns its stamp
// and how many shards its index was built with.
func check(dir string, bi bleve.Index) (stamp uint64, shards int, err error) {
	defer func() {
		if r := recover(); r != nil {
			stamp, shards, err = 0, 0, needsRebuild(dir, "the search index is damaged", fmt.Errorf("bleve: %v", r))
		}
	}()
	v, err := bi.GetInternal(keyVersion)
	if err != nil {
		return 0, 0, needsRebuild(dir, "the search index cannot be read", err)
	}
	if string(v) != schemaVersion {
		return 0, 0, needsRebuild(dir, fmt.Sprintf("the search index was made by another version of Coder (%q)", v), nil)
	}
	s, err := bi.GetInternal(keyStamp)
	if err != nil || len(s) != 8 {
		return 0, 0, needsRebuild(dir, "the search index has no valid stamp", err)
	}
	sh, err := bi.GetInternal(keyShards)
	if err != nil {
		return 0, 0, needsRebuild(dir, "the search index cannot be read", err)
	}
	shards, err = strconv.Atoi(string(sh))
	if err != nil || shards < 1 {
		return 0, 0, needsRebuild(dir, "the search index does not say how many parts it has", err)
	}
	// Touch every segment: a count and a one-hit search read their headers,
	// dictionaries and stored-field sections.
	if _, err := bi.DocCount(); err != nil {
		return 0, 0, needsRebuild(dir, "the search index is damaged", err)
	}
	req := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), 1, 0, false)
	req.Fields = []string{fDoc}
	if _, err := bi.Search(req); err != nil {
		return 0, 0, needsRebuild(dir, "the search index is damaged", err)
	}
	return binary.BigEndian.Uint64(s), shards, nil
}

func needsRebuild(dir, why string, cause error) error {
	err := ErrNeedsRebuild
	if cause != nil {
		err = fmt.Errorf("%w: %w", ErrNeedsRebuild, cause)
	}
	return &qda.Error{What: dir, Why: why, Fix: "Coder rebuilds it from the project; run `coder reindex` if it does not", Err: err}
}

// Close closes the index. Further calls on it return ErrClosed.
func (ix *Index) Close() error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.shards == nil {
		return nil
	}
	// Updates are applied without waiting for the disk (see openBleve);
	// closing waits for them, so a cleanly closed index opens current.
	// Batches persist in order: once a shard's last one has, all have.
	if ix.InMemory() {
		// Nothing to write: the index goes with the memory it lives in.
		errs := make([]error, len(ix.shards))
		for s, bi := range ix.shards {
			errs[s] = bi.Close()
		}
		ix.shards = nil
		return errors.Join(errs...)
	}
	stamp := stampBytes(ix.stamp.Load())
	errs := make([]error, len(ix.shards))
	var wg sync.WaitGroup
	for s, bi := range ix.shards {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// A damaged index may panic in bleve as it writes; closing
			// then fails with the damage named, and the next Open rebuilds.
			defer func() {
				if r := recover(); r != nil {
					errs[s] = needsRebuild(ix.dir, "the search index is damaged", fmt.Errorf("bleve: %v", r))
					bi.Close()
				}
			}()
			last := bi.NewBatch()
			last.SetInternal(keyStamp, stamp)
			persisted := make(chan error, 1)
			last.SetPersistedCallback(func(err error) { persisted <- err })
			err := bi.Batch(last)
			if err == nil {
				select {
				case err = <-persisted:
				case <-time.After(time.Minute):
					err = fmt.Errorf("search index %s: timed out writing to disk", shardDir(ix.dir, s))
				}
			}
			if cerr := bi.Close(); err == nil {
				err = cerr
			}
			errs[s] = err
		}()
	}
	wg.Wait()
	ix.shards = nil
	return errors.Join(errs...)
}

// Stamp returns the change counter the index was last brought up to date with.
// When it differs from the store's counter the index is stale.
func (ix *Index) Stamp() uint64 { return ix.stamp.Load() }

// SetStamp records the store change counter the index now reflects.
func (ix *Index) SetStamp(stamp uint64) error {
	ix.applyMu.Lock()
	defer ix.applyMu.Unlock()
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.shards == nil {
		return ErrClosed
	}
	for s, bi := range ix.shards {
		if err := bi.SetInternal(keyStamp, stampBytes(stamp)); err != nil {
			return fmt.Errorf("search index %s: recording stamp: %w", shardDir(ix.dir, s), err)
		}
	}
	ix.stamp.Store(stamp)
	return nil
}

// DocCount returns how many units (passages, segments and memos) are indexed.
func (ix *Index) DocCount() (uint64, error) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.shards == nil {
		return 0, ErrClosed
	}
	var n uint64
	for _, bi := range ix.shards {
		c, err := bi.DocCount()
		if err != nil {
			return 0, fmt.Errorf("search index %s: %w", ix.dir, err)
		}
		n += c
	}
	return n, nil
}

func shardsBytes(n int) []byte { return []byte(strconv.Itoa(n)) }

func stampBytes(stamp uint64) []byte {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], stamp)
	return b[:]
}
