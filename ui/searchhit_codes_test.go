package ui

import (
	"fmt"
	"strings"
	"testing"

	"coder/project"
)

// Ensure that a search hit in a passage coded with many codes (an imported
// NVivo transcript gave one with eighty) names a few of them and how many
// more, so the card stays a few lines high and its matching text shows
// without scrolling, instead of a screenful of code paths.
func TestSearchHit_ManyCodesNamedInOneLine(t *testing.T) {
	h := &project.SearchHit{Document: "Interview 7"}
	for i := 1; i <= 40; i++ {
		h.Codes = append(h.Codes, fmt.Sprintf("Attitudes/%d. A long code path for a fictional theme", i))
	}
	src := hitSource(h)
	if !strings.Contains(src, h.Codes[0]) || strings.Contains(src, h.Codes[5]) {
		t.Errorf("hit source names %q", src)
	}
	if !strings.Contains(src, "and 37 more") {
		t.Errorf("hit source %q does not say how many codes more", src)
	}
	few := &project.SearchHit{Document: "Interview 7", Codes: h.Codes[:3]}
	if got := hitSource(few); strings.Contains(got, "more") || !strings.Contains(got, h.Codes[2]) {
		t.Errorf("three codes: %q", got)
	}
}
