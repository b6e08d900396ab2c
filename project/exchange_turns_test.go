package project_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"coder/project"
)

// Ensure that a REFI-QDA source is not split into speaker turns on import:
// its passages come as the source gives them, so no speakers appear even
// when the exported documents were transcripts.
func TestImportExchange_SourcesGetNoSpeakerTurns(t *testing.T) {
	p := demo(t)
	if sp, _ := p.Speakers(); len(sp) == 0 {
		t.Fatal("the demo project has no speakers to export")
	}
	path := filepath.Join(t.TempDir(), "demo.qdpx")
	f, _ := os.Create(path)
	if err := p.Export(context.Background(), f, "qdpx", project.CodingFilter{}, nil); err != nil {
		t.Fatal(err)
	}
	f.Close()
	q := newProject(t, "empty")
	if _, err := q.ImportExchange(context.Background(), path, nil); err != nil {
		t.Fatal(err)
	}
	if sp, _ := q.Speakers(); len(sp) != 0 {
		t.Errorf("speakers after importing a .qdpx = %v, want none", sp)
	}
}
