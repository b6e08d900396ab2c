package exchange

import (
	"sort"
	"strings"
	"time"

	"coder/codebook"
	"coder/qda"
)

// Filter selects the coded material an export includes: the same filter,
// with the same rule, as Retrieve and `coder codings` (see qda.Filter).
type Filter = qda.Filter

// Excerpt is one coded passage with everything a reader of an export needs
// to place it: the row of a spreadsheet, a quote in a report.
type Excerpt struct {
	Coding     qda.ID
	Code       qda.ID
	CodePath   string // "Political logic/Mobilisation"
	Color      string // the code's #RRGGBB
	Document   string // the document's name
	DocumentID qda.ID
	Kind       qda.Kind
	Cases      []string          // names of the cases holding the document, sorted
	Attributes map[string]string // variable name -> value, from the document and its cases
	Coder      string            // the coder's name
	Created    time.Time
	Span       qda.Span
	FirstLine  int // line of the document the excerpt starts on, from 1
	LastLine   int // line it ends on
	Text       string
	Memo       string // the coding's memo and memos written on the coding
}

// Excerpts returns the codings f selects as excerpts, in codebook order, then
// by document name and position.
func Excerpts(b *qda.Bundle, f Filter) []Excerpt {
	ix := newIndex(b)
	keep := f.On(b)
	var out []Excerpt
	for _, c := range b.Codings {
		d, ok := ix.docs[c.Document]
		if !ok || !keep.Coding(c) {
			continue
		}
		attrs := ix.attrs[c.Document]
		runes := ix.runes(d)
		e := Excerpt{
			Coding:     c.ID,
			Code:       c.Code,
			CodePath:   ix.tree.Path(c.Code),
			Document:   d.Name,
			DocumentID: d.ID,
			Kind:       d.Kind,
			Cases:      ix.caseNames(c.Document),
			Attributes: joinAttrs(attrs),
			Coder:      ix.coders[c.Coder],
			Created:    c.Created,
			Span:       c.Span,
			Text:       c.Span.Slice(runes),
			Memo:       ix.memo(c),
		}
		if code, ok := ix.tree.Code(c.Code); ok {
			e.Color = code.Color
		}
		e.FirstLine, e.LastLine = ix.lines(d, c.Span)
		out = append(out, e)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if oa, ob := ix.order[a.Code], ix.order[b.Code]; oa != ob {
			return oa < ob
		}
		if a.Document != b.Document {
			return a.Document < b.Document
		}
		if a.Span.Start != b.Span.Start {
			return a.Span.Start < b.Span.Start
		}
		if a.Span.End != b.Span.End {
			return a.Span.End < b.Span.End
		}
		return a.Coding < b.Coding
	})
	return out
}

// index holds the lookups every export needs, built once per export.
type index struct {
	b        *qda.Bundle
	tree     *codebook.Tree
	order    map[qda.ID]int // code -> position in tree order
	docs     map[qda.ID]*qda.Document
	coders   map[qda.ID]string
	cases    map[qda.ID][]*qda.Case         // document -> cases holding it
	attrs    map[qda.ID]map[string][]string // document -> its and its cases' values
	memos    map[qda.ID][]qda.Memo          // coding -> memos on it
	runeC    map[qda.ID][]rune
	newlines map[qda.ID][]int // document -> rune offsets of its line ends
}

func newIndex(b *qda.Bundle) *index {
	ix := &index{
		b:        b,
		tree:     codebook.NewTree(b.Codes),
		order:    map[qda.ID]int{},
		docs:     map[qda.ID]*qda.Document{},
		coders:   map[qda.ID]string{},
		cases:    map[qda.ID][]*qda.Case{},
		attrs:    qda.DocAttributes(b),
		memos:    map[qda.ID][]qda.Memo{},
		runeC:    map[qda.ID][]rune{},
		newlines: map[qda.ID][]int{},
	}
	n := 0
	ix.tree.Walk(func(c *qda.Code, _ int) { ix.order[c.ID] = n; n++ })
	for i := range b.Documents {
		ix.docs[b.Documents[i].ID] = &b.Documents[i]
	}
	for _, c := range b.Coders {
		ix.coders[c.ID] = c.Name
	}
	for i := range b.Cases {
		for _, d := range b.Cases[i].Documents {
			ix.cases[d] = append(ix.cases[d], &b.Cases[i])
		}
	}
	for _, m := range sortedMemos(b.Memos) {
		if m.On == qda.OnCoding {
			ix.memos[m.Target] = append(ix.memos[m.Target], m)
		}
	}
	return ix
}

