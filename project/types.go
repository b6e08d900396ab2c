package project

import (
	"errors"
	"strings"

	"coder/exchange"
	"coder/ingest"
	"coder/qda"
	"coder/search"
	"coder/store"
)

// The types below are what the application layer hands its callers (the
// window and the command line) in place of the types of the packages it is
// built on (search, store, ingest, exchange), so that those stay replaceable and the
// window imports project, qda and codebook only. Each is converted at the
// boundary, in one function here.

// Problem is one integrity problem that Check found.
type Problem struct {
	What string // the entity or page concerned
	Why  string
}

func (p Problem) String() string { return p.What + ": " + p.Why }

func problemsFrom(ps []store.Problem) []Problem {
	out := make([]Problem, len(ps))
	for i, p := range ps {
		out[i] = Problem{What: p.What, Why: p.Why}
	}
	return out
}

// Skipped is a file a folder import passed over, and why.
type Skipped struct {
	Path   string
	Reason string
}

func skippedFrom(ss []ingest.Skipped) []Skipped {
	out := make([]Skipped, len(ss))
	for i, s := range ss {
		out[i] = Skipped{Path: s.Path, Reason: s.Reason}
	}
	return out
}

// ExchangeReport tells what merging a REFI-QDA file did: which program
// wrote it, what arrived, and what could not be brought over and why.
type ExchangeReport struct {
	Producer       string         // the program that wrote the file
	Warnings       []string       // one sentence each: what was skipped or changed
	MissingSources []string       // sources whose text was not in the file (not created)
	LostSelections map[string]int // selections lost with each missing source
	// Counts says how many of each thing arrived, keyed by "users",
	// "codes", "sources", "selections", "codings", "notes", "sets",
	// "cases", "variables", "values".
	Counts map[string]int
}

func exchangeReportFrom(r *exchange.Report) *ExchangeReport {
	if r == nil {
		return nil
	}
	return &ExchangeReport{Producer: r.Producer, Warnings: r.Warnings, MissingSources: r.MissingSources, LostSelections: r.LostSelections, Counts: r.Counts}
}

// SearchUnit is a kind of thing a search can return.
type SearchUnit string

// The units a search can return.
const (
	SearchPassages SearchUnit = "passage" // paragraphs and speaker turns of documents
	SearchSegments SearchUnit = "segment" // coded segments, with their coding notes
	SearchMemos    SearchUnit = "memo"    // memos, with their titles
)

// SearchOptions shape a search.
type SearchOptions struct {
	Limit  int          // hits to return; 0 means 20
	Offset int          // hits to skip, for paging
	Units  []SearchUnit // what to search; nil means passages only
	// Facets asks for hit counts per code, case and document over all hits.
	Facets    bool
	FacetSize int // most facet entries per kind; 0 means 200
	// SpansOnly skips snippets: for coding every hit, which needs spans only.
	SpansOnly bool
}

func (o SearchOptions) toSearch() search.Options {
	out := search.Options{Limit: o.Limit, Offset: o.Offset, Facets: o.Facets, FacetSize: o.FacetSize, SpansOnly: o.SpansOnly}
	for _, u := range o.Units {
		out.Units = append(out.Units, search.Unit(u))
	}
	return out
}

// SearchResult is the answer to a search. Marshalled as JSON it has exactly
// the shape `coder search --json` prints: {total, hits}.
type SearchResult struct {
	Total  int           `json:"total"` // units matching, of which Hits is one page
	Hits   []SearchHit   `json:"hits"`
	Facets *SearchFacets `json:"-"` // set when SearchOptions.Facets was
}

