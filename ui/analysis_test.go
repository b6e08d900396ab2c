package ui

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/widget"

	"coder/project"
)

// until polls cond for up to ten seconds: the Analysis view computes off
// the UI goroutine.
func until(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for end := time.Now().Add(10 * time.Second); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}

func gridRow(g *analysisGrid, label string) []string {
	for _, r := range g.cells {
		if len(r) > 0 && strings.TrimSpace(r[0]) == label {
			return r
		}
	}
	return nil
}

// Ensure that Tools ▸ Analysis… opens a tab whose frequency table shows the
// demo's codings per code, and whose numbers open the passages behind them.
func TestAnalysis_FrequenciesOpenThePassagesBehindANumber(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	menuItem(t, ws.menus.main.Items[4], "Analysis…").Action()
	v := ws.analysis
	if v == nil || ws.centre.Selected() != v.tab {
		t.Fatal("the Analysis tab did not open")
	}
	f := v.pages[0].(*freqPage)
	until(t, "the frequency table", func() bool { return gridRow(f.g, "Political logic") != nil })
	rows, err := ws.p.Codings(project.CodingFilter{})
	if err != nil {
		t.Fatal(err)
	}
	own := 0
	for _, r := range rows {
		if r.CodePath == "Political logic" {
			own++
		}
	}
	if got := gridRow(f.g, "Political logic")[1]; got != strconv.Itoa(own) {
		t.Errorf("Political logic codings: table says %s, the project holds %d", got, own)
	}
	for i, r := range f.g.cells {
		if strings.TrimSpace(r[0]) == "Political logic" {
			f.g.table.Select(widget.TableCellID{Row: i, Col: 1})
		}
	}
	until(t, "the passages behind the number", func() bool { return len(v.evidence.list.Objects) == own })
	if !strings.Contains(v.evidence.title.Text, "Political logic: "+strconv.Itoa(own)) {
		t.Errorf("evidence title: %q", v.evidence.title.Text)
	}
	_ = w
}

// Ensure that a co-occurrence cell of the demo's three logics lists both
// codings with the shared text marked, and that a matrix cell memo saves.
func TestAnalysis_CooccurrenceMarksOverlapAndMatrixMemoSaves(t *testing.T) {
	app, _ := openDemoCopy(t)
	ws := app.ws
	ws.showAnalysis()
	v := ws.analysis
	v.tabs.SelectIndex(1)
	c := v.pages[1].(*coocPage)
	until(t, "the co-occurrence table", func() bool { return c.last != nil && len(c.g.cells) == 1+len(c.last.Codes) })
	pol, com := -1, -1
	for i, col := range c.last.Codes {
		switch col.Path {
		case "Political logic":
			pol = i
		case "Community logic":
			com = i
		}
	}
	n := c.last.Counts[pol][com]
	if n == 0 {
		t.Fatal("the demo has no overlap of political and community logic")
	}
	c.g.table.Select(widget.TableCellID{Row: pol + 1, Col: com + 1})
	until(t, "the co-occurring passages", func() bool { return len(v.evidence.list.Objects) == n })
	if text := textUnder(v.evidence.list); !strings.Contains(text, "⟦") || !strings.Contains(text, "×") {
		t.Errorf("a co-occurrence should show both codings and mark the shared text: %q", text[:min(len(text), 300)])
	}

	v.tabs.SelectIndex(2)
	m := v.pages[2].(*matrixPage)
	until(t, "the matrix", func() bool { return m.last != nil && len(m.g.cells) > 1 })
	m.g.table.Select(widget.TableCellID{Row: 1, Col: 1})
	until(t, "the memo editor", func() bool { return len(v.evidence.extra.Objects) == 1 })
	var entry *widget.Entry
	for _, e := range entries(v.evidence.extra) {
		entry = e
	}
	entry.SetText("The cadre frames the yard's demand as the party's task.")
	button(t, v.evidence.extra, "Save memo").OnTapped()
	memos, err := ws.p.MatrixMemos()
	if err != nil || memos[m.last.CellKey(0, 0)].Text != "The cadre frames the yard's demand as the party's task." {
		t.Fatalf("cell memo not saved: %+v %v", memos, err)
	}
	until(t, "the memo mark in the cell", func() bool { return strings.HasPrefix(m.g.cells[1][1], "✎") })
}

// Ensure that a coding query lists its passages and codes them as a new code
// that opens in Retrieve.
func TestAnalysis_QueryResultsCodedAndRetrieved(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	ws.showAnalysis()
	v := ws.analysis
	v.tabs.SelectIndex(3)
	q := v.pages[3].(*queryPage)
	q.expr.SetText(`"Political logic" AND "Community logic"`)
	v.run()
	until(t, "query results", func() bool { return len(q.last) > 0 })
	n := len(q.last)
	q.codeResults()
	d := topOverlay(t, w)
	button(t, d, "Code").OnTapped()
	until(t, "Retrieve", func() bool { return ws.centre.Selected() == ws.retrieveTab && len(ws.retrieve.rows) == n })
}
