package bench

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"coder/project"
	"coder/qda"
	"coder/store"
)

// MergeFigures are one merge's measurements.
type MergeFigures struct {
	Codings  int           // codings in each copy
	Shared   int           // of which both copies have
	Result   int           // codings in the merged project
	Time     time.Duration // project.Merge, from opening the other copy to commit
	CPU      time.Duration // processor time the process used meanwhile
	PeakHeap uint64        // largest Go heap seen during the merge
	PeakRSS  uint64        // peak resident memory of the process (VmHWM, reset before)
}

// RunMerge builds the large bench project (1,000 documents, 100 codes in 3
// levels, codings spread over them), copies it for two coders, has each add
// their own codings until each copy holds codings in total with shared of
// them in common, and times merging one copy into the other as the app and
// `coder merge` do.
func RunMerge(work string, codings, shared int) (*MergeFigures, error) {
	r := rand.New(rand.NewSource(1))
	base := benchProject(r, shared)
	a, b := filepath.Join(work, "lead.coder"), filepath.Join(work, "colleague.coder")
	os.Remove(a)
	os.Remove(b)
	db, err := store.Create(a, base.Project)
	if err != nil {
		return nil, err
	}
	if err := db.Update(func(tx *store.Tx) error { return tx.PutBundle(base) }); err != nil {
		db.Close()
		return nil, err
	}
	db.Close()
	if err := copyFile(a, b); err != nil {
		return nil, err
	}
	for _, path := range []string{a, b} {
		own := &qda.Bundle{Codings: moreCodings(r, base, codings-shared)}
		db, err := store.Open(path, store.Options{Backups: -1})
		if err != nil {
			return nil, err
		}
		err = db.Update(func(tx *store.Tx) error { return tx.PutBundle(own) })
		db.Close()
		if err != nil {
			return nil, err
		}
	}
	p, err := project.Open(a, project.Options{Backups: -1, IndexDir: filepath.Join(work, "index")})
	if err != nil {
		return nil, err
	}
	defer p.Close()
	runtime.GC()
	debug.FreeOSMemory()
	ResetPeakRSS()
	heap := StartHeapSampler()
	began, cpu0 := time.Now(), processCPU()
	_, err = p.Merge(context.Background(), b, nil)
	f := &MergeFigures{Codings: codings, Shared: shared, Time: time.Since(began), CPU: processCPU() - cpu0, PeakHeap: heap.Stop(), PeakRSS: PeakRSS()}
	if err != nil {
		return nil, err
	}
	rows, err := p.Codings(project.CodingFilter{})
	f.Result = len(rows)
	return f, err
}

// benchProject is the large project codings are added to: 1,000 documents,
// 100 codes in three levels, 50 cases, and n codings.
func benchProject(r *rand.Rand, n int) *qda.Bundle {
	b := &qda.Bundle{Project: qda.Project{ID: qda.NewID(), Name: "merge bench", Created: time.Now().UTC()}}
	b.Coders = []qda.Coder{{ID: qda.NewID(), Name: "Bench"}}
	for a := range 4 {
		top := qda.Code{ID: qda.NewID(), Name: fmt.Sprintf("Logic %d", a), Color: "#C62828", Order: a}
		b.Codes = append(b.Codes, top)
		for m := range 4 {
			mid := qda.Code{ID: qda.NewID(), Parent: top.ID, Name: fmt.Sprintf("Theme %d", m), Color: "#1E6FD9", Order: m}
			b.Codes = append(b.Codes, mid)
			for l := range 5 {
				b.Codes = append(b.Codes, qda.Code{ID: qda.NewID(), Parent: mid.ID, Name: fmt.Sprintf("Detail %d", l), Color: "#2E9E44", Order: l})
			}
		}
	}
	para := strings.Repeat("The yard council met under the tree. ", 6) + "\n"
	text := strings.Repeat(para, 22)
	chars := len([]rune(text))
	pl := len([]rune(para))
	for i := range 50 {
		b.Cases = append(b.Cases, qda.Case{ID: qda.NewID(), Name: fmt.Sprintf("Case %02d", i)})
	}
	for i := range 1000 {
		// Each document's text differs, as real interviews do.
		t := fmt.Sprintf("Interview %04d.\n", i) + text
		d := qda.Document{ID: qda.NewID(), Name: fmt.Sprintf("doc %04d", i), Kind: qda.KindInterview, Text: t, Chars: chars + len([]rune(fmt.Sprintf("Interview %04d.\n", i))), Imported: time.Now().UTC()}
		for p := 0; p+pl <= d.Chars; p += pl {
			d.Passages = append(d.Passages, qda.Passage{Span: qda.Span{Start: p, End: p + pl - 1}})
		}
		b.Documents = append(b.Documents, d)
		b.Cases[i%50].Documents = append(b.Cases[i%50].Documents, d.ID)
	}
	b.Codings = moreCodings(r, b, n)
	return b
}

// moreCodings makes n codings by the bench coder on b's documents and codes.
func moreCodings(r *rand.Rand, b *qda.Bundle, n int) []qda.Coding {
	out := make([]qda.Coding, 0, n)
	for range n {
		d := b.Documents[r.Intn(len(b.Documents))]
		s := r.Intn(d.Chars - 200)
		out = append(out, qda.Coding{ID: qda.NewID(), Document: d.ID, Code: b.Codes[r.Intn(len(b.Codes))].ID,
			Span: qda.Span{Start: s, End: s + 20 + r.Intn(180)}, Coder: b.Coders[0].ID, Created: time.Now().UTC()})
	}
	return out
}

func copyFile(from, to string) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, data, 0o644)
}
