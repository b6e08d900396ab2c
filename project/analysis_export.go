package project

import (
	"io"

	"coder/analysis"
	"coder/exchange"
	"coder/qda"
	"coder/store"
)

// ExportMatrix writes a framework matrix as xlsx or docx, with each cell's
// excerpts and memo.
func (p *Project) ExportMatrix(w io.Writer, format string, m *analysis.Matrix) error {
	fm, err := exchange.ParseFormat(format)
	if err != nil {
		return &qda.Error{What: "matrix export", Why: err.Error()}
	}
	memos, err := p.MatrixMemos()
	if err != nil {
		return err
	}
	info, err := p.Info()
	if err != nil {
		return err
	}
	t := &exchange.MatrixTable{Project: info.Name, Title: "Framework matrix: " + info.Name, Corner: matrixCorner(m.Dim), Cells: make([][]exchange.MatrixCell, len(m.Rows))}
	for _, r := range m.Rows {
		t.Rows = append(t.Rows, r.Label)
	}
	for _, c := range m.Codes {
		t.Codes = append(t.Codes, c.Path)
		t.Colors = append(t.Colors, c.Color)
	}
	err = p.view(func(tx *store.Tx) error {
		texts := map[qda.ID][]rune{}
		names := map[qda.ID]string{}
		for i := range m.Rows {
			t.Cells[i] = make([]exchange.MatrixCell, len(m.Codes))
			for j := range m.Codes {
				cell := exchange.MatrixCell{Count: m.Counts[i][j], Memo: memos[m.CellKey(i, j)].Text}
				for _, id := range m.Cell(i, j) {
					c, err := tx.Coding(id)
					if err != nil {
						continue
					}
					if _, ok := texts[c.Document]; !ok {
						texts[c.Document] = []rune(mustText(tx, c.Document))
						if d, err := tx.Document(c.Document); err == nil {
							names[c.Document] = d.Name
						}
					}
					cell.Excerpts = append(cell.Excerpts, exchange.MatrixExcerpt{Document: names[c.Document], Span: c.Span, Text: c.Span.Slice(texts[c.Document])})
				}
				t.Cells[i][j] = cell
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return exchange.WriteMatrix(w, fm, t)
}

// matrixCorner says what a matrix's rows are.
func matrixCorner(dim analysis.Dimension) string {
	switch dim.Kind {
	case "doc":
		return "Document"
	case "attr":
		return dim.Attr
	}
	return "Case"
}

// ExportTable writes an analysis table as csv or xlsx.
func (p *Project) ExportTable(w io.Writer, format string, t *exchange.Table) error {
	fm, err := exchange.ParseFormat(format)
	if err != nil {
		return &qda.Error{What: "table export", Why: err.Error()}
	}
	info, err := p.Info()
	if err != nil {
		return err
	}
	return exchange.WriteTable(w, fm, info.Name, t)
}

// Table is an analysis table as exports take it (see exchange.Table).
type Table = exchange.Table
