package project_test

import (
	"errors"
	"strings"
	"testing"

	"coder/project"
	"coder/qda"
)

// Ensure that a memo save made from an editor that read an older version
// of the memo is refused with a conflict and leaves the newer text in
// place, while a save from the current version goes through.
func TestEditMemo_RefusesToReplaceTextTheEditorDidNotShow(t *testing.T) {
	p := newProject(t, "logics")
	m, err := p.AddMemo(qda.OnProject, "", "Gates", "First thoughts on the gate.")
	if err != nil {
		t.Fatal(err)
	}
	// Two editors open on the same memo; the first saves.
	if err := p.EditMemo(m.ID, m.Modified, "Gates", "Second thoughts on the gate."); err != nil {
		t.Fatal(err)
	}
	err = p.EditMemo(m.ID, m.Modified, "Gates", "An edit of the first thoughts.")
	if !errors.Is(err, qda.ErrConflict) {
		t.Fatalf("a save from the old version gave %v, want a conflict", err)
	}
	if !strings.Contains(err.Error(), "changed") {
		t.Errorf("the refusal does not say the memo changed: %v", err)
	}
	now, err := p.Memo(m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if now.Text != "Second thoughts on the gate." {
		t.Fatalf("the memo reads %q after the refused save", now.Text)
	}
	if err := p.EditMemo(m.ID, now.Modified, "Gates", "Third thoughts."); err != nil {
		t.Fatalf("a save from the current version was refused: %v", err)
	}
	if got, _ := p.Memo(m.ID); got.Text != "Third thoughts." {
		t.Errorf("the memo reads %q, want the third save", got.Text)
	}
}

// Ensure that a coding's note is saved only over the note its editor
// showed, that the change names the coding's document (so its view
// repaints), and that the note appears in the memo list with its code,
// document and text.
func TestCodingMemo_ConflictCheckAndMemoList(t *testing.T) {
	p := newProject(t, "logics")
	doc := importText(t, p, "yard-notes.txt", "The residents closed the gate at night.\n\nThe committee met on Tuesday.\n")
	tree, _ := p.Codebook()
	code, _ := tree.Find("Community logic")
	c, err := p.ApplyCode(doc, qda.Span{Start: 4, End: 31}, code.ID)
	if err != nil {
		t.Fatal(err)
	}
	var seen []project.Change
	p.Watch(func(ch project.Change) { seen = append(seen, ch) })
	if err := p.SetCodingMemo(c.ID, "", "Closing the gate is collective."); err != nil {
		t.Fatal(err)
	}
	if len(seen) != 1 || len(seen[0].Documents) != 1 || seen[0].Documents[0] != doc {
		t.Errorf("the coding memo's change is %+v, want it to name the document", seen)
	}
	if err := p.SetCodingMemo(c.ID, "", "An empty editor's text."); !errors.Is(err, qda.ErrConflict) {
		t.Fatalf("a save over a note the editor did not show gave %v, want a conflict", err)
	}
	row, _, err := p.CodingMemos(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if row.Memo != "Closing the gate is collective." || !row.HasMemo() {
		t.Fatalf("the coding's note is %q", row.Memo)
	}
	list, err := p.MemoList()
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, e := range list {
		if e.Note && e.ID == c.ID {
			found = true
			if got := e.String(); !strings.Contains(got, "Community logic") || !strings.Contains(got, "yard-notes") || !strings.Contains(got, "residents closed") {
				t.Errorf("the memo list describes the note as %q", got)
			}
		}
	}
	if !found {
		t.Error("the coding's note is not in the memo list")
	}
	rows, _ := p.DocumentCodings(doc)
	if len(rows) != 1 || !rows[0].HasMemo() {
		t.Error("the document's codings do not say which carries a memo")
	}
}
