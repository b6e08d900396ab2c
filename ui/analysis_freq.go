package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"coder/analysis"
	"coder/project"
)

// freqPage is the frequency table: per code, codings, characters,
// documents and cases, optionally broken down by case, document or an
// attribute's values.
type freqPage struct {
	v      *analysisView
	by     *widget.Select
	rollup *widget.Check
	g      *analysisGrid
	last   *analysis.Freq
}

func newFreqPage(v *analysisView) analysisPage {
	p := &freqPage{v: v, g: newAnalysisGrid()}
	p.by = widget.NewSelect(v.dimensionChoices("No breakdown"), func(string) { v.run() })
	p.by.SetSelected("Cases")
	p.rollup = widget.NewCheck("Include sub-codes", func(bool) { v.run() })
	p.g.onTap = p.tap
	return p
}

func (p *freqPage) title() string       { return "Frequencies" }
func (p *freqPage) grid() *analysisGrid { return p.g }
func (p *freqPage) controls() fyne.CanvasObject {
	return container.NewHBox(widget.NewLabel("Break down by"), fixedWidth(p.by, 210), p.rollup)
}

func (p *freqPage) work() func(d *analysis.Data) (func(), error) {
	dim, rollup := dimensionOf(p.by.Selected), p.rollup.Checked
	return func(d *analysis.Data) (func(), error) {
		f, err := d.Frequencies(dim, rollup)
		if err != nil {
			return nil, err
		}
		cells := [][]string{append([]string{"Code", "Codings", "Characters", "Documents", "Cases"}, groupLabels(f.Groups)...)}
		for _, r := range f.Rows {
			row := []string{strings.Repeat("    ", r.Depth) + shortPath(r.Path), strconv.Itoa(r.Codings), strconv.Itoa(r.Chars), strconv.Itoa(r.Documents), strconv.Itoa(r.Cases)}
			for _, n := range r.By {
				row = append(row, strconv.Itoa(n))
			}
			cells = append(cells, row)
		}
		return func() {
			p.last = f
			p.g.set(cells, 300, 110)
		}, nil
	}
}

func groupLabels(gs []analysis.Group) []string {
	out := make([]string, len(gs))
	for i, g := range gs {
		out[i] = g.Label
	}
	return out
}

// tap lists the codings behind a number: the code's own in the first
// columns, the group's in a breakdown column.
func (p *freqPage) tap(r, c int) {
	f := p.last
	if f == nil || r >= len(f.Rows) {
		return
	}
	row := f.Rows[r]
	title := row.Path
	ids := f.Codings(r)
	if c >= 4 && c-4 < len(f.Groups) {
		title += " in " + f.Groups[c-4].Label
		ids = f.CellCodings(r, c-4)
	}
	p.v.evidence.show(title, func() ([]evidenceItem, int, error) { return codingItems(p.v.ws.p, ids) })
}

func (p *freqPage) table() *project.Table {
	f := p.last
	if f == nil {
		return nil
	}
	t := &project.Table{Title: "Frequencies", Header: append([]string{"Code", "Codings", "Characters", "Documents", "Cases"}, groupLabels(f.Groups)...)}
	for _, r := range f.Rows {
		row := []any{r.Path, r.Codings, r.Chars, r.Documents, r.Cases}
		for _, n := range r.By {
			row = append(row, n)
		}
		t.Rows = append(t.Rows, row)
		t.Colors = append(t.Colors, r.Color)
	}
	return t
}
