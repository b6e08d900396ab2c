package project_test

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"coder/project"
	"coder/qda"
)

// Ensure that a search in a long document reads the passages its hits are
// in, not the whole document: its hits are right (passage, match, snippet)
// and it allocates a small part of the text's size (the first search on a
// 100 MB document took 445 MB reading it whole, and rune-mapping it).
func TestSearch_LongDocumentHitsReadOnlyTheirPassages(t *testing.T) {
	p := newProject(t, "empty")
	var b strings.Builder
	filler := strings.Repeat("The café committee met in the yard, 大家都来了, and talked until late. ", 50)
	for i := 0; i < 2000; i++ {
		if i > 0 {
			b.WriteString("\n\n")
		}
		if i%700 == 699 {
			fmt.Fprintf(&b, "Paragraph %d: the zeppelin landed. ", i)
		}
		b.WriteString(filler)
	}
	text := b.String()
	doc := importText(t, p, "long.txt", text)
	ctx := context.Background()
	if _, err := p.OpenIndex(ctx, nil); err != nil {
		t.Fatal(err)
	}
	var res *project.SearchResult
	var err error
	n := allocatedBy(func() { res, err = p.Search(ctx, "zeppelin", project.SearchOptions{Limit: 20}) })
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 2 || len(res.Hits) != 2 {
		t.Fatalf("zeppelin: %d hits, want 2", res.Total)
	}
	runes := []rune(text)
	for _, h := range res.Hits {
		if h.DocumentID != doc || len(h.Matches) != 1 {
			t.Fatalf("hit %+v", h)
		}
		if got := qda.Span(h.Matches[0]).Slice(runes); got != "zeppelin" {
			t.Errorf("match %v is %q, want zeppelin", h.Matches[0], got)
		}
		if !strings.Contains(h.Snippet, "«zeppelin» landed") {
			t.Errorf("snippet %q", h.Snippet)
		}
	}
	if n > uint64(len(text))/4 {
		t.Errorf("searching a %d MB document allocated %d MB", len(text)>>20, n>>20)
	}
}

// allocatedBy returns how many bytes fn allocated on the heap.
func allocatedBy(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// Ensure that listing the codings of a long document, with their context,
// reads the coded spans and a window around each, not the whole document
// (which Retrieve turned into runes: four times its size).
func TestCodings_LongDocumentReadsOnlyAroundTheSegments(t *testing.T) {
	p := newProject(t, "empty")
	var b strings.Builder
	line := strings.Repeat("The café committee met in the yard, 大家都来了, and talked. ", 50) + "\n"
	for b.Len() < 7<<20 {
		b.WriteString(line)
	}
	b.WriteString("Before the end.\nThe zeppelin landed.\nAfter it.")
	text := b.String()
	runes := []rune(text)
	doc := importText(t, p, "long.txt", text)
	code, err := p.AddCode("Arrivals", "", "")
	if err != nil {
		t.Fatal(err)
	}
	at := len(runes) - len("zeppelin landed.\nAfter it.")
	if _, err := p.ApplyCode(doc, qda.Span{Start: at, End: at + 8}, code.ID); err != nil {
		t.Fatal(err)
	}
	var rows []project.CodingRow
	n := allocatedBy(func() {
		if rows, err = p.Codings(project.CodingFilter{}); err == nil {
			err = p.AddContext(rows, 1)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || rows[0].Text != "zeppelin" {
		t.Fatalf("rows %+v", rows)
	}
	if rows[0].Before != "Before the end.\nThe " || rows[0].After != " landed.\nAfter it." {
		t.Errorf("context %q | %q", rows[0].Before, rows[0].After)
	}
	if n > uint64(len(text))/4 {
		t.Errorf("listing one coding of a %d MB document allocated %d MB", len(text)>>20, n>>20)
	}
}
