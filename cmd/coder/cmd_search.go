package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"strings"

	"coder/project"
	"coder/qda"
)

func cmdSearch(args []string) int {
	const usage = "coder search PROJECT QUERY [--json] [--limit N] [--segments] [--memos]"
	f := newFlags("search")
	asJSON := f.Bool("json", false, "")
	limit := f.Int("limit", 20, "")
	segments := f.Bool("segments", false, "")
	memos := f.Bool("memos", false, "")
	if err := f.parse(args, 2, -1, usage); err != nil {
		return fail(err)
	}
	query := strings.Join(f.pos[1:], " ")
	return withProject(f.pos[0], "", func(p *project.Project) error {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
		defer stop()
		if _, err := p.OpenIndex(ctx, progressLine("indexing")); err != nil {
			return err
		}
		units := []project.SearchUnit{project.SearchPassages}
		if *segments {
			units = append(units, project.SearchSegments)
		}
		if *memos {
			units = append(units, project.SearchMemos)
		}
		res, err := p.Search(ctx, query, project.SearchOptions{Limit: *limit, Units: units})
		if err != nil {
			var se *project.QueryError
			if errors.As(err, &se) {
				return fmt.Errorf("search: %v\n  %s\n  %s: %w", se, query, se.Caret(), errUsage)
			}
			return err
		}
		if *asJSON {
			if res.Hits == nil {
				res.Hits = []project.SearchHit{}
			}
			return printJSON(res)
		}
		for _, h := range res.Hits {
			who := ""
			if h.Speaker != "" {
				who = " " + h.Speaker + ":"
			}
			where := h.Document
			if h.Case != "" {
				where = h.Case + " / " + h.Document
			}
			fmt.Fprintf(stdout, "%s %s%s %s\n", where, h.Passage, who, oneLine(h.Snippet, 200))
		}
		fmt.Fprintf(stdout, "%s (showing %d)\n", qda.Plural(res.Total, "hit", "hits"), len(res.Hits))
		return nil
	})
}

func cmdReindex(args []string) int {
	f := newFlags("reindex")
	if err := f.parse(args, 1, 1, "coder reindex PROJECT"); err != nil {
		return fail(err)
	}
	return withProject(f.pos[0], "", func(p *project.Project) error {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
		defer stop()
		if err := p.Reindex(ctx, progressLine("indexing")); err != nil {
			return err
		}
		fmt.Fprintln(stdout, "search index rebuilt")
		return nil
	})
}

// codeQuery implements `coder code PROJECT --query QUERY --code PATH [--unit hit|passage]`.
func codeQuery(p *project.Project, query, codePath, unit string) error {
	code, err := p.FindCode(codePath)
	if err != nil {
		return err
	}
	if unit != "hit" && unit != "passage" {
		return fmt.Errorf("code: --unit must be hit or passage: %w", errUsage)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if _, err := p.OpenIndex(ctx, progressLine("indexing")); err != nil {
		return err
	}
	plan, err := p.PlanCodeHits(ctx, query)
	if err != nil {
		return err
	}
	what, noun := project.HitMatches, "hit"
	if unit == "passage" {
		what, noun = project.HitPassages, "passage"
	}
	done, err := p.CodeHits(ctx, plan, what, project.HitCode{ID: code.ID}, nil)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "coded %s with %s (%s new)\n", qda.Plural(done.Coded, noun, noun+"s"), codePath, qda.Plural(done.Made, "coding", "codings"))
	return nil
}
