package project

import (
	"io"

	"coder/analysis"
	"coder/exchange"
	"coder/qda"
	"coder/store"
)

// ExportMatrix writes a framework matrix as xlsx or docx, with each cell's
// excerpts and memo. With ExportOptions.Pseudonymise every real name of the
// pseudonym table is replaced, in labels, memos and excerpts alike.
func (p *Project) ExportMatrix(w io.Writer, format string, m *analysis.Matrix, opts ...ExportOptions) error {
	fm, err := exchange.ParseFormat(format)
	if err != nil {
		return &qda.Error{What: "matrix export", Why: err.Error()}
	}
	pseudo, err := p.exportNames(opts)
	if err != nil {
		return err
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
		docNames := map[qda.ID]string{}
		splices := map[qda.ID]*qda.Splice{}
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
						text := mustText(tx, c.Document)
						if pseudo != nil {
							// The text as a pseudonymised export has it, and
							// the splice that moves spans onto it.
							if splices[c.Document], err = pseudo.Splice(text); err != nil {
								return err
							}
							text = pseudo.Apply(text)
						}
						texts[c.Document] = []rune(text)
						if d, err := tx.Document(c.Document); err == nil {
							docNames[c.Document] = d.Name
						}
					}
					span, ok := c.Span, true
					if sp := splices[c.Document]; sp != nil {
						if span, ok = sp.Map(span, qda.Widen); !ok {
							continue
						}
					}
					cell.Excerpts = append(cell.Excerpts, exchange.MatrixExcerpt{Document: docNames[c.Document], Span: span, Text: span.Slice(texts[c.Document])})
				}
				t.Cells[i][j] = cell
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if pseudo != nil {
		pseudonymiseMatrix(t, pseudo)
	}
	return exchange.WriteMatrix(w, fm, t)
}

// pseudonymiseMatrix replaces the real names in a matrix's labels, memos
// and document names; its excerpts were taken from pseudonymised texts.
func pseudonymiseMatrix(t *exchange.MatrixTable, m *qda.Pseudonymiser) {
	t.Project, t.Title, t.Corner = m.Apply(t.Project), m.Apply(t.Title), m.Apply(t.Corner)
	for i := range t.Rows {
		t.Rows[i] = m.Apply(t.Rows[i])
	}
	for i := range t.Codes {
		t.Codes[i] = m.Apply(t.Codes[i])
	}
	for i := range t.Cells {
		for j := range t.Cells[i] {
			c := &t.Cells[i][j]
			c.Memo = m.Apply(c.Memo)
			for k := range c.Excerpts {
				c.Excerpts[k].Document = m.Apply(c.Excerpts[k].Document)
			}
		}
	}
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

// ExportTable writes an analysis table as csv or xlsx; with
// ExportOptions.Pseudonymise, with every real name of the pseudonym table
// replaced in its title, headings and text cells.
func (p *Project) ExportTable(w io.Writer, format string, t *exchange.Table, opts ...ExportOptions) error {
	fm, err := exchange.ParseFormat(format)
	if err != nil {
		return &qda.Error{What: "table export", Why: err.Error()}
	}
	info, err := p.Info()
	if err != nil {
		return err
	}
	names, err := p.exportNames(opts)
	if err != nil {
		return err
	}
	if names != nil {
		info.Name = names.Apply(info.Name)
		t = pseudonymiseTable(t, names)
	}
	return exchange.WriteTable(w, fm, info.Name, t)
}

// pseudonymiseTable returns a copy of t with the real names in its strings
// replaced; numbers stay numbers.
func pseudonymiseTable(t *exchange.Table, m *qda.Pseudonymiser) *exchange.Table {
	out := &exchange.Table{Title: m.Apply(t.Title), Colors: t.Colors, Rows: make([][]any, len(t.Rows))}
	for _, h := range t.Header {
		out.Header = append(out.Header, m.Apply(h))
	}
	for i, r := range t.Rows {
		out.Rows[i] = make([]any, len(r))
		for j, v := range r {
			if s, ok := v.(string); ok {
				v = m.Apply(s)
			}
			out.Rows[i][j] = v
		}
	}
	return out
}

// exportNames is the pseudonymiser an export with opts applies, or nil when
// it writes the names as they are.
func (p *Project) exportNames(opts []ExportOptions) (*qda.Pseudonymiser, error) {
	if len(opts) == 0 || !opts[0].Pseudonymise {
		return nil, nil
	}
	var m *qda.Pseudonymiser
	err := p.view(func(tx *store.Tx) error {
		var err error
		m, err = pseudonymiser(tx)
		return err
	})
	return m, err
}

// Table is an analysis table as exports take it (see exchange.Table).
type Table = exchange.Table
