package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"coder/assist"
	"coder/project"
	"coder/qda"
)

// The suggest command registers itself so cli.go's table stays untouched
// (cli.go's init runs first: files initialise in name order).
func init() { commands["suggest"] = cmdSuggest }

// suggestion is one line of `coder suggest --json`: the document by name.
type suggestion struct {
	Document string   `json:"document"`
	Start    int      `json:"start"`
	End      int      `json:"end"`
	Text     string   `json:"text"`
	Score    float64  `json:"score"`
	Words    []string `json:"words"`
}

func cmdSuggest(args []string) int {
	const usage = "coder suggest PROJECT --code PATH [--limit N] [--json] | --code PATH --accept DOC:S:E | --code PATH --reject DOC:S:E | --evaluate [--json]"
	f := newFlags("suggest")
	codePath := f.String("code", "", "")
	limit := f.Int("limit", 20, "")
	asJSON := f.Bool("json", false, "")
	evaluate := f.Bool("evaluate", false, "")
	accept := f.String("accept", "", "")
	reject := f.String("reject", "", "")
	coder := f.String("coder", "", "")
	if err := f.parse(args, 1, 1, usage); err != nil {
		return fail(err)
	}
	if *limit < 0 {
		return usageError("suggest", "--limit must be 0 (all) or more (usage: "+usage+")")
	}
	if *evaluate {
		if *codePath != "" || *accept != "" || *reject != "" {
			return usageError("suggest", "--evaluate covers every code: give it alone (usage: "+usage+")")
		}
		return withProject(f.pos[0], *coder, func(p *project.Project) error { return suggestEvaluate(p, *asJSON) })
	}
	if *codePath == "" || *accept != "" && *reject != "" {
		return usageError("suggest", "give --code, and at most one of --accept and --reject (usage: "+usage+")")
	}
	return withProject(f.pos[0], *coder, func(p *project.Project) error {
		code, err := p.FindCode(*codePath)
		if err != nil {
			return err
		}
		if target := *accept + *reject; target != "" {
			d, span, err := parseDocSpan(p, target)
			if err != nil {
				return err
			}
			if *accept != "" {
				c, err := p.AcceptSuggestion(d.ID, span, code.ID)
				if err != nil {
					return err
				}
				fmt.Fprintf(stdout, "coded %s %s with %s as %q (%s)\n", d.Name, span, *codePath, project.AssistantCoder(p.Coder().Name), c.ID)
				return nil
			}
			if err := p.RejectSuggestion(d.ID, span, code.ID); err != nil {
				return err
			}
			fmt.Fprintf(stdout, "rejected %s %s for %s: it will not be suggested again\n", d.Name, span, *codePath)
			return nil
		}
		ss, err := p.Suggest(context.Background(), nil, code.ID, *limit)
		if err != nil {
			return err
		}
		names, err := docNames(p)
		if err != nil {
			return err
		}
		out := make([]suggestion, 0, len(ss))
		for _, s := range ss {
			out = append(out, suggestion{Document: names[s.Document], Start: s.Start, End: s.End, Text: s.Text, Score: s.Score, Words: s.Words})
		}
		if *asJSON {
			return printJSON(out)
		}
		for _, s := range out {
			fmt.Fprintf(stdout, "%.3f  %s:%d:%d  [%s]\n       %s\n", s.Score, s.Document, s.Start, s.End, strings.Join(s.Words, ", "), oneLine(s.Text, 160))
		}
		if len(out) == 0 {
			fmt.Fprintln(stdout, "no uncoded passage resembles this code's codings")
		}
		return nil
	})
}

// parseDocSpan reads DOC:S:E, the document by name (which may hold colons).
func parseDocSpan(p *project.Project, s string) (*qda.Document, qda.Span, error) {
	bad := fmt.Errorf("suggest: %q is not DOC:START:END (a document name and a span, as 'coder suggest' prints them): %w", s, errUsage)
	i := strings.LastIndex(s, ":")
	if i < 0 {
		return nil, qda.Span{}, bad
	}
	j := strings.LastIndex(s[:i], ":")
	if j <= 0 {
		return nil, qda.Span{}, bad
	}
	start, err1 := strconv.Atoi(s[j+1 : i])
	end, err2 := strconv.Atoi(s[i+1:])
	if err1 != nil || err2 != nil {
		return nil, qda.Span{}, bad
	}
	d, err := p.DocumentByName(s[:j])
	if err != nil {
		return nil, qda.Span{}, err
	}
	span := qda.Span{Start: start, End: end}
	if err := span.CheckIn(d.Chars); err != nil || span.Empty() {
		return nil, qda.Span{}, &qda.Error{What: d.Name, Why: fmt.Sprintf("span %s is not inside the text", span), Fix: fmt.Sprintf("give a span within 0:%d", d.Chars)}
	}
	return d, span, nil
}

func docNames(p *project.Project) (map[qda.ID]string, error) {
	ds, err := p.Documents()
	names := map[qda.ID]string{}
	for _, d := range ds {
		names[d.ID] = d.Name
	}
	return names, err
}

// evalRow is one code of `coder suggest --evaluate --json`.
type evalRow struct {
	Code     string       `json:"code"`
	Model    assist.Score `json:"model"`
	Baseline assist.Score `json:"baseline"`
}

func suggestEvaluate(p *project.Project, asJSON bool) error {
	ev, err := p.EvaluateAssistant(context.Background(), nil)
	if err != nil {
		return err
	}
	tree, err := p.Codebook()
	if err != nil {
		return err
	}
	rows := make([]evalRow, 0, len(ev.Model)+1)
	for i := range ev.Model {
		rows = append(rows, evalRow{Code: tree.Path(ev.Model[i].Code), Model: ev.Model[i], Baseline: ev.Baseline[i]})
	}
	rows = append(rows, evalRow{Code: "(all codes)", Model: ev.ModelAll, Baseline: ev.BaselineAll})
	if asJSON {
		return printJSON(map[string]any{"units": ev.Units, "minCodings": assist.MinExamples, "baselineWords": assist.BaselineWords, "codes": rows})
	}
	fmt.Fprintf(stdout, "%d passages; codes with at least %d codings; a fifth of each code's codings held out\n", ev.Units, assist.MinExamples)
	top := fmt.Sprintf("R@%d", assist.TopN)
	fmt.Fprintf(stdout, "%-32s %5s %4s | %-23s | %-23s\n", "", "", "", "         model", "        baseline")
	fmt.Fprintf(stdout, "%-32s %5s %4s | %5s %5s %5s %5s | %5s %5s %5s %5s\n", "code", "train", "test", "P", "R", "F1", top, "P", "R", "F1", top)
	for _, r := range rows {
		fmt.Fprintf(stdout, "%-32s %5d %4d | %5.3f %5.3f %5.3f %5.3f | %5.3f %5.3f %5.3f %5.3f\n", oneLine(r.Code, 32), r.Model.Train, r.Model.Test,
			r.Model.Precision, r.Model.Recall, r.Model.F1, r.Model.TopRecall, r.Baseline.Precision, r.Baseline.Recall, r.Baseline.F1, r.Baseline.TopRecall)
	}
	fmt.Fprintf(stdout, "baseline: passages holding one of the code's %d most frequent words (ranked by how many)\n", assist.BaselineWords)
	fmt.Fprintf(stdout, "%s: share of the held-out passages among the first %d suggestions, whatever the threshold\n", top, assist.TopN)
	return nil
}
