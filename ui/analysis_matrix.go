package ui

import (
	"io"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"coder/analysis"
	"coder/project"
	"coder/qda"
)

// matrixPage is the framework matrix: cases (or documents, or an
// attribute's values) by codes, each cell opening its excerpts and a memo
// the researcher writes on it.
type matrixPage struct {
	v      *analysisView
	rows   *widget.Select
	cols   *widget.Select
	rollup *widget.Check
	g      *analysisGrid
	last   *analysis.Matrix
	memos  map[string]qda.Memo
}

func newMatrixPage(v *analysisView) analysisPage {
	p := &matrixPage{v: v, g: newAnalysisGrid()}
	p.rows = widget.NewSelect(v.dimensionChoices(""), func(string) { v.run() })
	p.rows.SetSelected("Cases")
	p.cols = widget.NewSelect([]string{colsTop, colsAll}, func(string) { v.run() })
	p.cols.SetSelected(colsTop)
	p.rollup = widget.NewCheck("Include sub-codes", func(bool) { v.run() })
	p.rollup.SetChecked(true)
	p.g.onTap = p.tap
	return p
}

func (p *matrixPage) title() string       { return "Matrix" }
func (p *matrixPage) grid() *analysisGrid { return p.g }
func (p *matrixPage) controls() fyne.CanvasObject {
	withExcerpts := func(format, label string) *widget.Button {
		return widget.NewButtonWithIcon(label, theme.DocumentSaveIcon(), func() {
			m := p.last
			if m == nil {
				return
			}
			p.v.saveFile(safeFileName(p.v.ws.info.Name+" matrix")+"."+format, format, func(w io.Writer, opts project.ExportOptions) error {
				return p.v.ws.p.ExportMatrix(w, format, m, opts)
			})
		})
	}
	return container.NewHBox(widget.NewLabel("Rows"), fixedWidth(p.rows, 190), fixedWidth(p.cols, 170), p.rollup,
		withExcerpts("xlsx", "Excerpts: Excel…"), withExcerpts("docx", "Word…"))
}

func (p *matrixPage) work() func(d *analysis.Data) (func(), error) {
	dim, cols, rollup := dimensionOf(p.rows.Selected), p.cols.Selected, p.rollup.Checked
	return func(d *analysis.Data) (func(), error) {
		m, err := d.Matrix(dim, chosenCodes(d, cols), rollup)
		if err != nil {
			return nil, err
		}
		memos, err := p.v.ws.p.MatrixMemos()
		if err != nil {
			return nil, err
		}
		head := []string{matrixCornerLabel(m.Dim)}
		for _, c := range m.Codes {
			head = append(head, shortPath(c.Path))
		}
		cells := [][]string{head}
		for i, r := range m.Rows {
			row := []string{r.Label}
			for j := range m.Codes {
				s := strconv.Itoa(m.Counts[i][j])
				if _, ok := memos[m.CellKey(i, j)]; ok {
					s = "✎ " + s
				}
				row = append(row, s)
			}
			cells = append(cells, row)
		}
		return func() {
			p.memos = memos
			p.g.set(cells, 240, 150)
			p.last = m // after the table: tests wait for it, then use the table
		}, nil
	}
}

func matrixCornerLabel(dim analysis.Dimension) string {
	switch dim.Kind {
	case "doc":
		return "Document"
	case "attr":
		return dim.Attr
	}
	return "Case"
}

// tap opens a cell: its memo editor above the excerpts.
func (p *matrixPage) tap(i, j int) {
	m := p.last
	if m == nil || i >= len(m.Rows) || j < 0 || j >= len(m.Codes) {
		return
	}
	title := m.Rows[i].Label + " × " + m.Codes[j].Path
	key := m.CellKey(i, j)
	memo := p.memos[key]
	was := memo.Modified
	entry := widget.NewMultiLineEntry()
	entry.SetPlaceHolder("Memo on this cell: what the excerpts say about " + m.Rows[i].Label)
	entry.SetText(memo.Text)
	entry.Wrapping = fyne.TextWrapWord
	entry.SetMinRowsVisible(3)
	var save *widget.Button
	save = widget.NewButtonWithIcon("Save memo", theme.DocumentSaveIcon(), func() {
		if p.v.ws.try(p.v.ws.p.SetMatrixMemo(key, "Matrix: "+title, entry.Text, was)) {
			if ms, err := p.v.ws.p.MatrixMemos(); err == nil {
				was = ms[key].Modified
			}
			save.SetText("Saved")
		}
	})
	entry.OnChanged = func(string) { save.SetText("Save memo") }
	ids := m.Cell(i, j)
	p.v.evidence.show(title, func() ([]evidenceItem, int, error) { return codingItems(p.v.ws.p, ids) })
	p.v.evidence.extra.RemoveAll()
	p.v.evidence.extra.Add(container.NewBorder(nil, nil, nil, save, entry))
}

func (p *matrixPage) table() *project.Table {
	m := p.last
	if m == nil {
		return nil
	}
	t := &project.Table{Title: "Framework matrix", Header: []string{matrixCornerLabel(m.Dim)}}
	for _, c := range m.Codes {
		t.Header = append(t.Header, c.Path)
	}
	for i, r := range m.Rows {
		row := []any{r.Label}
		for j := range m.Codes {
			row = append(row, m.Counts[i][j])
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}
