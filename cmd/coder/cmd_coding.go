package main

import (
	"errors"
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
	const usage = "coder codings PROJECT [--code PATH] [--doc NAME] [--case NAME] [--by-coder NAME] [--attr NAME=VALUE|NAME>N|NAME=FROM..TO] [--json]"
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

// listFlag collects a repeatable option: each use adds one choice.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ", ") }

func (l *listFlag) Set(s string) error {
	*l = append(*l, strings.TrimSpace(s))
	return nil
}

// attrFlags collects repeated --attr conditions (see qda.ParseAttrCond).
type attrFlags []qda.AttrCond

func (a *attrFlags) String() string { return fmt.Sprint([]qda.AttrCond(*a)) }

func (a *attrFlags) Set(s string) error {
	c, err := qda.ParseAttrCond(s)
	if err != nil {
		return errors.New(strings.TrimSuffix(err.Error(), ": "+qda.ErrInvalid.Error()))
	}
	*a = append(*a, c)
	return nil
}

// filterFlags are the options that narrow codings, shared by codings and
// export. Each may be given more than once: choices of one kind are
// alternatives, different kinds must all hold (see qda.Filter).
type filterFlags struct {
	code, doc, caseName, coder listFlag
	attr                       attrFlags
}

func addFilterFlags(f *flags) *filterFlags {
	ff := &filterFlags{}
	f.Var(&ff.code, "code", "")
	f.Var(&ff.doc, "doc", "")
	f.Var(&ff.caseName, "case", "")
	// --by-coder: --coder means "who is writing" in the commands that
	// write, so the filter has a name of its own (--coder stays an alias
	// here, where nothing is written).
	f.Var(&ff.coder, "by-coder", "")
	f.Var(&ff.coder, "coder", "")
	f.Var(&ff.attr, "attr", "")
	return ff
}

// set reports whether any filter option was given.
func (ff *filterFlags) set() bool {
	return len(ff.code)+len(ff.doc)+len(ff.caseName)+len(ff.coder)+len(ff.attr) > 0
}

// filter resolves the names given into a coding filter.
func (ff *filterFlags) filter(p *project.Project) (project.CodingFilter, error) {
	var f project.CodingFilter
	for _, path := range ff.code {
		c, err := p.FindCode(path)
		if err != nil {
			return f, err
		}
		f.Codes = append(f.Codes, c.ID)
	}
	for _, name := range ff.doc {
		d, err := p.DocumentByName(name)
		if err != nil {
			return f, err
		}
		f.Documents = append(f.Documents, d.ID)
	}
	for _, name := range ff.caseName {
		c, err := p.FindCase(name)
		if err != nil {
			return f, err
		}
		f.Cases = append(f.Cases, c.ID)
	}
	if len(ff.coder) > 0 {
		coders, err := p.FindCoders(ff.coder)
		if err != nil {
			return f, err
		}
		for _, c := range coders {
			f.Coders = append(f.Coders, c.ID)
		}
	}
	f.Attrs = ff.attr
	return f, nil
}

func oneLine(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > max {
		return string(r[:max-1]) + "…"
	}
	return s
}
