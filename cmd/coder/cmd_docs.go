package main

import (
	"fmt"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"coder/project"
	"coder/qda"
)

func cmdDocs(args []string) int {
	f := newFlags("docs")
	asJSON := f.Bool("json", false, "")
	if err := f.parse(args, 1, 1, "coder docs PROJECT [--json]"); err != nil {
		return fail(err)
	}
	return withProject(f.pos[0], "", func(p *project.Project) error {
		docs, err := p.Documents()
		if err != nil {
			return err
		}
		if *asJSON {
			type row struct {
				ID    qda.ID   `json:"id"`
				Name  string   `json:"name"`
				Kind  qda.Kind `json:"kind"`
				Chars int      `json:"chars"`
				Case  string   `json:"case"`
			}
			rows := make([]row, 0, len(docs))
			for _, d := range docs {
				rows = append(rows, row{d.ID, d.Name, d.Kind, d.Chars, strings.Join(d.Cases, ", ")})
			}
			return printJSON(rows)
		}
		w := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(w, "NAME\tKIND\tCHARS\tPASSAGES\tCASE")
		for _, d := range docs {
			fmt.Fprintf(w, "%s\t%s\t%d\t%d\t%s\n", printable(d.Name), d.Kind, d.Chars, len(d.Passages), printable(strings.Join(d.Cases, ", ")))
		}
		return w.Flush()
	})
}

func cmdText(args []string) int {
	const usage = "coder text PROJECT --doc NAME [--span START:END]"
	f := newFlags("text")
	doc := f.String("doc", "", "")
	spanArg := f.String("span", "", "")
	if err := f.parse(args, 1, 1, usage); err != nil {
		return fail(err)
	}
	if *doc == "" {
		return usageError("text", "--doc NAME is required (usage: "+usage+")")
	}
	return withProject(f.pos[0], "", func(p *project.Project) error {
		d, err := p.DocumentByName(*doc)
		if err != nil {
			return err
		}
		text := d.Text
		if *spanArg != "" {
			s, err := qda.ParseSpan(*spanArg)
			if err != nil {
				return fmt.Errorf("text: %v: %w", err, errUsage)
			}
			if err := s.CheckIn(d.Chars); err != nil {
				return &qda.Error{What: d.Name, Why: err.Error(), Fix: fmt.Sprintf("give a span within 0:%d", d.Chars)}
			}
			text = s.Slice([]rune(text))
		}
		fmt.Fprint(stdout, text)
		if !strings.HasSuffix(text, "\n") && utf8.RuneCountInString(text) > 0 {
			fmt.Fprintln(stdout)
		}
		return nil
	})
}

func cmdSpeakers(args []string) int {
	f := newFlags("speakers")
	if err := f.parse(args, 1, 1, "coder speakers PROJECT"); err != nil {
		return fail(err)
	}
	return withProject(f.pos[0], "", func(p *project.Project) error {
		sp, err := p.Speakers()
		if err != nil {
			return err
		}
		names := make([]string, 0, len(sp))
		for n := range sp {
			names = append(names, n)
		}
		sortStrings(names)
		w := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(w, "SPEAKER\tTURNS")
		for _, n := range names {
			fmt.Fprintf(w, "%s\t%d\n", printable(n), sp[n])
		}
		return w.Flush()
	})
}
