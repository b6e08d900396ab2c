package main

import (
	"fmt"
	"sort"
	"strings"

	"coder/project"
	"coder/qda"
)

func cmdCodes(args []string) int {
	if len(args) > 0 {
		switch args[0] {
		case "add":
			return cmdCodesAdd(args[1:])
		case "rename", "move", "merge", "delete", "color", "describe":
			return cmdCodesEdit(args[0], args[1:])
		}
	}
	f := newFlags("codes")
	asJSON := f.Bool("json", false, "")
	if err := f.parse(args, 1, 1, "coder codes PROJECT [--json]"); err != nil {
		return fail(err)
	}
	return withProject(f.pos[0], "", func(p *project.Project) error {
		t, err := p.Codebook()
		if err != nil {
			return err
		}
		counts, err := p.CodeCounts()
		if err != nil {
			return err
		}
		type row struct {
			ID          qda.ID `json:"id"`
			Path        string `json:"path"`
			Color       string `json:"color"`
			Description string `json:"description"`
			Codings     int    `json:"codings"`
			Folder      bool   `json:"folder,omitempty"`
		}
		rows := []row{}
		t.Walk(func(c *qda.Code, depth int) {
			rows = append(rows, row{c.ID, t.Path(c.ID), c.Color, c.Description, counts[c.ID], c.Folder})
			if !*asJSON {
				mark := ""
				if c.Folder {
					mark = " [folder]"
				}
				fmt.Fprintf(stdout, "%s%s %s%s (%d)\n", strings.Repeat("  ", depth), c.Color, c.Name, mark, counts[c.ID])
			}
		})
		if *asJSON {
			return printJSON(rows)
		}
		return nil
	})
}

func cmdCodesAdd(args []string) int {
	const usage = `coder codes add PROJECT PATH [--color #RRGGBB] [--description TEXT]`
	f := newFlags("codes add")
	color := f.String("color", "", "")
	desc := f.String("description", "", "")
	if err := f.parse(args, 2, 2, usage); err != nil {
		return fail(err)
	}
	return withProject(f.pos[0], "", func(p *project.Project) error {
		c, err := p.AddCode(f.pos[1], *color, *desc)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "added %s %s\n", f.pos[1], c.Color)
		return nil
	})
}

// cmdCodesEdit runs the codebook edits: rename, move, merge, delete, color, describe.
func cmdCodesEdit(verb string, args []string) int {
	usages := map[string]string{
		"rename":   "coder codes rename PROJECT PATH NEWNAME",
		"move":     "coder codes move PROJECT PATH NEWPARENT (\"\" for the top level)",
		"merge":    "coder codes merge PROJECT FROMPATH INTOPATH",
		"delete":   "coder codes delete PROJECT PATH [--force]",
		"color":    "coder codes color PROJECT PATH #RRGGBB",
		"describe": "coder codes describe PROJECT PATH TEXT",
	}
	f := newFlags("codes " + verb)
	force := f.Bool("force", false, "")
	want := 3
	if verb == "delete" {
		want = 2
	}
	if err := f.parse(args, want, want, usages[verb]); err != nil {
		return fail(err)
	}
	return withProject(f.pos[0], "", func(p *project.Project) error {
		c, err := p.FindCode(f.pos[1])
		if err != nil {
			return err
		}
		switch verb {
		case "rename":
			err = p.RenameCode(c.ID, f.pos[2])
		case "color":
			err = p.RecolorCode(c.ID, f.pos[2])
		case "describe":
			err = p.DescribeCode(c.ID, f.pos[2])
		case "delete":
			err = p.DeleteCode(c.ID, *force)
		case "move", "merge":
			var target qda.ID
			if f.pos[2] != "" {
				to, err := p.FindCode(f.pos[2])
				if err != nil {
					return err
				}
				target = to.ID
			}
			if verb == "move" {
				err = p.MoveCode(c.ID, target)
			} else {
				err = p.MergeCodes(c.ID, target)
			}
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s: done\n", verb)
		return nil
	})
}

func sortStrings(s []string) { sort.Strings(s) }
