package chart

import (
	"image/color"
	"math"
	"sort"
	"strconv"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"coder/analysis"
)

// stackHeight is how far (in rows) a stack of one day's events on one code
// may rise, and dotRadius an event's dot: together they keep a stack clear
// of the row above.
const stackHeight = 0.55

var dotRadius = vg.Points(5)

// Timeline draws a case's coded events: time runs left to right, each code
// has a row (grouped under its top-level code, the logic), and each event is
// a dot in its logic's colour, named in a key under the title. Events on the
// same day and code stack upwards.
func Timeline(title string, events []analysis.Event) *Chart {
	p := newPlot(title)
	type row struct{ logic, code string }
	seen := map[row]bool{}
	var rows []row
	for _, e := range events {
		r := row{e.Logic, e.Code}
		if !seen[r] {
			seen[r] = true
			rows = append(rows, r)
		}
	}
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].logic != rows[j].logic {
			return rows[i].logic < rows[j].logic
		}
		return rows[i].code < rows[j].code
	})
	rowOf := map[row]int{}
	names := make([]string, len(rows))
	longest := vg.Length(0)
	for i, r := range rows {
		y := len(rows) - 1 - i // first row at the top
		rowOf[r] = y
		names[y] = r.code
		longest = max(longest, textWidth(r.code, vg.Points(10)))
	}
	type key struct {
		y    int
		date string
	}
	// A day's events on one code stack upwards, closer together the more
	// there are, so that a stack stays within its own row.
	count := map[key]int{}
	for _, e := range events {
		count[key{rowOf[row{e.Logic, e.Code}], e.Date}]++
	}
	stack := map[key]int{}
	byLogic := map[string]plotter.XYs{}
	colors := map[string]color.Color{}
	var logics []string
	for _, e := range events {
		t, err := time.Parse("2006-01-02", e.Date)
		if err != nil {
			continue
		}
		y := rowOf[row{e.Logic, e.Code}]
		k := key{y, e.Date}
		step := 0.18
		if n := count[k]; n > 1 {
			step = min(step, stackHeight/float64(n-1))
		}
		off := float64(stack[k]) * step
		stack[k]++
		if _, ok := byLogic[e.Logic]; !ok {
			logics = append(logics, e.Logic)
			colors[e.Logic] = parseHex(e.Color)
		}
		byLogic[e.Logic] = append(byLogic[e.Logic], plotter.XY{X: float64(t.Unix()), Y: float64(y) + off})
	}
	sort.Strings(logics)
	var entries []keyEntry
	for _, l := range logics {
		s, err := plotter.NewScatter(byLogic[l])
		if err != nil {
			continue
		}
		s.GlyphStyle = draw.GlyphStyle{Color: colors[l], Radius: dotRadius, Shape: draw.CircleGlyph{}}
		p.Add(s)
		name := l
		if name == "" {
			name = "(no code)"
		}
		entries = append(entries, keyEntry{name, colors[l]})
	}
	if len(byLogic) == 0 {
		return empty(p, "No coded passage here has a date: give documents a Date attribute, or codings an event date.")
	}
	p.X.Tick.Marker = dayTicks{}
	p.X.Tick.Label.Rotation = 0.5
	p.X.Tick.Label.XAlign = draw.XRight
	p.Add(plotter.NewGrid())
	if len(names) > 0 {
		p.NominalY(names...)
		p.Y.Min, p.Y.Max = -0.6, float64(len(names))-1+stackHeight+0.4
	}
	if len(events) > 0 {
		pad := max((p.X.Max-p.X.Min)*0.04, 86400*3)
		p.X.Min -= pad
		p.X.Max += pad
	}
	c := &Chart{plot: p, width: max(longest+vg.Points(640), vg.Points(720))}
	c.setKey(entries) // under the title, outside the rows
	c.height = vg.Points(170+34*float64(max(len(rows), 1))) + c.keyHeight()
	return c
}

// parseHex reads #RRGGBB; anything else is grey.
func parseHex(s string) color.Color {
	if len(s) == 7 && s[0] == '#' {
		if v, err := strconv.ParseUint(s[1:], 16, 32); err == nil {
			return color.RGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 255}
		}
	}
	return color.RGBA{0x88, 0x88, 0x88, 0xFF}
}

// empty turns p into a chart that says why it has nothing to show.
func empty(p *plot.Plot, why string) *Chart {
	p.HideAxes()
	if l, err := plotter.NewLabels(plotter.XYLabels{XYs: plotter.XYs{{X: 0, Y: 0}}, Labels: []string{why}}); err == nil {
		l.TextStyle[0].XAlign = draw.XCenter
		p.Add(l)
	}
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = -1, 1, -1, 1
	return &Chart{plot: p, width: vg.Points(640), height: vg.Points(160)}
}

// dayTicks marks whole days (UTC midnight, where the events' dates stand), a
// few of them, labelled YYYY-MM-DD: a tick between days would name the day
// before the dot beside it.
type dayTicks struct{}

func (dayTicks) Ticks(min, max float64) []plot.Tick {
	const day = 86400
	span := (max - min) / day
	step := 1.0
	for _, s := range []float64{1, 2, 7, 14, 30, 61, 91, 182, 365, 730, 1825, 3650} {
		step = s
		if span/s <= 6 {
			break
		}
	}
	var ticks []plot.Tick
	for t := math.Ceil(min/day) * day; t <= max; t += step * day {
		ticks = append(ticks, plot.Tick{Value: t, Label: time.Unix(int64(t), 0).UTC().Format("2006-01-02")})
	}
	return ticks
}
