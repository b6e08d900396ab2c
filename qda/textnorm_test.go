package qda_test

import (
	"slices"
	"testing"

	"coder/qda"
)

// Ensure that the one text rule drops what XML cannot carry (U+FFFF
// included, which the REFI-QDA import once kept), turns CRLF into LF, is NFC,
// and maps each raw rune to where it went when asked.
func TestNormalizeText_OneRuleForEveryText(t *testing.T) {
	raw := "\uFEFFa\uFFFFb\r\nc\x00e\u0301"
	got, m, rm := qda.NormalizeText(raw, true)
	if want := "ab\nc\u00e9"; got != want {
		t.Errorf("text %q, want %q", got, want)
	}
	if rm.Nonchar != 1 || rm.NUL != 1 || rm.Total() != 2 {
		t.Errorf("removed %+v, want one non-character and one NUL", rm)
	}
	// raw runes: BOM a FFFF b CR LF c NUL e U+0301, then the end.
	if want := []int{0, 0, 1, 1, 2, 3, 3, 4, 4, 4, 5}; !slices.Equal(m, want) {
		t.Errorf("offsets %v, want %v", m, want)
	}
	if plain, m, _ := qda.NormalizeText(raw, false); plain != got || m != nil {
		t.Errorf("untracked: %q %v, want %q and no map", plain, m, got)
	}
}
