package project_test

import (
	"context"
	"fmt"
	"testing"

	"coder/project"
	"coder/qda"
)

// Ensure that the index follows every change: an import is searchable at
// once, a coding shows in the code: filter, and undoing it takes it away.
func TestSearch_IndexFollowsChanges(t *testing.T) {
	p := newProject(t, "logics")
	ctx := context.Background()
	doc := importText(t, p, "yard.txt", "Interviewer: What changed?\nResident Li: The gate was mended by everyone.\nInterviewer: And the party branch?\nResident Li: 书记带头修门，大家都来了。\n")
	if _, err := p.OpenIndex(ctx, nil); err != nil {
		t.Fatal(err)
	}
	res, err := p.Search(ctx, "gate", project.SearchOptions{})
	if err != nil || res.Total != 1 || res.Hits[0].Speaker != "Resident Li" {
		t.Fatalf("search gate: %+v %v", res, err)
	}
	if res, _ := p.Search(ctx, "修门", project.SearchOptions{}); res.Total != 1 {
		t.Errorf("Chinese query 修门: %d hits, want 1", res.Total)
	}
	imported := importText(t, p, "later.txt", "Field note: the gate committee met again.\n")
	if res, _ := p.Search(ctx, "committee", project.SearchOptions{}); res.Total != 1 || res.Hits[0].DocumentID != imported {
		t.Errorf("a document imported after the index opened is not found: %+v", res)
	}
	code, _ := p.FindCode("Community logic")
	hit := res.Hits[0]
	if _, err := p.ApplyCode(doc, hit.Matches[0], code.ID); err != nil {
		t.Fatal(err)
	}
	q := `gate code:"Community logic"`
	if res, err := p.Search(ctx, q, project.SearchOptions{}); err != nil || res.Total != 1 {
		t.Fatalf("after coding, %s: %+v %v", q, res, err)
	}
	if _, err := p.Undo(); err != nil {
		t.Fatal(err)
	}
	if res, _ := p.Search(ctx, q, project.SearchOptions{}); res.Total != 0 {
		t.Errorf("after undo, %s still finds %d hits", q, res.Total)
	}
}

// Ensure that renaming a code is reflected in the code: filter at once.
func TestSearch_CodeRenameReindexes(t *testing.T) {
	p := newProject(t, "empty")
	ctx := context.Background()
	doc := importText(t, p, "a.txt", "The gate was mended.\n")
	code, _ := p.AddCode("Repairs", "", "")
	if _, err := p.ApplyCode(doc, qda.Span{Start: 4, End: 8}, code.ID); err != nil {
		t.Fatal(err)
	}
	if res, err := p.Search(ctx, `code:Repairs`, project.SearchOptions{}); err != nil || res.Total != 1 {
		t.Fatalf("code:Repairs = %+v, %v", res, err)
	}
	if err := p.RenameCode(code.ID, "Collective repairs"); err != nil {
		t.Fatal(err)
	}
	if res, _ := p.Search(ctx, `code:"Collective repairs"`, project.SearchOptions{}); res.Total != 1 {
		t.Errorf("after rename, the new name finds %d hits, want 1", res.Total)
	}
	if res, _ := p.Search(ctx, `code:Repairs`, project.SearchOptions{}); res.Total != 0 {
		t.Errorf("after rename, the old name still finds %d hits", res.Total)
	}
}

// Ensure that the partial index update after one coding keeps coded
// segments and passage code lists exact: a segment appears with its coding
// and disappears with it, and other passages keep their codes.
func TestSearch_SegmentsFollowCodings(t *testing.T) {
	p := newProject(t, "logics")
	ctx := context.Background()
	doc := importText(t, p, "s.txt", "The gate was mended.\n\nThe lights were fixed.\n\nThe stairs were swept.\n")
	code, _ := p.FindCode("Community logic")
	first, err := p.ApplyCode(doc, qda.Span{Start: 0, End: 8}, code.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.OpenIndex(ctx, nil); err != nil {
		t.Fatal(err)
	}
	second, err := p.ApplyCode(doc, qda.Span{Start: 22, End: 32}, code.ID)
	if err != nil {
		t.Fatal(err)
	}
	segs := func() int {
		res, err := p.Search(ctx, `code:"Community logic"`, project.SearchOptions{Units: []project.SearchUnit{project.SearchSegments}})
		if err != nil {
			t.Fatal(err)
		}
		return res.Total
	}
	passages := func() int {
		res, _ := p.Search(ctx, `code:"Community logic"`, project.SearchOptions{})
		return res.Total
	}
	if segs() != 2 || passages() != 2 {
		t.Fatalf("after two codings: %d segments, %d passages; want 2 and 2", segs(), passages())
	}
	if err := p.Uncode(second.ID); err != nil {
		t.Fatal(err)
	}
	if segs() != 1 || passages() != 1 {
		t.Errorf("after uncoding one: %d segments, %d passages; want 1 and 1", segs(), passages())
	}
	if err := p.SetCodingMemo(first.ID, first.Memo, "the gate again"); err != nil {
		t.Fatal(err)
	}
	res, _ := p.Search(ctx, `again`, project.SearchOptions{Units: []project.SearchUnit{project.SearchSegments}})
	if res.Total != 1 {
		t.Errorf("a coding memo is not searchable after it is written: %d hits", res.Total)
	}
}

// Ensure that actions taken while the index is being built are not lost and
// do not wait for the build: they are applied when it is ready, and the
// index is then current (no second build).
func TestOpenIndex_ChangesDuringBuildAreCaughtUp(t *testing.T) {
	p := newProject(t, "logics")
	var docs []qda.ID
	for i := 0; i < 5; i++ {
		docs = append(docs, importText(t, p, string(rune('a'+i))+".txt", fmt.Sprintf("The gate %d was mended.\n\nThe lights were fixed.\n", i)))
	}
	code, _ := p.FindCode("Community logic")
	coded := false
	_, err := p.OpenIndex(context.Background(), func(pr project.Progress) {
		if !coded && pr.Done > 0 {
			coded = true
			if _, err := p.ApplyCode(docs[len(docs)-1], qda.Span{Start: 4, End: 8}, code.ID); err != nil {
				t.Error(err)
			}
		}
	})
	if err != nil || !coded {
		t.Fatalf("OpenIndex: %v (coded during build: %v)", err, coded)
	}
	rebuilt, err := p.OpenIndex(context.Background(), nil)
	if err != nil || rebuilt {
		t.Errorf("after catching up, OpenIndex rebuilt again (%v, %v)", rebuilt, err)
	}
	res, err := p.Search(context.Background(), `code:"Community logic"`, project.SearchOptions{})
	if err != nil || res.Total != 1 {
		t.Errorf("the coding made during the build: %d hits, %v", res.Total, err)
	}
}
