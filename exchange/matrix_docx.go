package exchange

import (
	"fmt"
	"io"
	"strings"

	"coder/qda"
)

// matrixColumnsPerTable keeps a docx matrix readable on an A4 page: wider
// matrices are split into several tables, each repeating the row names.
const matrixColumnsPerTable = 4

func writeMatrixDOCX(w io.Writer, m *MatrixTable) error {
	var d docx
	d.para("Title", docxRun{text: m.Title})
	d.para("", docxRun{text: fmt.Sprintf("%s: %d rows (%s) by %d codes. Each cell holds the coded excerpts and the memo written on it.", m.Project, len(m.Rows), strings.ToLower(m.Corner), len(m.Codes))})
	for from := 0; from < len(m.Codes); from += matrixColumnsPerTable {
		to := min(from+matrixColumnsPerTable, len(m.Codes))
		if len(m.Codes) > matrixColumnsPerTable {
			d.para("Heading2", docxRun{text: fmt.Sprintf("Codes %d–%d", from+1, to)})
		}
		d.body.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders>`)
		for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
			d.body.WriteString(`<w:` + side + ` w:val="single" w:sz="4" w:space="0" w:color="999999"/>`)
		}
		d.body.WriteString(`</w:tblBorders></w:tblPr>`)
		cell := func(runs ...docxRun) {
			d.body.WriteString(`<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/></w:tcPr>`)
			d.para("", runs...)
			d.body.WriteString(`</w:tc>`)
		}
		d.body.WriteString(`<w:tr><w:trPr><w:tblHeader/></w:trPr>`)
		cell(docxRun{text: m.Corner, italic: true})
		for j := from; j < to; j++ {
			color := ""
			if j < len(m.Colors) {
				color = m.Colors[j]
			}
			cell(swatch(color), docxRun{text: m.Codes[j]})
		}
		d.body.WriteString(`</w:tr>`)
		for i, r := range m.Rows {
			d.body.WriteString(`<w:tr>`)
			cell(docxRun{text: r})
			for j := from; j < to; j++ {
				c := m.Cells[i][j]
				d.body.WriteString(`<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/></w:tcPr>`)
				d.para("", docxRun{text: qda.Plural(c.Count, "coding", "codings"), italic: true})
				for _, e := range c.Excerpts {
					d.para("", docxRun{text: "“" + strings.TrimSpace(e.Text) + "”"})
					d.para("Source", docxRun{text: e.Document + ", " + e.Span.String()})
				}
				if memo := strings.TrimSpace(c.Memo); memo != "" {
					d.para("Memo", docxRun{text: "Memo: ", italic: true}, docxRun{text: memo})
				}
				d.body.WriteString(`</w:tc>`)
			}
			d.body.WriteString(`</w:tr>`)
		}
		d.body.WriteString(`</w:tbl>`)
		d.para("")
	}
	return d.write(w, tableBundle(m.Project), m.Title)
}
