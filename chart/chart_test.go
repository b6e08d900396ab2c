package chart_test

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"coder/analysis"
	"coder/chart"
)

// Ensure that every kind of chart writes a PNG that decodes, sized to its
// content, and that with Debian's fonts-noto-cjk installed the CJK font is
// the one in use (so Chinese labels are drawn, not boxes).
func TestCharts_WritePNGWithCJKFont(t *testing.T) {
	if _, err := os.Stat(chart.FontCandidates[0]); err == nil && !strings.Contains(chart.FontInUse(), "CJK") {
		t.Errorf("font in use: %s", chart.FontInUse())
	}
	dir := t.TempDir()
	charts := map[string]*chart.Chart{
		"bars.png": chart.Bars("词频", "occurrences", []chart.Bar{{Label: "居民", Value: 12}, {Label: "gate", Value: 3}}),
		"heat.png": chart.Heatmap("Co-occurrence", []string{"政治逻辑", "Community logic"}, []string{"政治逻辑", "Community logic"}, [][]float64{{4, 1}, {1, 6}}),
		"time.png": chart.Timeline("Timeline: 三号院", []analysis.Event{
			{Date: "2023-03-01", Code: "政治逻辑", Logic: "政治逻辑", Color: "#C62828"},
			{Date: "2023-05-04", Code: "Community logic/Yard", Logic: "Community logic", Color: "#3CB44B"},
		}),
		"empty.png": chart.Timeline("Nothing dated", nil),
	}
	for name, c := range charts {
		path := filepath.Join(dir, name)
		if err := c.WritePNG(path); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if b := img.Bounds(); b.Dx() < 300 || b.Dy() < 100 {
			t.Errorf("%s: %v is too small", name, b)
		}
	}
	if err := charts["bars.png"].WritePNG(filepath.Join(dir, "no such folder", "x.png")); err == nil {
		t.Error("writing into a missing folder did not fail")
	}
}
