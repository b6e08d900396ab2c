package search

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/search"

	"coder/qda"
)

// docText is a hit's document with what reads its text, made once per
// document per search however many hits it has.
type docText struct {
	*qda.Document
	in DocInput
}

// slice returns the text of one span of the document: only that piece is
// read when the search was given Options.Text.
func (d *docText) slice(sp qda.Span) (string, error) {
	t, err := d.in.texts([]qda.Span{sp})
	if err != nil {
		return "", fmt.Errorf("search: reading the text of %q: %w", d.Name, err)
	}
	return t[0], nil
}

// makeHit reads one bleve hit back into a Hit: its unit from the ID, its text
// from the document (or the stored memo), its matches found again in that
// text and converted from bytes to runes.
func makeHit(h *search.DocumentMatch, ms []matcher, lookup func(qda.ID) (*docText, error), snippets bool) (Hit, error) {
	kind, owner, n, ok := parseUnitID(h.ID)
	if !ok {
		return Hit{}, needsRebuild("", fmt.Sprintf("the search index holds an entry %q Coder does not recognise", h.ID), nil)
	}
	hit := Hit{PassageIndex: -1, snippets: snippets, Cases: strs(h.Fields[fCase]), Codes: strs(h.Fields[fCode])}
	hit.Case = strings.Join(hit.Cases, "; ")
	if hit.Codes == nil {
		hit.Codes = []string{}
	}
	switch kind {
	case unitPassage:
		hit.Unit = Passages
		d, err := lookup(owner)
		if err != nil {
			return Hit{}, fmt.Errorf("search: reading a hit's document %s: %w", owner, err)
		}
		ps := passagesOf(d.Document)
		if n < 0 || n >= len(ps) {
			return Hit{}, stale(d.Name)
		}
		p := ps[n]
		hit.DocumentID, hit.Document, hit.Speaker, hit.Passage, hit.PassageIndex = d.ID, d.Name, p.Speaker, p.Span, n
		text, err := d.slice(p.Span)
		if err != nil {
			return Hit{}, err
		}
		hit.fill(text, p.Span.Start, ms)
	case unitSegment:
		hit.Unit, hit.ID = Segments, owner
		hit.DocumentID = qda.ID(str(h.Fields[fDoc]))
		hit.Coder = str(h.Fields[fCoder])
		d, err := lookup(hit.DocumentID)
		if err != nil {
			return Hit{}, fmt.Errorf("search: reading a hit's document %s: %w", hit.DocumentID, err)
		}
		sp, err := qda.ParseSpan(str(h.Fields[fSpan]))
		if err != nil || sp.End > d.Chars && d.Chars > 0 {
			return Hit{}, stale(d.Name)
		}
		hit.Document, hit.Passage = d.Name, sp
		if i := d.PassageAt(sp.Start); i >= 0 {
			hit.Speaker = d.Passages[i].Speaker
		}
		text, err := d.slice(sp)
		if err != nil {
			return Hit{}, err
		}
		hit.fill(text, sp.Start, ms)
		if len(hit.Matches) == 0 {
			// The match was in the coding's note: show the note instead.
			if note := str(h.Fields[fBody]); note != "" {
				hit.fill(note, 0, ms)
				hit.Matches = nil
			}
		}
	case unitMemo:
		hit.Unit, hit.ID = Memos, owner
		hit.Title, hit.Coder = str(h.Fields[fTitle]), str(h.Fields[fCoder])
		hit.Document = str(h.Fields[fTargetName])
		if qda.TargetKind(str(h.Fields[fOn])) == qda.OnDocument {
			hit.DocumentID = qda.ID(str(h.Fields[fTarget]))
		}
		body := str(h.Fields[fBody])
		hit.Passage = qda.Span{Start: 0, End: utf8.RuneCountInString(body)}
		hit.fill(body, 0, ms)
		if len(hit.Matches) == 0 && hit.Title != "" {
			hit.fill(hit.Title, 0, ms)
			hit.Matches = nil
		}
	default:
		return Hit{}, needsRebuild("", fmt.Sprintf("the search index holds an entry %q Coder does not recognise", h.ID), nil)
	}
	if hit.Matches == nil {
		hit.Matches = []qda.Span{}
	}
	return hit, nil
}

func stale(doc string) error {
	return needsRebuild("", fmt.Sprintf("the search index is out of step with document %q", doc), nil)
}

// fill finds the matches in text, which starts at rune offset base of the
// unit, and sets Matches, Excerpt and Snippet.
func (h *Hit) fill(text string, base int, ms []matcher) {
	runes := runeSpans(text, findMatches(text, ms))
	h.Matches = make([]qda.Span, len(runes))
	for i, r := range runes {
		h.Matches[i] = qda.Span{Start: base + r.Start, End: base + r.End}
	}
	if !h.snippets {
		return
	}
	h.Excerpt = excerpt(text, runes)
	h.Excerpt.Start += base
	h.Snippet = h.Excerpt.Marked()
}

// runeSpans converts sorted byte spans in text to rune spans, in one pass.
func runeSpans(text string, bs []span) []qda.Span {
	out := make([]qda.Span, len(bs))
	// Each span needs two conversions; walk once through the text, answering
	// the offsets in increasing order.
	offs := make([]int, 0, 2*len(bs))
	for _, b := range bs {
		offs = append(offs, b.start, b.end)
	}
	runesAt := make(map[int]int, len(offs))
	r, b := 0, 0
	for _, want := range sortedUnique(offs) {
		for b < want && b < len(text) {
			_, n := utf8.DecodeRuneInString(text[b:])
			b += n
			r++
		}
		runesAt[want] = r
	}
	for i, s := range bs {
		out[i] = qda.Span{Start: runesAt[s.start], End: runesAt[s.end]}
	}
	return out
}

func sortedUnique(xs []int) []int {
	// Spans arrive sorted and disjoint, so offsets are already ascending.
	out := xs[:0:0]
	for _, x := range xs {
		if len(out) == 0 || x > out[len(out)-1] {
			out = append(out, x)
		}
	}
	return out
}

// str and strs read stored fields, which bleve returns as a string for one
// value and a slice for several.
func str(v interface{}) string {
	switch v := v.(type) {
	case string:
		return v
	case []interface{}:
		if len(v) > 0 {
			s, _ := v[0].(string)
			return s
		}
	}
	return ""
}

func strs(v interface{}) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []interface{}:
		out := make([]string, 0, len(v))
		for _, x := range v {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}
