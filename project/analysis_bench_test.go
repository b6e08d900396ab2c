package project_test

import (
	"fmt"
	"math/rand"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"coder/project"
	"coder/qda"
	"coder/store"
)

// BenchmarkAnalysisSnapshot measures reading a large project into an
// analysis snapshot (what every table in the app and the CLI starts with):
// 1,000 documents, 100 codes in 3 levels, 100,000 codings, 50 cases.
func BenchmarkAnalysisSnapshot(b *testing.B) {
	r := rand.New(rand.NewSource(1))
	bd := &qda.Bundle{Project: qda.Project{ID: qda.NewID(), Name: "bench", Created: time.Now().UTC()}}
	coder := qda.Coder{ID: qda.NewID(), Name: "Bench"}
	bd.Coders = []qda.Coder{coder}
	var codes []qda.ID
	for a := range 4 {
		top := qda.Code{ID: qda.NewID(), Name: fmt.Sprintf("Logic %d", a), Color: "#C62828", Order: a}
		bd.Codes = append(bd.Codes, top)
		codes = append(codes, top.ID)
		for m := range 4 {
			mid := qda.Code{ID: qda.NewID(), Parent: top.ID, Name: fmt.Sprintf("Theme %d", m), Color: "#1E6FD9", Order: m}
			bd.Codes = append(bd.Codes, mid)
			codes = append(codes, mid.ID)
			for l := range 5 {
				leaf := qda.Code{ID: qda.NewID(), Parent: mid.ID, Name: fmt.Sprintf("Detail %d", l), Color: "#2E9E44", Order: l}
				bd.Codes = append(bd.Codes, leaf)
				codes = append(codes, leaf.ID)
			}
		}
	}
	para := strings.Repeat("The yard council met under the tree. ", 6) + "\n" // 223 runes
	text := strings.Repeat(para, 22)
	n := len([]rune(text))
	for i := range 50 {
		bd.Cases = append(bd.Cases, qda.Case{ID: qda.NewID(), Name: fmt.Sprintf("Case %02d", i)})
	}
	for i := range 1000 {
		d := qda.Document{ID: qda.NewID(), Name: fmt.Sprintf("doc %04d", i), Kind: qda.KindInterview, Text: text, Chars: n, Imported: time.Now().UTC()}
		for p := 0; p < n; p += len([]rune(para)) {
			d.Passages = append(d.Passages, qda.Passage{Span: qda.Span{Start: p, End: p + len([]rune(para)) - 1}})
		}
		bd.Documents = append(bd.Documents, d)
		bd.Cases[i%50].Documents = append(bd.Cases[i%50].Documents, d.ID)
		for range 100 {
			s := r.Intn(n - 200)
			bd.Codings = append(bd.Codings, qda.Coding{ID: qda.NewID(), Document: d.ID, Code: codes[r.Intn(len(codes))], Span: qda.Span{Start: s, End: s + 20 + r.Intn(180)}, Coder: coder.ID, Created: time.Now().UTC()})
		}
	}
	path := filepath.Join(b.TempDir(), "big.coder")
	db, err := store.Create(path, bd.Project)
	if err != nil {
		b.Fatal(err)
	}
	if err := db.Update(func(tx *store.Tx) error { return tx.PutBundle(bd) }); err != nil {
		b.Fatal(err)
	}
	db.Close()
	p, err := project.Open(path, project.Options{Backups: -1, IndexDir: b.TempDir()})
	if err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	b.Run("after a change", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			// A cell memo is a small write that makes the snapshot stale.
			if err := p.SetMatrixMemo(fmt.Sprintf("bench|%d", i), "", "x", time.Time{}); err != nil {
				b.Fatal(err)
			}
			if _, err := p.Analysis(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("unchanged", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := p.Analysis(); err != nil {
				b.Fatal(err)
			}
		}
	})
}
