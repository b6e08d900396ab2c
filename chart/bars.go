package chart

import (
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// Bar is one bar: a label (a code path, a word) and its value.
type Bar struct {
	Label string
	Value float64
	Color color.Color // nil: the default blue
}

// Bars draws horizontal bars, the first at the top: code frequencies, word
// counts. valueLabel names what the bars count ("codings", "occurrences").
func Bars(title, valueLabel string, bars []Bar) *Chart {
	p := newPlot(title)
	p.X.Label.Text = valueLabel
	n := len(bars)
	labels := make([]string, n)
	longest := vg.Length(0)
	for i, b := range bars {
		labels[n-1-i] = b.Label
		longest = max(longest, textWidth(b.Label, vg.Points(10)))
	}
	for i, b := range bars {
		v := plotter.Values{0}
		v[0] = b.Value
		bc, err := plotter.NewBarChart(v, vg.Points(14))
		if err != nil {
			continue // a NaN or infinite value: no bar
		}
		bc.Horizontal = true
		bc.Color = b.Color
		if bc.Color == nil {
			bc.Color = color.RGBA{0x3F, 0x6F, 0xB5, 0xFF}
		}
		bc.LineStyle.Width = 0
		bc.XMin = float64(n - 1 - i)
		p.Add(bc)
	}
	if n > 0 {
		p.NominalY(labels...)
	}
	p.X.Min = 0
	p.X.Max *= 1.05
	p.X.Tick.Marker = plot.DefaultTicks{}
	p.Add(plotter.NewGrid())
	width := max(vg.Points(480), longest+vg.Points(420))
	return &Chart{plot: p, width: width, height: vg.Points(110 + 20*float64(max(n, 1)))}
}
