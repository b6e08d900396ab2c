package analysis

// Agreement between coders is measured at the character level: over the
// documents every compared coder has coded, each character is a unit, and
// each coder either coded it with a code C or did not. From that come
// percent agreement, Cohen's kappa (two coders) and Krippendorff's nominal
// alpha (two or more). Characters are counted per stretch of text with the
// same coders covering it, never one by one, so long documents cost no more
// than their codings.

import (
	"fmt"
	"math"
	"slices"
	"sort"

	"coder/qda"
)

// AgreeOptions choose what Agree compares.
type AgreeOptions struct {
	// Coders are the coders compared: two or more. Kappa, and the A and B
	// of the disagreements, are the first two.
	Coders []qda.ID
	// Codes are the codes reported, each with the codes below it. None:
	// every code any of the coders applied in the compared documents, and
	// the codes above them.
	Codes []qda.ID
	// Documents narrows the compared documents to these. Either way only
	// documents that every coder has coded are compared.
	Documents []qda.ID
}

// Stat is one agreement measure set. A measure that is undefined (kappa
// when chance agreement is already perfect, kappa with more than two
// coders, anything over no characters) is NaN.
type Stat struct {
	Percent float64 // share of characters on which all coders agree, 0..100
	Kappa   float64 // Cohen's kappa of the first two coders
	Alpha   float64 // Krippendorff's alpha, nominal
}

// CodeAgreement is one code's row of the agreement table.
type CodeAgreement struct {
	Column
	Stat
	Chars     []int // characters each coder coded with the code (or one below it)
	CharsBoth int   // characters every coder coded with it
}

// Agreement is the agreement table between coders.
type Agreement struct {
	Coders    []qda.ID
	Documents []qda.ID // the documents compared, in snapshot order
	Chars     int      // their characters: the units of each code's row
	// Overall pools, code by code, every code the coders applied in these
	// documents (with Codes, those codes and the codes below them): each
	// character is a unit once per code, so no coding counts twice.
	Overall Stat
	Codes   []CodeAgreement // in codebook order
}

// Agree measures agreement between coders, per code and overall.
func (d *Data) Agree(opt AgreeOptions) (*Agreement, error) {
	if err := d.checkCoders(opt.Coders); err != nil {
		return nil, err
	}
	docs := d.agreeDocs(opt)
	a := &Agreement{Coders: opt.Coders}
	for _, di := range docs {
		a.Documents = append(a.Documents, d.s.Documents[di].ID)
		a.Chars += d.s.Documents[di].Chars
	}
	rows := d.agreeCodes(opt, docs)
	m := len(opt.Coders)
	for _, ci := range rows {
		c := d.codes[ci]
		row := CodeAgreement{Column: Column{Code: c.ID, Path: d.tree.Path(c.ID), Color: c.Color, Depth: d.depth[ci], Index: ci}}
		counts := maskCounts{}
		for _, di := range docs {
			d.coverage(di, opt.Coders, func(code int32) bool { return d.within(code, ci) }, counts)
		}
		counts[0] += a.Chars - counts.total()
		row.Stat = counts.stat(m)
		row.Chars = make([]int, m)
		all := uint64(1)<<m - 1
		for mask, n := range counts {
			for k := 0; k < m; k++ {
				if mask&(1<<k) != 0 {
					row.Chars[k] += n
				}
			}
			if mask == all {
				row.CharsBoth += n
			}
		}
		a.Codes = append(a.Codes, row)
	}
	pooled := maskCounts{}
	applied := d.appliedCodes(opt, docs)
	for _, ci := range applied {
		for _, di := range docs {
			d.coverage(di, opt.Coders, func(code int32) bool { return int(code) == ci }, pooled)
		}
	}
	pooled[0] += a.Chars*len(applied) - pooled.total()
	a.Overall = pooled.stat(m)
	return a, nil
}

// Disagreement is a stretch of text the first two coders coded differently:
// A and B are the codes each put on every character of it (of the codes
// compared), in codebook order, and they differ.
type Disagreement struct {
	Document qda.ID
	Span     qda.Span
	A, B     []Column
}

