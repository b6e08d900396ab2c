package main

import (
	"fmt"
	"strings"
	"time"

	"coder/project"
	"coder/qda"
)

func cmdCode(args []string) int {
	const usage = "coder code PROJECT --doc NAME --code PATH (--span START:END | --match TEXT) [--coder NAME], or coder code PROJECT --speaker NAME --code PATH, or coder code PROJECT --query QUERY --code PATH [--unit hit|passage]"
	f := newFlags("code")
	doc := f.String("doc", "", "")
	codePath := f.String("code", "", "")
	spanArg := f.String("span", "", "")
	match := f.String("match", "", "")
	speaker := f.String("speaker", "", "")
	coder := f.String("coder", "", "")
	query := f.String("query", "", "")
	unit := f.String("unit", "hit", "")
	asJSON := f.Bool("json", false, "")
	if err := f.parse(args, 1, 1, usage); err != nil {
		return fail(err)
	}
	if *query != "" {
		if *codePath == "" {
			return usageError("code", "--query needs --code (usage: "+usage+")")
		}
		return withProject(f.pos[0], *coder, func(p *project.Project) error { return codeQuery(p, *query, *codePath, *unit) })
	}
	modes := 0
	for _, s := range []string{*spanArg, *match, *speaker} {
		if s != "" {
			modes++
		}
	}
	if *codePath == "" || modes != 1 || (*speaker == "" && *doc == "") {
		return usageError("code", "give --code, and --doc with one of --span or --match, or --speaker (usage: "+usage+")")
	}
	var span qda.Span
	if *spanArg != "" {
		var err error
		if span, err = qda.ParseSpan(*spanArg); err != nil {
			return usageError("code", err.Error())
		}
	}
	return withProject(f.pos[0], *coder, func(p *project.Project) error {
		code, err := p.FindCode(*codePath)
		if err != nil {
			return err
		}
		if *speaker != "" {
			var docs []qda.ID
			if *doc != "" {
				d, err := p.DocumentByName(*doc)
				if err != nil {
					return err
				}
				docs = append(docs, d.ID)
			}
			n, err := p.CodeSpeaker(*speaker, code.ID, docs...)
			if err != nil {
				return err
			}
			fmt.Fprintf(stdout, "coded %s of %s with %s\n", qda.Plural(n, "turn", "turns"), *speaker, *codePath)
			return nil
		}
		d, err := p.DocumentByName(*doc)
		if err != nil {
			return err
		}
		var made []qda.Coding
		if *match != "" {
			made, err = p.CodeMatches(d.ID, *match, code.ID)
		} else {
			if err := span.CheckIn(d.Chars); err != nil {
				return &qda.Error{What: d.Name, Why: err.Error(), Fix: fmt.Sprintf("give a span within 0:%d", d.Chars)}
			}
			var c *qda.Coding
			c, err = p.ApplyCode(d.ID, span, code.ID)
			if c != nil {
				made = append(made, *c)
			}
		}
		if err != nil {
			return err
		}
		if *asJSON {
			return printJSON(made)
		}
		for _, c := range made {
			fmt.Fprintf(stdout, "coded %s %s with %s (%s)\n", d.Name, c.Span, *codePath, c.ID)
		}
		return nil
	})
}

func cmdUncode(args []string) int {
	f := newFlags("uncode")
	if err := f.parse(args, 2, 2, "coder uncode PROJECT CODING-ID"); err != nil {
		return fail(err)
	}
	return withProject(f.pos[0], "", func(p *project.Project) error {
		id, err := qda.ParseID(f.pos[1])
		if err != nil {
			return fmt.Errorf("uncode: %v: %w", err, errUsage)
		}
		return p.Uncode(id)
	})
}

// codingJSON is the stable shape of `coder codings --json`.
type codingJSON struct {
	ID       qda.ID    `json:"id"`
	Document string    `json:"document"`
	Code     string    `json:"code"`
	Start    int       `json:"start"`
	End      int       `json:"end"`
	Text     string    `json:"text"`
	Coder    string    `json:"coder"`
	Created  time.Time `json:"created"`
	Memo     string    `json:"memo"`
}

