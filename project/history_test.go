package project_test

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"coder/project"
	"coder/qda"
)

// Ensure that undos racing from many goroutines each take a different step:
// after N actions exactly N undos succeed, none fails, and none of the
// actions is left in the project.
func TestUndo_ConcurrentUndosTakeEachStepOnce(t *testing.T) {
	p := newProject(t, "empty")
	const n = 20
	var ids []qda.ID
	for i := 0; i < n; i++ {
		c, err := p.AddCode("Theme "+string(rune('A'+i)), "", "")
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, c.ID)
	}
	var mu sync.Mutex
	var ok int
	var errs []error
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				name, err := p.Undo()
				mu.Lock()
				if err != nil {
					errs = append(errs, err)
				} else if name != "" {
					ok++
				}
				tooMany := len(errs) > 100
				mu.Unlock()
				if (name == "" && err == nil) || tooMany {
					return
				}
			}
		}()
	}
	wg.Wait()
	if ok != n || len(errs) != 0 {
		t.Fatalf("%d undos succeeded and %d failed (first: %v), want %d and 0", ok, len(errs), first(errs), n)
	}
	tr, err := p.Codebook()
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		if c, ok := tr.Code(id); ok {
			t.Errorf("code %q is still in the codebook after every action was undone", c.Name)
		}
	}
	if got := p.CanUndo(); got != "" {
		t.Errorf("CanUndo = %q after undoing everything", got)
	}
}

func first(errs []error) error {
	if len(errs) == 0 {
		return nil
	}
	return errs[0]
}

// Ensure that an import is an action like any other: watchers hear of it
// once, Undo names it and takes every file of the batch out, and the
// session's coder is recorded.
func TestImport_IsOneActionLikeAnyOther(t *testing.T) {
	p := newProject(t, "empty")
	dir := t.TempDir()
	for _, name := range []string{"a.txt", "b.txt", "c.txt"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("Notes from the allotment, "+name+".\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var heard []project.Change
	p.Watch(func(c project.Change) { heard = append(heard, c) })
	rep, err := p.Import(context.Background(), []string{dir}, project.ImportOptions{}, nil)
	if err != nil || len(rep.Imported) != 3 {
		t.Fatalf("import: %v %+v", err, rep)
	}
	if len(heard) != 1 || heard[0].Action != "Import" || len(heard[0].Documents) != 3 {
		t.Fatalf("watchers heard %+v, want one Import change naming 3 documents", heard)
	}
	if got := p.CanUndo(); got != "Import" {
		t.Errorf("CanUndo = %q, want Import", got)
	}
	name, err := p.Undo()
	if err != nil || name != "Import" {
		t.Fatalf("Undo = %q, %v; want Import", name, err)
	}
	docs, err := p.Documents()
	if err != nil || len(docs) != 0 {
		t.Errorf("after undoing the import %d documents remain (%v)", len(docs), err)
	}
	if len(heard) != 2 {
		t.Errorf("watchers heard %d changes after import and undo, want 2", len(heard))
	}
}
