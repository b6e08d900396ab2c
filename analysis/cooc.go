package analysis

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"coder/qda"
)

// Unit is what counts as two codes occurring together.
type Unit struct {
	Kind string // "overlap", "passage" or "near"
	N    int    // the distance in characters, for "near"
}

// ParseUnit reads overlap, passage or near:N.
func ParseUnit(s string) (Unit, error) {
	low := strings.ToLower(strings.TrimSpace(s))
	switch {
	case low == "" || low == "overlap":
		return Unit{Kind: "overlap"}, nil
	case low == "passage":
		return Unit{Kind: "passage"}, nil
	case strings.HasPrefix(low, "near:"):
		n, err := strconv.Atoi(strings.TrimSpace(low[5:]))
		if err == nil && n >= 0 {
			return Unit{Kind: "near", N: n}, nil
		}
	}
	return Unit{}, fmt.Errorf("%q is not a co-occurrence unit (use overlap, passage or near:N with N ≥ 0 characters)", s)
}

// String is the unit as ParseUnit reads it.
func (u Unit) String() string {
	if u.Kind == "near" {
		return "near:" + strconv.Itoa(u.N)
	}
	return u.Kind
}

// Cooc is a code co-occurrence table.
//
//   - overlap: Counts[i][j] is the number of unordered pairs of codings, one
//     of each code, in the same document, sharing at least one character;
//     the diagonal is each code's number of codings.
//   - passage: the number of passages holding a coding of each code (a
//     coding that spans passages is in each of them); the diagonal is the
//     passages holding the code.
//   - near:N: pairs of codings, one of each code, at most N characters apart
//     (overlapping pairs included); the diagonal is the codings.
//
// C[i][j] is the c-coefficient n12/(n1+n2−n12), nil where the denominator is
// not positive.
type Cooc struct {
	Unit   Unit
	Rollup bool
	Codes  []Column
	Counts [][]int
	C      [][]*float64
	d      *Data
	colsOf [][]int32
}

// Evidence is what stands behind one co-occurrence: two codings (overlap,
// near) or a passage and the codings of both codes in it.
type Evidence struct {
	Document qda.ID
	Span     qda.Span // the passage, or from the first coding's start to the last one's end
	Overlap  qda.Span // the characters both codes cover; empty when they do not meet
	Codings  []qda.ID // the codings of the row's code first, then the column's
}

// Cooccurrence computes the co-occurrence of codes (all codes when empty)
// with the given unit. With rollup a code stands for itself and the codes
// below it.
func (d *Data) Cooccurrence(codes []qda.ID, unit Unit, rollup bool) *Cooc {
	cols := d.columns(codes)
	n := len(cols)
	t := &Cooc{Unit: unit, Rollup: rollup, Codes: cols, Counts: make([][]int, n), C: make([][]*float64, n), d: d, colsOf: d.colsOf(cols, rollup)}
	flat := make([]int, n*n)
	for i := range t.Counts {
		t.Counts[i] = flat[i*n : (i+1)*n]
		t.C[i] = make([]*float64, n)
	}
	t.walk(func(x, y int32, _ *visit) {
		t.Counts[x][y]++
		if x != y {
			t.Counts[y][x]++
		}
	})
	for i := range n {
		for j := range n {
			n12 := t.Counts[i][j]
			if den := t.Counts[i][i] + t.Counts[j][j] - n12; den > 0 {
				c := float64(n12) / float64(den)
				t.C[i][j] = &c
			}
		}
	}
	return t
}

// visit is one co-occurrence as the walk finds it.
type visit struct {
	doc     int
	a, b    coding   // for pairs
	passage qda.Span // for the passage unit
	in      []coding // the codings in the passage
}

