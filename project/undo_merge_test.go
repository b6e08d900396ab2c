package project_test

import (
	"context"
	"path/filepath"
	"testing"

	"coder/project"
	"coder/qda"
)

// takenBackThroughMerge makes something with do (the action named action),
// saves a copy of the project file, undoes the action, and merges the copy
// in: what the undo took out must stay out. Redo puts it back, and merging
// the copy again keeps it. there reports whether it is in the project.
func takenBackThroughMerge(t *testing.T, p *project.Project, action string, do func() error, there func() bool) {
	t.Helper()
	if err := do(); err != nil {
		t.Fatal(err)
	}
	if !there() {
		t.Fatalf("%s: not there after the action", action)
	}
	copyPath := filepath.Join(t.TempDir(), "copy.coder")
	copyFile(t, p.Path(), copyPath)
	merge := func() {
		t.Helper()
		if _, err := p.Merge(context.Background(), copyPath, nil); err != nil {
			t.Fatal(err)
		}
	}
	if name, err := p.Undo(); err != nil || name != action {
		t.Fatalf("undo = %q, %v; want %q", name, err, action)
	}
	if there() {
		t.Fatalf("%s: still there after undo", action)
	}
	merge()
	if there() {
		t.Errorf("%s: undone, then a copy saved before the undo merged in: it came back", action)
	}
	if name, err := p.Redo(); err != nil || name != action {
		t.Fatalf("redo after the merge = %q, %v; want %q", name, err, action)
	}
	if !there() {
		t.Fatalf("%s: not there after redo", action)
	}
	merge()
	if !there() {
		t.Errorf("%s: redone, then the copy merged in again: it went", action)
	}
	if probs, err := p.Check(); err != nil || len(probs) != 0 {
		t.Errorf("check: %v %+v", err, probs)
	}
}

// Ensure that a coding taken back with Undo stays gone when a copy of the
// project saved before the undo (which still holds it) is merged in, and
// that after Redo the same merge keeps it.
func TestUndo_CodingTakenBackStaysGoneThroughAMerge(t *testing.T) {
	p := newProject(t, "logics")
	doc := importText(t, p, "zhou.txt", "Resident Zhou: The gate was mended by the neighbours.\n")
	pol, err := p.FindCode("Political logic")
	if err != nil {
		t.Fatal(err)
	}
	var made *qda.Coding
	takenBackThroughMerge(t, p, "Apply code", func() (err error) {
		made, err = p.ApplyCode(doc, qda.Span{Start: 0, End: 13}, pol.ID)
		return err
	}, func() bool {
		rows, err := p.Codings(project.CodingFilter{})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			if r.ID == made.ID {
				return true
			}
		}
		return false
	})
}

// Ensure that a code taken back with Undo stays gone through a merge of a
// copy saved before the undo, and comes back with Redo.
func TestUndo_CodeTakenBackStaysGoneThroughAMerge(t *testing.T) {
	p := newProject(t, "logics")
	takenBackThroughMerge(t, p, "Add code", func() error {
		_, err := p.AddCode("Mutual aid", "#2E8B57", "neighbours fixing things together")
		return err
	}, func() bool {
		_, err := p.FindCode("Mutual aid")
		return err == nil
	})
}

// Ensure that a memo taken back with Undo stays gone through a merge of a
// copy saved before the undo, and comes back with Redo.
func TestUndo_MemoTakenBackStaysGoneThroughAMerge(t *testing.T) {
	p := newProject(t, "logics")
	takenBackThroughMerge(t, p, "Add memo", func() error {
		_, err := p.AddMemo(qda.OnProject, "", "Gate", "Ask who paid for the new hinges.")
		return err
	}, func() bool {
		ms, err := p.Memos(qda.OnProject, "")
		if err != nil {
			t.Fatal(err)
		}
		return len(ms) == 1
	})
}

// Ensure that an imported document taken back with Undo stays gone through
// a merge of a copy saved before the undo, and comes back with Redo.
func TestUndo_ImportTakenBackStaysGoneThroughAMerge(t *testing.T) {
	p := newProject(t, "logics")
	takenBackThroughMerge(t, p, "Import", func() error {
		importText(t, p, "qian.txt", "Resident Qian: The bicycle shed leaks again.\n")
		return nil
	}, func() bool {
		ds, err := p.Documents()
		if err != nil {
			t.Fatal(err)
		}
		return len(ds) == 1
	})
}

// Ensure that a case taken back with Undo stays gone through a merge of a
// copy saved before the undo, and comes back with Redo.
func TestUndo_CaseTakenBackStaysGoneThroughAMerge(t *testing.T) {
	p := newProject(t, "logics")
	takenBackThroughMerge(t, p, "Add case", func() error {
		_, err := p.AddCase("Courtyard 7", "the east block")
		return err
	}, func() bool {
		cs, err := p.Cases()
		if err != nil {
			t.Fatal(err)
		}
		return len(cs) == 1
	})
}
