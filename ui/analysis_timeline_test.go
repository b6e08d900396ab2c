package ui

import (
	"strings"
	"testing"

	"coder/project"
	"coder/qda"
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

// Ensure that the timeline's Event date… dialog keeps Save off while the
// date typed is no date (saying why, once), and that Enter saves a good
// one: a bad date used to close the dialog, losing what was typed, with a
// message that said "event date" and how to write it twice.
func TestAnalysis_EventDateRefusesABadDateAndEnterSaves(t *testing.T) {
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
	until(t, "the timeline", func() bool { return len(tp.events) > 0 })
	tp.tap(0, 0)
	coding := tp.events[0].Coding
	tp.editEventDate()
	dlg := topOverlay(t, w)
	e := entries(dlg)[0]
	typeInto(e, "2023-13-45")
	if save := button(t, dlg, "Save"); !save.Disabled() {
		t.Error("Save is on for 2023-13-45")
	}
	if txt := textUnder(dlg); !strings.Contains(txt, "is not a date") || strings.Contains(txt, "event date: event date") {
		t.Errorf("the dialog says:\n%s", txt)
	}
	typeInto(e, "2023-05-04")
	pressEnter(e)
	until(t, "the event date saved", func() bool {
		events, _, err := ws.p.Timeline(project.TimelineFilter{})
		if err != nil {
			return false
		}
		for _, ev := range events {
			if ev.Coding == coding {
				return ev.Date == "2023-05-04" && !ev.FromDocument
			}
		}
		return false
	})
}

// Ensure that the Analysis view's coder choice narrows the timeline as it
// narrows every table: with "Researcher B" chosen, the G Community
// timeline lists exactly Researcher B's codings there (it listed every
// coder's).
func TestAnalysis_TimelineFollowsTheCoderChoice(t *testing.T) {
	app, _ := openDemoCopy(t)
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
	until(t, "the G Community timeline", func() bool { return tp.name == "G Community" && len(tp.events) > 0 })
	all := len(tp.events)
	k, err := ws.p.FindCase("G Community")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := ws.p.FindCoders([]string{"Researcher B"})
	want, err := ws.p.Codings(project.CodingFilter{Cases: []qda.ID{k.ID}, Coders: []qda.ID{b[0].ID}})
	if err != nil || len(want) == 0 || len(want) == all {
		t.Fatalf("Researcher B should have some of G Community's %d codings: %d (%v)", all, len(want), err)
	}
	v.coder.sel.SetSelected("Researcher B")
	until(t, "Researcher B's timeline", func() bool { return len(tp.events) == len(want) })
}