// Disagreements lists where the first two coders differ, document by
// document in text order, over the same documents Agree compares. With
// Codes, only those codes (each with the codes below it) are compared.
func (d *Data) Disagreements(opt AgreeOptions) ([]Disagreement, error) {
	if err := d.checkCoders(opt.Coders); err != nil {
		return nil, err
	}
	scope := d.codeScope(opt.Codes) // nil: every code
	var out []Disagreement
	for _, di := range d.agreeDocs(opt) {
		type event struct {
			pos   int32
			coder int
			code  int32
			delta int
		}
		var evs []event
		for _, c := range d.byDoc[di] {
			k := slices.Index(opt.Coders[:2], d.s.Codings[c.idx].Coder)
			if k < 0 || (scope != nil && !scope[c.code]) {
				continue
			}
			evs = append(evs, event{c.start, k, c.code, 1}, event{c.end, k, c.code, -1})
		}
		sort.Slice(evs, func(i, j int) bool { return evs[i].pos < evs[j].pos })
		cover := [2]map[int32]int{{}, {}}
		for i := 0; i < len(evs); {
			pos := evs[i].pos
			for ; i < len(evs) && evs[i].pos == pos; i++ {
				e := evs[i]
				cover[e.coder][e.code] += e.delta
				if cover[e.coder][e.code] == 0 {
					delete(cover[e.coder], e.code)
				}
			}
			if i == len(evs) {
				break
			}
			next := evs[i].pos
			a, b := d.codeSet(cover[0]), d.codeSet(cover[1])
			if sameInts(a, b) {
				continue
			}
			span := qda.Span{Start: int(pos), End: int(next)}
			if n := len(out); n > 0 && out[n-1].Document == d.s.Documents[di].ID && out[n-1].Span.End == span.Start &&
				sameColumns(out[n-1].A, a) && sameColumns(out[n-1].B, b) {
				out[n-1].Span.End = span.End
				continue
			}
			out = append(out, Disagreement{Document: d.s.Documents[di].ID, Span: span, A: d.indexColumns(a), B: d.indexColumns(b)})
		}
	}
	return out, nil
}

func (d *Data) checkCoders(coders []qda.ID) error {
	if len(coders) < 2 {
		return fmt.Errorf("agreement needs two or more coders, not %d", len(coders))
	}
	for i, c := range coders {
		if slices.Index(coders[:i], c) >= 0 {
			return fmt.Errorf("a coder is named twice: agreement compares different coders")
		}
	}
	return nil
}

// agreeDocs returns the documents compared: those every coder has coded
// (and among opt.Documents, when given), in snapshot order.
func (d *Data) agreeDocs(opt AgreeOptions) []int {
	want := map[qda.ID]bool{}
	for _, id := range opt.Documents {
		want[id] = true
	}
	var out []int
	for di, cs := range d.byDoc {
		if len(want) > 0 && !want[d.s.Documents[di].ID] {
			continue
		}
		seen := make([]bool, len(opt.Coders))
		n := 0
		for _, c := range cs {
			if k := slices.Index(opt.Coders, d.s.Codings[c.idx].Coder); k >= 0 && !seen[k] {
				seen[k] = true
				n++
			}
		}
		if n == len(opt.Coders) {
			out = append(out, di)
		}
	}
	return out
}

// agreeCodes returns the code indices reported, in codebook order.
func (d *Data) agreeCodes(opt AgreeOptions, docs []int) []int {
	keep := make([]bool, len(d.codes))
	if len(opt.Codes) > 0 {
		for _, id := range opt.Codes {
			if ci, ok := d.codeIx[id]; ok {
				keep[ci] = true
			}
		}
	} else {
		for _, di := range docs {
			for _, c := range d.byDoc[di] {
				if slices.Index(opt.Coders, d.s.Codings[c.idx].Coder) >= 0 {
					for _, a := range d.anc[c.code] {
						keep[a] = true
					}
				}
			}
		}
	}
	var out []int
	for ci, k := range keep {
		if k {
			out = append(out, ci)
		}
	}
	return out
}

