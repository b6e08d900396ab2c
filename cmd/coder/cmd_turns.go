package main

import (
	"fmt"

	"coder/project"
)

// cmdTurns turns speaker-turn detection on (re-run) or off for one document.
func cmdTurns(args []string) int {
	const usage = "coder turns PROJECT --doc NAME on|off"
	f := newFlags("turns")
	doc := f.String("doc", "", "")
	if err := f.parse(args, 2, 2, usage); err != nil {
		return fail(err)
	}
	if *doc == "" {
		return usageError("turns", "--doc NAME is required (usage: "+usage+")")
	}
	mode := f.pos[1]
	if mode != "on" && mode != "off" {
		return usageError("turns", "say on or off, not "+printable(mode)+" (usage: "+usage+")")
	}
	return withProject(f.pos[0], "", func(p *project.Project) error {
		d, err := p.DocumentByName(*doc)
		if err != nil {
			return err
		}
		n, err := p.DetectTurns(d.ID, mode == "on")
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s: %d speaker turns\n", printable(d.Name), n)
		return nil
	})
}
