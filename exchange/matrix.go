package exchange

import (
	"fmt"
	"io"
	"strings"
	"time"

	"coder/qda"
)

// MatrixTable is a framework matrix ready to write: rows (cases, documents
// or attribute values) by codes, each cell with its count, its excerpts and
// the researcher's memo.
type MatrixTable struct {
	Project string
	Title   string
	Corner  string // what the rows are: "Case", "Document", an attribute name
	Rows    []string
	Codes   []string
	Colors  []string // a colour per code
	Cells   [][]MatrixCell
}

// MatrixCell is one cell of a framework matrix.
type MatrixCell struct {
	Count    int
	Excerpts []MatrixExcerpt
	Memo     string
}

// MatrixExcerpt is one coded passage in a matrix cell.
type MatrixExcerpt struct {
	Document string
	Span     qda.Span
	Text     string
}

// WriteMatrix writes a framework matrix as xlsx (a sheet of counts and a
// sheet with the excerpts and memo in each cell) or docx (a table per code
// group of columns, the excerpts and memo in each cell).
func WriteMatrix(w io.Writer, format Format, m *MatrixTable) error {
	switch format {
	case FormatXLSX:
		return writeMatrixXLSX(w, m)
	case FormatDOCX:
		return writeMatrixDOCX(w, m)
	}
	return fmt.Errorf("matrix export: unknown format %q (use xlsx or docx)", format)
}

// cellBody is what a matrix cell says in an export: each excerpt with its
// source, then the memo.
func (c MatrixCell) cellBody() string {
	var b strings.Builder
	for i, e := range c.Excerpts {
		if i > 0 {
			b.WriteString("\n\n")
		}
		fmt.Fprintf(&b, "“%s” (%s, %s)", strings.TrimSpace(e.Text), e.Document, e.Span)
	}
	if m := strings.TrimSpace(c.Memo); m != "" {
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString("Memo: " + m)
	}
	return b.String()
}

// tableBundle stands in for a project in the writers' shared code, which
// takes the project's name, and a fixed time so exports repeat byte for byte.
func tableBundle(project string) *qda.Bundle {
	return &qda.Bundle{Project: qda.Project{Name: project, Created: time.Time{}}}
}
