package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"coder/analysis"
	"coder/project"
)

// coocPage is the code co-occurrence table with the c-coefficient.
type coocPage struct {
	v      *analysisView
	unit   *widget.Select
	near   *widget.Entry
	cols   *widget.Select
	rollup *widget.Check
	g      *analysisGrid
	last   *analysis.Cooc
}

const (
	unitOverlap = "Overlapping codings"
	unitPassage = "Same passage"
	unitNear    = "Within N characters"
)

func newCoocPage(v *analysisView) analysisPage {
	p := &coocPage{v: v, g: newAnalysisGrid()}
	p.near = widget.NewEntry()
	p.near.SetText("100")
	p.unit = widget.NewSelect([]string{unitOverlap, unitPassage, unitNear}, func(u string) {
		if u == unitNear {
			p.near.Enable()
		} else {
			p.near.Disable()
		}
		v.run()
	})
	p.unit.SetSelected(unitOverlap)
	p.near.OnSubmitted = func(string) { v.run() }
	p.cols = widget.NewSelect([]string{colsTop, colsAll}, func(string) { v.run() })
	p.cols.SetSelected(colsTop)
	p.rollup = widget.NewCheck("Include sub-codes", func(bool) { v.run() })
	p.rollup.SetChecked(true)
	p.g.onTap = p.tap
	return p
}

func (p *coocPage) title() string       { return "Co-occurrence" }
func (p *coocPage) grid() *analysisGrid { return p.g }
func (p *coocPage) controls() fyne.CanvasObject {
	n := container.NewGridWrap(fyne.NewSize(70, p.near.MinSize().Height), p.near)
	return container.NewHBox(widget.NewLabel("Together means"), fixedWidth(p.unit, 210), n, fixedWidth(p.cols, 170), p.rollup)
}

func (p *coocPage) unitValue() (analysis.Unit, error) {
	switch p.unit.Selected {
	case unitPassage:
		return analysis.Unit{Kind: "passage"}, nil
	case unitNear:
		return analysis.ParseUnit("near:" + strings.TrimSpace(p.near.Text))
	}
	return analysis.Unit{Kind: "overlap"}, nil
}

func (p *coocPage) work() func(d *analysis.Data) (func(), error) {
	u, uerr := p.unitValue()
	cols, rollup := p.cols.Selected, p.rollup.Checked
	return func(d *analysis.Data) (func(), error) {
		if uerr != nil {
			return nil, uerr
		}
		c := d.Cooccurrence(chosenCodes(d, cols), u, rollup)
		head := []string{"count (c-coefficient)"}
		for _, col := range c.Codes {
			head = append(head, shortPath(col.Path))
		}
		cells := [][]string{head}
		for i, col := range c.Codes {
			row := []string{shortPath(col.Path)}
			for j := range c.Codes {
				row = append(row, c.Cell(i, j))
			}
			cells = append(cells, row)
		}
		return func() {
			p.g.set(cells, 240, 150)
			p.last = c // after the table: tests wait for it, then use the table
		}, nil
	}
}

// tap lists the co-occurrences behind a cell, both codings shown and their
// shared characters marked.
func (p *coocPage) tap(i, j int) {
	c := p.last
	if c == nil || i >= len(c.Codes) || j < 0 || j >= len(c.Codes) {
		return
	}
	title := c.Codes[i].Path + " × " + c.Codes[j].Path + " (" + c.Unit.String() + ")"
	if i == j {
		title = c.Codes[i].Path + " (" + c.Unit.String() + ")"
	}
	p.v.evidence.show(title, func() ([]evidenceItem, int, error) { return coocItems(p.v.ws.p, c.Evidence(i, j)) })
}

func (p *coocPage) table() *project.Table {
	c := p.last
	if c == nil {
		return nil
	}
	t := &project.Table{Title: "Co-occurrence " + c.Unit.String(), Header: []string{"Code"}}
	for _, col := range c.Codes {
		t.Header = append(t.Header, col.Path)
	}
	for _, col := range c.Codes {
		t.Header = append(t.Header, "c: "+col.Path)
	}
	for i, col := range c.Codes {
		row := []any{col.Path}
		for j := range c.Codes {
			row = append(row, c.Counts[i][j])
		}
		for j := range c.Codes {
			row = append(row, c.C[i][j])
		}
		t.Rows = append(t.Rows, row)
		t.Colors = append(t.Colors, col.Color)
	}
	return t
}
