package main

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"text/tabwriter"

	"coder/analysis"
	"coder/project"
	"coder/qda"
)

// agreeJSON is the stable shape of `coder agree --json`.
type agreeJSON struct {
	Coders    []string        `json:"coders"`
	Documents int             `json:"documents"`
	Overall   statJSON        `json:"overall"`
	Codes     []agreeCodeJSON `json:"codes"`
}

// statJSON holds the measures; an undefined one is null.
type statJSON struct {
	Percent *float64 `json:"percent"`
	Kappa   *float64 `json:"kappa"`
	Alpha   *float64 `json:"alpha"`
}

type agreeCodeJSON struct {
	Code string `json:"code"`
	statJSON
	CharsA    int `json:"chars_a"`
	CharsB    int `json:"chars_b"`
	CharsBoth int `json:"chars_both"`
}

// disagreementJSON is the stable shape of one `coder disagreements --json` row.
type disagreementJSON struct {
	Document string   `json:"document"`
	Start    int      `json:"start"`
	End      int      `json:"end"`
	Text     string   `json:"text"`
	A        []string `json:"a"`
	B        []string `json:"b"`
}

func cmdAgree(args []string) int {
	const usage = `coder agree PROJECT --coders "A,B" [--code PATH] [--doc NAME] [--json]`
	return agreeCommand("agree", usage, args, func(p *project.Project, opt analysis.AgreeOptions, names []string, asJSON bool) error {
		a, err := p.Agreement(opt)
		if err != nil {
			return err
		}
		if len(a.Documents) == 0 {
			fmt.Fprintf(stderr, "coder: agree: no document is coded by all of %s, so there is nothing to compare\n", strings.Join(names, ", "))
		}
		if asJSON {
			out := agreeJSON{Coders: names, Documents: len(a.Documents), Overall: statOf(a.Overall), Codes: []agreeCodeJSON{}}
			for _, r := range a.Codes {
				out.Codes = append(out.Codes, agreeCodeJSON{Code: r.Path, statJSON: statOf(r.Stat), CharsA: r.Chars[0], CharsB: r.Chars[1], CharsBoth: r.CharsBoth})
			}
			return printJSON(out)
		}
		fmt.Fprintf(stdout, "agreement of %s over %s (%s), character by character\n", strings.Join(names, " and "),
			qda.Plural(len(a.Documents), "document", "documents"), qda.Plural(a.Chars, "character", "characters"))
		w := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintf(w, "code\tpercent\tkappa\talpha\t%s\t%s\tboth\t\n", oneLine(names[0], 16), oneLine(names[1], 16))
		for _, r := range a.Codes {
			fmt.Fprintf(w, "%s%s\t%s\t%s\t%s\t%d\t%d\t%d\t\n", strings.Repeat("  ", r.Depth), r.Path[strings.LastIndex(r.Path, "/")+1:],
				analysis.PercentText(r.Percent), analysis.MeasureText(r.Kappa), analysis.MeasureText(r.Alpha), r.Chars[0], r.Chars[1], r.CharsBoth)
		}
		fmt.Fprintf(w, "overall\t%s\t%s\t%s\t\t\t\t\n", analysis.PercentText(a.Overall.Percent), analysis.MeasureText(a.Overall.Kappa), analysis.MeasureText(a.Overall.Alpha))
		return w.Flush()
	})
}

func cmdDisagreements(args []string) int {
	const usage = `coder disagreements PROJECT --coders "A,B" [--code PATH] [--doc NAME] [--json]`
	return agreeCommand("disagreements", usage, args, func(p *project.Project, opt analysis.AgreeOptions, names []string, asJSON bool) error {
		rows, err := p.Disagreements(opt)
		if err != nil {
			return err
		}
		paths := func(cs []analysis.Column) []string {
			out := []string{}
			for _, c := range cs {
				out = append(out, c.Path)
			}
			return out
		}
		if asJSON {
			out := make([]disagreementJSON, 0, len(rows))
			for _, r := range rows {
				out = append(out, disagreementJSON{Document: r.DocName, Start: r.Span.Start, End: r.Span.End, Text: r.Text, A: paths(r.A), B: paths(r.B)})
			}
			return printJSON(out)
		}
		none := func(ps []string) string {
			if len(ps) == 0 {
				return "(nothing)"
			}
			return strings.Join(ps, "; ")
		}
		for _, r := range rows {
			fmt.Fprintf(stdout, "%s %s  %q\n    %s: %s\n    %s: %s\n", r.DocName, r.Span, oneLine(r.Text, 100), names[0], none(paths(r.A)), names[1], none(paths(r.B)))
		}
		fmt.Fprintf(stdout, "%s where %s and %s differ\n", qda.Plural(len(rows), "stretch", "stretches"), names[0], names[1])
		return nil
	})
}

// agreeCommand parses the flags agree and disagreements share, opens the
// project and runs fn with the comparison they ask for.
func agreeCommand(name, usage string, args []string, fn func(p *project.Project, opt analysis.AgreeOptions, names []string, asJSON bool) error) int {
	f := newFlags(name)
	coders := f.String("coders", "", "")
	var codes, docs listFlag
	f.Var(&codes, "code", "")
	f.Var(&docs, "doc", "")
	asJSON := f.Bool("json", false, "")
	if err := f.parse(args, 1, 1, usage); err != nil {
		return fail(err)
	}
	return withProject(f.pos[0], "", func(p *project.Project) error {
		opt, names, err := agreeOptions(p, *coders, codes, docs, usage)
		if err != nil {
			return err
		}
		return fn(p, opt, names, *asJSON)
	})
}

// agreeOptions resolves --coders, --code and --doc, and returns the
// coders' names as the project spells them.
func agreeOptions(p *project.Project, coders string, codes, docs []string, usage string) (analysis.AgreeOptions, []string, error) {
	var opt analysis.AgreeOptions
	var asked []string
	for _, n := range strings.Split(coders, ",") {
		if n = strings.TrimSpace(n); n != "" {
			asked = append(asked, n)
		}
	}
	if len(asked) < 2 {
		return opt, nil, fmt.Errorf("agree: give two or more coders, e.g. --coders \"Ana,Ben\" (usage: %s): %w", usage, errUsage)
	}
	cs, err := p.FindCoders(asked)
	if err != nil {
		return opt, nil, err
	}
	var names []string
	for _, c := range cs {
		if slices.Contains(opt.Coders, c.ID) {
			return opt, nil, fmt.Errorf("agree: %s is named twice in --coders (usage: %s): %w", c.Name, usage, errUsage)
		}
		opt.Coders = append(opt.Coders, c.ID)
		names = append(names, c.Name)
	}
	if opt.Codes, err = p.CodeIDs(codes); err != nil {
		return opt, nil, err
	}
	for _, name := range docs {
		d, err := p.DocumentByName(name)
		if err != nil {
			return opt, nil, err
		}
		opt.Documents = append(opt.Documents, d.ID)
	}
	return opt, names, nil
}

func statOf(s analysis.Stat) statJSON {
	num := func(x float64) *float64 {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return nil
		}
		return &x
	}
	return statJSON{Percent: num(s.Percent), Kappa: num(s.Kappa), Alpha: num(s.Alpha)}
}
