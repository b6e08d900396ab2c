package merge

import (
	"fmt"
	"regexp"
	"strings"
)

// Names two records share (two documents, or two codes under one parent)
// are numbered afresh by every merge from the records' own names, so the
// numbers depend only on the set of records: a merge that numbers a name
// appends numberedMark to the record's history, and the next merge reads
// the record under its own name again before numbering. A person's later
// edit of the record stamps over the mark and makes the number the name.

// numberedMark ends the history of a record a merge gave a number.
const numberedMark = "n:"

// numbered is the " (2)" a name gets when another record has it.
var numbered = regexp.MustCompile(` \(\d+\)$`)

// ownName returns a record's name and history without a merge's number.
func ownName(name, replaces string) (string, string) {
	hist := strings.Fields(replaces)
	if len(hist) == 0 || hist[len(hist)-1] != numberedMark {
		return name, replaces
	}
	return numbered.ReplaceAllString(name, ""), strings.Join(hist[:len(hist)-1], " ")
}

// withNumber returns the name and history of a record numbered as name.
func withNumber(name, replaces string) (string, string) {
	return name, strings.TrimSpace(replaces + " " + numberedMark)
}

func nameKey(name string) string { return strings.ToLower(strings.TrimSpace(name)) }

// numberClashes numbers the names (in the rule's order) that several
// records share: the first keeps it, the others get "name (2)", "name (3)",
// … skipping any name a record already has.
func numberClashes(names []string) []string {
	taken := map[string]bool{}
	for _, n := range names {
		taken[nameKey(n)] = true
	}
	seen := map[string]bool{}
	out := make([]string, len(names))
	for i, n := range names {
		k := nameKey(n)
		if !seen[k] {
			seen[k] = true
			out[i] = n
			continue
		}
		for j := 2; ; j++ {
			cand := fmt.Sprintf("%s (%d)", strings.TrimSpace(n), j)
			if !taken[nameKey(cand)] {
				taken[nameKey(cand)] = true
				out[i] = cand
				break
			}
		}
	}
	return out
}
