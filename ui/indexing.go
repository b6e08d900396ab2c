package ui

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"coder/project"
)

// indexer keeps the project's search index ready in the background. It
// opens the index when the project opens, rebuilding it when it is missing,
// stale or damaged, and rebuilds it on request; a status bar at the foot of
// the window shows how far it has got, with a Cancel button. Searches wait
// for the run in progress instead of building the index again without
// progress.
type indexer struct {
	ws      *workspace
	label   *widget.Label
	bar     *widget.ProgressBar
	action  *widget.Button // Cancel while running, "Build now" after a cancel or failure
	dismiss *widget.Button
	content *fyne.Container // the status bar; hidden while there is nothing to say

	cur *indexRun // the run in progress or the last one; nil before the first

	// mu guards latest and posted: progress arrives on the build's
	// goroutines, and only the newest step is worth drawing.
	mu     sync.Mutex
	latest project.Progress
	posted bool
}

// indexRun is one opening or rebuild of the index. err is written before
// done is closed, so whoever has waited on done may read it.
type indexRun struct {
	cancel context.CancelFunc
	done   chan struct{}
	err    error
	over   bool // done was closed; read and written on the UI thread
}

func newIndexer(ws *workspace) *indexer {
	ix := &indexer{ws: ws}
	ix.label = widget.NewLabel("")
	ix.label.Truncation = fyne.TextTruncateEllipsis
	ix.bar = widget.NewProgressBar()
	ix.action = widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), ix.act)
	ix.dismiss = widget.NewButtonWithIcon("", theme.WindowCloseIcon(), func() { ix.content.Hide() })
	ix.dismiss.Importance = widget.LowImportance
	barBox := container.NewGridWrap(fyne.NewSize(220, ix.bar.MinSize().Height), ix.bar)
	row := container.NewBorder(nil, nil, nil, container.NewHBox(container.NewCenter(barBox), ix.action, ix.dismiss), ix.label)
	ix.content = container.NewVBox(widget.NewSeparator(), row)
	ix.content.Hide()
	return ix
}

// running reports whether a run is in progress.
func (ix *indexer) running() bool { return ix.cur != nil && !ix.cur.over }

// start opens the index, or throws it away and builds it again when
// rebuild is set, in the background. A run in progress is cancelled first.
func (ix *indexer) start(rebuild bool) *indexRun {
	prev := ix.cur
	if prev != nil && !prev.over {
		prev.cancel()
	}
	ctx, cancel := context.WithCancel(context.Background())
	run := &indexRun{cancel: cancel, done: make(chan struct{})}
	ix.cur = run
	ix.mu.Lock()
	ix.latest = project.Progress{}
	ix.mu.Unlock()
	ix.showRunning(project.Progress{})
	p := ix.ws.p
	go func() {
		if prev != nil {
			<-prev.done
		}
		if rebuild {
			run.err = p.Reindex(ctx, ix.progress)
		} else {
			_, run.err = p.OpenIndex(ctx, ix.progress)
		}
		cancel()
		close(run.done)
		fyne.Do(func() { ix.ended(run) })
	}()
	return run
}

// ensure returns the run a search should wait for: the one in progress, the
// last one if it succeeded, or a new one when there was none or it failed.
func (ix *indexer) ensure() *indexRun {
	if ix.cur != nil && (!ix.cur.over || ix.cur.err == nil) {
		return ix.cur
	}
	return ix.start(false)
}

// stop cancels a run in progress and waits for it to let go of the index,
// so the project can close.
func (ix *indexer) stop() {
	if run := ix.cur; run != nil {
		run.cancel()
		<-run.done
	}
}

// progress is called by the build, off the UI thread, once per document.
// Steps are coalesced: the UI thread draws the newest one when it gets to
// it, so a fast build does not queue thousands of redraws.
func (ix *indexer) progress(pr project.Progress) {
	ix.mu.Lock()
	ix.latest = pr
	post := !ix.posted
	ix.posted = true
	ix.mu.Unlock()
	if post {
		fyne.Do(ix.drawProgress)
	}
}

// latestShown is the newest progress step reported.
func (ix *indexer) latestShown() project.Progress {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return ix.latest
}

func (ix *indexer) drawProgress() {
	ix.mu.Lock()
	pr := ix.latest
	ix.posted = false
	ix.mu.Unlock()
	if ix.running() {
		ix.showRunning(pr)
	}
}

// showRunning shows the status bar with a run's progress.
func (ix *indexer) showRunning(pr project.Progress) {
	ix.label.SetText(indexingText(pr))
	if pr.Total > 0 {
		ix.bar.SetValue(float64(pr.Done) / float64(pr.Total))
	} else {
		ix.bar.SetValue(0)
	}
	ix.bar.Show()
	ix.action.SetText("Cancel")
	ix.action.SetIcon(theme.CancelIcon())
	ix.action.Enable()
	ix.dismiss.Hide()
	ix.content.Show()
	if ix.ws.search != nil {
		ix.ws.search.indexProgress(pr)
	}
}

// indexingText says how far indexing has got. The count is of documents;
// the last step (the memos) is followed by merging, which reports nothing.
func indexingText(pr project.Progress) string {
	switch {
	case pr.Total == 0:
		return "Indexing for search…"
	case pr.Done >= pr.Total:
		return "Finishing the search index…"
	default:
		return fmt.Sprintf("Indexing for search… %d/%d", pr.Done, pr.Total)
	}
}

// percent is how far a run has got, for messages elsewhere.
func percent(pr project.Progress) int {
	if pr.Total == 0 {
		return 0
	}
	return pr.Done * 100 / pr.Total
}

// ended shows how a run ended: nothing when the index is ready, what to do
// when it was cancelled or failed.
func (ix *indexer) ended(run *indexRun) {
	run.over = true
	if f := ix.ws.app.onIndexed; f != nil {
		defer f(run.err)
	}
	if run != ix.cur {
		return // a newer run replaced it and owns the status bar
	}
	if run.err == nil {
		ix.content.Hide()
		return
	}
	ix.bar.Hide()
	if errors.Is(run.err, context.Canceled) {
		ix.label.SetText("Search index not built: searches build it first, or choose Build now.")
	} else {
		ix.label.SetText("The search index could not be built: " + run.err.Error())
	}
	ix.action.SetText("Build now")
	ix.action.SetIcon(theme.ViewRefreshIcon())
	ix.dismiss.Show()
	ix.content.Show()
}

// act is the status bar's button: Cancel while running, Build now after.
func (ix *indexer) act() {
	if ix.running() {
		ix.cur.cancel()
		ix.action.Disable()
		ix.label.SetText("Cancelling…")
		return
	}
	ix.start(false)
}

// rebuild throws the index away and builds it again, for a Tools menu item.
func (ws *workspace) rebuildIndex() { ws.indexer.start(true) }
