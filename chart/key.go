package chart

import (
	"image/color"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// A key names a chart's colours in lines of a dot and a name each, under
// the title and outside the plotted area, so that it can never cover what
// is plotted (gonum's legend sits inside it).
type keyEntry struct {
	name  string
	color color.Color
}

const (
	keyGap    = vg.Length(18) // between two entries of a line
	keyMargin = vg.Length(20) // either side of the chart
)

// keyStyle is the key's text: the title's font, smaller, left-aligned (and
// placed by its baseline: see drawKey).
func (c *Chart) keyStyle() text.Style {
	sty := c.plot.Title.TextStyle
	sty.Font = font.From(sty.Font, vg.Points(11))
	sty.Color = color.Black
	sty.XAlign, sty.YAlign = draw.XLeft, draw.YBottom
	return sty
}

func (c *Chart) keyLineHeight() vg.Length {
	return max(c.keyStyle().Rectangle("Ag国").Size().Y, 2*dotRadius) + vg.Points(6)
}

func entryWidth(sty text.Style, e keyEntry) vg.Length {
	return 2*dotRadius + vg.Points(4) + sty.Rectangle(e.name).Size().X
}

// setKey lays the entries out in centred lines as wide as the chart and
// makes room for them under the title.
func (c *Chart) setKey(entries []keyEntry) {
	sty := c.keyStyle()
	c.key = nil
	var line []keyEntry
	var w vg.Length
	for _, e := range entries {
		ew := entryWidth(sty, e)
		if len(line) > 0 && w+keyGap+ew > c.width-2*keyMargin {
			c.key = append(c.key, line)
			line, w = nil, 0
		}
		if len(line) > 0 {
			w += keyGap
		}
		line = append(line, e)
		w += ew
	}
	if len(line) > 0 {
		c.key = append(c.key, line)
	}
	c.plot.Title.Padding += c.keyHeight()
}

// keyHeight is the room the key takes under the title.
func (c *Chart) keyHeight() vg.Length {
	if len(c.key) == 0 {
		return 0
	}
	return vg.Length(len(c.key))*c.keyLineHeight() + vg.Points(4)
}

// drawKey draws the key into the room left under the title of the plot
// drawn on dc.
func (c *Chart) drawKey(dc draw.Canvas) {
	if len(c.key) == 0 {
		return
	}
	sty := c.keyStyle()
	lh := c.keyLineHeight()
	top := dc.Max.Y - c.plot.Title.TextStyle.Rectangle(c.plot.Title.Text).Size().Y - vg.Points(4)
	// gonum puts a bottom-aligned text's baseline at y-ascent+size; the
	// middle of a capital then stands level with the dot.
	size := sty.Font.Size
	lift := sty.FontExtents().Ascent - size - size*0.36
	for i, line := range c.key {
		var w vg.Length
		for j, e := range line {
			if j > 0 {
				w += keyGap
			}
			w += entryWidth(sty, e)
		}
		x := dc.Center().X - w/2
		y := top - (vg.Length(i)+0.5)*lh
		for _, e := range line {
			dc.DrawGlyph(draw.GlyphStyle{Color: e.color, Radius: dotRadius, Shape: draw.CircleGlyph{}}, vg.Point{X: x + dotRadius, Y: y})
			dc.FillText(sty, vg.Point{X: x + 2*dotRadius + vg.Points(4), Y: y + lift}, e.name)
			x += entryWidth(sty, e) + keyGap
		}
	}
}
