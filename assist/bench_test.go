package assist

import (
	"context"
	"fmt"
	"math/rand"
	"runtime"
	"strings"
	"testing"

	"coder/analysis"
	"coder/qda"
)

// largeProject makes docs documents of 50 passages of made-up words, and
// codings codings spread over 200 codes, each code favouring its own words.
func largeProject(docs, codings int) ([]qda.Document, []qda.Coding) {
	rng := rand.New(rand.NewSource(7))
	vocab := make([]string, 3000)
	for i := range vocab {
		vocab[i] = fmt.Sprintf("w%cx%cq%d", 'a'+rune(i%26), 'a'+rune(i/26%26), i)
	}
	var ds []qda.Document
	var ks []qda.Coding
	for d := 0; d < docs; d++ {
		doc := qda.Document{ID: qda.ID(fmt.Sprintf("doc%05d", d))}
		var b strings.Builder
		for p := 0; p < 50; p++ {
			start := len([]rune(b.String()))
			for w := 0; w < 40; w++ {
				b.WriteString(vocab[rng.Intn(len(vocab))])
				b.WriteByte(' ')
			}
			end := len([]rune(b.String())) - 1
			b.WriteString("\n")
			doc.Passages = append(doc.Passages, qda.Passage{Span: qda.Span{Start: start, End: end}})
		}
		doc.Text = b.String()
		ds = append(ds, doc)
	}
	for i := 0; i < codings; i++ {
		d := ds[rng.Intn(len(ds))]
		ks = append(ks, qda.Coding{ID: qda.ID(fmt.Sprintf("k%06d", i)), Document: d.ID, Code: qda.ID(fmt.Sprintf("code%03d", i%200)), Span: d.Passages[rng.Intn(50)].Span})
	}
	return ds, ks
}

// BenchmarkCorpus_Build1000Documents times building the features of 1,000
// documents (50,000 passages) from nothing: what the first Suggest codings…
// of a session waits for.
func BenchmarkCorpus_Build1000Documents(b *testing.B) {
	ds, _ := largeProject(1000, 0)
	stop := analysis.DefaultStopWords().Set()
	cpu := cpuSeconds()
	for b.Loop() {
		if _, err := NewCorpus(context.Background(), ds, stop, nil); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu)
}

// BenchmarkBuilder_Retained1000Documents measures what an open project's
// feature cache holds in memory once built for 1,000 documents (50,000
// passages): the live heap after a garbage collection with the builder and
// its corpus alive and the documents themselves let go (as AssistCorpus
// lets go of the copies it read), less the heap before (retained-MB).
func BenchmarkBuilder_Retained1000Documents(b *testing.B) {
	stop := analysis.DefaultStopWords().Set()
	for b.Loop() {
		before := liveHeap()
		bl := NewBuilder()
		func() {
			ds, _ := largeProject(1000, 0)
			if _, err := bl.Build(context.Background(), ds, stop, nil); err != nil {
				b.Fatal(err)
			}
		}()
		after := liveHeap()
		runtime.KeepAlive(bl)
		b.ReportMetric(float64(after-before)/1e6, "retained-MB")
	}
}

// liveHeap is the bytes of live heap objects after a full collection.
func liveHeap() uint64 {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// BenchmarkCorpus_RebuildOneDocumentChanged times building the features
// again after one of 1,000 documents changed (a text edit): only that
// document is cut and counted again, the weighting is redone.
func BenchmarkCorpus_RebuildOneDocumentChanged(b *testing.B) {
	ds, _ := largeProject(1000, 0)
	stop := analysis.DefaultStopWords().Set()
	bl := NewBuilder()
	if _, err := bl.Build(context.Background(), ds, stop, nil); err != nil {
		b.Fatal(err)
	}
	i := 0
	cpu := cpuSeconds()
	for b.Loop() {
		i++
		ds[7].Text = fmt.Sprintf("%s%08d", ds[7].Text[:len(ds[7].Text)-8], i)
		if _, err := bl.Build(context.Background(), ds, stop, nil); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu)
}

// BenchmarkCorpus_RebuildUnchanged times asking for the features of 1,000
// unchanged documents again (codings changed, texts did not): the
// documents are hashed and the corpus built before is returned.
func BenchmarkCorpus_RebuildUnchanged(b *testing.B) {
	ds, _ := largeProject(1000, 0)
	stop := analysis.DefaultStopWords().Set()
	bl := NewBuilder()
	if _, err := bl.Build(context.Background(), ds, stop, nil); err != nil {
		b.Fatal(err)
	}
	cpu := cpuSeconds()
	for b.Loop() {
		if _, err := bl.Build(context.Background(), ds, stop, nil); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu)
}

// BenchmarkSuggest_OneCodeOver1000Documents times training one code (about
// 500 codings, with the three-fold choice of its threshold), scoring the
// 50,000 passages of 1,000 documents and listing its suggestions, in a
// project of 100,000 codings whose features are built: what Suggest
// codings… and 'coder suggest' do once the features are there.
func BenchmarkSuggest_OneCodeOver1000Documents(b *testing.B) {
	ds, ks := largeProject(1000, 100000)
	c, err := NewCorpus(context.Background(), ds, analysis.DefaultStopWords().Set(), nil)
	if err != nil {
		b.Fatal(err)
	}
	cpu := cpuSeconds()
	for b.Loop() {
		if _, err := Suggest(context.Background(), c, ks, "code007", nil, 20); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu)
}

// BenchmarkTrain_EveryCodeOf100000Codings times training a model for each
// of the 200 codes of a project of 100,000 codings (features built): the
// whole project learnt.
func BenchmarkTrain_EveryCodeOf100000Codings(b *testing.B) {
	ds, ks := largeProject(1000, 100000)
	c, err := NewCorpus(context.Background(), ds, analysis.DefaultStopWords().Set(), nil)
	if err != nil {
		b.Fatal(err)
	}
	by := map[qda.ID][]qda.Coding{}
	for _, k := range ks {
		by[k.Code] = append(by[k.Code], k)
	}
	unread := c.unread(ks)
	cpu := cpuSeconds()
	for b.Loop() {
		for _, mine := range by {
			if _, err := train(context.Background(), c, labels{pos: c.covered(mine), unread: unread}); err != nil {
				b.Fatal(err)
			}
		}
	}
	reportCPU(b, cpu)
}

// reportCPU reports the CPU seconds per operation since start.
func reportCPU(b *testing.B, start float64) {
	if n := b.N; n > 0 && start > 0 {
		b.ReportMetric((cpuSeconds()-start)/float64(n), "cpu-s/op")
	}
}
