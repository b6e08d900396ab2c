package main_test

import (
	"path/filepath"
	"strings"
	"testing"
)

// Ensure that merging a project's own REFI-QDA export back into it changes
// nothing and reports no conflict: the export has no place for event dates
// and speaker turns, and the lead's own keep them (the README: "the lead's
// own edits always win").
func TestCLI_MergingTheProjectsOwnExportChangesNothing(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "study.coder")
	ok(t, "demo", p)
	timeline := ok(t, "timeline", p)
	speakers := ok(t, "speakers", p)
	ok(t, "export", p, "--format", "qdpx", "--out", filepath.Join(dir, "bo-export.qdpx"))
	out := ok(t, "merge", p, filepath.Join(dir, "bo-export.qdpx"))
	if !strings.Contains(out, "Nothing changed") || strings.Contains(out, "Conflict") {
		t.Errorf("merging the project's own export reports:\n%s", out)
	}
	if got := ok(t, "timeline", p); got != timeline {
		t.Errorf("the timeline changed with the merge:\nbefore:\n%s\nafter:\n%s", timeline, got)
	}
	if got := ok(t, "speakers", p); got != speakers {
		t.Errorf("the speakers changed with the merge:\nbefore:\n%s\nafter:\n%s", speakers, got)
	}
}
