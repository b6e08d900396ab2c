package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// analysisGrid shows a table of text with a sticky header row and first
// column; tapping a cell calls onTap with its data coordinates (row and
// column after the headers; column -1 is the row's label).
type analysisGrid struct {
	cells   [][]string
	numbers []bool // columns of numbers, set flush right; text is flush left
	onTap   func(r, c int)
	table   *widget.Table
}

func newAnalysisGrid() *analysisGrid {
	g := &analysisGrid{}
	g.table = widget.NewTable(
		func() (int, int) {
			if len(g.cells) == 0 {
				return 0, 0
			}
			return len(g.cells), len(g.cells[0])
		},
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			text := ""
			if id.Row < len(g.cells) && id.Col < len(g.cells[id.Row]) {
				text = g.cells[id.Row][id.Col]
			}
			l.TextStyle.Bold = id.Row == 0 || id.Col == 0
			l.Alignment = fyne.TextAlignLeading
			if id.Col > 0 && id.Col < len(g.numbers) && g.numbers[id.Col] {
				l.Alignment = fyne.TextAlignTrailing
			}
			l.SetText(text)
		})
	g.table.StickyRowCount = 1
	g.table.StickyColumnCount = 1
	g.table.OnSelected = func(id widget.TableCellID) {
		if id.Row > 0 && g.onTap != nil {
			g.onTap(id.Row-1, id.Col-1)
		}
	}
	return g
}

// set shows cells (header row first, label column first).
func (g *analysisGrid) set(cells [][]string, firstWidth, width float32) {
	g.cells = cells
	g.numbers = nil
	if len(cells) > 0 {
		g.numbers = make([]bool, len(cells[0]))
		for c := range g.numbers {
			g.numbers[c] = true
			for _, row := range cells[1:] {
				if c < len(row) && !looksNumeric(row[c]) {
					g.numbers[c] = false
				}
			}
		}
	}
	g.table.UnselectAll()
	g.table.SetColumnWidth(0, firstWidth)
	if len(cells) > 0 {
		for c := 1; c < len(cells[0]); c++ {
			g.table.SetColumnWidth(c, width)
		}
	}
	g.table.Refresh()
	g.table.ScrollToTop()
	g.table.ScrollToLeading()
}

// looksNumeric tells a table's number (a count, a share, a position, a
// date, a dash for none) from its text.
func looksNumeric(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || s == "—" || s == "–" || s == "-" {
		return true
	}
	r := s[0]
	return r >= '0' && r <= '9' || r == '-' || r == '+' || r == '.'
}
