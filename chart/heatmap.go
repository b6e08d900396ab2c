package chart

import (
	"image/color"
	"math"
	"strconv"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Heatmap draws a table of counts as coloured cells with the numbers written
// in them: rows top to bottom, columns left to right (a co-occurrence table
// of codes, or a framework matrix of cases by codes).
func Heatmap(title string, rows, cols []string, values [][]float64) *Chart {
	p := newPlot(title)
	g := grid{rows: len(rows), cols: len(cols), v: values}
	hm := plotter.NewHeatMap(g, heatPalette{})
	if !(hm.Max > hm.Min) {
		hm.Max = hm.Min + 1
	}
	p.Add(hm)
	var xys plotter.XYs
	var texts []string
	for r := range rows {
		for c := range cols {
			v := g.Z(c, r)
			if math.IsNaN(v) {
				continue
			}
			xys = append(xys, plotter.XY{X: float64(c), Y: float64(r)})
			texts = append(texts, strconv.FormatFloat(v, 'f', -1, 64))
		}
	}
	if len(xys) > 0 {
		labels, err := plotter.NewLabels(plotter.XYLabels{XYs: xys, Labels: texts})
		if err == nil {
			for i := range labels.TextStyle {
				labels.TextStyle[i].XAlign = draw.XCenter
				labels.TextStyle[i].YAlign = draw.YCenter
				labels.TextStyle[i].Color = color.Black
			}
			p.Add(labels)
		}
	}
	rowNames := make([]string, len(rows))
	longestRow := vg.Length(0)
	for r, name := range rows {
		rowNames[len(rows)-1-r] = name
		longestRow = max(longestRow, textWidth(name, vg.Points(10)))
	}
	longestCol := vg.Length(0)
	for _, name := range cols {
		longestCol = max(longestCol, textWidth(name, vg.Points(10)))
	}
	if len(cols) > 0 {
		p.NominalX(cols...)
		p.X.Tick.Label.Rotation = math.Pi / 4
		p.X.Tick.Label.XAlign = draw.XRight
		p.X.Tick.Label.YAlign = draw.YTop
	}
	if len(rows) > 0 {
		p.NominalY(rowNames...)
	}
	cell := vg.Points(44)
	w := longestRow + cell*vg.Length(max(len(cols), 1)) + vg.Points(80) + longestCol*0.7
	h := cell*vg.Length(max(len(rows), 1)) + longestCol*0.75 + vg.Points(90)
	return &Chart{plot: p, width: max(w, vg.Points(360)), height: h}
}

// grid adapts a table to plotter.GridXYZ, with row 0 drawn at the top.
type grid struct {
	rows, cols int
	v          [][]float64
}

// The plotter wants coordinates that grow with the index, so grid row r is
// table row rows-1-r.
func (g grid) Dims() (int, int) { return g.cols, g.rows }
func (g grid) Z(c, r int) float64 {
	r = g.rows - 1 - r
	if r >= 0 && r < len(g.v) && c < len(g.v[r]) {
		return g.v[r][c]
	}
	return math.NaN()
}
func (g grid) X(c int) float64 { return float64(c) }
func (g grid) Y(r int) float64 { return float64(r) }

// heatPalette runs from near-white to a deep blue, light enough at its low
// end for black numbers and never too dark for them to read.
type heatPalette struct{}

func (heatPalette) Colors() []color.Color {
	const n = 32
	out := make([]color.Color, n)
	for i := range out {
		t := float64(i) / (n - 1)
		out[i] = color.RGBA{uint8(247 - t*(247-90)), uint8(251 - t*(251-140)), uint8(255 - t*(255-210)), 255}
	}
	return out
}
