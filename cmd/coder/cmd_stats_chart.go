package main

import (
	"coder/analysis"
	"coder/chart"
	"coder/qda"
)

// writeStatsChart draws the table `coder stats` computes as a PNG: bars for
// frequencies, heatmaps for co-occurrence and the matrix.
func writeStatsChart(path string, d *analysis.Data, table string, dim analysis.Dimension, codes []qda.ID, u analysis.Unit, rollup bool) error {
	var c *chart.Chart
	switch table {
	case "freq":
		t, err := d.Frequencies(analysis.Dimension{}, rollup)
		if err != nil {
			return err
		}
		c = chart.Frequencies(t)
	case "cooc":
		c = chart.Cooccurrence(d.Cooccurrence(codes, u, rollup))
	default:
		m, err := d.Matrix(dim, codes, rollup)
		if err != nil {
			return err
		}
		c = chart.Matrix(m)
	}
	return c.WritePNG(path)
}
