package assist

import (
	"strings"
	"testing"
)

// Ensure that a text kept as a string gives, for every rune span, what
// slicing its runes gave: across the remembered offsets, in ASCII, in
// Hungarian and Chinese text, and clamped at its ends.
func TestRuneText_SlicesAsRunesDid(t *testing.T) {
	for _, s := range []string{
		"",
		"The rent went up again in March.",
		strings.Repeat("Nem tudom kifizetni a lakbért, mert a fizetésem túl kevés. 房租又涨了，账单一直来。\n", 5),
	} {
		rs := []rune(s)
		rt := newRuneText(s)
		if rt.n != len(rs) {
			t.Fatalf("%d runes, want %d", rt.n, len(rs))
		}
		for i := 0; i <= len(rs); i++ {
			for j := i; j <= len(rs); j++ {
				if got, want := rt.slice(i, j), string(rs[i:j]); got != want {
					t.Fatalf("[%d,%d) = %q, want %q", i, j, got, want)
				}
			}
		}
		if got := rt.slice(-5, len(rs)+5); got != s {
			t.Errorf("a span past both ends gives %q, want the whole text", got)
		}
	}
}