func (ix *index) runes(d *qda.Document) []rune {
	r, ok := ix.runeC[d.ID]
	if !ok {
		r = []rune(d.Text)
		ix.runeC[d.ID] = r
		var nl []int
		for i, c := range r {
			if c == '\n' {
				nl = append(nl, i)
			}
		}
		ix.newlines[d.ID] = nl
	}
	return r
}

// lines returns the lines, from 1, on which s starts and ends.
func (ix *index) lines(d *qda.Document, s qda.Span) (int, int) {
	ix.runes(d)
	nl := ix.newlines[d.ID]
	line := func(off int) int { return sort.SearchInts(nl, off) + 1 }
	return line(s.Start), line(max(s.Start, s.End-1))
}

func (ix *index) caseNames(doc qda.ID) []string {
	var names []string
	for _, c := range ix.cases[doc] {
		names = append(names, c.Name)
	}
	sort.Strings(names)
	return names
}

func joinAttrs(attrs map[string][]string) map[string]string {
	out := make(map[string]string, len(attrs))
	for n, vs := range attrs {
		out[n] = strings.Join(vs, "; ")
	}
	return out
}

// memo joins the coding's own memo and the memos written on it.
func (ix *index) memo(c qda.Coding) string {
	var parts []string
	if strings.TrimSpace(c.Memo) != "" {
		parts = append(parts, strings.TrimSpace(c.Memo))
	}
	for _, m := range ix.memos[c.ID] {
		text := strings.TrimSpace(m.Text)
		if m.Title != "" {
			text = m.Title + ": " + text
		}
		parts = append(parts, text)
	}
	return strings.Join(parts, "\n\n")
}

// attributeNames lists every variable name the excerpts carry, sorted, for
// the columns of a table.
func attributeNames(ex []Excerpt) []string {
	seen := map[string]bool{}
	var names []string
	for _, e := range ex {
		for n := range e.Attributes {
			if !seen[n] {
				seen[n] = true
				names = append(names, n)
			}
		}
	}
	sort.Strings(names)
	return names
}

// codeGroup is the excerpts of one code, for reports grouped by code.
type codeGroup struct {
	Code        qda.ID
	Path        string
	Color       string
	Description string
	Anchor      string
	Excerpts    []Excerpt
}

// groupByCode splits excerpts (already in code order) into one group per code.
func groupByCode(b *qda.Bundle, ex []Excerpt) []codeGroup {
	t := codebook.NewTree(b.Codes)
	var out []codeGroup
	for _, e := range ex {
		if len(out) == 0 || out[len(out)-1].Code != e.Code {
			g := codeGroup{Code: e.Code, Path: e.CodePath, Color: e.Color, Anchor: "code-" + string(e.Code)}
			if c, ok := t.Code(e.Code); ok {
				g.Description = c.Description
			}
			if g.Path == "" {
				g.Path = "(unknown code)"
			}
			out = append(out, g)
		}
		out[len(out)-1].Excerpts = append(out[len(out)-1].Excerpts, e)
	}
	return out
}

// position describes where an excerpt sits, as a citation line shows it.
func (e Excerpt) position() string {
	lines := "line " + itoa(e.FirstLine)
	if e.LastLine != e.FirstLine {
		lines = "lines " + itoa(e.FirstLine) + "–" + itoa(e.LastLine)
	}
	return lines + " (characters " + itoa(e.Span.Start) + "–" + itoa(e.Span.End) + ")"
}
