package search

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2"

	"coder/qda"
)

// schemaVersion changes whenever what is indexed or how it is analysed
// changes; an index with another version is rebuilt, never half-used.
const schemaVersion = "coder-search-1"

// Keys in the index's internal key/value store.
var (
	keyVersion = []byte("coder.version")
	keyStamp   = []byte("coder.stamp")
)

// ErrNeedsRebuild is wrapped by every error from Open that a rebuild cures: the
// index is missing, unreadable, corrupt or from another version of Coder.
// Test for it with errors.Is and call Build.
var ErrNeedsRebuild = errors.New("search index needs rebuilding")

// ErrClosed is returned by operations on an Index after Close.
var ErrClosed = errors.New("search index is closed")

// Index is an open search index. Its methods are safe for concurrent use;
// searches run alongside updates.
type Index struct {
	dir string

	mu    sync.RWMutex // guards bi against Close; bleve itself is concurrent
	bi    bleve.Index
	stamp atomic.Uint64
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
	if _, err := os.Stat(filepath.Join(dir, "index_meta.json")); err != nil {
		return nil, needsRebuild(dir, "there is no search index yet", err)
	}
	bi, err := openBleve(dir)
	if err != nil {
		return nil, needsRebuild(dir, "the search index cannot be read", err)
	}
	ix, err := check(dir, bi)
	if err != nil {
		bi.Close()
		return nil, err
	}
	return ix, nil
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

// check verifies an opened index is ours and readable, and loads its stamp.
func check(dir string, bi bleve.Index) (ix *Index, err error) {
	defer func() {
		if r := recover(); r != nil {
			ix, err = nil, needsRebuild(dir, "the search index is damaged", fmt.Errorf("bleve: %v", r))
		}
	}()
	v, err := bi.GetInternal(keyVersion)
	if err != nil {
		return nil, needsRebuild(dir, "the search index cannot be read", err)
	}
	if string(v) != schemaVersion {
		return nil, needsRebuild(dir, fmt.Sprintf("the search index was made by another version of Coder (%q)", v), nil)
	}
	s, err := bi.GetInternal(keyStamp)
	if err != nil || len(s) != 8 {
		return nil, needsRebuild(dir, "the search index has no valid stamp", err)
	}
	// Touch every segment: a count and a one-hit search read their headers,
	// dictionaries and stored-field sections.
	if _, err := bi.DocCount(); err != nil {
		return nil, needsRebuild(dir, "the search index is damaged", err)
	}
	req := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), 1, 0, false)
	req.Fields = []string{fDoc}
	if _, err := bi.Search(req); err != nil {
		return nil, needsRebuild(dir, "the search index is damaged", err)
	}
	ix = &Index{dir: dir, bi: bi}
	ix.stamp.Store(binary.BigEndian.Uint64(s))
	return ix, nil
}

func needsRebuild(dir, why string, cause error) error {
	err := ErrNeedsRebuild
	if cause != nil {
		err = fmt.Errorf("%w: %v", ErrNeedsRebuild, cause)
	}
	return &qda.Error{What: dir, Why: why, Fix: "Coder rebuilds it from the project; run `coder reindex` if it does not", Err: err}
}

// Close closes the index. Further calls on it return ErrClosed.
func (ix *Index) Close() error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.bi == nil {
		return nil
	}
	// Updates are applied without waiting for the disk (see openBleve);
	// closing waits for them, so a cleanly closed index opens current.
	// Batches persist in order: once a last one has, all have.
	last := ix.bi.NewBatch()
	last.SetInternal(keyStamp, stampBytes(ix.stamp.Load()))
	persisted := make(chan error, 1)
	last.SetPersistedCallback(func(err error) { persisted <- err })
	err := ix.bi.Batch(last)
	if err == nil {
		select {
		case err = <-persisted:
		case <-time.After(time.Minute):
			err = fmt.Errorf("search index %s: timed out writing to disk", ix.dir)
		}
	}
	if cerr := ix.bi.Close(); err == nil {
		err = cerr
	}
	ix.bi = nil
	return err
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
	if ix.bi == nil {
		return ErrClosed
	}
	if err := ix.bi.SetInternal(keyStamp, stampBytes(stamp)); err != nil {
		return fmt.Errorf("search index %s: recording stamp: %w", ix.dir, err)
	}
	ix.stamp.Store(stamp)
	return nil
}

// DocCount returns how many units (passages, segments and memos) are indexed.
func (ix *Index) DocCount() (uint64, error) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.bi == nil {
		return 0, ErrClosed
	}
	return ix.bi.DocCount()
}

func stampBytes(stamp uint64) []byte {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], stamp)
	return b[:]
}
