package assist

import (
	"context"
	"fmt"
	"math/rand"
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

// BenchmarkSuggest_OneCodeOver1000Documents times building the features of
// 1,000 documents (50,000 passages) and then training one code and
// listing its suggestions, in a project of 100,000 codings.
func BenchmarkSuggest_OneCodeOver1000Documents(b *testing.B) {
	ds, ks := largeProject(1000, 100000)
	stop := analysis.DefaultStopWords().Set()
	for b.Loop() {
		c, err := NewCorpus(context.Background(), ds, stop, nil)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Suggest(context.Background(), c, ks, "code007", nil, 20); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSuggest_TrainOnly times training one code and listing its
// suggestions once the features are built (what the review queue repeats
// after each decision).
func BenchmarkSuggest_TrainOnly(b *testing.B) {
	ds, ks := largeProject(1000, 100000)
	c, err := NewCorpus(context.Background(), ds, analysis.DefaultStopWords().Set(), nil)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Suggest(context.Background(), c, ks, "code007", nil, 20); err != nil {
			b.Fatal(err)
		}
	}
}
