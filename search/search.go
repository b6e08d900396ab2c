package search

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"

	"coder/qda"
)

// Unit is a kind of thing a search can return.
type Unit string

// The units the index holds.
const (
	Passages Unit = "passage" // paragraphs and speaker turns of documents
	Segments Unit = "segment" // coded segments, with their coding notes
	Memos    Unit = "memo"    // memos, with their titles
)

// DocLookup returns a document with its Passages, and its Text unless
// Options.Text reads it. The index stores no text, so hits are read from the
// documents themselves; the store supplies them.
type DocLookup func(id qda.ID) (*qda.Document, error)

// Options shape a search.
type Options struct {
	Limit  int    // hits to return; 0 means 20
	Offset int    // hits to skip, for paging
	Units  []Unit // what to search; nil means passages only
	// Facets asks for hit counts per code, case and document over all hits,
	// not just the page returned. It costs a pass over every hit.
	Facets    bool
	FacetSize int       // most facet entries per kind; 0 means 200
	Docs      DocLookup // required: where hits find their documents
	// Text, when not nil, reads pieces of a document's text, and Docs need
	// not fill in Text: each hit then reads only its own passage (or coded
	// segment), not the whole document, which may be a hundred megabytes.
	Text func(d *qda.Document) SpanReader
	// SpansOnly skips snippets: for coding every hit, which needs spans only.
	SpansOnly bool
	// DocName names a document for the document facet without loading its
	// text; when nil, Docs is used.
	DocName func(id qda.ID) string
	// Documents, when not nil, keeps only units of these documents: how the
	// project applies its one coding filter (qda.Filter) to a search.
	Documents map[qda.ID]bool
}

// Result is the answer to a search. Marshalled as JSON it has exactly the
// shape `coder search --json` prints: {total, hits}.
type Result struct {
	Total  int           `json:"total"` // units matching, of which Hits is one page
	Hits   []Hit         `json:"hits"`
	Facets *Facets       `json:"-"` // set when Options.Facets was
	Took   time.Duration `json:"-"`
}

// Hit is one matching unit, with everything a hit list shows.
type Hit struct {
	Unit       Unit   `json:"-"`
	ID         qda.ID `json:"-"`        // the memo's or coding's ID; empty for passages
	DocumentID qda.ID `json:"-"`        // empty for memos not on a document
	Document   string `json:"document"` // the document's name (for a memo, what it is on)
	// Case names the document's cases, joined with "; " when there are several.
	Case    string   `json:"case"`
	Cases   []string `json:"-"`
	Speaker string   `json:"speaker"`
	// Passage is the rune span of the passage (or coded segment) in the
	// document; Passage.Start is 0 and End the text length for memos.
	Passage qda.Span `json:"passage"`
	// PassageIndex is the passage's index in Document.Passages, -1 for other units.
	PassageIndex int `json:"-"`
	// Matches are the rune spans of the query's terms in the document (in the
	// memo's text for memos), in order.
	Matches []qda.Span `json:"matches"`
	// Snippet is a piece of the text around the first match with every match
	// marked «like this»; Excerpt has the same piece unmarked, for a GUI.
	Snippet string   `json:"snippet"`
	Excerpt Excerpt  `json:"-"`
	Codes   []string `json:"codes"` // code paths applied to the passage (or the segment's code)
	Coder   string   `json:"-"`     // for segments and memos
	Title   string   `json:"-"`     // for memos

	snippets bool // whether fill makes the snippet
}

// Excerpt is a snippet as text plus the rune spans of its matches, so a GUI
// can render the marks its own way.
type Excerpt struct {
	Text  string
	Marks []qda.Span // rune offsets into Text
	// Start is the rune offset in the unit's text (the document, or the memo)
	// where Text begins.
	Start int

	cutBefore, cutAfter bool
}

// Facets count hits over the whole result, not one page.
type Facets struct {
	Codes     []Count // per code path; a hit counts under every code on its passage
	Cases     []Count // per case name
	Documents []Count // per document; Name is the document's name
	// Uncased counts hits in documents that belong to no case.
	Uncased int
}

// Count is one facet entry.
type Count struct {
	Name  string
	ID    qda.ID // documents only
	Count int
}

// ErrNoLookup is returned when Options.Docs is missing.
var ErrNoLookup = errors.New("search: Options.Docs is required to read hits")

