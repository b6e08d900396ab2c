package exchange

import (
	"fmt"
	"sort"
	"strings"

	"coder/qda"
)

// Report tells the researcher what an import did: which program wrote the
// file, what arrived, and everything that could not be brought over and why.
type Report struct {
	// Producer is the program that wrote the file, from its origin attribute.
	Producer string
	// Warnings lists, one sentence each, what was skipped or changed.
	Warnings []string
	// MissingSources names the text sources the file refers to whose text was
	// not with it. They are not created: a document without its text would
	// be a lie.
	MissingSources []string
	// LostSelections counts, by name of a missing source, the selections
	// that were on it and could not be imported.
	LostSelections map[string]int
	// Counts says how many of each thing arrived, keyed by "users", "codes",
	// "sources", "selections", "codings", "notes", "sets", "cases",
	// "variables", "values".
	Counts map[string]int
	// CodeSets are the sets of codes of a codebook file, which ReadQDC
	// returns beside its codes; a project file's sets are in its Bundle.
	CodeSets []qda.CodeSet
}

func newReport() *Report {
	return &Report{Counts: map[string]int{}, LostSelections: map[string]int{}}
}

func (r *Report) warnf(format string, args ...any) {
	r.Warnings = append(r.Warnings, fmt.Sprintf(format, args...))
}

// Summary is one line for a status bar or the CLI, e.g. "2 sources, 152
// codes, 303 codings (NVivo for Windows 12.6); 1 warning".
func (r *Report) Summary() string {
	keys := []string{"sources", "codes", "codings", "cases", "notes", "users"}
	var parts []string
	for _, k := range keys {
		if n := r.Counts[k]; n > 0 {
			parts = append(parts, qda.Plural(n, strings.TrimSuffix(k, "s"), k))
		}
	}
	if len(parts) == 0 {
		parts = append(parts, "nothing")
	}
	s := strings.Join(parts, ", ")
	if r.Producer != "" {
		s += " (" + r.Producer + ")"
	}
	if n := len(r.MissingSources); n > 0 {
		s += fmt.Sprintf("; %s missing", qda.Plural(n, "source", "sources"))
	}
	if n := len(r.Warnings); n > 0 {
		s += fmt.Sprintf("; %s", qda.Plural(n, "warning", "warnings"))
	}
	return s
}

func (r *Report) finish() {
	sort.Strings(r.MissingSources)
}
