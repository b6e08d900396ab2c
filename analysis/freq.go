package analysis

import "coder/qda"

// FreqRow is one code's frequencies.
type FreqRow struct {
	Column
	Codings   int   // codings of the code (and, rolled up, of the codes below it)
	Chars     int   // characters they cover, each character counted once
	Documents int   // documents holding at least one of them
	Cases     int   // cases holding at least one such document
	By        []int // codings per group of Freq.Groups
	codings   []int32
}

// Freq is a frequency table: a row per code, in codebook order.
type Freq struct {
	Rollup bool
	Groups []Group // the breakdown's rows; nil without a breakdown
	Rows   []FreqRow
	d      *Data
}

// Frequencies counts, per code, its codings, the characters they cover, the
// documents and the cases they are in, and the codings in each group of the
// breakdown dim (Dimension{} for none). With rollup a code counts the
// codings of the codes below it too.
func (d *Data) Frequencies(dim Dimension, rollup bool) (*Freq, error) {
	groups, err := d.Groups(dim)
	if err != nil {
		return nil, err
	}
	cols := d.columns(nil)
	f := &Freq{Rollup: rollup, Groups: groups, Rows: make([]FreqRow, len(cols)), d: d}
	colsOf := d.colsOf(cols, rollup)
	for i := range f.Rows {
		f.Rows[i].Column = cols[i]
		f.Rows[i].By = make([]int, len(groups))
	}
	// Walking documents in order, and each document's codings by start,
	// leaves every row's codings in document then text order.
	for _, cs := range d.byDoc {
		for _, c := range cs {
			for _, j := range colsOf[c.code] {
				f.Rows[j].codings = append(f.Rows[j].codings, c.idx)
			}
		}
	}
	dg := docGroups(groups, len(d.s.Documents))
	caseSeen := make([]int, len(d.s.Cases)) // stamp: row index + 1
	for i := range f.Rows {
		r := &f.Rows[i]
		r.Codings = len(r.codings)
		lastDoc, end := -1, 0
		for _, x := range r.codings {
			c := &d.s.Codings[x]
			di := int(d.docOf[x])
			if di != lastDoc {
				lastDoc, end = di, 0
				r.Documents++
				for _, ci := range d.cases[di] {
					if caseSeen[ci] != i+1 {
						caseSeen[ci] = i + 1
						r.Cases++
					}
				}
			}
			// Codings come by start, so the covered characters are the
			// union of intervals swept left to right.
			s := max(c.Span.Start, end)
			if c.Span.End > s {
				r.Chars += c.Span.End - s
				end = c.Span.End
			}
			for _, g := range dg[di] {
				r.By[g]++
			}
		}
	}
	return f, nil
}

// Codings returns the IDs of the codings behind row i, in document and text order.
func (f *Freq) Codings(i int) []qda.ID { return f.d.ids(f.Rows[i].codings) }

// CellCodings returns the IDs of the codings behind row i's count in group g.
func (f *Freq) CellCodings(i, g int) []qda.ID {
	in := map[int]bool{}
	for _, di := range f.Groups[g].docs {
		in[di] = true
	}
	var out []qda.ID
	for _, x := range f.Rows[i].codings {
		if in[int(f.d.docOf[x])] {
			out = append(out, f.d.s.Codings[x].ID)
		}
	}
	return out
}
