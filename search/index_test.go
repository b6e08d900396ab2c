package search_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/blevesearch/bleve/v2"

	"coder/qda"
	"coder/search"
)

// Ensure that a missing index is reported as needing a rebuild.
func TestOpen_MissingNeedsRebuild(t *testing.T) {
	_, err := search.Open(filepath.Join(t.TempDir(), "nothing-here"))
	if !errors.Is(err, search.ErrNeedsRebuild) {
		t.Fatalf("err = %v, want ErrNeedsRebuild", err)
	}
	var qe *qda.Error
	if !errors.As(err, &qe) || qe.Fix == "" {
		t.Errorf("err = %#v, want a *qda.Error that says what to do", err)
	}
}

// Ensure that the stamp given to Build survives closing and reopening, and
// SetStamp moves it.
func TestStamp_PersistsAcrossOpen(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	ix, err := search.Build(context.Background(), dir, search.CorpusFromBundle(fixture(), 41), nil)
	if err != nil {
		t.Fatal(err)
	}
	if ix.Stamp() != 41 {
		t.Errorf("Stamp() = %d after Build, want 41", ix.Stamp())
	}
	if err := ix.SetStamp(42); err != nil {
		t.Fatal(err)
	}
	ix.Close()
	ix, err = search.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if ix.Stamp() != 42 {
		t.Errorf("Stamp() = %d after reopening, want 42", ix.Stamp())
	}
}

// Ensure that Build reports progress up to the total and the index holds
// every unit.
func TestBuild_ReportsProgress(t *testing.T) {
	b := fixture()
	var last, total int
	ix, err := search.Build(context.Background(), t.TempDir(), search.CorpusFromBundle(b, 1), func(d, n int) { last, total = d, n })
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if total != len(b.Documents)+1 || last != total {
		t.Errorf("progress ended at %d of %d, want %d of %d", last, total, len(b.Documents)+1, len(b.Documents)+1)
	}
	n, _ := ix.DocCount()
	passages := 0
	for _, d := range b.Documents {
		passages += len(d.Passages)
	}
	if want := uint64(passages + len(b.Codings) + len(b.Memos)); n != want {
		t.Errorf("DocCount() = %d, want %d", n, want)
	}
}

// Ensure that a cancelled build leaves the previous index in place.
func TestBuild_CancelledKeepsOldIndex(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	ix, err := search.Build(context.Background(), dir, search.CorpusFromBundle(fixture(), 1), nil)
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := search.Build(ctx, dir, search.CorpusFromBundle(fixture(), 2), nil); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	ix, err = search.Open(dir)
	if err != nil {
		t.Fatalf("old index gone after a cancelled build: %v", err)
	}
	defer ix.Close()
	if ix.Stamp() != 1 {
		t.Errorf("Stamp() = %d, want the old 1", ix.Stamp())
	}
}