// walk calls fn once per co-occurrence of columns x ≤ y, the unit's rule
// in one place: Cooccurrence counts the calls, Evidence keeps one cell's.
// Diagonal calls (x == y) are one per coding, or per passage holding the code.
func (t *Cooc) walk(fn func(x, y int32, v *visit)) {
	d := t.d
	var v visit
	var pairs [][2]int32
	mark := make([]int, len(t.Codes)) // stamp: passage number
	stamp := 0
	for di, cs := range d.byDoc {
		v.doc = di
		if t.Unit.Kind == "passage" {
			passages := d.s.Documents[di].Passages
			if len(passages) == 0 {
				passages = []qda.Span{{Start: 0, End: d.s.Documents[di].Chars}}
			}
			first := 0 // codings before this one end before the current passage
			for _, p := range passages {
				for first < len(cs) && int(cs[first].start) < p.Start && int(cs[first].end) <= p.Start {
					first++
				}
				stamp++
				var present []int32
				v.in = v.in[:0]
				for k := first; k < len(cs) && int(cs[k].start) < p.End; k++ {
					c := cs[k]
					if int(c.end) <= p.Start {
						continue
					}
					v.in = append(v.in, c)
					for _, x := range t.colsOf[c.code] {
						if mark[x] != stamp {
							mark[x] = stamp
							present = append(present, x)
						}
					}
				}
				if len(present) == 0 {
					continue
				}
				v.passage = p
				for i, x := range present {
					for _, y := range present[i:] {
						if x <= y {
							fn(x, y, &v)
						} else {
							fn(y, x, &v)
						}
					}
				}
			}
			continue
		}
		near := int32(0)
		if t.Unit.Kind == "near" {
			near = int32(t.Unit.N)
		}
		for i, a := range cs {
			ca := t.colsOf[a.code]
			if len(ca) == 0 {
				continue
			}
			v.a = a
			for _, x := range ca {
				fn(x, x, &v)
			}
			for _, b := range cs[i+1:] {
				// b starts at or after a; overlap needs b to start inside a,
				// near:N within N characters of a's end.
				if t.Unit.Kind == "near" {
					if b.start-a.end > near {
						break
					}
				} else if b.start >= a.end {
					break
				}
				cb := t.colsOf[b.code]
				if len(cb) == 0 {
					continue
				}
				v.b = b
				// One call per unordered pair of columns the two codings
				// stand for, however many ways round they do.
				pairs = pairs[:0]
				for _, x := range ca {
					for _, y := range cb {
						if x == y {
							continue
						}
						p := [2]int32{min(x, y), max(x, y)}
						dup := false
						for _, q := range pairs {
							dup = dup || q == p
						}
						if !dup {
							pairs = append(pairs, p)
							fn(p[0], p[1], &v)
						}
					}
				}
			}
		}
	}
}

// Evidence lists what stands behind cell (i, j), in document and text order.
func (t *Cooc) Evidence(i, j int) []Evidence {
	d := t.d
	x, y := int32(min(i, j)), int32(max(i, j))
	var out []Evidence
	has := func(c coding, col int32) bool {
		for _, z := range t.colsOf[c.code] {
			if z == col {
				return true
			}
		}
		return false
	}
	t.walk(func(a, b int32, v *visit) {
		if a != x || b != y {
			return
		}
		doc := d.s.Documents[v.doc].ID
		if t.Unit.Kind == "passage" {
			e := Evidence{Document: doc, Span: v.passage}
			var first, second []qda.ID
			var sa, sb []qda.Span
			for _, c := range v.in {
				sp := qda.Span{Start: int(c.start), End: int(c.end)}
				if has(c, int32(i)) {
					first = append(first, d.s.Codings[c.idx].ID)
					sa = append(sa, sp)
				} else if has(c, int32(j)) {
					second = append(second, d.s.Codings[c.idx].ID)
					sb = append(sb, sp)
				}
			}
			e.Codings = append(first, second...)
			e.Overlap = firstOverlap(sa, sb, v.passage)
			out = append(out, e)
			return
		}
		sa := qda.Span{Start: int(v.a.start), End: int(v.a.end)}
		if a == b {
			out = append(out, Evidence{Document: doc, Span: sa, Overlap: sa, Codings: []qda.ID{d.s.Codings[v.a.idx].ID}})
			return
		}
		sb := qda.Span{Start: int(v.b.start), End: int(v.b.end)}
		ids := []qda.ID{d.s.Codings[v.a.idx].ID, d.s.Codings[v.b.idx].ID}
		if !has(v.a, int32(i)) || !has(v.b, int32(j)) {
			ids[0], ids[1] = ids[1], ids[0]
		}
		out = append(out, Evidence{Document: doc, Span: qda.Span{Start: min(sa.Start, sb.Start), End: max(sa.End, sb.End)}, Overlap: sa.Intersect(sb), Codings: ids})
	})
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].Document != out[b].Document {
			return d.docIx[out[a].Document] < d.docIx[out[b].Document]
		}
		return out[a].Span.Start < out[b].Span.Start
	})
	return out
}

// firstOverlap returns the first stretch, inside the passage, that a span of
// each side covers; empty when they do not meet.
func firstOverlap(a, b []qda.Span, in qda.Span) qda.Span {
	for _, x := range a {
		for _, y := range b {
			if o := x.Intersect(y).Intersect(in); !o.Empty() {
				return o
			}
		}
	}
	return qda.Span{}
}
