package ui

import (
	"testing"
)

// Ensure that the Timeline tab shows a case's chart big enough to read:
// the demo's G Community has some thirty rows, and squeezed into a strip
// above the table the chart was drawn at a seventh of its size (labels two
// pixels high). It now fills the tab's width, at least 40% of its size,
// and scrolls.
func TestAnalysis_TimelineChartIsReadable(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	ws.showAnalysis()
	v := ws.analysis
	var tp *timelinePage
	for i, p := range v.pages {
		if p, ok := p.(*timelinePage); ok {
			tp = p
			v.tabs.SelectIndex(i)
		}
	}
	tp.caseSel.SetSelected("G Community")
	until(t, "the G Community timeline", func() bool { return tp.chart != nil && tp.name == "G Community" && tp.img.Image != nil })
	w.Content().Refresh()
	b := tp.img.Image.Bounds()
	shown := tp.img.Size()
	// The image keeps its proportions inside the room it is given.
	scale := min(shown.Width/float32(b.Dx()), shown.Height/float32(b.Dy()))
	if scale < 0.4 {
		t.Errorf("a %d×%d chart is drawn in %v×%v: at %.0f%% of its size", b.Dx(), b.Dy(), shown.Width, shown.Height, scale*100)
	}
}
