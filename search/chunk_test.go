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

// Ensure that a long document given with a span reader instead of its text
// is read a piece at a time, never whole, by the build; that it is indexed
// whole (a word in its last passage and a coded segment are found); and that
// a search given Options.Text reads only its hits' passages.
func TestBuild_LongDocumentReadAPieceAtATime(t *testing.T) {
	var text strings.Builder
	var passages []qda.Passage
	chars := 0
	for i := 0; text.Len() < 3<<20; i++ {
		if i > 0 {
			text.WriteString("\n\n")
			chars += 2
		}
		p := fmt.Sprintf("Passage %d: 居民 met at the gate and talked until late.", i)
		n := utf8.RuneCountInString(p)
		text.WriteString(p)
		passages = append(passages, qda.Passage{Span: qda.Span{Start: chars, End: chars + n}, Kind: qda.PassageParagraph})
		chars += n
	}
	text.WriteString("\n\nFinally the committee adjourned (zeppelin).")
	full := text.String()
	runes := []rune(full)
	last := qda.Span{Start: len(runes) - len("Finally the committee adjourned (zeppelin)."), End: len(runes)}
	passages = append(passages, qda.Passage{Span: last, Kind: qda.PassageParagraph})
	d := qda.Document{ID: qda.NewID(), Name: "long", Kind: qda.KindOther, Passages: passages, Chars: len(runes)}
	coding := search.CodingInput{ID: qda.NewID(), CodePath: "Ending", Span: qda.Span{Start: last.Start, End: last.Start + 7}, Coder: "Ann"}

	most, read := 0, 0
	reader := func(spans []qda.Span) ([]string, error) {
		out := make([]string, len(spans))
		n := 0
		for i, s := range spans {
			out[i] = string(runes[s.Start:s.End])
			n += s.Len()
		}
		most, read = max(most, n), read+n
		return out, nil
	}
	c := search.Corpus{Docs: 1, Stamp: 1, Doc: func(int) (*search.DocInput, error) {
		return &search.DocInput{Doc: &d, Codings: []search.CodingInput{coding}, Spans: reader}, nil
	}}
	ix, err := search.Build(context.Background(), t.TempDir(), c, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if most > len(runes)/10 {
		t.Errorf("the build read %d characters of a %d-character text at once", most, len(runes))
	}
	if read < len(runes)*9/10 {
		t.Errorf("the build read %d characters of a %d-character text", read, len(runes))
	}
	read = 0
	opt := search.Options{Units: []search.Unit{search.Passages, search.Segments},
		Docs: func(qda.ID) (*qda.Document, error) { return &d, nil },
		Text: func(*qda.Document) search.SpanReader { return reader }}
	res, err := ix.Search(context.Background(), "zeppelin OR finally", opt)
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 2 || len(res.Hits) != 2 {
		t.Fatalf("zeppelin OR finally: %d hits, want the last passage and its coded segment", res.Total)
	}
	for _, h := range res.Hits {
		if len(h.Matches) == 0 || h.Matches[0].Start != last.Start || !strings.Contains(h.Snippet, "«Finally»") {
			t.Errorf("hit %+v", h)
		}
	}
	if read > 2*last.Len() {
		t.Errorf("the search read %d characters for two hits in a passage of %d", read, last.Len())
	}
}
