package search_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"coder/qda"
	"coder/search"
)

// Ensure that one document much longer than the build's unit of work (it
// is indexed a slice at a time) is indexed whole: every passage is a unit,
// a word in its last passage is found at the right span, progress counts it
// once, and its text is read from the corpus once.
func TestBuild_LongDocumentIndexedPassageByPassage(t *testing.T) {
	var text strings.Builder
	var passages []qda.Passage
	for i := 0; text.Len() < 3<<20; i++ {
		if i > 0 {
			text.WriteString("\n\n")
		}
		p := fmt.Sprintf("Passage %d: the residents met at the gate and talked until late.", i)
		start := text.Len() // all ASCII: bytes are runes
		text.WriteString(p)
		passages = append(passages, qda.Passage{Span: qda.Span{Start: start, End: start + len(p)}, Kind: qda.PassageParagraph})
	}
	last := "Finally the committee adjourned (zeppelin)."
	text.WriteString("\n\n")
	start := text.Len()
	text.WriteString(last)
	passages = append(passages, qda.Passage{Span: qda.Span{Start: start, End: start + len(last)}, Kind: qda.PassageParagraph})
	d := qda.Document{ID: qda.NewID(), Name: "long", Kind: qda.KindOther, Text: text.String(), Passages: passages}
	d.Chars = utf8.RuneCountInString(d.Text)
	b := &qda.Bundle{Documents: []qda.Document{d}}
	var calls []int
	// Each read of a document is a copy of its text: a 100 MB document
	// read once for sizing the batches and again for indexing was held
	// twice.
	c := search.CorpusFromBundle(b, 1)
	reads, doc := 0, c.Doc
	c.Doc = func(i int) (*search.DocInput, error) { reads++; return doc(i) }
	ix, err := search.Build(context.Background(), t.TempDir(), c, func(done, total int) { calls = append(calls, done) })
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if n, _ := ix.DocCount(); n != uint64(len(passages)) {
		t.Errorf("DocCount() = %d, want one unit per passage (%d)", n, len(passages))
	}
	if reads != 1 {
		t.Errorf("the document was read %d times, want once", reads)
	}
	if fmt.Sprint(calls) != "[1 2]" {
		t.Errorf("progress calls %v, want [1 2] (the document, then the memos)", calls)
	}
	res := find(t, ix, b, "zeppelin")
	if res.Total != 1 || res.Hits[0].PassageIndex != len(passages)-1 {
		t.Fatalf("zeppelin: %d hits, want the last passage", res.Total)
	}
	if got := matched(b, res); len(got) != 1 || got[0] != "zeppelin" {
		t.Errorf("matched %q, want zeppelin", got)
	}
}
