package project_test

import (
	"errors"
	"testing"
	"time"

	"coder/analysis"
	"coder/project"
	"coder/qda"
)

// Ensure that a coding query's results can be coded as a new code in one
// action that one undo takes back, and that the codings behind a number can
// be read back with their text.
func TestCodeSegments_QueryResultsBecomeOneUndoableCode(t *testing.T) {
	p := newProject(t, "logics")
	doc := importText(t, p, "notes.txt", "The township pressed for results. Residents met at the gate.\n")
	pol, _ := p.FindCode("Political logic")
	com, _ := p.FindCode("Community logic")
	a, err := p.ApplyCode(doc, qda.Span{Start: 0, End: 30}, pol.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.ApplyCode(doc, qda.Span{Start: 20, End: 50}, com.ID); err != nil {
		t.Fatal(err)
	}
	d, err := p.Analysis()
	if err != nil {
		t.Fatal(err)
	}
	segs, err := d.Query(`"Political logic" AND "Community logic"`, analysis.QueryOptions{})
	if err != nil || len(segs) != 1 || segs[0].Span != (qda.Span{Start: 20, End: 30}) {
		t.Fatalf("query: %+v, %v", segs, err)
	}
	code, err := p.CodeSegments(segs, "Where logics meet", "")
	if err != nil {
		t.Fatal(err)
	}
	rows, err := p.Codings(project.CodingFilter{Codes: []qda.ID{code.ID}})
	if err != nil || len(rows) != 1 || rows[0].Text != " for resul" {
		t.Fatalf("coded query results: %+v, %v", rows, err)
	}
	if _, err := p.Undo(); err != nil {
		t.Fatal(err)
	}
	if _, err := p.FindCode("Where logics meet"); err == nil {
		t.Error("undo left the new code behind")
	}
	back, err := p.CodingRows([]qda.ID{a.ID})
	if err != nil || len(back) != 1 || back[0].Text != "The township pressed for resul" || back[0].CodePath != "Political logic" {
		t.Errorf("coding rows: %+v, %v", back, err)
	}
}

// Ensure that a framework-matrix cell memo is written, read back by its cell
// key, refused when it changed since the editor read it, and deleted when
// emptied.
func TestSetMatrixMemo_WrittenReadAndGuarded(t *testing.T) {
	p := newProject(t, "logics")
	key := analysis.CellKey("case:x", "code")
	if err := p.SetMatrixMemo(key, "Yard 3 × Political logic", "The cadre leads.", time.Time{}); err != nil {
		t.Fatal(err)
	}
	memos, err := p.MatrixMemos()
	if err != nil || memos[key].Text != "The cadre leads." {
		t.Fatalf("memos: %+v, %v", memos, err)
	}
	if err := p.SetMatrixMemo(key, "t", "stale", time.Time{}); !errors.Is(err, qda.ErrConflict) {
		t.Errorf("a stale save: %v, want a conflict", err)
	}
	if err := p.SetMatrixMemo(key, "t", "", memos[key].Modified); err != nil {
		t.Fatal(err)
	}
	if memos, _ := p.MatrixMemos(); len(memos) != 0 {
		t.Errorf("emptied memo still there: %+v", memos)
	}
}
