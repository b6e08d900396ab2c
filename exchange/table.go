package exchange

import (
	"fmt"
	"io"
	"strconv"
)

// Table is an analysis table ready to write: a header and rows of cells.
// Cells are numbers (int, float64, nil for "undefined") or text.
type Table struct {
	Title  string
	Header []string
	Rows   [][]any
	Colors []string // a code colour per row, tinting its first cell in XLSX; may be nil
}

// WriteTable writes an analysis table (frequencies, co-occurrence, a
// framework matrix's counts, query results) as csv or xlsx.
func WriteTable(w io.Writer, format Format, project string, t *Table) error {
	switch format {
	case FormatCSV:
		rows := [][]string{append([]string(nil), t.Header...)}
		for _, r := range t.Rows {
			row := make([]string, len(r))
			for i, c := range r {
				row[i] = tableText(c)
			}
			rows = append(rows, row)
		}
		return writeCSV(w, rows)
	case FormatXLSX:
		x := newWorkbook(tableBundle(project), t.Title)
		defer x.f.Close()
		colors := t.Colors
		if len(colors) != len(t.Rows) {
			colors = make([]string, len(t.Rows))
		}
		rows := make([][]any, len(t.Rows))
		for i, r := range t.Rows {
			rows[i] = make([]any, len(r))
			for j, c := range r {
				switch v := c.(type) {
				case int, float64:
					rows[i][j] = v
				case *float64:
					if v != nil {
						rows[i][j] = *v
					} else {
						rows[i][j] = ""
					}
				default:
					rows[i][j] = cellText(tableText(c))
				}
			}
		}
		widths := map[string]float64{}
		if len(t.Header) > 0 {
			widths[t.Header[0]] = 36
		}
		if err := x.table(sheetName(t.Title, map[string]bool{}), t.Header, widths, rows, colors); err != nil {
			return err
		}
		return x.write(w)
	}
	return fmt.Errorf("table export: unknown format %q (use csv or xlsx)", format)
}

func tableText(c any) string {
	switch v := c.(type) {
	case nil:
		return ""
	case string:
		return v
	case int:
		return strconv.Itoa(v)
	case float64:
		return strconv.FormatFloat(v, 'f', 4, 64)
	case *float64:
		if v == nil {
			return ""
		}
		return strconv.FormatFloat(*v, 'f', 4, 64)
	}
	return fmt.Sprint(c)
}