// Ensure that garbage in the index directory is reported as needing a
// rebuild, and that OpenOrBuild then rebuilds a working index.
func TestOpen_CorruptionIsDetectedAndRebuilt(t *testing.T) {
	for _, tc := range []struct {
		name    string
		corrupt func(t *testing.T, dir string)
	}{
		{"GarbageSegments", func(t *testing.T, dir string) {
			segs, _ := filepath.Glob(filepath.Join(dir, "shard-*", "store", "*.zap"))
			if len(segs) == 0 {
				t.Fatal("no segment files to corrupt")
			}
			for _, s := range segs {
				garbage(t, s)
			}
		}},
		{"FlippedSegmentBytes", func(t *testing.T, dir string) {
			// A few bytes in the middle: the segment's structure still
			// reads, only its checksum tells (bleve panicked in its own
			// goroutines on some of these).
			segs, _ := filepath.Glob(filepath.Join(dir, "shard-*", "store", "*.zap"))
			for _, s := range segs {
				data, _ := os.ReadFile(s)
				for i := len(data) / 2; i < len(data)/2+4; i++ {
					data[i] ^= 0x5A
				}
				os.WriteFile(s, data, 0o600)
			}
		}},
		{"FirstShardMissing", func(t *testing.T, dir string) {
			os.Remove(filepath.Join(dir, "shard-0", "index_meta.json"))
		}},
		{"GarbageRoot", func(t *testing.T, dir string) { garbageEach(t, dir, "store", "root.bolt") }},
		{"GarbageRootOfOneShard", func(t *testing.T, dir string) {
			shards, _ := filepath.Glob(filepath.Join(dir, "shard-*"))
			garbage(t, filepath.Join(shards[len(shards)-1], "store", "root.bolt"))
		}},
		{"MissingShard", func(t *testing.T, dir string) {
			shards, _ := filepath.Glob(filepath.Join(dir, "shard-*"))
			if len(shards) < 2 {
				t.Skip("this machine builds one shard (GOMAXPROCS 1), so none can go missing alone")
			}
			os.RemoveAll(shards[len(shards)-1])
		}},
		{"GarbageMeta", func(t *testing.T, dir string) { garbageEach(t, dir, "index_meta.json") }},
		{"EmptyDirectory", func(t *testing.T, dir string) {
			os.RemoveAll(dir)
			os.MkdirAll(dir, 0o755)
		}},
		{"TruncatedSegment", func(t *testing.T, dir string) {
			segs, _ := filepath.Glob(filepath.Join(dir, "shard-*", "store", "*.zap"))
			if len(segs) == 0 {
				t.Fatal("no segment files to truncate")
			}
			for _, s := range segs {
				os.Truncate(s, 100)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := fixture()
			dir := filepath.Join(t.TempDir(), "index")
			ix, err := search.Build(context.Background(), dir, search.CorpusFromBundle(b, 3), nil)
			if err != nil {
				t.Fatal(err)
			}
			ix.Close()
			tc.corrupt(t, dir)
			if ix, err := search.Open(dir); !errors.Is(err, search.ErrNeedsRebuild) {
				if err == nil {
					ix.Close()
				}
				t.Fatalf("Open after corruption: err = %v, want ErrNeedsRebuild", err)
			}
			ix, rebuilt, healed, err := search.OpenOrBuild(context.Background(), dir, 3,
				func() (search.Corpus, error) { return search.CorpusFromBundle(b, 3), nil }, nil)
			if err != nil || !rebuilt {
				t.Fatalf("OpenOrBuild: rebuilt %v, err %v", rebuilt, err)
			}
			// What was there and unusable is named, for the user to hear
			// of it; an empty folder is no index at all.
			if (healed == nil) != (tc.name == "EmptyDirectory") {
				t.Errorf("OpenOrBuild: healed = %v", healed)
			}
			defer ix.Close()
			if res := find(t, ix, b, "quota"); res.Total != 3 {
				t.Errorf("rebuilt index finds %d hits for quota, want 3", res.Total)
			}
		})
	}
}

// Ensure that an index whose shards were stamped differently (an update cut
// off between two shards' batches) is rebuilt rather than half-trusted.
func TestOpen_ShardsWithDifferentStampsNeedRebuild(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	ix, err := search.Build(context.Background(), dir, search.CorpusFromBundle(fixture(), 4), nil)
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	shards, _ := filepath.Glob(filepath.Join(dir, "shard-*"))
	if len(shards) < 2 {
		t.Skip("this machine builds one shard (GOMAXPROCS 1), so shards cannot disagree")
	}
	bi, err := bleve.Open(shards[1])
	if err != nil {
		t.Fatal(err)
	}
	if err := bi.SetInternal([]byte("coder.stamp"), []byte{0, 0, 0, 0, 0, 0, 0, 5}); err != nil {
		t.Fatal(err)
	}
	bi.Close()
	if ix, err := search.Open(dir); !errors.Is(err, search.ErrNeedsRebuild) {
		if err == nil {
			ix.Close()
		}
		t.Fatalf("Open: err = %v, want ErrNeedsRebuild", err)
	}
}

// Ensure that an index in the single-directory layout of earlier versions
// is rebuilt.
func TestOpen_EarlierLayoutNeedsRebuild(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "index_meta.json"), []byte(`{"storage":"scorch","index_type":"scorch"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := search.Open(dir); !errors.Is(err, search.ErrNeedsRebuild) {
		t.Fatalf("Open: err = %v, want ErrNeedsRebuild", err)
	}
}

// garbageEach overwrites the file at path (relative to a shard) in every
// shard of the index in dir.
func garbageEach(t *testing.T, dir string, path ...string) {
	t.Helper()
	shards, _ := filepath.Glob(filepath.Join(dir, "shard-*"))
	if len(shards) == 0 {
		t.Fatal("no shards in the index")
	}
	for _, s := range shards {
		garbage(t, filepath.Join(append([]string{s}, path...)...))
	}
}

// garbage overwrites a file with bytes no index writes.
func garbage(t *testing.T, path string) {
	t.Helper()
	junk := make([]byte, 4096)
	for i := range junk {
		junk[i] = byte(i*131 + 7)
	}
	if err := os.WriteFile(path, junk, 0o644); err != nil {
		t.Fatal(err)
	}
}

// Ensure that OpenOrBuild rebuilds a stale index and leaves a current one.
func TestOpenOrBuild_StaleStampRebuilds(t *testing.T) {
	b := fixture()
	dir := filepath.Join(t.TempDir(), "index")
	load := func() (search.Corpus, error) { return search.CorpusFromBundle(b, 5), nil }
	ix, rebuilt, _, err := search.OpenOrBuild(context.Background(), dir, 5, load, nil)
	if err != nil || !rebuilt {
		t.Fatalf("first open: rebuilt %v, err %v", rebuilt, err)
	}
	ix.Close()
	ix, rebuilt, _, err = search.OpenOrBuild(context.Background(), dir, 5, load, nil)
	if err != nil || rebuilt {
		t.Fatalf("current index: rebuilt %v, err %v", rebuilt, err)
	}
	ix.Close()
	ix, rebuilt, _, err = search.OpenOrBuild(context.Background(), dir, 6, func() (search.Corpus, error) { return search.CorpusFromBundle(b, 6), nil }, nil)
	if err != nil || !rebuilt || ix.Stamp() != 6 {
		t.Fatalf("stale index: rebuilt %v, err %v", rebuilt, err)
	}
	ix.Close()
}

// Ensure that incremental updates keep the index in step with the project:
// uncoding, recoding, case changes, removal and memos.
func TestApply_IncrementalUpdates(t *testing.T) {
	ix, b := built(t)
	corpus := search.CorpusFromBundle(b, 0)
	docIndex := map[qda.ID]int{}
	for i, d := range b.Documents {
		docIndex[d.ID] = i
	}
	input := func(id qda.ID) search.DocInput {
		in, _ := corpus.Doc(docIndex[id])
		return *in
	}

	t.Run("Uncoding", func(t *testing.T) {
		in := input(docHead)
		in.Codings = nil
		if err := ix.IndexDocument(in, 8); err != nil {
			t.Fatal(err)
		}
		if got := passages(find(t, ix, b, `code:"Political logic"`)); !sameSet(got, []string{"Township notice 2019#1"}) {
			t.Errorf("after uncoding: %v", got)
		}
		if got := find(t, ix, b, "county report", func(o *search.Options) { o.Units = []search.Unit{search.Segments} }); got.Total != 0 {
			t.Errorf("the removed coding's segment is still found")
		}
		if ix.Stamp() != 8 {
			t.Errorf("Stamp() = %d, want 8", ix.Stamp())
		}
	})
	t.Run("CodingAndCaseChange", func(t *testing.T) {
		in := input(docNotes)
		in.Cases = []string{"H Township"}
		in.Codings = []search.CodingInput{{ID: "00000000-0000-4000-8000-000000000059", CodePath: "Trust",
			Span: spanOf(b.Documents[3], "Rain all afternoon"), Coder: "Ann"}}
		if err := ix.IndexDocument(in, 9); err != nil {
			t.Fatal(err)
		}
		if got := passages(find(t, ix, b, "code:Trust")); !sameSet(got, []string{"Field notes March#1"}) {
			t.Errorf("new coding: %v", got)
		}
		if got := passages(find(t, ix, b, `quota case:"H Township"`)); !sameSet(got, []string{"Field notes March#0"}) {
			t.Errorf("new case: %v", got)
		}
	})
	t.Run("RemoveDocument", func(t *testing.T) {
		if err := ix.RemoveDocument(docRes, 10); err != nil {
			t.Fatal(err)
		}
		if got := passages(find(t, ix, b, "reservoir")); !sameSet(got, []string{"Field notes March#1"}) {
			t.Errorf("after removal: %v", got)
		}
		if got := find(t, ix, b, "harvest", func(o *search.Options) { o.Units = []search.Unit{search.Segments} }); got.Total != 0 {
			t.Errorf("the removed document's segment is still found")
		}
	})
	t.Run("Memos", func(t *testing.T) {
		m := search.MemoInput{ID: "00000000-0000-4000-8000-000000000069", On: qda.OnProject, Title: "Hunch", Text: "The reservoir story keeps returning."}
		if err := ix.IndexMemo(m, 11); err != nil {
			t.Fatal(err)
		}
		memos := func(o *search.Options) { o.Units = []search.Unit{search.Memos} }
		if got := find(t, ix, b, "reservoir", memos); got.Total != 1 || got.Hits[0].Title != "Hunch" {
			t.Errorf("new memo: %+v", got.Hits)
		}
		if err := ix.RemoveMemo(m.ID, 12); err != nil {
			t.Fatal(err)
		}
		if got := find(t, ix, b, "reservoir", memos); got.Total != 0 {
			t.Errorf("removed memo still found")
		}
		if ix.Stamp() != 12 {
			t.Errorf("Stamp() = %d, want 12", ix.Stamp())
		}
	})
}

// Ensure that a closed index refuses work instead of crashing.
func TestIndex_ClosedRefuses(t *testing.T) {
	ix, b := built(t)
	ix.Close()
	if _, err := ix.Search(context.Background(), "quota", search.Options{Docs: lookupIn(b)}); !errors.Is(err, search.ErrClosed) {
		t.Errorf("Search after Close: %v", err)
	}
	if err := ix.SetStamp(1); !errors.Is(err, search.ErrClosed) {
		t.Errorf("SetStamp after Close: %v", err)
	}
}

// Ensure that searches run while updates are applied, and see either the
// old or the new state of a document, never an error.
func TestIndex_SearchDuringUpdates(t *testing.T) {
	ix, b := built(t)
	in, _ := search.CorpusFromBundle(b, 0).Doc(0)
	done := make(chan error)
	go func() {
		for i := 0; i < 20; i++ {
			if err := ix.IndexDocument(*in, uint64(100+i)); err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	for {
		select {
		case err := <-done:
			if err != nil {
				t.Fatal(err)
			}
			if ix.Stamp() != 119 {
				t.Errorf("Stamp() = %d, want 119", ix.Stamp())
			}
			return
		default:
			if res := find(t, ix, b, "mobilised"); res.Total != 2 {
				t.Fatalf("total %d during updates, want 2", res.Total)
			}
		}
	}
}

// Ensure that a new project with nothing in it still gets a working index,
// which then takes its first import.
func TestBuild_EmptyProject(t *testing.T) {
	empty := &qda.Bundle{}
	ix, err := search.Build(context.Background(), filepath.Join(t.TempDir(), "index"), search.CorpusFromBundle(empty, 1), nil)
	if err != nil {
		t.Fatalf("Build of an empty project: %v", err)
	}
	defer ix.Close()
	if res := find(t, ix, empty, "quota"); res.Total != 0 {
		t.Errorf("empty index finds %d hits", res.Total)
	}
	b := fixture()
	in, _ := search.CorpusFromBundle(b, 2).Doc(0)
	if err := ix.IndexDocument(*in, 2); err != nil {
		t.Fatal(err)
	}
	if res := find(t, ix, b, "quota"); res.Total != 2 || ix.Stamp() != 2 {
		t.Errorf("after the first import: %d hits, stamp %d", res.Total, ix.Stamp())
	}
}
