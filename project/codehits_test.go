package project_test

import (
	"context"
	"testing"

	"coder/project"
	"coder/qda"
)

// codeHits plans and codes a query's hits in one go.
func codeHits(t *testing.T, p *project.Project, query string, unit project.HitUnit, code qda.ID) (*project.HitPlan, project.CodedHits) {
	t.Helper()
	ctx := context.Background()
	plan, err := p.PlanCodeHits(ctx, query)
	if err != nil {
		t.Fatal(err)
	}
	done, err := p.CodeHits(ctx, plan, unit, project.HitCode{ID: code}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return plan, done
}

// Ensure that "code all hits" codes every hit as one undoable action, either
// the matched words or the whole passage.
func TestCodeHits_MatchesAndPassages(t *testing.T) {
	p := newProject(t, "logics")
	importText(t, p, "a.txt", "The gate was mended.\n\nNobody mentioned it.\n\nA second gate came later.\n")
	code, _ := p.FindCode("Community logic")
	if _, done := codeHits(t, p, "gate", project.HitMatches, code.ID); done.Coded != 2 || done.Made != 2 {
		t.Fatalf("coding the matches = %+v; want 2 coded, 2 made", done)
	}
	rows, _ := p.Codings(project.CodingFilter{Codes: []qda.ID{code.ID}})
	for _, r := range rows {
		if r.Text != "gate" {
			t.Errorf("coded %q, want the matched word", r.Text)
		}
	}
	p.Undo()
	if _, done := codeHits(t, p, "gate", project.HitPassages, code.ID); done.Made != 2 {
		t.Fatalf("coding whole passages = %+v", done)
	}
	rows, _ = p.Codings(project.CodingFilter{Codes: []qda.ID{code.ID}})
	if len(rows) != 2 || rows[0].Text != "The gate was mended." {
		t.Errorf("passage codings = %+v", rows)
	}
}

// Ensure that the counts a plan gives before coding (passages, matches) are
// the counts coded, when a passage holds the word more than once, and that
// spans already carrying the code are counted as coded but not as made.
func TestCodeHits_PlanCountsAreWhatIsCoded(t *testing.T) {
	p := newProject(t, "logics")
	importText(t, p, "a.txt", "The gate by the old gate was mended.\n\nNobody mentioned it.\n\nA second gate came later.\n")
	code, _ := p.FindCode("Community logic")
	plan, err := p.PlanCodeHits(context.Background(), "gate")
	if err != nil {
		t.Fatal(err)
	}
	if plan.Passages() != 2 || plan.Matches() != 3 || plan.Documents != 1 {
		t.Fatalf("plan: %d passages, %d matches in %d documents; want 2, 3, 1", plan.Passages(), plan.Matches(), plan.Documents)
	}
	done, err := p.CodeHits(context.Background(), plan, project.HitMatches, project.HitCode{ID: code.ID}, nil)
	if err != nil || done.Coded != plan.Count(project.HitMatches) || done.Made != 3 {
		t.Fatalf("coding the matches = %+v, %v; the plan said %d", done, err, plan.Count(project.HitMatches))
	}
	rows, _ := p.Codings(project.CodingFilter{Codes: []qda.ID{code.ID}})
	if len(rows) != 3 {
		t.Errorf("the project holds %d codings with the code, want 3", len(rows))
	}
	again, err := p.CodeHits(context.Background(), plan, project.HitMatches, project.HitCode{ID: code.ID}, nil)
	if err != nil || again.Coded != 3 || again.Made != 0 {
		t.Errorf("coding the same matches again = %+v, %v; want 3 coded, 0 made", again, err)
	}
}

// Ensure that cancelling "code all hits" part way leaves the project exactly
// as before: no codings, no new code, nothing to undo.
func TestCodeHits_CancelLeavesTheProjectAsBefore(t *testing.T) {
	p := newProject(t, "logics")
	importText(t, p, "a.txt", "The gate was mended.\n\nA second gate came later.\n\nA third gate.\n")
	code, _ := p.FindCode("Community logic")
	plan, err := p.PlanCodeHits(context.Background(), "gate")
	if err != nil {
		t.Fatal(err)
	}
	before, undo := p.Changes(), p.CanUndo()
	ctx, cancel := context.WithCancel(context.Background())
	calls := 0
	_, err = p.CodeHits(ctx, plan, project.HitPassages, project.HitCode{NewPath: "Community logic/Gates"}, func(pr project.Progress) {
		calls++
		if pr.Done == 1 {
			cancel() // part way, after the first passage was coded in the transaction
		}
	})
	if err == nil {
		t.Fatal("a cancelled coding reported success")
	}
	if calls < 2 {
		t.Errorf("progress heard %d times, want once per passage until the cancel", calls)
	}
	rows, _ := p.Codings(project.CodingFilter{Codes: []qda.ID{code.ID}})
	if len(rows) != 0 || p.Changes() != before {
		t.Errorf("after cancel the project holds %d codings with the code and changed from %d to %d", len(rows), before, p.Changes())
	}
	if _, err := p.FindCode("Community logic/Gates"); err == nil {
		t.Error("a cancelled coding left the new code it was to make")
	}
	if label := p.CanUndo(); label != undo {
		t.Errorf("after a cancelled coding Undo offers %q, want %q as before", label, undo)
	}
}
