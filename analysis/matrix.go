package analysis

import "coder/qda"

// Matrix is a framework matrix: a row per case, document or attribute
// value, a column per code, and in each cell the codings of that code in
// the row's documents.
type Matrix struct {
	Dim    Dimension
	Rollup bool
	Rows   []Group
	Codes  []Column
	Counts [][]int
	cells  [][][]int32
	d      *Data
}

// Matrix builds the framework matrix of dim's rows against codes (all codes
// when empty). With rollup a code's cell holds the codings of the codes
// below it too. A document in two cases counts in both rows.
func (d *Data) Matrix(dim Dimension, codes []qda.ID, rollup bool) (*Matrix, error) {
	if dim.Kind == "" {
		dim.Kind = "case"
	}
	rows, err := d.Groups(dim)
	if err != nil {
		return nil, err
	}
	cols := d.columns(codes)
	m := &Matrix{Dim: dim, Rollup: rollup, Rows: rows, Codes: cols, Counts: make([][]int, len(rows)), cells: make([][][]int32, len(rows)), d: d}
	for r := range rows {
		m.Counts[r] = make([]int, len(cols))
		m.cells[r] = make([][]int32, len(cols))
	}
	colsOf := d.colsOf(cols, rollup)
	dg := docGroups(rows, len(d.s.Documents))
	for di, cs := range d.byDoc {
		for _, c := range cs {
			for _, j := range colsOf[c.code] {
				for _, r := range dg[di] {
					m.cells[r][j] = append(m.cells[r][j], c.idx)
				}
			}
		}
	}
	for r := range rows {
		for j := range cols {
			m.Counts[r][j] = len(m.cells[r][j])
		}
	}
	return m, nil
}

// Cell returns the IDs of the codings behind cell (r, j), in document and
// text order.
func (m *Matrix) Cell(r, j int) []qda.ID { return m.d.ids(m.cells[r][j]) }

// CellKey names cell (r, j) for the memo the researcher writes on it; it
// stays the same when cases or codes are renamed.
func (m *Matrix) CellKey(r, j int) string { return CellKey(m.Rows[r].Key, m.Codes[j].Code) }

// CellKey names the cell of a row key (Group.Key) and a code.
func CellKey(row string, code qda.ID) string { return row + "|code:" + string(code) }
