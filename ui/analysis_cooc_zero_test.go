package ui

import (
	"fmt"
	"strconv"
	"testing"
)

// Ensure that the co-occurrence table shows a pair of codes that never
// co-occur as a plain "0", as 'coder stats cooc' prints it, not "0 (0.00)",
// and a pair that does as its count with the c-coefficient in brackets.
func TestAnalysis_CooccurrenceZeroCellReadsZero(t *testing.T) {
	app, _ := openDemoCopy(t)
	ws := app.ws
	ws.showAnalysis()
	v := ws.analysis
	v.tabs.SelectIndex(1)
	c := v.pages[1].(*coocPage)
	until(t, "the co-occurrence table", func() bool { return c.last != nil && len(c.g.cells) == 1+len(c.last.Codes) })
	zeros, pairs := 0, 0
	for i := range c.last.Codes {
		for j := range c.last.Codes {
			got := c.g.cells[i+1][j+1]
			n := c.last.Counts[i][j]
			switch {
			case i == j:
			case n == 0:
				zeros++
				if got != "0" {
					t.Errorf("cell %s × %s of no co-occurrence reads %q", c.last.Codes[i].Path, c.last.Codes[j].Path, got)
				}
			case c.last.C[i][j] != nil:
				pairs++
				if want := strconv.Itoa(n) + fmt.Sprintf(" (%.2f)", *c.last.C[i][j]); got != want {
					t.Errorf("cell %s × %s reads %q, want %q", c.last.Codes[i].Path, c.last.Codes[j].Path, got, want)
				}
			}
		}
	}
	if zeros == 0 || pairs == 0 {
		t.Fatalf("the demo's table has %d zero cells and %d co-occurring pairs; the test needs both", zeros, pairs)
	}
}
