package project

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"coder/qda"
)

// Ensure that an encrypted project's in-memory index, after many codings,
// is rebuilt in the background and swapped in, and searches find the same
// before and after (codings included).
func TestMemIndex_RefreshedAfterManyUpdates(t *testing.T) {
	p, err := WriteDemo(filepath.Join(t.TempDir(), "d.coder"), Options{Backups: -1, IndexDir: t.TempDir(), Passphrase: "lantern"})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	ctx := context.Background()
	if _, err := p.OpenIndex(ctx, nil); err != nil {
		t.Fatal(err)
	}
	p.ixMu.Lock()
	first := p.index
	p.ixMu.Unlock()
	docs, _ := p.Documents()
	code, err := p.FindCode("Community logic")
	if err != nil {
		t.Fatal(err)
	}
	count := func() int {
		res, err := p.Search(ctx, `yard code:"Community logic"`, SearchOptions{Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		return res.Total
	}
	before := count()
	// Code until a refresh has started (after memRefreshAfter updates, once
	// ten times the first build's time has passed), then wait for the swap.
	swapped := func() (bool, bool) {
		p.ixMu.Lock()
		defer p.ixMu.Unlock()
		return p.index != first, p.mem.refreshing
	}
	for i := 0; i < 5000; i++ {
		if s, busy := swapped(); s || busy {
			break
		}
		d := docs[i%len(docs)]
		start := (i * 7) % (d.Chars - 20)
		if _, err := p.ApplyCode(d.ID, qda.Span{Start: start, End: start + 12}, code.ID); err != nil {
			t.Fatal(err)
		}
	}
	deadline := time.Now().Add(60 * time.Second)
	for {
		if s, busy := swapped(); s && !busy {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the in-memory index was not rebuilt after many codings")
		}
		time.Sleep(20 * time.Millisecond)
	}
	after := count()
	if after < before {
		t.Errorf("after the refresh the search finds %d, before the codings %d", after, before)
	}
	// The fresh index follows later changes as the old one did.
	d := docs[0]
	if _, err := p.ApplyCode(d.ID, qda.Span{Start: 0, End: 5}, code.ID); err != nil {
		t.Fatal(err)
	}
	if p.index.Stamp() != p.Changes() {
		t.Errorf("index stamp %d, store %d", p.index.Stamp(), p.Changes())
	}
}
