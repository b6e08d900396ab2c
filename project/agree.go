package project

import (
	"slices"
	"sort"
	"strings"
	"time"

	"coder/analysis"
	"coder/qda"
	"coder/store"
)

// ConsensusCoder is the name of the coder that holds the version a team
// agreed on: the lead accepts one coder's codes, stretch by stretch, into it.
const ConsensusCoder = "Consensus"

// FindCoders resolves coder names (letter case ignored) in the order given.
func (p *Project) FindCoders(names []string) ([]qda.Coder, error) {
	all, err := p.Coders()
	if err != nil {
		return nil, err
	}
	var out []qda.Coder
	for _, name := range names {
		name = strings.TrimSpace(name)
		found := false
		for _, c := range all {
			if strings.EqualFold(c.Name, name) {
				out, found = append(out, c), true
				break
			}
		}
		if !found {
			var known []string
			for _, c := range all {
				known = append(known, c.Name)
			}
			return nil, &qda.Error{What: name, Why: "no such coder in this project", Fix: "the coders are: " + strings.Join(known, ", "), Err: qda.ErrNotFound}
		}
	}
	return out, nil
}

// Agreement measures agreement between coders (see analysis.Data.Agree).
func (p *Project) Agreement(opt analysis.AgreeOptions) (*analysis.Agreement, error) {
	d, err := p.Analysis()
	if err != nil {
		return nil, err
	}
	return d.Agree(opt)
}

// DisagreementRow is a stretch two coders coded differently, with its
// document's name and its text.
type DisagreementRow struct {
	analysis.Disagreement
	DocName string
	Text    string
}

// Disagreements lists where the first two coders differ, with names and
// texts (see analysis.Data.Disagreements).
func (p *Project) Disagreements(opt analysis.AgreeOptions) ([]DisagreementRow, error) {
	d, err := p.Analysis()
	if err != nil {
		return nil, err
	}
	ds, err := d.Disagreements(opt)
	if err != nil {
		return nil, err
	}
	segs := make([]analysis.Segment, len(ds))
	for i, x := range ds {
		segs[i] = analysis.Segment{Document: x.Document, Span: x.Span}
	}
	rows, err := p.SegmentRows(segs)
	if err != nil {
		return nil, err
	}
	out := make([]DisagreementRow, len(ds))
	for i, x := range ds {
		out[i] = DisagreementRow{Disagreement: x, DocName: rows[i].DocName, Text: rows[i].Text}
	}
	return out, nil
}

// AcceptVersion makes the consensus coder's codes on a disagreement's
// stretch those one side put there: every code either side used on it is
// put on the stretch when take holds it and taken off otherwise. Other
// codes, and the rest of the document, stay as they are. One undoable action.
func (p *Project) AcceptVersion(d analysis.Disagreement, take []analysis.Column) error {
	on := map[qda.ID]bool{}
	for _, c := range take {
		on[c.Code] = true
	}
	var codes []qda.ID
	for _, c := range append(append([]analysis.Column(nil), d.A...), d.B...) {
		if !slices.Contains(codes, c.Code) {
			codes = append(codes, c.Code)
		}
	}
	return p.act(Change{Action: "Accept a version", Documents: []qda.ID{d.Document}, Codings: true}, func(tx *store.Tx) error {
		cons, err := consensusCoder(tx)
		if err != nil {
			return err
		}
		for _, code := range codes {
			if err := paintCoding(tx, cons, d.Document, code, []qda.Span{d.Span}, on[code]); err != nil {
				return err
			}
		}
		return nil
	})
}

// AcceptAgreed puts into the consensus coder every stretch that all the
// compared coders coded alike: each code on the characters all of them
// coded with it, over the documents Agree compares. One undoable action;
// it returns how many codings the consensus coder gained.
func (p *Project) AcceptAgreed(opt analysis.AgreeOptions) (int, error) {
	d, err := p.Analysis()
	if err != nil {
		return 0, err
	}
	agreed, err := d.Agreed(opt)
	if err != nil {
		return 0, err
	}
	var docs []qda.ID
	for _, a := range agreed {
		if !slices.Contains(docs, a.Document) {
			docs = append(docs, a.Document)
		}
	}
	made := 0
	err = p.act(Change{Action: "Accept what coders agree on", Documents: docs, Codings: true}, func(tx *store.Tx) error {
		cons, err := consensusCoder(tx)
		if err != nil {
			return err
		}
		before := 0
		for _, doc := range docs {
			cs, err := tx.CodingsOf(doc)
			if err != nil {
				return err
			}
			for _, c := range cs {
				if c.Coder == cons {
					before++
				}
			}
		}
		for _, a := range agreed {
			if err := paintCoding(tx, cons, a.Document, a.Code, a.Spans, true); err != nil {
				return err
			}
		}
		after := 0
		for _, doc := range docs {
			cs, err := tx.CodingsOf(doc)
			if err != nil {
				return err
			}
			for _, c := range cs {
				if c.Coder == cons {
					after++
				}
			}
		}
		made = after - before
		return nil
	})
	return made, err
}

