package analysis

import (
	"fmt"
	"strconv"
)

// Cell is how a co-occurrence cell reads, in the window and in 'coder
// stats cooc': the count, then the c-coefficient in brackets where codes
// do co-occur (a diagonal cell or a zero is the count alone).
func (t *Cooc) Cell(i, j int) string {
	s := strconv.Itoa(t.Counts[i][j])
	if x := t.C[i][j]; x != nil && i != j && t.Counts[i][j] > 0 {
		s += fmt.Sprintf(" (%.2f)", *x)
	}
	return s
}
