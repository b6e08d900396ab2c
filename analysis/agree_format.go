package analysis

import (
	"fmt"
	"math"
)

// PercentText writes an agreement percentage as the CLI and the window
// show it: one decimal, "–" where it is undefined.
func PercentText(x float64) string {
	if math.IsNaN(x) {
		return "–"
	}
	return fmt.Sprintf("%.1f%%", x)
}

// MeasureText writes a kappa or alpha with two decimals, "–" where it is
// undefined. A value that rounds to zero is "0.00", never "-0.00": a tiny
// negative kappa says the coders agree no better than chance, not worse.
func MeasureText(x float64) string {
	if math.IsNaN(x) {
		return "–"
	}
	s := fmt.Sprintf("%.2f", x)
	if s == "-0.00" {
		return "0.00"
	}
	return s
}
