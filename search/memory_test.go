package search_test

import (
	"context"
	"testing"
	"time"

	"coder/search"
)

// Ensure that an index built in memory finds what the one on disk finds,
// takes updates, and closes at once (there is no disk to wait for).
func TestBuildInMemory_FindsWhatTheDiskIndexFinds(t *testing.T) {
	disk, b := built(t)
	mem, err := search.BuildInMemory(context.Background(), search.CorpusFromBundle(b, 7), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !mem.InMemory() || disk.InMemory() {
		t.Errorf("InMemory() = %v (memory), %v (disk)", mem.InMemory(), disk.InMemory())
	}
	if mem.Stamp() != 7 {
		t.Errorf("Stamp() = %d, want 7", mem.Stamp())
	}
	for _, q := range []string{"mobilise", `"the quota"`, "reservoir OR petition", "征地", "地", "zeppelin"} {
		want, got := passages(find(t, disk, b, q)), passages(find(t, mem, b, q))
		if !sameSet(got, want) {
			t.Errorf("%s: in memory %v, on disk %v", q, got, want)
		}
	}
	if err := mem.SetStamp(8); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if err := mem.Close(); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Close took %v", d)
	}
}
