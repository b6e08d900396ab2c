package merge_test

import (
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"coder/merge"
	"coder/qda"
)

// canon is a bundle's content in a fixed order, for comparing projects.
func canon(t *testing.T, b *qda.Bundle) string {
	t.Helper()
	c := copyOf(b)
	sort.Slice(c.Coders, func(i, j int) bool { return c.Coders[i].ID < c.Coders[j].ID })
	sort.Slice(c.Codes, func(i, j int) bool { return c.Codes[i].ID < c.Codes[j].ID })
	sort.Slice(c.Documents, func(i, j int) bool { return c.Documents[i].ID < c.Documents[j].ID })
	sort.Slice(c.Codings, func(i, j int) bool { return c.Codings[i].ID < c.Codings[j].ID })
	sort.Slice(c.Cases, func(i, j int) bool { return c.Cases[i].ID < c.Cases[j].ID })
	sort.Slice(c.Variables, func(i, j int) bool { return c.Variables[i].ID < c.Variables[j].ID })
	sort.Slice(c.Values, func(i, j int) bool {
		return c.Values[i].Owner+c.Values[i].Variable < c.Values[j].Owner+c.Values[j].Variable
	})
	sort.Slice(c.Memos, func(i, j int) bool { return c.Memos[i].ID < c.Memos[j].ID })
	sort.Slice(c.Tombstones, func(i, j int) bool { return c.Tombstones[i].ID < c.Tombstones[j].ID })
	slices.SortFunc(c.Rejections, qda.CompareRejections)
	for i := range c.Cases {
		if len(c.Cases[i].Documents) == 0 {
			c.Cases[i].Documents = nil
		}
	}
	type textless struct {
		*qda.Bundle
		Texts []string
	}
	tl := textless{Bundle: c}
	for _, d := range c.Documents {
		tl.Texts = append(tl.Texts, d.Text)
	}
	for _, s := range []any{&c.Coders, &c.Codes, &c.Documents, &c.Codings, &c.Cases, &c.Variables, &c.Values, &c.Memos, &c.CodeSets, &c.Tombstones} {
		nilIfEmpty(s)
	}
	data, err := json.MarshalIndent(tl, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func nilIfEmpty(p any) {
	switch s := p.(type) {
	case *[]qda.Coder:
		if len(*s) == 0 {
			*s = nil
		}
	case *[]qda.Code:
		if len(*s) == 0 {
			*s = nil
		}
	case *[]qda.Document:
		if len(*s) == 0 {
			*s = nil
		}
	case *[]qda.Coding:
		if len(*s) == 0 {
			*s = nil
		}
	case *[]qda.Case:
		if len(*s) == 0 {
			*s = nil
		}
	case *[]qda.Variable:
		if len(*s) == 0 {
			*s = nil
		}
	case *[]qda.Value:
		if len(*s) == 0 {
			*s = nil
		}
	case *[]qda.Memo:
		if len(*s) == 0 {
			*s = nil
		}
	case *[]qda.CodeSet:
		if len(*s) == 0 {
			*s = nil
		}
	case *[]qda.Tombstone:
		if len(*s) == 0 {
			*s = nil
		}
	}
}

func m(a, b *qda.Bundle) *qda.Bundle {
	out, _ := merge.Merge(a, b)
	return out
}

// sameProject fails the test with the first differing line when a and b
// differ.
func sameProject(t *testing.T, what string, a, b *qda.Bundle) bool {
	t.Helper()
	ca, cb := canon(t, a), canon(t, b)
	if ca == cb {
		return true
	}
	la, lb := strings.Split(ca, "\n"), strings.Split(cb, "\n")
	for i := 0; i < len(la) && i < len(lb); i++ {
		if la[i] != lb[i] {
			lo := max(0, i-8)
			t.Errorf("%s: projects differ at line %d:\n%s\n<<< vs >>>\n%s", what, i, strings.Join(la[lo:min(len(la), i+3)], "\n"), strings.Join(lb[lo:min(len(lb), i+3)], "\n"))
			return false
		}
	}
	t.Errorf("%s: projects differ in length (%d vs %d lines)", what, len(la), len(lb))
	return false
}

// valid checks the rules the store enforces on a whole project.
func valid(t *testing.T, what string, b *qda.Bundle) {
	t.Helper()
	docs := map[qda.ID]qda.Document{}
	names := map[string]bool{}
	for _, d := range b.Documents {
		docs[d.ID] = d
		k := strings.ToLower(d.Name)
		if names[k] {
			t.Errorf("%s: two documents named %q", what, d.Name)
		}
		names[k] = true
	}
	codes := map[qda.ID]qda.Code{}
	for _, c := range b.Codes {
		codes[c.ID] = c
	}
	sib := map[string]bool{}
	for _, c := range b.Codes {
		if c.Parent != "" {
			if _, ok := codes[c.Parent]; !ok {
				t.Errorf("%s: code %q has a missing parent", what, c.Name)
			}
		}
		k := string(c.Parent) + "/" + strings.ToLower(c.Name)
		if sib[k] {
			t.Errorf("%s: two codes %q under one parent", what, c.Name)
		}
		sib[k] = true
		seen := map[qda.ID]bool{}
		for x := c.ID; x != ""; x = codes[x].Parent {
			if seen[x] {
				t.Errorf("%s: code %q is inside itself", what, c.Name)
				break
			}
			seen[x] = true
		}
	}
	codings := map[qda.ID]bool{}
	for _, c := range b.Codings {
		codings[c.ID] = true
		d, ok := docs[c.Document]
		if _, okc := codes[c.Code]; !ok || !okc {
			t.Errorf("%s: coding %s refers to a missing document or code", what, c.ID)
		} else if c.Span.CheckIn(d.Chars) != nil {
			t.Errorf("%s: coding %s lies outside its document", what, c.ID)
		}
	}
	for _, x := range b.Memos {
		switch x.On {
		case qda.OnCode:
			if _, ok := codes[x.Target]; !ok {
				t.Errorf("%s: memo on a missing code", what)
			}
		case qda.OnCoding:
			if !codings[x.Target] {
				t.Errorf("%s: memo on a missing coding", what)
			}
		}
	}
	dead := map[qda.ID]bool{}
	for _, ts := range b.Tombstones {
		dead[ts.ID] = true
	}
	for id := range codings {
		if dead[id] {
			t.Errorf("%s: coding %s is both present and buried", what, id)
		}
	}
	validRejections(t, what, b)
}

// Ensure that merging is order-independent and idempotent on generated
// projects: a lead's project copied to three coders who each add, rename,
// recolour and delete codes, import (sometimes the same) documents, code,
// delete codings, write, edit and delete memos, and set attributes at
// interleaved times; then the merged project is copied out again, edited
// and merged back. A⊕B = B⊕A, (A⊕B)⊕C = A⊕(B⊕C) = (A⊕C)⊕B, A⊕A = A, and
// merging a part again changes nothing.
//
// MERGE_SEEDS=1500 runs more seeds than the default 150; MERGE_FIRST_SEED
// starts elsewhere, MERGE_OPS sets the edits per round (45).
func TestMerge_OrderIndependentAndIdempotent(t *testing.T) {
	first, seeds := seedRange(150)
	ops := envInt("MERGE_OPS", 45)
	for seed := first; seed < first+seeds; seed++ {
		checkSeed(t, seed, genOptions{ops: ops})
	}
}

// Ensure that merging stays order-independent and idempotent when memos
// are edited concurrently over and over: many memos, each edited in
// several copies, coders who merge each other's copies mid-round (so a
// winner need not have seen what its loser saw), flagged copies edited or
// deleted to resolve a conflict, over three rounds.
//
// MERGE_SEEDS (or MERGE_MEMO_SEEDS, for this test alone) runs more seeds
// than the default 150.
func TestMerge_ConcurrentMemoEditsOrderIndependent(t *testing.T) {
	first, seeds := seedRange(150)
	seeds = envInt("MERGE_MEMO_SEEDS", seeds)
	ops := envInt("MERGE_OPS", 45)
	for seed := first; seed < first+seeds; seed++ {
		t.Run(strconv.FormatInt(seed, 10), func(t *testing.T) { checkSeed(t, seed, genOptions{ops: ops, memos: true}) })
	}
}

// Ensure that merging stays order-independent and idempotent when one
// coder a round also corrects documents' texts: the later correction's
// text stays, and the codings made on another copy's text move onto it.
//
// It runs only with MERGE_TEXT_SEEDS=N (MERGE_TEXT_CONCURRENT=1 lets every
// copy correct texts). Known to fail for a few seeds in a thousand: a
// coding whose start or end lies inside a correction that a later one
// undoes lands a character or so off, depending on whether the merge met the
// text in between (spans move through each pair of texts a merge meets,
// and such moves do not compose exactly).
func TestMerge_TextCorrectionsOrderIndependent(t *testing.T) {
	first, _ := seedRange(150)
	seeds := envInt("MERGE_TEXT_SEEDS", 0)
	if seeds == 0 {
		t.Skip("MERGE_TEXT_SEEDS=N runs it; a few seeds in a thousand are known to fail (see the comment)")
	}
	concurrent := os.Getenv("MERGE_TEXT_CONCURRENT") != ""
	ops := envInt("MERGE_OPS", 45)
	for seed := first; seed < first+seeds; seed++ {
		t.Run(strconv.FormatInt(seed, 10), func(t *testing.T) { checkSeed(t, seed, genOptions{ops: ops, texts: true, concurrentTexts: concurrent}) })
	}
}

func envInt(name string, def int64) int64 {
	if n, err := strconv.ParseInt(os.Getenv(name), 10, 64); err == nil && n > 0 {
		return n
	}
	return def
}

// seedRange is the seeds to run: MERGE_FIRST_SEED (1) and MERGE_SEEDS (def).
func seedRange(def int64) (first, n int64) {
	return envInt("MERGE_FIRST_SEED", 1), envInt("MERGE_SEEDS", def)
}

// checkSeed generates rounds of concurrent edits from seed and checks the
// merge laws on them.
func checkSeed(t *testing.T, seed int64, o genOptions) {
	t.Helper()
	w := &world{r: rand.New(rand.NewSource(seed)), now: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC), opt: o}
	base := w.base()
	third := "Chen"
	if seed%3 == 0 {
		third = "Ana" // one person with two copies: the coder is unified by name
	}
	round := func(base *qda.Bundle) (a, b, c *qda.Bundle) {
		brs := []*branch{w.fork(base, "Ana"), w.fork(base, "Bo"), w.fork(base, third)}
		w.peers = brs
		for range o.ops {
			brs[w.r.Intn(3)].step()
		}
		return brs[0].b, brs[1].b, brs[2].b
	}
	a, b, c := round(base)
	for _, x := range []*qda.Bundle{a, b, c} {
		valid(t, "generated", x)
	}
	ab := m(a, b)
	valid(t, "A⊕B", ab)
	ok := sameProject(t, "A⊕B vs B⊕A", ab, m(b, a)) &&
		sameProject(t, "(A⊕B)⊕C vs A⊕(B⊕C)", m(ab, c), m(a, m(b, c))) &&
		sameProject(t, "(A⊕B)⊕C vs (A⊕C)⊕B", m(ab, c), m(m(a, c), b)) &&
		sameProject(t, "(A⊕B)⊕C vs C⊕(B⊕A)", m(ab, c), m(c, m(b, a))) &&
		sameProject(t, "A⊕A vs A", m(a, a), a) &&
		sameProject(t, "(A⊕B)⊕A vs A⊕B", m(ab, a), ab) &&
		sameProject(t, "(A⊕B)⊕(A⊕B) vs A⊕B", m(ab, ab), ab)
	if !ok {
		t.Fatalf("seed %d", seed)
	}
	// The lead sends the merged project out again.
	abc := m(ab, c)
	valid(t, "A⊕B⊕C", abc)
	rounds := 1
	if o.memos {
		rounds = 2
	}
	prev, old := abc, a
	for r := 2; r <= rounds+1; r++ {
		d, e, f := round(prev)
		de := m(d, e)
		what := fmt.Sprintf("round %d: ", r)
		ok = sameProject(t, what+"D⊕E vs E⊕D", de, m(e, d)) &&
			sameProject(t, what+"(D⊕E)⊕F vs D⊕(E⊕F)", m(de, f), m(d, m(e, f))) &&
			sameProject(t, what+"(D⊕E)⊕F vs (D⊕F)⊕E", m(de, f), m(m(d, f), e)) &&
			sameProject(t, what+"(D⊕E)⊕previous vs D⊕E", m(de, prev), de) &&
			sameProject(t, what+"stale copy after D⊕E⊕F", m(m(de, f), old), m(de, f))
		valid(t, what, m(de, f))
		if !ok {
			t.Fatalf("seed %d", seed)
		}
		prev, old = m(de, f), d
	}
}
