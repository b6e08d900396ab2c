package main_test

import (
	"encoding/json"
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

// Ensure that coder merge --json gives every list of the README's shape as
// a list, empty when there is nothing in it, never null, and counts
// rejected suggestions among what came in.
func TestCLI_MergeJSONListsAreArraysNotNull(t *testing.T) {
	dir := t.TempDir()
	p, other := filepath.Join(dir, "study.coder"), filepath.Join(dir, "study-bo.coder")
	ok(t, "demo", p)
	ok(t, "demo", other)
	ok(t, "memo", other, "--on", "project", "--text", "A note from the yard.", "--coder", "Bo")
	reps := jsonOut[[]map[string]json.RawMessage](t, "merge", p, other)
	if len(reps) != 1 {
		t.Fatalf("merge --json gave %d reports", len(reps))
	}
	for _, k := range []string{"applied", "unified", "conflicts", "dropped", "moved"} {
		if v := string(reps[0][k]); !strings.HasPrefix(v, "[") {
			t.Errorf("merge --json %q is %s, want a list", k, v)
		}
	}
	if !strings.Contains(string(reps[0]["added"]), `"rejections"`) {
		t.Errorf("merge --json added has no rejections count: %s", reps[0]["added"])
	}
}
