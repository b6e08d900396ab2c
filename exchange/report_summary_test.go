package exchange

import "testing"

// Ensure that an import's one-line summary puts every count's noun in the
// right number: it said "1 sources".
func TestReport_SummaryCountsInTheRightNumber(t *testing.T) {
	r := newReport()
	r.Counts["sources"], r.Counts["codes"], r.Counts["codings"], r.Counts["notes"] = 1, 2, 1, 3
	r.Producer = "A fictional QDA tool 1.0"
	r.MissingSources = []string{"Interview 7"}
	r.Warnings = []string{"one", "two"}
	want := "1 source, 2 codes, 1 coding, 3 notes (A fictional QDA tool 1.0); 1 source missing; 2 warnings"
	if got := r.Summary(); got != want {
		t.Errorf("Summary() = %q, want %q", got, want)
	}
}
