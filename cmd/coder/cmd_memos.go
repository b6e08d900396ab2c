package main

import (
	"fmt"
	"strings"
	"time"

	"coder/project"
	"coder/qda"
)

// memoJSON is the stable shape of `coder memos --json`: like `codings
// --json`, it names the coder instead of giving an ID.
type memoJSON struct {
	ID       qda.ID         `json:"id"`
	On       qda.TargetKind `json:"on"`
	Target   qda.ID         `json:"target,omitempty"`
	About    string         `json:"about"`
	Title    string         `json:"title"`
	Text     string         `json:"text"`
	Coder    string         `json:"coder"`
	Created  time.Time      `json:"created"`
	Modified time.Time      `json:"modified"`
	// Note is true for a coding's own memo (the memo field of `codings
	// --json`); then id and target are the coding's.
	Note bool `json:"note,omitempty"`
	// ConflictOf is set on a version of another memo that a merge kept
	// beside it (both were edited at once): read both, keep one.
	ConflictOf qda.ID `json:"conflict_of,omitempty"`
}

func cmdMemos(args []string) int {
	f := newFlags("memos")
	asJSON := f.Bool("json", false, "")
	if err := f.parse(args, 1, 1, "coder memos PROJECT [--json]"); err != nil {
		return fail(err)
	}
	return withProject(f.pos[0], "", func(p *project.Project) error {
		ms, err := p.MemoRows()
		if err != nil {
			return err
		}
		if *asJSON {
			out := make([]memoJSON, 0, len(ms))
			for _, m := range ms {
				out = append(out, memoJSON{m.ID, m.On, m.Target, m.About, m.Title, m.Text, m.CoderName, m.Created, m.Modified, m.Note, m.ConflictOf})
			}
			return printJSON(out)
		}
		for _, m := range ms {
			on := string(m.On)
			if m.On != qda.OnProject {
				on += " " + m.About
			}
			head := "[" + on + "]"
			if m.ConflictOf != "" {
				head += " (conflicting version, kept by a merge)"
			}
			if t := strings.TrimSpace(m.Title); t != "" {
				head += " " + t
			}
			if m.CoderName != "" {
				head += " — " + m.CoderName
			}
			fmt.Fprintf(stdout, "%s\n%s\n\n", head, m.Text)
		}
		return nil
	})
}
