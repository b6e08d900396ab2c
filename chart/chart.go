// Package chart draws analysis tables as pictures (PNG): frequency bars,
// heatmaps of co-occurrence and framework matrices, and case timelines. It
// uses gonum/plot and a CJK font found on the system, so Chinese code names
// and labels render; it knows nothing of Fyne or the project file.
package chart

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// FontCandidates are the CJK fonts tried, in order: Noto Sans CJK (Debian's
// fonts-noto-cjk), then what other systems ship. The first that loads is
// used for every label, Latin and Chinese alike.
var FontCandidates = []string{
	"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
	"/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
	"/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
	"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
	"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
	"/System/Library/Fonts/PingFang.ttc",
	"/System/Library/Fonts/STHeiti Light.ttc",
	`C:\Windows\Fonts\msyh.ttc`,
	`C:\Windows\Fonts\simsun.ttc`,
}

var (
	fontOnce sync.Once
	fontName string // the CJK font in use, "" when none was found
)

// FontInUse names the font charts are drawn with, or says that none with
// Chinese glyphs was found (Chinese labels then show as boxes).
func FontInUse() string {
	setupFonts()
	if fontName == "" {
		return "Liberation Sans (no CJK font found: install fonts-noto-cjk for Chinese labels)"
	}
	return fontName
}

// setupFonts makes the first CJK font found the default of every plot.
func setupFonts() {
	fontOnce.Do(func() {
		fnt := font.Font{Typeface: "Liberation", Variant: "Sans"}
		for _, path := range FontCandidates {
			face, name, err := loadFont(path)
			if err != nil {
				continue
			}
			fnt = font.Font{Typeface: "CoderCJK"}
			font.DefaultCache.Add(font.Collection{{Font: fnt, Face: face}})
			fontName = name + " (" + path + ")"
			break
		}
		plot.DefaultFont = fnt
		plotter.DefaultFont = fnt
	})
}

// loadFont reads a font or a collection, preferring a Simplified Chinese face
// in a collection (Noto's .ttc holds JP, KR, SC, TC and HK).
func loadFont(path string) (*opentype.Font, string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, "", err
	}
	if !strings.EqualFold(filepath.Ext(path), ".ttc") {
		f, err := opentype.Parse(data)
		if err != nil {
			return nil, "", err
		}
		name, _ := f.Name(nil, sfnt.NameIDFull)
		return f, name, nil
	}
	coll, err := opentype.ParseCollection(data)
	if err != nil {
		return nil, "", err
	}
	var first *opentype.Font
	var firstName string
	for i := 0; i < coll.NumFonts(); i++ {
		f, err := coll.Font(i)
		if err != nil {
			continue
		}
		name, _ := f.Name(nil, sfnt.NameIDFull)
		if first == nil {
			first, firstName = f, name
		}
		if strings.Contains(name, " SC") {
			return f, name, nil
		}
	}
	if first == nil {
		return nil, "", fmt.Errorf("%s: no font in the collection", path)
	}
	return first, firstName, nil
}

// Chart is a drawn plot, ready to be written as PNG or shown.
type Chart struct {
	plot   *plot.Plot
	width  vg.Length
	height vg.Length
	key    [][]keyEntry // lines of the key under the title (key.go)
}

// margin is the white space around every chart, so that its outermost
// labels do not run to the picture's edge.
const margin = vg.Length(8)

// Image renders the chart at 96 dots per inch.
func (c *Chart) Image() image.Image {
	canvas := vgimg.NewWith(vgimg.UseWH(c.width+2*margin, c.height+2*margin), vgimg.UseDPI(96))
	whole := draw.New(canvas)
	whole.SetColor(color.White)
	whole.Fill(whole.Rectangle.Path())
	dc := draw.Crop(whole, margin, -margin, margin, -margin)
	c.plot.Draw(dc)
	c.drawKey(dc)
	return canvas.Image()
}

// PNG returns the chart as PNG bytes.
func (c *Chart) PNG() ([]byte, error) {
	var b bytes.Buffer
	if err := png.Encode(&b, c.Image()); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// WritePNG writes the chart to a PNG file, replacing it whole or not at all.
func (c *Chart) WritePNG(path string) error {
	data, err := c.PNG()
	if err != nil {
		return fmt.Errorf("chart %s: %w", path, err)
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return fmt.Errorf("chart %s: %w (choose a folder you can write to)", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("chart %s: %w", path, err)
	}
	return nil
}

// newPlot makes a plot with the CJK font and a title.
func newPlot(title string) *plot.Plot {
	setupFonts()
	p := plot.New()
	p.Title.Text = title
	p.Title.TextStyle.Font.Size = vg.Points(14)
	p.Title.Padding = vg.Points(8)
	return p
}

// textWidth measures s in the labels' font.
func textWidth(s string, size vg.Length) vg.Length {
	setupFonts()
	face := font.DefaultCache.Lookup(font.From(plot.DefaultFont, size), size)
	return face.Width(s)
}
