package exchange

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"
)

func writeMatrixXLSX(w io.Writer, m *MatrixTable) error {
	x := newWorkbook(tableBundle(m.Project), m.Title)
	defer x.f.Close()
	header := append([]string{m.Corner}, m.Codes...)
	widths := map[string]float64{m.Corner: 28}
	counts := make([][]any, len(m.Rows))
	cells := make([][]any, len(m.Rows))
	for i, r := range m.Rows {
		counts[i] = []any{r}
		cells[i] = []any{r}
		for _, c := range m.Cells[i] {
			counts[i] = append(counts[i], c.Count)
			cells[i] = append(cells[i], cellText(c.cellBody()))
		}
	}
	none := make([]string, len(m.Rows))
	if err := x.table("Counts", header, widths, counts, none); err != nil {
		return err
	}
	for _, c := range m.Codes {
		widths[c] = 50
	}
	if err := x.table("Excerpts", header, widths, cells, none); err != nil {
		return err
	}
	// The code columns carry their colours in the header.
	for j, color := range m.Colors {
		st, ok := x.colourStyle(color)
		if !ok {
			continue
		}
		col, _ := excelize.ColumnNumberToName(j + 2)
		for _, sheet := range []string{"Counts", "Excerpts"} {
			if err := x.f.SetCellStyle(sheet, fmt.Sprintf("%s1", col), fmt.Sprintf("%s1", col), st); err != nil {
				return err
			}
		}
	}
	return x.write(w)
}