// consensusCoder returns the consensus coder's ID, writing the coder with
// the action's first need of it.
func consensusCoder(tx *store.Tx) (qda.ID, error) {
	c, err := tx.CoderByName(ConsensusCoder)
	if err != nil {
		return "", err
	}
	return c.ID, nil
}

// paintCoding turns a code on (or off) for one coder over spans of a
// document, keeping that coder's codings of the code as few, non-touching
// stretches: codings that end where another begins are joined. Codings
// whose span stays as it was are kept as they are (with their memos).
func paintCoding(tx *store.Tx, coder, doc, code qda.ID, spans []qda.Span, on bool) error {
	all, err := tx.CodingsOf(doc)
	if err != nil {
		return err
	}
	var mine []qda.Coding
	for _, c := range all {
		if c.Coder == coder && c.Code == code {
			mine = append(mine, c)
		}
	}
	// chars: the stretches covered, as a sorted list of disjoint spans.
	var cover []qda.Span
	for _, c := range mine {
		cover = append(cover, c.Span)
	}
	for _, s := range spans {
		if on {
			cover = append(cover, s)
		} else {
			cover = cutSpan(normalSpans(cover), s)
		}
	}
	cover = normalSpans(cover)
	keep := map[qda.Span]bool{}
	for _, s := range cover {
		keep[s] = true
	}
	for _, c := range mine {
		if keep[c.Span] {
			delete(keep, c.Span)
			continue
		}
		if err := tx.DeleteCoding(c.ID); err != nil {
			return err
		}
	}
	now := time.Now().UTC()
	for _, s := range cover {
		if !keep[s] {
			continue
		}
		c := &qda.Coding{ID: qda.NewID(), Document: doc, Code: code, Span: s, Coder: coder, Created: now}
		if err := tx.PutCoding(c); err != nil {
			return err
		}
	}
	return nil
}

// normalSpans sorts spans and joins those that overlap or touch.
func normalSpans(spans []qda.Span) []qda.Span {
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	var out []qda.Span
	for _, s := range spans {
		if s.Empty() {
			continue
		}
		if n := len(out); n > 0 && s.Start <= out[n-1].End {
			out[n-1].End = max(out[n-1].End, s.End)
			continue
		}
		out = append(out, s)
	}
	return out
}

// cutSpan removes cut from sorted disjoint spans.
func cutSpan(spans []qda.Span, cut qda.Span) []qda.Span {
	var out []qda.Span
	for _, s := range spans {
		if s.End <= cut.Start || s.Start >= cut.End {
			out = append(out, s)
			continue
		}
		if s.Start < cut.Start {
			out = append(out, qda.Span{Start: s.Start, End: cut.Start})
		}
		if s.End > cut.End {
			out = append(out, qda.Span{Start: cut.End, End: s.End})
		}
	}
	return out
}

// CoderCount is how many codings of a code one coder made.
type CoderCount struct {
	Coder qda.Coder
	Own   int // codings of the code itself
	Total int // with the codings of the codes below it
}

// CoderCounts counts a code's codings per coder (the codebook's "Counts by
// coder"), coders with none left out, most first.
func (p *Project) CoderCounts(code qda.ID) ([]CoderCount, error) {
	d, err := p.Analysis()
	if err != nil {
		return nil, err
	}
	coders, err := p.Coders()
	if err != nil {
		return nil, err
	}
	within := map[qda.ID]bool{}
	for _, id := range d.Tree().Subtree(code) {
		within[id] = true
	}
	by := map[qda.ID]*CoderCount{}
	for _, c := range d.Snapshot().Codings {
		if !within[c.Code] {
			continue
		}
		n := by[c.Coder]
		if n == nil {
			n = &CoderCount{Coder: qda.Coder{ID: c.Coder, Name: "(no coder)"}}
			by[c.Coder] = n
		}
		n.Total++
		if c.Code == code {
			n.Own++
		}
	}
	for _, c := range coders {
		if n := by[c.ID]; n != nil {
			n.Coder = c
		}
	}
	out := make([]CoderCount, 0, len(by))
	for _, n := range by {
		out = append(out, *n)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Total != out[j].Total {
			return out[i].Total > out[j].Total
		}
		return out[i].Coder.Name < out[j].Coder.Name
	})
	return out, nil
}
