package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"coder/project"
)

// indexFinished makes the app report each finished indexing run on the
// returned channel.
func indexFinished(app *App) <-chan error {
	ch := make(chan error, 4)
	app.onIndexed = func(err error) { ch <- err }
	return ch
}

// waitIndex waits for the next indexing run to end and returns its error.
func waitIndex(t *testing.T, ch <-chan error) error {
	t.Helper()
	done := make(chan struct{})
	var err error
	go func() { err = <-ch; close(done) }()
	wait(t, done, "indexing")
	return err
}

// searchFor runs a query through the search panel's box and waits for it.
func searchFor(t *testing.T, ws *workspace, q string) {
	t.Helper()
	done := make(chan struct{}, 1)
	ws.search.done = func() { done <- struct{}{} }
	typeInto(ws.search.query, q)
	pressEnter(ws.search.query)
	wait(t, done, "search")
}

// Ensure that opening a project builds its search index in the background,
// with progress counting every document, that the status bar goes away when
// it is ready, and that a search then finds hits.
func TestIndexing_OpeningAProjectBuildsTheIndexWithProgress(t *testing.T) {
	app, _ := newTestApp(t)
	app.indexOnOpen = true
	p, err := project.WriteDemo(filepath.Join(t.TempDir(), "demo.coder"), app.opts)
	if err != nil {
		t.Fatal(err)
	}
	finished := indexFinished(app)
	app.show(p)
	ws := app.ws
	if err := waitIndex(t, finished); err != nil {
		t.Fatalf("indexing on open failed: %v", err)
	}
	pr := ws.indexer.latestShown()
	if want := len(ws.docs) + 1; pr.Total != want || pr.Done != pr.Total {
		t.Errorf("indexing progress ended at %d/%d, want %d/%d (documents and memos)", pr.Done, pr.Total, want, want)
	}
	if ws.indexer.content.Visible() {
		t.Errorf("the status bar still shows %q after the index is ready", ws.indexer.label.Text)
	}
	searchFor(t, ws, "gate")
	if n := len(ws.search.result.Hits); n == 0 || !strings.Contains(ws.search.summary.Text, "passages match") {
		t.Errorf("search after indexing: %q with %d hits", ws.search.summary.Text, n)
	}
}

// Ensure that Tools ▸ Rebuild search index rebuilds it with progress from
// the start, and that searches go on working.
func TestIndexing_RebuildFromTheToolsMenu(t *testing.T) {
	app, _ := openDemoCopy(t)
	ws := app.ws
	if _, err := ws.p.OpenIndex(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	finished := indexFinished(app)
	menuItem(t, ws.menus.main.Items[4], "Rebuild search index").Action()
	if err := waitIndex(t, finished); err != nil {
		t.Fatalf("rebuild failed: %v", err)
	}
	if pr := ws.indexer.latestShown(); pr.Total == 0 || pr.Done != pr.Total {
		t.Errorf("rebuild progress ended at %d/%d", pr.Done, pr.Total)
	}
	searchFor(t, ws, "committee")
	if len(ws.search.result.Hits) == 0 {
		t.Errorf("no hits for committee after a rebuild: %q", ws.search.summary.Text)
	}
}

// Ensure that cancelling indexing says the index is not built and offers to
// build it, and that a search then builds it and finds hits.
func TestIndexing_CancelThenSearchBuildsTheIndex(t *testing.T) {
	app, _ := openDemoCopy(t)
	ws := app.ws
	finished := indexFinished(app)
	// Hold the run back behind one that has not ended, so that Cancel
	// certainly comes before the build.
	blocker := &indexRun{cancel: func() {}, done: make(chan struct{})}
	ws.indexer.cur = blocker
	ws.indexer.start(false)
	test.Tap(button(t, ws.indexer.content, "Cancel"))
	close(blocker.done)
	if err := waitIndex(t, finished); err == nil {
		t.Fatal("a cancelled run reported success")
	}
	if !ws.indexer.content.Visible() || !strings.Contains(ws.indexer.label.Text, "not built") {
		t.Errorf("after cancelling the status bar says %q", ws.indexer.label.Text)
	}
	button(t, ws.indexer.content, "Build now")
	searchFor(t, ws, "gate")
	if err := waitIndex(t, finished); err != nil {
		t.Fatalf("the search's index build failed: %v", err)
	}
	if len(ws.search.result.Hits) == 0 {
		t.Errorf("no hits for gate after the search built the index: %q", ws.search.summary.Text)
	}
	if ws.indexer.content.Visible() {
		t.Errorf("the status bar still shows %q", ws.indexer.label.Text)
	}
}
