package project_test

import (
	"testing"

	"coder/qda"
)

// Ensure that Recode moves a coding to another code in one undoable step:
// the span, note, event date and the memos on the coding go with it, the
// old coding is gone, Undo puts it back as it was, and recoding with the
// same code changes nothing.
func TestRecode_MovesACodingWithItsNoteAndMemosInOneStep(t *testing.T) {
	p := newProject(t, "empty")
	doc := importText(t, p, "n.txt", "The yard committee met on Sunday about the gate.\n")
	gate, _ := p.AddCode("Gate", "", "")
	meeting, _ := p.AddCode("Meeting", "", "")
	span := qda.Span{Start: 4, End: 18}
	old, err := p.ApplyCode(doc, span, gate.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.SetCodingMemo(old.ID, "", "the committee, not the gate"); err != nil {
		t.Fatal(err)
	}
	memo, err := p.AddMemo(qda.OnCoding, old.ID, "", "Who called it?")
	if err != nil {
		t.Fatal(err)
	}

	if c, err := p.Recode(old.ID, gate.ID); err != nil || c.ID != old.ID {
		t.Fatalf("recoding with the same code: %v, %v", c, err)
	}
	made, err := p.Recode(old.ID, meeting.ID)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := p.DocumentCodings(doc)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || rows[0].ID != made.ID || rows[0].Code != meeting.ID || rows[0].Span != span || rows[0].Memo != "the committee, not the gate" {
		t.Fatalf("after recoding the document holds %+v, want one Meeting coding of %v with its note", rows, span)
	}
	if _, memos, err := p.CodingMemos(made.ID); err != nil || len(memos) != 1 || memos[0].ID != memo.ID {
		t.Errorf("the memo on the coding did not follow it: %v, %v", memos, err)
	}

	if _, err := p.Undo(); err != nil {
		t.Fatal(err)
	}
	rows, _ = p.DocumentCodings(doc)
	if len(rows) != 1 || rows[0].ID != old.ID || rows[0].Code != gate.ID {
		t.Fatalf("after one undo the document holds %+v, want the Gate coding back", rows)
	}
	if _, memos, _ := p.CodingMemos(old.ID); len(memos) != 1 {
		t.Errorf("after undo the old coding has %d memos, want 1", len(memos))
	}
}