func cmdCodings(args []string) int {
	const usage = "coder codings PROJECT [--code PATH] [--doc NAME] [--case NAME] [--coder NAME] [--attr NAME=VALUE] [--json]"
	f := newFlags("codings")
	ff := addFilterFlags(f)
	asJSON := f.Bool("json", false, "")
	if err := f.parse(args, 1, 1, usage); err != nil {
		return fail(err)
	}
	return withProject(f.pos[0], "", func(p *project.Project) error {
		filter, err := ff.filter(p)
		if err != nil {
			return err
		}
		rows, err := p.Codings(filter)
		if err != nil {
			return err
		}
		if *asJSON {
			out := make([]codingJSON, 0, len(rows))
			for _, r := range rows {
				out = append(out, codingJSON{r.ID, r.DocName, r.CodePath, r.Span.Start, r.Span.End, r.Text, r.CoderName, r.Created, r.Memo})
			}
			return printJSON(out)
		}
		for _, r := range rows {
			fmt.Fprintf(stdout, "%s %s  %s  [%s]\n    %s\n", r.DocName, r.Span, r.CodePath, r.CoderName, oneLine(r.Text, 160))
		}
		fmt.Fprintln(stdout, qda.Plural(len(rows), "coding", "codings"))
		return nil
	})
}

// attrFlags collects repeated --attr NAME=VALUE options.
type attrFlags map[string]string

func (a attrFlags) String() string { return fmt.Sprint(map[string]string(a)) }

func (a attrFlags) Set(s string) error {
	name, value, ok := strings.Cut(s, "=")
	if !ok || strings.TrimSpace(name) == "" {
		return fmt.Errorf("--attr takes NAME=VALUE, e.g. --attr \"Informant role=community cadre\"")
	}
	a[strings.TrimSpace(name)] = strings.TrimSpace(value)
	return nil
}

// filterFlags are the options that narrow codings, shared by codings and export.
type filterFlags struct {
	code, doc, caseName, coder *string
	attr                       attrFlags
}

func addFilterFlags(f *flags) *filterFlags {
	ff := &filterFlags{
		code: f.String("code", "", ""), doc: f.String("doc", "", ""),
		caseName: f.String("case", "", ""), coder: f.String("coder", "", ""),
		attr: attrFlags{},
	}
	f.Var(ff.attr, "attr", "")
	return ff
}

// filter resolves the names given into a coding filter.
func (ff *filterFlags) filter(p *project.Project) (project.CodingFilter, error) {
	f, err := buildFilter(p, *ff.code, *ff.doc, *ff.caseName)
	if err != nil {
		return f, err
	}
	if *ff.coder != "" {
		coders, err := p.Coders()
		if err != nil {
			return f, err
		}
		for _, c := range coders {
			if strings.EqualFold(c.Name, *ff.coder) {
				f.Coders = append(f.Coders, c.ID)
			}
		}
		if len(f.Coders) == 0 {
			return f, &qda.Error{What: *ff.coder, Why: "no such coder in this project", Err: qda.ErrNotFound}
		}
	}
	if len(ff.attr) > 0 {
		f.Attr = ff.attr
	}
	return f, nil
}

// buildFilter resolves names given on the command line into a coding filter.
func buildFilter(p *project.Project, codePath, doc, caseName string) (project.CodingFilter, error) {
	var f project.CodingFilter
	if codePath != "" {
		c, err := p.FindCode(codePath)
		if err != nil {
			return f, err
		}
		f.Codes = []qda.ID{c.ID}
	}
	if doc != "" {
		d, err := p.DocumentByName(doc)
		if err != nil {
			return f, err
		}
		f.Documents = []qda.ID{d.ID}
	}
	if caseName != "" {
		c, err := p.FindCase(caseName)
		if err != nil {
			return f, err
		}
		f.Cases = []qda.ID{c.ID}
	}
	return f, nil
}

func oneLine(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > max {
		return string(r[:max-1]) + "…"
	}
	return s
}
