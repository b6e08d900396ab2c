package analysis

// The tables (frequencies, co-occurrence, the framework matrix, coding
// queries) are computed from a Snapshot of the project: documents with their
// passages, codings, the codebook, cases and attribute values. Package
// project gathers it in one read transaction. Every number comes with a way
// back to the codings behind it.

import (
	"sort"

	"coder/codebook"
	"coder/qda"
)

// Document is what analysis needs of a document: no text, only its length
// and passage spans.
type Document struct {
	ID       qda.ID
	Name     string
	Chars    int
	Passages []qda.Span // in text order; none means the whole text is one passage
}

// Snapshot is a read-only copy of the project data the tables are computed
// from.
type Snapshot struct {
	Codes     []qda.Code
	Documents []Document
	Codings   []qda.Coding
	Cases     []qda.Case
	Variables []qda.Variable
	Values    []qda.Value
}

// coding is one coding as the computations walk it: indices instead of IDs.
type coding struct {
	start, end int32
	code       int32 // index into Data.codes
	doc        int32 // index into Snapshot.Documents
	idx        int32 // index into Snapshot.Codings
}

// Data is a Snapshot indexed for analysis. Build it once with New and ask it
// for as many tables as needed, from any number of goroutines: nothing
// changes it after New.
type Data struct {
	s      Snapshot
	tree   *codebook.Tree
	codes  []*qda.Code    // every code, in codebook (depth-first) order
	depth  []int          // depth of each code, 0 at the top
	codeIx map[qda.ID]int // code ID -> index into codes
	anc    [][]int32      // each code's index and its ancestors' indices
	docIx  map[qda.ID]int // document ID -> index into s.Documents
	byDoc  [][]coding     // each document's codings, by start then end
	cases  [][]int        // each document's cases (indices into s.Cases)
	caseIx map[qda.ID]int // case ID -> index into s.Cases
	docOf  []int32        // each coding's document index (-1: left out)
}

// New indexes a snapshot. Codings on unknown documents or codes, and empty
// spans, are left out: they cannot be shown, so they are not counted.
func New(s Snapshot) *Data {
	d := &Data{s: s, tree: codebook.NewTree(s.Codes), codeIx: map[qda.ID]int{}, docIx: map[qda.ID]int{}, caseIx: map[qda.ID]int{}}
	d.tree.Walk(func(c *qda.Code, depth int) {
		d.tree.Path(c.ID) // the tree caches paths: after New it is only read
		d.codeIx[c.ID] = len(d.codes)
		d.codes = append(d.codes, c)
		d.depth = append(d.depth, depth)
	})
	d.anc = make([][]int32, len(d.codes))
	for i, c := range d.codes {
		a := []int32{int32(i)}
		seen := map[qda.ID]bool{c.ID: true}
		for p := c.Parent; p != "" && !seen[p]; {
			seen[p] = true
			j, ok := d.codeIx[p]
			if !ok {
				break
			}
			a = append(a, int32(j))
			p = d.codes[j].Parent
		}
		d.anc[i] = a
	}
	for i, doc := range s.Documents {
		d.docIx[doc.ID] = i
	}
	d.byDoc = make([][]coding, len(s.Documents))
	d.docOf = make([]int32, len(s.Codings))
	for i, c := range s.Codings {
		di, ok := d.docIx[c.Document]
		ci, ok2 := d.codeIx[c.Code]
		d.docOf[i] = -1
		if !ok || !ok2 || c.Span.Empty() {
			continue
		}
		d.docOf[i] = int32(di)
		d.byDoc[di] = append(d.byDoc[di], coding{int32(c.Span.Start), int32(c.Span.End), int32(ci), int32(di), int32(i)})
	}
	for _, cs := range d.byDoc {
		sort.Slice(cs, func(i, j int) bool {
			if cs[i].start != cs[j].start {
				return cs[i].start < cs[j].start
			}
			if cs[i].end != cs[j].end {
				return cs[i].end < cs[j].end
			}
			return cs[i].idx < cs[j].idx
		})
	}
	d.cases = make([][]int, len(s.Documents))
	for ci, c := range s.Cases {
		d.caseIx[c.ID] = ci
		seen := map[int]bool{}
		for _, id := range c.Documents {
			if di, ok := d.docIx[id]; ok && !seen[di] {
				seen[di] = true
				d.cases[di] = append(d.cases[di], ci)
			}
		}
	}
	return d
}

// Tree returns the codebook the data was indexed with.
func (d *Data) Tree() *codebook.Tree { return d.tree }

// Coding returns the coding with index i in the snapshot.
func (d *Data) Coding(i int) qda.Coding { return d.s.Codings[i] }

// Snapshot returns what the data was built from.
func (d *Data) Snapshot() *Snapshot { return &d.s }

// Column is one code as a table column (or a frequency row).
type Column struct {
	Code  qda.ID
	Path  string
	Color string
	Depth int
	Index int // index into the codebook order
}

// columns resolves codes (all codes, in codebook order, when empty).
func (d *Data) columns(codes []qda.ID) []Column {
	var out []Column
	add := func(i int) {
		c := d.codes[i]
		out = append(out, Column{Code: c.ID, Path: d.tree.Path(c.ID), Color: c.Color, Depth: d.depth[i], Index: i})
	}
	if len(codes) == 0 {
		for i := range d.codes {
			add(i)
		}
		return out
	}
	for _, id := range codes {
		if i, ok := d.codeIx[id]; ok {
			add(i)
		}
	}
	return out
}

// colsOf maps each code index to the columns a coding of it counts in: its
// own column, and with rollup the columns of the codes above it.
func (d *Data) colsOf(cols []Column, rollup bool) [][]int32 {
	at := make([]int32, len(d.codes))
	for i := range at {
		at[i] = -1
	}
	for j, c := range cols {
		at[c.Index] = int32(j)
	}
	out := make([][]int32, len(d.codes))
	for i := range d.codes {
		anc := d.anc[i][:1]
		if rollup {
			anc = d.anc[i]
		}
		for _, a := range anc {
			if j := at[a]; j >= 0 {
				out[i] = append(out[i], j)
			}
		}
	}
	return out
}

// ids turns coding indices into coding IDs.
func (d *Data) ids(idx []int32) []qda.ID {
	out := make([]qda.ID, len(idx))
	for i, x := range idx {
		out[i] = d.s.Codings[x].ID
	}
	return out
}
