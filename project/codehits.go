package project

import (
	"context"
	"slices"

	"coder/codebook"
	"coder/qda"
	"coder/store"
)

// HitUnit says what coding a search's hits puts a code on.
type HitUnit int

// The units "code all hits" can code.
const (
	HitMatches  HitUnit = iota // the matched words, one coding per match
	HitPassages                // the whole passages, one coding per passage
)

// HitPlan is what coding a search's hits would code, worked out before
// anything is coded, so that the count a dialog shows is the count coded.
type HitPlan struct {
	Query     string
	Documents int // documents the hits are in
	hits      []planHit
}

// planHit is one passage hit in a document, with its matches.
type planHit struct {
	doc     qda.ID
	passage qda.Span
	matches []qda.Span
}

// Passages counts the passages the plan codes with HitPassages.
func (pl *HitPlan) Passages() int { return len(pl.hits) }

// Matches counts the matched spans the plan codes with HitMatches.
func (pl *HitPlan) Matches() int {
	n := 0
	for _, h := range pl.hits {
		n += len(h.matches)
	}
	return n
}

// Count is how many spans coding with unit codes: one coding each.
func (pl *HitPlan) Count(unit HitUnit) int {
	if unit == HitPassages {
		return pl.Passages()
	}
	return pl.Matches()
}

// PlanHits works out what coding the hits of a complete search result would
// code: each passage hit in a document (memo and segment hits are left
// out), with its distinct matches.
func PlanHits(query string, res *SearchResult) *HitPlan {
	pl := &HitPlan{Query: query}
	docs := map[qda.ID]bool{}
	seen := map[qda.ID]map[qda.Span]bool{}
	for _, h := range res.Hits {
		if h.DocumentID == "" || (h.Unit != "" && h.Unit != SearchPassages) {
			continue
		}
		if seen[h.DocumentID] == nil {
			seen[h.DocumentID] = map[qda.Span]bool{}
		}
		if seen[h.DocumentID][h.Passage] {
			continue
		}
		seen[h.DocumentID][h.Passage] = true
		docs[h.DocumentID] = true
		ph := planHit{doc: h.DocumentID, passage: h.Passage}
		for _, m := range h.Matches {
			if !slices.Contains(ph.matches, m) {
				ph.matches = append(ph.matches, m)
			}
		}
		pl.hits = append(pl.hits, ph)
	}
	pl.Documents = len(docs)
	return pl
}

// PlanCodeHits searches for every passage hit of a query and plans coding
// them.
func (p *Project) PlanCodeHits(ctx context.Context, query string) (*HitPlan, error) {
	count, err := p.Search(ctx, query, SearchOptions{Limit: 1, SpansOnly: true})
	if err != nil {
		return nil, err
	}
	res, err := p.Search(ctx, query, SearchOptions{Limit: max(count.Total, 1), SpansOnly: true})
	if err != nil {
		return nil, err
	}
	return PlanHits(query, res), nil
}

// HitCode is the code "code all hits" applies: an existing code's ID, or
// the path of a new code made in the same action (so that cancelling makes
// no code either).
type HitCode struct {
	ID      qda.ID
	NewPath string
}

// CodedHits says what coding a plan did: Coded spans, of which Made got a
// new coding and the rest carried the code already, with Code.
type CodedHits struct {
	Coded, Made int
	Code        qda.ID
}

// CodeHits applies a code to every span of a plan, in one transaction (one
// undo step). Cancelling ctx, or any error, leaves the project as it was.
// progress hears once per passage.
func (p *Project) CodeHits(ctx context.Context, plan *HitPlan, unit HitUnit, with HitCode, progress func(Progress)) (CodedHits, error) {
	var names []string
	if with.ID == "" {
		if names = codebook.SplitPath(with.NewPath); len(names) == 0 {
			return CodedHits{}, &qda.Error{What: "new code", Why: "the code needs a name"}
		}
	}
	var docs []qda.ID
	for _, h := range plan.hits {
		if !slices.Contains(docs, h.doc) {
			docs = append(docs, h.doc)
		}
	}
	var out CodedHits
	err := p.act(Change{Action: "Code search hits", Documents: docs, Codings: true, Codebook: len(names) > 0}, func(tx *store.Tx) error {
		out = CodedHits{Code: with.ID}
		if len(names) > 0 {
			c, err := addCode(tx, names, "", "")
			if err != nil {
				return err
			}
			out.Code = c.ID
		}
		code := out.Code
		batch := p.codingBatch(tx)
		for i, h := range plan.hits {
			if err := ctx.Err(); err != nil {
				return err
			}
			if progress != nil {
				progress(Progress{Done: i, Total: len(plan.hits), Item: plan.Query})
			}
			spans := h.matches
			if unit == HitPassages {
				spans = []qda.Span{h.passage}
			}
			for _, s := range spans {
				if _, err := batch.add(h.doc, s, code); err != nil {
					return err
				}
				out.Coded++
			}
		}
		out.Made = batch.made
		return ctx.Err()
	})
	if err != nil {
		return CodedHits{}, err
	}
	return out, nil
}
