package main

import (
	"context"
	"errors"
	"fmt"

	"coder/merge"
	"coder/project"
)

// mergeJSON is one merged file's report, as --json prints it.
type mergeJSON struct {
	File string `json:"file"`
	*project.MergeReport
}

// cmdMerge merges colleagues' copies of the project into it, one file at a
// time, each one transaction (and one undo step in the app).
func cmdMerge(args []string) int {
	const usage = "coder merge PROJECT OTHER.coder|OTHER.qdpx... [--json]"
	f := newFlags("merge")
	asJSON := f.Bool("json", false, "")
	if err := f.parse(args, 2, -1, usage); err != nil {
		return fail(err)
	}
	var out []mergeJSON
	code := withProject(f.pos[0], "", func(p *project.Project) error {
		for _, other := range f.pos[1:] {
			rep, err := p.Merge(context.Background(), other, progressLine("merging "+other))
			if errors.Is(err, project.ErrPassphraseNeeded) { // a copy encrypted under its own passphrase
				var pass string
				if pass, err = askPassphrase(other, "CODER_MERGE_PASSPHRASE", "Passphrase for "+other+": ", false); err == nil {
					rep, err = p.MergeUnlocking(context.Background(), other, pass, progressLine("merging "+other))
				}
			}
			if err != nil {
				return err
			}
			out = append(out, mergeJSON{File: other, MergeReport: listsNotNull(rep)})
			if !*asJSON {
				fmt.Fprintf(stdout, "%s:\n", printable(other))
				for _, line := range rep.Lines() {
					fmt.Fprintf(stdout, "  %s\n", printable(line))
				}
			}
		}
		return nil
	})
	if code == 0 && *asJSON {
		if err := printJSON(out); err != nil {
			return fail(err)
		}
	}
	return code
}

// listsNotNull returns a copy of rep whose empty lists print as [] in JSON,
// not null, as the README gives their shape.
func listsNotNull(rep *project.MergeReport) *project.MergeReport {
	r := *rep
	if r.Applied == nil {
		r.Applied = []merge.Tally{}
	}
	if r.Unified == nil {
		r.Unified = []merge.Unified{}
	}
	if r.Conflicts == nil {
		r.Conflicts = []merge.Conflict{}
	}
	if r.Dropped == nil {
		r.Dropped = []merge.Tally{}
	}
	if r.Moved == nil {
		r.Moved = []merge.Note{}
	}
	return &r
}
