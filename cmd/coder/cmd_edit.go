package main

import (
	"fmt"

	"coder/project"
	"coder/qda"
)

// cmdEdit corrects a document's text after coding: the span is replaced and
// every coding, turn and search position moves with the text.
func cmdEdit(args []string) int {
	const usage = "coder edit PROJECT --doc NAME --span START:END --text NEW [--json]"
	f := newFlags("edit")
	doc := f.String("doc", "", "")
	spanArg := f.String("span", "", "")
	text := f.String("text", "", "")
	asJSON := f.Bool("json", false, "")
	if err := f.parse(args, 1, 1, usage); err != nil {
		return fail(err)
	}
	if *doc == "" || *spanArg == "" {
		return usageError("edit", "--doc NAME and --span START:END are required (usage: "+usage+")")
	}
	span, err := qda.ParseSpan(*spanArg)
	if err != nil {
		return usageError("edit", err.Error())
	}
	return withProject(f.pos[0], "", func(p *project.Project) error {
		d, err := p.DocumentByName(*doc)
		if err != nil {
			return err
		}
		old := span.Slice([]rune(d.Text))
		rep, err := p.EditText(d.ID, span, *text)
		if err != nil {
			return err
		}
		if *asJSON {
			type removed struct {
				ID    qda.ID `json:"id"`
				Code  string `json:"code"`
				Start int    `json:"start"`
				End   int    `json:"end"`
				Text  string `json:"text"`
			}
			out := struct {
				Document string    `json:"document"`
				Old      string    `json:"old"`
				New      string    `json:"new"`
				Start    int       `json:"start"`
				End      int       `json:"end"`
				Moved    int       `json:"moved"`
				Removed  []removed `json:"removed"`
			}{d.Name, old, *text, rep.New.Start, rep.New.End, rep.Moved, []removed{}}
			for _, r := range rep.Removed {
				out.Removed = append(out.Removed, removed{r.ID, r.CodePath, r.Span.Start, r.Span.End, r.Text})
			}
			return printJSON(out)
		}
		fmt.Fprintf(stdout, "%s: replaced %q at %s with %q (now %s); %s moved, %d removed\n", d.Name, old, span, *text, rep.New, qda.Plural(rep.Moved, "coding", "codings"), len(rep.Removed))
		for _, r := range rep.Removed {
			fmt.Fprintf(stdout, "  removed coding: %s %s %q\n", r.CodePath, r.Span, r.Text)
		}
		return nil
	})
}
