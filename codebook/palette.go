package codebook

import "strings"

// Palette is the sequence of colours new codes take, chosen to stay legible as
// translucent highlights on light and dark backgrounds and to be told apart
// when several overlap.
var Palette = []string{
	"#E6194B", "#3CB44B", "#4363D8", "#F58231", "#911EB4", "#42D4F4",
	"#F032E6", "#BFEF45", "#469990", "#DCBEFF", "#9A6324", "#800000",
	"#AAFFC3", "#808000", "#FFD8B1", "#000075", "#FABED4", "#FFE119",
}

// NextColor returns the first palette colour not in used, or cycles through the
// palette when all are taken.
func NextColor(used []string) string {
	taken := make(map[string]bool, len(used))
	for _, c := range used {
		taken[strings.ToUpper(c)] = true
	}
	for _, c := range Palette {
		if !taken[c] {
			return c
		}
	}
	return Palette[len(used)%len(Palette)]
}
