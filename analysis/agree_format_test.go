package analysis

import (
	"math"
	"testing"
)

// Ensure that agreement figures read as a methods section would print them:
// no "-0.00" for a kappa a hair below zero (the demo table showed several),
// a dash where a measure is undefined.
func TestMeasureText_NoNegativeZero(t *testing.T) {
	for _, c := range []struct {
		x    float64
		want string
	}{
		{-0.0004, "0.00"}, {0.0004, "0.00"}, {-0.006, "-0.01"}, {0.625, "0.62"}, {1, "1.00"}, {math.NaN(), "–"},
	} {
		if got := MeasureText(c.x); got != c.want {
			t.Errorf("MeasureText(%v) = %q, want %q", c.x, got, c.want)
		}
	}
	if got := PercentText(99.26); got != "99.3%" {
		t.Errorf("PercentText(99.26) = %q", got)
	}
}