// appliedCodes returns the code indices any of the coders applied in docs,
// within opt.Codes and the codes below them when given, in codebook order.
func (d *Data) appliedCodes(opt AgreeOptions, docs []int) []int {
	scope := d.codeScope(opt.Codes)
	used := make([]bool, len(d.codes))
	for _, di := range docs {
		for _, c := range d.byDoc[di] {
			if slices.Contains(opt.Coders, d.s.Codings[c.idx].Coder) && (scope == nil || scope[c.code]) {
				used[c.code] = true
			}
		}
	}
	var out []int
	for ci, u := range used {
		if u {
			out = append(out, ci)
		}
	}
	return out
}

// within reports whether code index code is ci or below it.
func (d *Data) within(code int32, ci int) bool {
	for _, a := range d.anc[code] {
		if int(a) == ci {
			return true
		}
	}
	return false
}

// coverage adds to counts, for document di, how many characters each set
// of coders (a bit per coder) covers with codings whose code passes use.
// Characters no coder covers are not added.
func (d *Data) coverage(di int, coders []qda.ID, use func(code int32) bool, counts maskCounts) {
	d.sweep(di, coders, use, func(start, end int32, mask uint64) { counts[mask] += int(end - start) })
}

// sweep calls fn, in text order, for each stretch of document di that some
// of the coders cover with codings whose code passes use, with the set of
// coders covering it (a bit per coder).
func (d *Data) sweep(di int, coders []qda.ID, use func(code int32) bool, fn func(start, end int32, mask uint64)) {
	type event struct {
		pos   int32
		coder int
		delta int
	}
	var evs []event
	for _, c := range d.byDoc[di] {
		k := slices.Index(coders, d.s.Codings[c.idx].Coder)
		if k < 0 || !use(c.code) {
			continue
		}
		evs = append(evs, event{c.start, k, 1}, event{c.end, k, -1})
	}
	sort.Slice(evs, func(i, j int) bool { return evs[i].pos < evs[j].pos })
	cover := make([]int, len(coders))
	var mask uint64
	for i := 0; i < len(evs); {
		pos := evs[i].pos
		for ; i < len(evs) && evs[i].pos == pos; i++ {
			cover[evs[i].coder] += evs[i].delta
			if cover[evs[i].coder] > 0 {
				mask |= 1 << evs[i].coder
			} else {
				mask &^= 1 << evs[i].coder
			}
		}
		if i < len(evs) && mask != 0 {
			fn(pos, evs[i].pos, mask)
		}
	}
}

// Agreed is where all the compared coders put one code in one document.
type Agreed struct {
	Document qda.ID
	Code     qda.ID
	Spans    []qda.Span // in text order, not touching
}

// Agreed lists, over the documents Agree compares, the stretches every
// coder coded with the same code (each code by itself; with Codes, only
// those codes and the codes below them): what a consensus starts from.
func (d *Data) Agreed(opt AgreeOptions) ([]Agreed, error) {
	if err := d.checkCoders(opt.Coders); err != nil {
		return nil, err
	}
	scope := d.codeScope(opt.Codes)
	all := uint64(1)<<len(opt.Coders) - 1
	var out []Agreed
	for _, di := range d.agreeDocs(opt) {
		for ci := range d.codes {
			if scope != nil && !scope[ci] {
				continue
			}
			a := Agreed{Document: d.s.Documents[di].ID, Code: d.codes[ci].ID}
			d.sweep(di, opt.Coders, func(code int32) bool { return int(code) == ci }, func(start, end int32, mask uint64) {
				if mask != all {
					return
				}
				if n := len(a.Spans); n > 0 && a.Spans[n-1].End == int(start) {
					a.Spans[n-1].End = int(end)
					return
				}
				a.Spans = append(a.Spans, qda.Span{Start: int(start), End: int(end)})
			})
			if len(a.Spans) > 0 {
				out = append(out, a)
			}
		}
	}
	return out, nil
}

// codeScope marks the codes given and the codes below them (nil: none
// given, every code).
func (d *Data) codeScope(codes []qda.ID) []bool {
	if len(codes) == 0 {
		return nil
	}
	scope := make([]bool, len(d.codes))
	for _, id := range codes {
		if ci, ok := d.codeIx[id]; ok {
			for i := range d.codes {
				scope[i] = scope[i] || d.within(int32(i), ci)
			}
		}
	}
	return scope
}

// maskCounts counts units (characters) by the set of coders who coded
// them, a bit per coder; key 0 is the units nobody coded.
type maskCounts map[uint64]int

