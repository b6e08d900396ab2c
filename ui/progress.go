package ui

import (
	"context"
	"fmt"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"coder/project"
)

// longWork is one piece of long work (an import, an export, a merge,
// coding every hit) running off the Fyne event goroutine behind a dialog
// with a progress bar and a Cancel button. It is the one way the window runs
// such work; the search index has its own status bar because it runs
// without a dialog while the researcher goes on working.
type longWork struct {
	ws       *workspace
	cancel   context.CancelFunc
	done     chan struct{}
	dialog   dialog.Dialog
	bar      *widget.ProgressBar
	item     *widget.Label
	stop     *widget.Button
	stopping string // what the label says after Cancel

	mu     sync.Mutex
	latest project.Progress
	posted bool // a draw of latest is queued on the UI thread
}

// runLong runs work in the background behind a progress dialog titled
// title. work gets a context that Cancel ends and a progress function to
// call as it goes (from any goroutine; steps are coalesced so a fast loop
// does not queue thousands of redraws). After work returns, finish runs on
// the UI thread with the dialog gone. stopping is what the dialog says once
// Cancel is pressed, e.g. that nothing will be changed.
func (ws *workspace) runLong(title, stopping string, work func(ctx context.Context, progress func(project.Progress)), finish func()) *longWork {
	ctx, cancel := context.WithCancel(context.Background())
	lw := &longWork{ws: ws, cancel: cancel, done: make(chan struct{}), stopping: stopping}
	lw.bar = widget.NewProgressBar()
	lw.item = widget.NewLabel("Starting…")
	lw.item.Truncation = fyne.TextTruncateEllipsis
	lw.stop = widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), lw.cancelled)
	content := container.NewVBox(lw.item, lw.bar, container.NewCenter(lw.stop))
	lw.dialog = dialog.NewCustomWithoutButtons(title, container.NewGridWrap(fyne.NewSize(460, content.MinSize().Height), content), ws.win)
	lw.dialog.Show()
	ws.jobs.add(lw)
	go func() {
		defer close(lw.done)
		work(ctx, lw.progress)
		cancel()
		fyne.Do(func() {
			ws.jobs.remove(lw)
			lw.dialog.Hide()
			if finish != nil && ws.app.ws == ws { // not after the project closed
				finish()
			}
			if ws.jobs.ended != nil {
				ws.jobs.ended()
			}
		})
	}()
	return lw
}

// cancelled is the Cancel button.
func (lw *longWork) cancelled() {
	lw.cancel()
	lw.stop.Disable()
	lw.item.SetText(lw.stopping)
}

// progress records a step and has the UI thread draw the newest one.
func (lw *longWork) progress(pr project.Progress) {
	lw.mu.Lock()
	lw.latest = pr
	post := !lw.posted
	lw.posted = true
	lw.mu.Unlock()
	if post {
		fyne.Do(lw.draw)
	}
}

func (lw *longWork) draw() {
	lw.mu.Lock()
	pr := lw.latest
	lw.posted = false
	lw.mu.Unlock()
	if lw.stop.Disabled() {
		return // the label says it is stopping
	}
	text, frac, counted := progressStep(pr)
	if counted {
		lw.bar.SetValue(frac)
	}
	lw.item.SetText(text)
}

// progressStep says how far long work has got, in words ("3 of 12:
// interview.docx") and as the bar's fraction of the way (3/12), so the two
// always tell the same step. counted is false for a step without a count
// ("training on 500 passages"), which leaves the bar where it was.
func progressStep(pr project.Progress) (text string, frac float64, counted bool) {
	if pr.Total <= 0 {
		return pr.Item, 0, false
	}
	step := max(0, min(pr.Done+1, pr.Total))
	text = fmt.Sprintf("%d of %d", step, pr.Total)
	if pr.Item != "" {
		text += ": " + pr.Item
	}
	return text, float64(step) / float64(pr.Total), true
}

// jobs are the long works running in a workspace, so closing the project
// can cancel them and wait until they have let go of it.
type jobs struct {
	running []*longWork
	// ended, when set, is called on the UI thread after each work has
	// finished and shown its result (tests wait on it).
	ended func()
}

func (j *jobs) add(lw *longWork) { j.running = append(j.running, lw) }

func (j *jobs) remove(lw *longWork) {
	for i, r := range j.running {
		if r == lw {
			j.running = append(j.running[:i], j.running[i+1:]...)
			return
		}
	}
}

// stop cancels every running work and waits for each to end. Work that
// cancels leaves the project as it was (or, for an import, keeps the files
// that went in).
func (j *jobs) stop() {
	for _, lw := range j.running {
		lw.cancel()
		<-lw.done
		lw.dialog.Hide()
	}
	j.running = nil
}
