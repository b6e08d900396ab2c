package chart

import (
	"fmt"

	"coder/analysis"
)

// Frequencies draws a frequency table as bars of codings per code, each in
// its code's colour, in codebook order.
func Frequencies(t *analysis.Freq) *Chart {
	bars := make([]Bar, 0, len(t.Rows))
	for _, r := range t.Rows {
		bars = append(bars, Bar{Label: r.Path, Value: float64(r.Codings), Color: parseHex(r.Color)})
	}
	title := "Codings per code"
	if t.Rollup {
		title += " (with sub-codes)"
	}
	return Bars(title, "codings", bars)
}

// Cooccurrence draws a co-occurrence table as a heatmap of its counts.
func Cooccurrence(t *analysis.Cooc) *Chart {
	names := make([]string, len(t.Codes))
	for i, c := range t.Codes {
		names[i] = c.Path
	}
	return Heatmap(fmt.Sprintf("Co-occurrence (%s)", t.Unit), names, names, ints(t.Counts))
}

// Matrix draws a framework matrix (rows by codes) as a heatmap of its counts.
func Matrix(m *analysis.Matrix) *Chart {
	rows := make([]string, len(m.Rows))
	for i, r := range m.Rows {
		rows[i] = r.Label
	}
	cols := make([]string, len(m.Codes))
	for i, c := range m.Codes {
		cols[i] = c.Path
	}
	return Heatmap("Framework matrix (codings)", rows, cols, ints(m.Counts))
}

func ints(n [][]int) [][]float64 {
	out := make([][]float64, len(n))
	for i, row := range n {
		out[i] = make([]float64, len(row))
		for j, v := range row {
			out[i][j] = float64(v)
		}
	}
	return out
}