func (mc maskCounts) total() int {
	n := 0
	for _, c := range mc {
		n += c
	}
	return n
}

// stat computes the measures for m coders from the counts.
func (mc maskCounts) stat(m int) Stat {
	s := Stat{Percent: math.NaN(), Kappa: math.NaN(), Alpha: math.NaN()}
	n := mc.total()
	if n == 0 {
		return s
	}
	all := uint64(1)<<m - 1
	s.Percent = 100 * float64(mc[0]+mc[all]) / float64(n)
	if m == 2 {
		s.Kappa = CohenKappa([2][2]float64{
			{float64(mc[3]), float64(mc[1])},
			{float64(mc[2]), float64(mc[0])},
		})
	}
	var co Coincidences
	for mask, c := range mc {
		ones := 0
		for k := 0; k < m; k++ {
			if mask&(1<<k) != 0 {
				ones++
			}
		}
		co.AddUnit(map[int]int{1: ones, 0: m - ones}, float64(c))
	}
	s.Alpha = co.Alpha()
	return s
}

// CohenKappa is Cohen's kappa of a 2×2 table: t[i][j] counts the units
// the first coder put in category i and the second in category j.
func CohenKappa(t [2][2]float64) float64 {
	n := t[0][0] + t[0][1] + t[1][0] + t[1][1]
	if n == 0 {
		return math.NaN()
	}
	po := (t[0][0] + t[1][1]) / n
	pe := ((t[0][0]+t[0][1])*(t[0][0]+t[1][0]) + (t[1][0]+t[1][1])*(t[0][1]+t[1][1])) / (n * n)
	if pe >= 1 {
		return math.NaN()
	}
	return (po - pe) / (1 - pe)
}

// Coincidences is Krippendorff's coincidence matrix for nominal values:
// every unit coded by m ≥ 2 coders adds each ordered pair of its values
// from different coders, weighted 1/(m−1).
type Coincidences struct {
	o map[[2]int]float64
}

// AddUnit adds a unit (or weight identical units) whose values are counted
// in values (value -> how many coders gave it). Units with fewer than two
// values are not pairable and add nothing.
func (c *Coincidences) AddUnit(values map[int]int, weight float64) {
	m := 0
	for _, n := range values {
		m += n
	}
	if m < 2 || weight == 0 {
		return
	}
	if c.o == nil {
		c.o = map[[2]int]float64{}
	}
	for v, nv := range values {
		for w, nw := range values {
			pairs := float64(nv * nw)
			if v == w {
				pairs = float64(nv * (nv - 1))
			}
			if pairs > 0 {
				c.o[[2]int{v, w}] += weight * pairs / float64(m-1)
			}
		}
	}
}

// Alpha is Krippendorff's alpha for nominal data: 1 − (n−1)·Σo(c≠k) /
// Σn_c·n_k(c≠k). NaN when the values do not vary (no expected
// disagreement) or nothing was pairable.
func (c *Coincidences) Alpha() float64 {
	nc := map[int]float64{}
	n, observed := 0.0, 0.0
	for k, o := range c.o {
		nc[k[0]] += o
		n += o
		if k[0] != k[1] {
			observed += o
		}
	}
	expected := 0.0
	for v, a := range nc {
		for w, b := range nc {
			if v != w {
				expected += a * b
			}
		}
	}
	if expected == 0 {
		return math.NaN()
	}
	return 1 - (n-1)*observed/expected
}

// codeSet lists the code indices covered (count > 0), sorted.
func (d *Data) codeSet(cover map[int32]int) []int {
	out := make([]int, 0, len(cover))
	for ci := range cover {
		out = append(out, int(ci))
	}
	sort.Ints(out)
	return out
}

func (d *Data) indexColumns(idx []int) []Column {
	out := make([]Column, 0, len(idx))
	for _, ci := range idx {
		c := d.codes[ci]
		out = append(out, Column{Code: c.ID, Path: d.tree.Path(c.ID), Color: c.Color, Depth: d.depth[ci], Index: ci})
	}
	return out
}

func sameInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func sameColumns(cols []Column, idx []int) bool {
	if len(cols) != len(idx) {
		return false
	}
	for i := range cols {
		if cols[i].Index != idx[i] {
			return false
		}
	}
	return true
}