// Search parses q and runs it. A syntax error is a *SyntaxError. Hits come in
// a stable order that is not a ranking; see Result.ByDocument and ByCase.
func (ix *Index) Search(ctx context.Context, q string, opt Options) (*Result, error) {
	pq, err := ParseQuery(q)
	if err != nil {
		return nil, err
	}
	return ix.SearchQuery(ctx, pq, opt)
}

// SearchQuery runs a parsed query.
func (ix *Index) SearchQuery(ctx context.Context, q *Query, opt Options) (*Result, error) {
	if opt.Docs == nil {
		return nil, ErrNoLookup
	}
	began := time.Now()
	units := []string{unitPassage}
	if len(opt.Units) > 0 {
		units = units[:0]
		for _, u := range opt.Units {
			switch u {
			case Passages:
				units = append(units, unitPassage)
			case Segments:
				units = append(units, unitSegment)
			case Memos:
				units = append(units, unitMemo)
			default:
				return nil, fmt.Errorf("search: unknown unit %q", u)
			}
		}
	}
	limit := opt.Limit
	if limit <= 0 {
		limit = 20
	}
	req := bleve.NewSearchRequestOptions(nil, limit, max(0, opt.Offset), false)
	req.Fields = []string{fDoc, fCase, fCode, fCoder, fSpan, fBody, fTitle, fOn, fTarget, fTargetName}
	// Hits are not ranked: a researcher reads all of them, grouped by case
	// and document, and skipping scores lets bleve intersect and join posting
	// bitmaps directly. Order is the index's own, stable between searches.
	// The second sort key only stops bleve from ending the scan early once
	// it has a page, which would leave Total short.
	req.Score = bleve.ScoreNone
	req.SortBy([]string{"-_score", "-_score"})
	if opt.Facets {
		size := opt.FacetSize
		if size <= 0 {
			size = 200
		}
		req.AddFacet(fCode, bleve.NewFacetRequest(fCode, size))
		req.AddFacet(fCase, bleve.NewFacetRequest(fCase, size))
		req.AddFacet(fDoc, bleve.NewFacetRequest(fDoc, size))
	}

	ix.mu.RLock()
	if ix.shards == nil {
		ix.mu.RUnlock()
		return nil, ErrClosed
	}
	bq, ms, err := compile(q, units, ix.shardsDictionary())
	if err != nil {
		ix.mu.RUnlock()
		return nil, fmt.Errorf("search index %s: %w", ix.dir, err)
	}
	if opt.Documents != nil {
		bq = inDocuments(bq, opt.Documents)
	}
	req.Query = bq
	res, err := ix.searchShards(ctx, req)
	ix.mu.RUnlock()
	if err != nil {
		return nil, fmt.Errorf("search index %s: %w", ix.dir, err)
	}

	out := &Result{Total: int(res.Total), Hits: make([]Hit, 0, len(res.Hits))}
	docs := map[qda.ID]*docText{}
	lookup := func(id qda.ID) (*docText, error) {
		if d, ok := docs[id]; ok {
			return d, nil
		}
		d, err := opt.Docs(id)
		if err != nil {
			return nil, err
		}
		dt := &docText{Document: d, in: DocInput{Doc: d}}
		if opt.Text != nil {
			dt.in.Spans = opt.Text(d)
		}
		docs[id] = dt
		return dt, nil
	}
	for _, h := range res.Hits {
		hit, err := makeHit(h, ms, lookup, !opt.SpansOnly)
		if err != nil {
			return nil, err
		}
		out.Hits = append(out.Hits, hit)
	}
	if opt.Facets {
		name := opt.DocName
		if name == nil {
			name = func(id qda.ID) string {
				if d, err := lookup(id); err == nil {
					return d.Name
				}
				return string(id)
			}
		}
		out.Facets = facetsOf(res.Facets, name)
	}
	out.Took = time.Since(began)
	return out, nil
}

func facetsOf(fr search.FacetResults, docName func(qda.ID) string) *Facets {
	f := &Facets{}
	count := func(name string) []Count {
		r, ok := fr[name]
		if !ok || r.Terms == nil {
			return nil
		}
		var out []Count
		for _, t := range r.Terms.Terms() {
			out = append(out, Count{Name: t.Term, Count: t.Count})
		}
		return out
	}
	f.Codes = count(fCode)
	f.Cases = count(fCase)
	if r, ok := fr[fCase]; ok {
		f.Uncased = r.Missing
	}
	f.Documents = count(fDoc)
	for i := range f.Documents {
		f.Documents[i].ID = qda.ID(f.Documents[i].Name)
		f.Documents[i].Name = docName(f.Documents[i].ID)
	}
	return f
}
