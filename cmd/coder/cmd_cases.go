package main

import (
	"fmt"
	"sort"
	"strings"
	"text/tabwriter"

	"coder/project"
	"coder/qda"
)

func cmdCases(args []string) int {
	if len(args) > 0 {
		switch args[0] {
		case "add":
			return cmdCasesAdd(args[1:])
		case "assign":
			return cmdCasesAssign(args[1:])
		case "from-speakers":
			return cmdCasesFromSpeakers(args[1:])
		}
	}
	f := newFlags("cases")
	asJSON := f.Bool("json", false, "")
	if err := f.parse(args, 1, 1, "coder cases PROJECT [--json] | coder cases add PROJECT NAME | coder cases assign PROJECT NAME DOC..."); err != nil {
		return fail(err)
	}
	return withProject(f.pos[0], "", func(p *project.Project) error {
		cases, err := p.Cases()
		if err != nil {
			return err
		}
		docs, err := p.Documents()
		if err != nil {
			return err
		}
		names := map[qda.ID]string{}
		for _, d := range docs {
			names[d.ID] = d.Name
		}
		type row struct {
			ID          qda.ID            `json:"id"`
			Name        string            `json:"name"`
			Description string            `json:"description,omitempty"`
			Documents   []string          `json:"documents"`
			Attributes  map[string]string `json:"attributes"`
		}
		rows := make([]row, 0, len(cases))
		for _, c := range cases {
			attrs, err := p.Attributes(c.ID)
			if err != nil {
				return err
			}
			r := row{ID: c.ID, Name: c.Name, Description: c.Description, Documents: []string{}, Attributes: attrs}
			for _, d := range c.Documents {
				r.Documents = append(r.Documents, names[d])
			}
			rows = append(rows, r)
		}
		if *asJSON {
			return printJSON(rows)
		}
		w := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(w, "CASE\tDOCUMENTS\tATTRIBUTES")
		for _, r := range rows {
			fmt.Fprintf(w, "%s\t%s\t%s\n", r.Name, strings.Join(r.Documents, "; "), formatAttrs(r.Attributes))
		}
		return w.Flush()
	})
}

func formatAttrs(m map[string]string) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + "=" + m[k]
	}
	return strings.Join(parts, "; ")
}

func cmdCasesAdd(args []string) int {
	f := newFlags("cases add")
	desc := f.String("description", "", "")
	if err := f.parse(args, 2, 2, "coder cases add PROJECT NAME [--description TEXT]"); err != nil {
		return fail(err)
	}
	return withProject(f.pos[0], "", func(p *project.Project) error {
		if _, err := p.AddCase(f.pos[1], *desc); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "added case %s\n", f.pos[1])
		return nil
	})
}

func cmdCasesAssign(args []string) int {
	f := newFlags("cases assign")
	if err := f.parse(args, 3, -1, "coder cases assign PROJECT CASE DOC..."); err != nil {
		return fail(err)
	}
	return withProject(f.pos[0], "", func(p *project.Project) error {
		var ids []qda.ID
		for _, name := range f.pos[2:] {
			d, err := p.DocumentByName(name)
			if err != nil {
				return err
			}
			ids = append(ids, d.ID)
		}
		c, err := p.AssignToCase(f.pos[1], ids...)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "case %s has %s\n", c.Name, qda.Plural(len(c.Documents), "document", "documents"))
		return nil
	})
}

func cmdCasesFromSpeakers(args []string) int {
	f := newFlags("cases from-speakers")
	if err := f.parse(args, 1, -1, "coder cases from-speakers PROJECT [DOC...]"); err != nil {
		return fail(err)
	}
	return withProject(f.pos[0], "", func(p *project.Project) error {
		var ids []qda.ID
		for _, name := range f.pos[1:] {
			d, err := p.DocumentByName(name)
			if err != nil {
				return err
			}
			ids = append(ids, d.ID)
		}
		n, err := p.CasesFromSpeakers(ids...)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s, one per speaker\n", qda.Plural(n, "case", "cases"))
		return nil
	})
}

func cmdMemo(args []string) int {
	const usage = "coder memo PROJECT --on (project|doc NAME|code PATH|case NAME) --text TEXT [--title TITLE] [--coder NAME]"
	f := newFlags("memo")
	coder := f.String("coder", "", "")
	on := f.String("on", "", "")
	text := f.String("text", "", "")
	title := f.String("title", "", "")
	if err := f.parse(args, 1, 2, usage); err != nil {
		return fail(err)
	}
	// "--on doc NAME": the target's name is the positional after the project.
	target := ""
	if len(f.pos) == 2 {
		target = f.pos[1]
	}
	kind := strings.ToLower(*on)
	if kind == "" || *text == "" || (kind != "project" && target == "") {
		return usageError("memo", "give --on and --text (usage: "+usage+")")
	}
	return withProject(f.pos[0], *coder, func(p *project.Project) error {
		var tk qda.TargetKind
		var id qda.ID
		switch kind {
		case "project":
			tk = qda.OnProject
		case "doc", "document":
			d, err := p.DocumentByName(target)
			if err != nil {
				return err
			}
			tk, id = qda.OnDocument, d.ID
		case "code":
			c, err := p.FindCode(target)
			if err != nil {
				return err
			}
			tk, id = qda.OnCode, c.ID
		case "case":
			c, err := p.FindCase(target)
			if err != nil {
				return err
			}
			tk, id = qda.OnCase, c.ID
		default:
			return fmt.Errorf("memo: --on must be project, doc, code or case: %w", errUsage)
		}
		m, err := p.AddMemo(tk, id, *title, *text)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "memo %s written\n", m.ID)
		return nil
	})
}