// SearchHit is one matching unit, with everything a hit list shows.
type SearchHit struct {
	Unit       SearchUnit `json:"-"`
	ID         qda.ID     `json:"-"`        // the memo's or coding's ID; empty for passages
	DocumentID qda.ID     `json:"-"`        // empty for memos not on a document
	Document   string     `json:"document"` // the document's name (for a memo, what it is on)
	Case       string     `json:"case"`     // the document's cases, joined with "; "
	Cases      []string   `json:"-"`
	Speaker    string     `json:"speaker"`
	// Passage is the rune span of the passage (or coded segment) in the
	// document.
	Passage qda.Span `json:"passage"`
	// Matches are the rune spans of the query's terms, in order.
	Matches []qda.Span `json:"matches"`
	// Snippet is the text around the first match with every match marked
	// «like this»; Excerpt has the same piece unmarked, for the window.
	Snippet string        `json:"snippet"`
	Excerpt SearchExcerpt `json:"-"`
	Codes   []string      `json:"codes"` // code paths applied to the passage (or the segment's code)
	Coder   string        `json:"-"`     // for segments and memos
	Title   string        `json:"-"`     // for memos
}

// SearchExcerpt is a snippet as text plus the rune spans of its matches in it.
type SearchExcerpt struct {
	Text  string
	Marks []qda.Span // rune offsets into Text
	Start int        // where Text begins in the unit's text, in runes
}

// SearchFacets count hits over the whole result, not one page.
type SearchFacets struct {
	Codes     []FacetCount // per code path
	Cases     []FacetCount // per case name
	Documents []FacetCount // per document
	Uncased   int          // hits in documents that belong to no case
}

// FacetCount is one facet entry.
type FacetCount struct {
	Name  string
	ID    qda.ID // documents only
	Count int
}

func resultFrom(r *search.Result) *SearchResult {
	out := &SearchResult{Total: r.Total, Hits: make([]SearchHit, len(r.Hits))}
	for i, h := range r.Hits {
		out.Hits[i] = SearchHit{
			Unit: SearchUnit(h.Unit), ID: h.ID, DocumentID: h.DocumentID, Document: h.Document,
			Case: h.Case, Cases: h.Cases, Speaker: h.Speaker, Passage: h.Passage, Matches: h.Matches,
			Snippet: h.Snippet, Excerpt: SearchExcerpt{Text: h.Excerpt.Text, Marks: h.Excerpt.Marks, Start: h.Excerpt.Start},
			Codes: h.Codes, Coder: h.Coder, Title: h.Title,
		}
	}
	if f := r.Facets; f != nil {
		out.Facets = &SearchFacets{Codes: countsFrom(f.Codes), Cases: countsFrom(f.Cases), Documents: countsFrom(f.Documents), Uncased: f.Uncased}
	}
	return out
}

func countsFrom(cs []search.Count) []FacetCount {
	out := make([]FacetCount, len(cs))
	for i, c := range cs {
		out[i] = FacetCount{Name: c.Name, ID: c.ID, Count: c.Count}
	}
	return out
}

// QueryError says where a search query stops making sense and why.
type QueryError struct {
	Query  string
	Column int // in characters from 1
	Why    string
	err    error
}

func (e *QueryError) Error() string { return e.err.Error() }

// Caret returns the query with a caret under the column at fault, for a
// monospace font.
func (e *QueryError) Caret() string {
	return e.Query + "\n" + strings.Repeat(" ", max(0, e.Column-1)) + "^"
}

// queryErrorFrom turns the search package's syntax error into a
// QueryError, and leaves other errors as they are.
func queryErrorFrom(err error) error {
	var se *search.SyntaxError
	if errors.As(err, &se) {
		return &QueryError{Query: se.Query, Column: se.Column, Why: se.Why, err: se}
	}
	return err
}

// QueryFilter is a filter of a query that applies to the whole of it, such
// as code:"Political logic".
type QueryFilter struct {
	Field string // code, case, kind, speaker, doc or attr
	Value string
}

// QueryFilters parses a query and returns its filters that apply to the
// whole query; a query that does not parse gives a *QueryError.
func QueryFilters(q string) ([]QueryFilter, error) {
	parsed, err := search.ParseQuery(q)
	if err != nil {
		return nil, queryErrorFrom(err)
	}
	var out []QueryFilter
	for _, f := range parsed.Filters {
		out = append(out, QueryFilter{Field: f.Field, Value: f.Value})
	}
	return out, nil
}
