package codebook

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// shadeSteps are the changes of lightness a child code's colour takes from
// its parent's, nearest first: light enough apart to tell siblings from the
// parent, close enough to read as one family.
var shadeSteps = []float64{0.14, -0.14, 0.26, -0.26, 0.07, -0.07, 0.20, -0.20, 0.33, -0.33}

// ChildColor returns the colour for a new code under a parent coloured
// parent: a shade of the parent's hue that neither the parent nor a code in
// used (its siblings' colours) has. A parent without a valid colour gives
// the next palette colour.
func ChildColor(parent string, used []string) string {
	h, s, l, ok := hsl(parent)
	if !ok {
		return NextColor(used)
	}
	taken := map[string]bool{strings.ToUpper(parent): true}
	for _, c := range used {
		taken[strings.ToUpper(c)] = true
	}
	var shades []string
	for _, d := range shadeSteps {
		// Keep away from black and white, where shades stop being told apart
		// and highlights stop showing.
		nl := math.Max(0.22, math.Min(0.82, l+d))
		if math.Abs(nl-l) < 0.06 {
			continue // clamped too near the parent to tell apart
		}
		c := hexFromHSL(h, s, nl)
		if !taken[c] {
			return c
		}
		shades = append(shades, c)
	}
	if len(shades) == 0 {
		return NextColor(used)
	}
	return shades[len(used)%len(shades)]
}

// hsl reads a #RRGGBB colour as hue (0-360), saturation and lightness
// (0-1).
func hsl(hex string) (h, s, l float64, ok bool) {
	if len(hex) != 7 || hex[0] != '#' {
		return 0, 0, 0, false
	}
	v, err := strconv.ParseUint(hex[1:], 16, 32)
	if err != nil {
		return 0, 0, 0, false
	}
	r, g, b := float64(v>>16&0xFF)/255, float64(v>>8&0xFF)/255, float64(v&0xFF)/255
	hi, lo := math.Max(r, math.Max(g, b)), math.Min(r, math.Min(g, b))
	l = (hi + lo) / 2
	if hi == lo {
		return 0, 0, l, true
	}
	d := hi - lo
	if l > 0.5 {
		s = d / (2 - hi - lo)
	} else {
		s = d / (hi + lo)
	}
	switch hi {
	case r:
		h = math.Mod((g-b)/d+6, 6)
	case g:
		h = (b-r)/d + 2
	default:
		h = (r-g)/d + 4
	}
	return h * 60, s, l, true
}

// hexFromHSL writes hue, saturation and lightness as #RRGGBB.
func hexFromHSL(h, s, l float64) string {
	c := (1 - math.Abs(2*l-1)) * s
	x := c * (1 - math.Abs(math.Mod(h/60, 2)-1))
	m := l - c/2
	var r, g, b float64
	switch {
	case h < 60:
		r, g = c, x
	case h < 120:
		r, g = x, c
	case h < 180:
		g, b = c, x
	case h < 240:
		g, b = x, c
	case h < 300:
		r, b = x, c
	default:
		r, b = c, x
	}
	to := func(v float64) int { return int(math.Round((v + m) * 255)) }
	return fmt.Sprintf("#%02X%02X%02X", to(r), to(g), to(b))
}
