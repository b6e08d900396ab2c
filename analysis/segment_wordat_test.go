package analysis

import "testing"

// Ensure that HanWordAt gives the Chinese word around any of its characters,
// the same words Tokenize finds, and an empty span outside the run.
func TestHanWordAt_GivesTheSegmentedWordAroundARune(t *testing.T) {
	run := []rune("下水道堵了就打电话")
	for i, want := range []string{"下水道", "下水道", "下水道", "堵", "了", "就", "打电话", "打电话", "打电话"} {
		s, e := HanWordAt(run, i)
		if got := string(run[s:e]); got != want {
			t.Errorf("HanWordAt(%d) = %q, want %q", i, got, want)
		}
	}
	if s, e := HanWordAt(run, len(run)); s != e {
		t.Errorf("HanWordAt past the end gave %d:%d, want an empty span", s, e)
	}
}
