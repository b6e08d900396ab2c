package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/widget"

	"coder/qda"
)

// Ensure that the Analysis view's Words tab lists the demo's words, that a
// word opens its lines in context with the word marked, and that the
// Timeline tab draws a chart and lists the dated events of a case once its
// documents have a Date.
func TestAnalysis_WordsOpenKWICAndTimelineDrawsDatedEvents(t *testing.T) {
	app, _ := openDemoCopy(t)
	ws := app.ws
	ws.showAnalysis()
	v := ws.analysis
	var wp *wordsPage
	var tp *timelinePage
	for i, p := range v.pages {
		switch p := p.(type) {
		case *wordsPage:
			wp = p
			v.tabs.SelectIndex(i)
		case *timelinePage:
			tp = p
		}
	}
	if wp == nil || tp == nil {
		t.Fatal("the Analysis view has no Words or Timeline tab")
	}
	deadline := func(what string, cond func() bool) { // the dictionary may take a while to load on a busy machine
		t.Helper()
		for end := time.Now().Add(90 * time.Second); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
			if cond() {
				return
			}
		}
		t.Fatalf("timed out waiting for %s", what)
	}
	deadline("the word list", func() bool { return len(wp.words) > 0 })
	row := -1
	for i, r := range wp.g.cells {
		if len(r) > 1 && r[1] == "community" {
			row = i
		}
	}
	if row < 0 {
		t.Fatalf("no 'community' in the word list: %v", wp.g.cells[:min(10, len(wp.g.cells))])
	}
	n := wp.g.cells[row][2]
	wp.g.table.Select(widget.TableCellID{Row: row, Col: 1})
	deadline("the KWIC lines", func() bool { return len(v.evidence.list.Objects) > 0 })
	if !strings.Contains(v.evidence.title.Text, n+" passages") {
		t.Errorf("KWIC title %q, want %s lines", v.evidence.title.Text, n)
	}

	for _, d := range ws.docs {
		if err := ws.p.AddAttribute(qda.ScopeDocument, d.ID, "Date", qda.VarDate, "2022-05-04"); err != nil {
			t.Fatal(err)
		}
	}
	for i, p := range v.pages {
		if p == tp {
			v.tabs.SelectIndex(i)
		}
	}
	deadline("the timeline", func() bool { return len(tp.events) > 0 && tp.img.Image != nil })
	if got := len(tp.g.cells) - 1; got != len(tp.events) {
		t.Errorf("timeline table has %d rows for %d events", got, len(tp.events))
	}
	// Codings of recounted events keep their own dates; the others take
	// their document's.
	fromDoc := 0
	for _, e := range tp.events {
		if e.FromDocument {
			fromDoc++
			if e.Date != "2022-05-04" {
				t.Errorf("an event dated by its document: %+v", e)
			}
		}
	}
	if fromDoc == 0 {
		t.Error("no event takes its document's date")
	}
}

// Ensure that the Words tab, counting a code's segments, counts the
// segments of the coder chosen in the Analysis view, as every table does
// (it counted every coder's whoever was chosen).
func TestAnalysis_WordsOfACodeFollowTheCoderChoice(t *testing.T) {
	app, _ := openDemoCopy(t)
	ws := app.ws
	ws.showAnalysis()
	v := ws.analysis
	var wp *wordsPage
	for i, p := range v.pages {
		if p, ok := p.(*wordsPage); ok {
			wp = p
			v.tabs.SelectIndex(i)
		}
	}
	total := func() int {
		n := 0
		for _, w := range wp.words {
			n += w.Count
		}
		return n
	}
	wp.codeSel.SetSelected("Political logic")
	var all int
	deadline := time.Now().Add(90 * time.Second)
	for ; time.Now().Before(deadline) && (wp.sel.Code == "" || len(wp.words) == 0); time.Sleep(50 * time.Millisecond) {
	}
	all = total()
	v.coder.sel.SetSelected("Researcher B")
	for ; time.Now().Before(deadline) && len(wp.sel.Coders) == 0; time.Sleep(50 * time.Millisecond) {
	}
	if got := total(); got == 0 || got >= all {
		t.Errorf("Political logic's words: %d occurrences for Researcher B, %d for all coders", got, all)
	}
}
