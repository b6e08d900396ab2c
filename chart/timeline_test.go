package chart_test

import (
	"fmt"
	"image"
	"image/color"
	"testing"

	"coder/analysis"
	"coder/chart"
)

// logicColours are five logics' colours, saturated so that a pixel of
// exactly one of them is a dot (or the key's dot), never text or a grid.
var logicColours = []string{"#E6194B", "#3CB44B", "#4363D8", "#F58231", "#911EB4"}

// stackedTimeline has five logics, one code (row) each, with an event on
// the first day and late[i] events on the last day in row i: the top right
// corner, where a key drawn inside the plot sits.
func stackedTimeline(late ...int) []analysis.Event {
	var evs []analysis.Event
	for i, col := range logicColours {
		logic := fmt.Sprintf("Logic %c", 'A'+i)
		evs = append(evs, analysis.Event{Date: "2023-01-10", Code: logic + "/Row", Logic: logic, Color: col})
		for range late[i] {
			evs = append(evs, analysis.Event{Date: "2023-06-30", Code: logic + "/Row", Logic: logic, Color: col})
		}
	}
	return evs
}

// rowsOf lists, for each colour, the pixel rows where it occurs exactly,
// with the number of its pixels in each.
func rowsOf(img image.Image, hexes []string) []map[int]int {
	want := make([]color.RGBA, len(hexes))
	for i, h := range hexes {
		var r, g, b uint8
		fmt.Sscanf(h, "#%02X%02X%02X", &r, &g, &b)
		want[i] = color.RGBA{r, g, b, 255}
	}
	out := make([]map[int]int, len(hexes))
	for i := range out {
		out[i] = map[int]int{}
	}
	bd := img.Bounds()
	for y := bd.Min.Y; y < bd.Max.Y; y++ {
		for x := bd.Min.X; x < bd.Max.X; x++ {
			c := color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)
			for i, w := range want {
				if c == w {
					out[i][y]++
				}
			}
		}
	}
	return out
}

// Ensure that the timeline's key (a dot and name per logic) stands in one
// line under the title, clear of the rows, so it never covers the top rows'
// dots, however many events stack at the latest date.
func TestTimeline_KeyStandsClearOfTheRows(t *testing.T) {
	img := chart.Timeline("Timeline: Yard 3", stackedTimeline(8, 0, 0, 0, 0)).Image()
	rows := rowsOf(img, logicColours)
	// The key is where each colour first appears: all five on one line.
	first := map[int]bool{}
	top, bottom := img.Bounds().Max.Y, 0
	for i, r := range rows {
		y0 := img.Bounds().Max.Y
		for y := range r {
			y0 = min(y0, y)
		}
		first[y0] = true
		top = min(top, y0)
		if y0 > top+20 {
			t.Errorf("the key's dot of %s starts at pixel row %d, below the key's first line (%d): the key is not one line", logicColours[i], y0, top)
		}
	}
	// The key's dots end where one dot does; below them comes a pixel row
	// with no logic's colour before any dot of the plot.
	for y := top; ; y++ {
		any := false
		for _, r := range rows {
			any = any || r[y] > 0
		}
		if !any {
			bottom = y
			break
		}
		if y > top+20 {
			t.Fatalf("from pixel row %d to %d the key's dots run into the plotted dots with no gap between", top, y)
		}
	}
	if bottom == 0 {
		t.Fatal("no key found")
	}
}

// Ensure that events stacked on one day stay within their own row: the
// second row's eight events of one day do not cover the top row's dot of
// that day, which shows whole (as many pixels as its dot in the key).
func TestTimeline_StackedEventsStayInTheirRow(t *testing.T) {
	img := chart.Timeline("Timeline: Yard 3", stackedTimeline(1, 8, 0, 0, 0)).Image()
	rows := rowsOf(img, logicColours[:1])[0]
	keyTop := img.Bounds().Max.Y
	for y := range rows {
		keyTop = min(keyTop, y)
	}
	// The key's dot: the first run of rows with the colour.
	key, y := 0, keyTop
	for ; rows[y] > 0; y++ {
		key += rows[y]
	}
	plotted := 0
	for yy, n := range rows {
		if yy > y {
			plotted += n
		}
	}
	// The top row has two dots, one early and one late.
	if plotted < 2*key*9/10 {
		t.Errorf("the top row's dots show %d pixels, less than two whole dots (%d each): the row below covers them", plotted, key)
	}
}

// Ensure that a chart keeps a margin: the longest row label of a timeline
// began at the picture's very first pixel column, as if cut off.
func TestCharts_KeepAMargin(t *testing.T) {
	img := chart.Timeline("Timeline: Yard 3", []analysis.Event{
		{Date: "2023-01-10", Code: "Community logic/Voluntary self-governing committees/Co-management", Logic: "Community logic", Color: "#3CB44B"},
	}).Image()
	b := img.Bounds()
	for x := b.Min.X; x < b.Min.X+4; x++ {
		for y := b.Min.Y; y < b.Max.Y; y++ {
			if r, g, bl, _ := img.At(x, y).RGBA(); r < 0xF000 || g < 0xF000 || bl < 0xF000 {
				t.Fatalf("pixel column %d is drawn on (at row %d): no margin", x, y)
			}
		}
	}
}
