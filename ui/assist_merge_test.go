package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"coder/project"
)

// Ensure that a suggestion a colleague rejected in her copy is not in the
// lead's review queue after File ▸ Merge, and that the merge report says
// her rejection came in.
func TestSuggestQueue_ColleaguesRejectionComesInWithAMerge(t *testing.T) {
	app, w := newTestApp(t)
	p, dir, doc, code := moneyProject(t, app)
	data, err := os.ReadFile(p.Path())
	if err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, "ana.coder")
	os.WriteFile(other, data, 0o644)
	ana, err := project.Open(other, project.Options{Coder: "Ana", Backups: -1, IndexDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	sugg, err := ana.Suggest(context.Background(), nil, code.ID, 0)
	if err != nil || len(sugg) != 2 {
		t.Fatalf("Ana's suggestions: %v %+v, want two", err, sugg)
	}
	rejected := sugg[0]
	if err := ana.RejectSuggestion(doc, rejected.Span(), code.ID); err != nil {
		t.Fatal(err)
	}
	ana.Close()

	app.show(p)
	ws := app.ws
	ended := make(chan struct{}, 1)
	ws.jobs.ended = func() { ended <- struct{}{} }
	ws.runMerge(other)
	wait(t, ended, "the merge")
	if txt := textUnder(topOverlay(t, w)); !strings.Contains(txt, "1 rejected suggestion") {
		t.Errorf("the merge report says:\n%s", txt)
	}
	ws.codes.selectCode(code.ID)
	ws.suggestCodings()
	wait(t, ended, "learning from the codings")
	txt := textUnder(topOverlay(t, w))
	if !strings.Contains(txt, "1 of 1 · village "+sugg[1].Span().String()) {
		t.Errorf("after the merge the queue shows:\n%s\nwant only %s, not Ana's rejected %s", txt, sugg[1].Span(), rejected.Span())
	}
}
