package project_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"coder/project"
)

// Ensure that an export reports its progress and that cancelling it stops
// the writing with the cancel's error, every format alike.
func TestExport_ProgressAndCancel(t *testing.T) {
	p := demo(t)
	for _, format := range []string{"qdpx", "csv", "xlsx", "docx"} {
		t.Run(format, func(t *testing.T) {
			var steps []project.Progress
			var buf bytes.Buffer
			if err := p.Export(context.Background(), &buf, format, project.CodingFilter{}, func(pr project.Progress) { steps = append(steps, pr) }); err != nil {
				t.Fatal(err)
			}
			if len(steps) < 3 || steps[len(steps)-1].Done != steps[len(steps)-1].Total {
				t.Errorf("progress = %+v; want steps ending done", steps)
			}
			ctx, cancel := context.WithCancel(context.Background())
			var cut bytes.Buffer
			err := p.Export(ctx, &cut, format, project.CodingFilter{}, func(pr project.Progress) {
				if pr.Done == 1 {
					cancel() // once writing has begun
				}
			})
			if err == nil || ctx.Err() == nil {
				t.Fatalf("a cancelled export returned %v", err)
			}
			if cut.Len() >= buf.Len() {
				t.Errorf("the cancelled export wrote %d bytes of %d", cut.Len(), buf.Len())
			}
		})
	}
}

// Ensure that cancelling a REFI-QDA merge, while reading its documents or
// while merging them, leaves the project exactly as before.
func TestImportExchange_CancelChangesNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo.qdpx")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := demo(t).Export(context.Background(), f, "qdpx", project.CodingFilter{}, nil); err != nil {
		t.Fatal(err)
	}
	f.Close()
	for _, at := range []string{"a document", "merging into this project"} {
		t.Run(at, func(t *testing.T) {
			q := newProject(t, "empty")
			before, undo := q.Changes(), q.CanUndo()
			ctx, cancel := context.WithCancel(context.Background())
			heard := 0
			_, err := q.ImportExchange(ctx, path, func(pr project.Progress) {
				heard++
				if (at == "a document" && pr.Done == 2) || pr.Item == at {
					cancel()
				}
			})
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("a cancelled merge returned %v", err)
			}
			docs, _ := q.Documents()
			if len(docs) != 0 || q.Changes() != before || q.CanUndo() != undo || heard < 3 {
				t.Errorf("after cancel: %d documents, changes %d→%d, undo %q; progress heard %d times", len(docs), before, q.Changes(), q.CanUndo(), heard)
			}
			if _, err := q.ImportExchange(context.Background(), path, nil); err != nil {
				t.Fatalf("merging after a cancel: %v", err)
			}
			if docs, _ := q.Documents(); len(docs) != 8 {
				t.Errorf("merging after a cancel gave %d documents, want the demo's 8", len(docs))
			}
		})
	}
}
