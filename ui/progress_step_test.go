package ui

import (
	"context"
	"math"
	"testing"

	"coder/project"
)

// Ensure that the progress dialog's bar stands where its words say: "5 of
// 8: reading documents" fills five eighths of the bar (it showed half,
// the four documents done, beside the fifth named), the last step fills
// it, and a step without a count leaves the bar where it was.
func TestLongWork_BarAgreesWithTheStepShown(t *testing.T) {
	app, _ := openDemoCopy(t)
	ws := app.ws
	step := make(chan project.Progress)
	drawn := make(chan struct{})
	gone := make(chan struct{}, 1)
	ws.jobs.ended = func() { gone <- struct{}{} }
	lw := ws.runLong("Learning from the codings of Money", "Cancelling.", func(ctx context.Context, progress func(project.Progress)) {
		for pr := range step {
			progress(pr)
			drawn <- struct{}{}
		}
	}, nil)
	for _, c := range []struct {
		pr   project.Progress
		text string
		bar  float64
	}{
		{project.Progress{Done: 4, Total: 8, Item: "reading documents"}, "5 of 8: reading documents", 5.0 / 8},
		{project.Progress{Done: 0, Total: 8, Item: "reading documents"}, "1 of 8: reading documents", 1.0 / 8},
		{project.Progress{Done: 8, Total: 8, Item: "reading documents"}, "8 of 8: reading documents", 1},
		{project.Progress{Item: "training on 400 passages"}, "training on 400 passages", 1},
	} {
		step <- c.pr
		<-drawn
		lw.draw() // the UI thread's draw of the newest step
		if got := lw.item.Text; got != c.text {
			t.Errorf("%+v: the dialog says %q, want %q", c.pr, got, c.text)
		}
		if got := lw.bar.Value; math.Abs(got-c.bar) > 1e-9 {
			t.Errorf("%+v: %q with the bar at %.0f%%, want %.0f%%", c.pr, lw.item.Text, 100*got, 100*c.bar)
		}
	}
	close(step)
	wait(t, gone, "the work")
}
