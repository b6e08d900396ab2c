package exchange

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"coder/codebook"
	"coder/qda"
)

// maxCellText is the most characters a spreadsheet cell holds.
const maxCellText = 32767

func writeExcerptsXLSX(w io.Writer, b *qda.Bundle, ex []Excerpt, perTopCode bool) error {
	x := newWorkbook(b, "Coded excerpts")
	defer x.f.Close()
	attrs := attributeNames(ex)
	header := append([]string{"Code", "Document", "Kind", "Cases"}, attrs...)
	header = append(header, "Coder", "Created", "Start", "End", "Lines", "Text", "Memo", "Coding ID")
	widths := map[string]float64{"Code": 28, "Document": 24, "Cases": 18, "Text": 70, "Memo": 40, "Coding ID": 38, "Created": 17}
	rows := func(ex []Excerpt) [][]any {
		var out [][]any
		for _, e := range ex {
			row := []any{e.CodePath, e.Document, string(e.Kind), strings.Join(e.Cases, "; ")}
			for _, a := range attrs {
				row = append(row, e.Attributes[a])
			}
			lines := itoa(e.FirstLine)
			if e.LastLine != e.FirstLine {
				lines += "-" + itoa(e.LastLine)
			}
			created := ""
			if !e.Created.IsZero() {
				created = e.Created.UTC().Format("2006-01-02 15:04")
			}
			row = append(row, e.Coder, created, e.Span.Start, e.Span.End, lines, cellText(e.Text), cellText(e.Memo), string(e.Coding))
			out = append(out, row)
		}
		return out
	}
	colors := make([]string, len(ex))
	for i, e := range ex {
		colors[i] = e.Color
	}
	if err := x.table("Excerpts", header, widths, rows(ex), colors); err != nil {
		return err
	}
	if perTopCode {
		t := codebook.NewTree(b.Codes)
		names := map[string]bool{"excerpts": true}
		for _, top := range t.Children("") {
			var sub []Excerpt
			var subColors []string
			for _, e := range ex {
				if e.Code == top.ID || t.IsWithin(e.Code, top.ID) {
					sub = append(sub, e)
					subColors = append(subColors, e.Color)
				}
			}
			if len(sub) == 0 {
				continue
			}
			if err := x.table(sheetName(top.Name, names), header, widths, rows(sub), subColors); err != nil {
				return err
			}
		}
	}
	return x.write(w)
}

func writeCodebookXLSX(w io.Writer, b *qda.Bundle, rows []codeRow) error {
	x := newWorkbook(b, "Codebook")
	defer x.f.Close()
	header := []string{"Path", "Name", "Parent", "Level", "Colour", "Folder", "Definition", "Codings", "ID"}
	var data [][]any
	var colors []string
	for _, r := range rows {
		folder := "no"
		if r.Folder {
			folder = "yes"
		}
		data = append(data, []any{r.Path, r.Name, r.Parent, r.Depth + 1, r.Color, folder, cellText(r.Description), r.Codings, string(r.ID)})
		colors = append(colors, r.Color)
	}
	widths := map[string]float64{"Path": 36, "Name": 24, "Parent": 28, "Definition": 70, "ID": 38}
	if err := x.table("Codebook", header, widths, data, colors); err != nil {
		return err
	}
	return x.write(w)
}

// workbook wraps an excelize file with the styles every sheet shares.
type workbook struct {
	f      *excelize.File
	b      *qda.Bundle
	first  bool
	head   int
	wrap   int
	colour map[string]int // code colour -> style of the code cell
}

func newWorkbook(b *qda.Bundle, title string) *workbook {
	f := excelize.NewFile()
	stamp := exportTime(b).Format("2006-01-02T15:04:05Z")
	_ = f.SetDocProps(&excelize.DocProperties{
		Title: title + ": " + projectName(b), Creator: Origin, LastModifiedBy: Origin,
		Created: stamp, Modified: stamp,
	})
	x := &workbook{f: f, b: b, first: true, colour: map[string]int{}}
	x.head, _ = f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"#E8E8E8"}},
		Alignment: &excelize.Alignment{Vertical: "top"},
	})
	x.wrap, _ = f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	return x
}

// table writes one sheet: a bold frozen header with a filter, then rows; the
// first column takes a tint of the row's code colour.
func (x *workbook) table(sheet string, header []string, widths map[string]float64, rows [][]any, colors []string) error {
	f := x.f
	if x.first {
		if err := f.SetSheetName("Sheet1", sheet); err != nil {
			return err
		}
		x.first = false
	} else if _, err := f.NewSheet(sheet); err != nil {
		return err
	}
	hdr := make([]any, len(header))
	for i, h := range header {
		hdr[i] = h
		col, _ := excelize.ColumnNumberToName(i + 1)
		width := 12.0
		if wd, ok := widths[h]; ok {
			width = wd
		}
		if err := f.SetColWidth(sheet, col, col, width); err != nil {
			return err
		}
	}
	if err := f.SetSheetRow(sheet, "A1", &hdr); err != nil {
		return err
	}
	last, _ := excelize.ColumnNumberToName(len(header))
	if err := f.SetCellStyle(sheet, "A1", last+"1", x.head); err != nil {
		return err
	}
	for i, r := range rows {
		cell := fmt.Sprintf("A%d", i+2)
		if err := f.SetSheetRow(sheet, cell, &r); err != nil {
			return err
		}
		if err := f.SetCellStyle(sheet, cell, fmt.Sprintf("%s%d", last, i+2), x.wrap); err != nil {
			return err
		}
		if st, ok := x.colourStyle(colors[i]); ok {
			if err := f.SetCellStyle(sheet, cell, cell, st); err != nil {
				return err
			}
		}
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	return f.AutoFilter(sheet, fmt.Sprintf("A1:%s%d", last, len(rows)+1), nil)
}

// colourStyle returns a cell style tinted with a code's colour: a pale fill
// keeps the text readable whatever the colour.
func (x *workbook) colourStyle(c string) (int, bool) {
	if !qda.ValidColor(c) {
		return 0, false
	}
	c = strings.ToUpper(c)
	if st, ok := x.colour[c]; ok {
		return st, true
	}
	st, err := x.f.NewStyle(&excelize.Style{
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{tint(c)}},
		Border:    []excelize.Border{{Type: "left", Color: c[1:], Style: 5}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
	})
	if err != nil {
		return 0, false
	}
	x.colour[c] = st
	return st, true
}

func (x *workbook) write(w io.Writer) error {
	var buf bytes.Buffer
	if _, err := x.f.WriteTo(&buf); err != nil {
		return fmt.Errorf("writing spreadsheet: %w", err)
	}
	return repackZip(w, buf.Bytes(), exportTime(x.b))
}

// tint mixes a #RRGGBB colour with three parts white.
func tint(c string) string {
	var r, g, b int
	fmt.Sscanf(c, "#%02x%02x%02x", &r, &g, &b)
	mix := func(v int) int { return (v + 3*255) / 4 }
	return fmt.Sprintf("#%02X%02X%02X", mix(r), mix(g), mix(b))
}

// sheetName makes a valid, unique sheet name: at most 31 characters, none of
// : \ / ? * [ ], not starting or ending with an apostrophe.
func sheetName(name string, taken map[string]bool) string {
	clean := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`:\/?*[]`, r) || r < 0x20 {
			return '-'
		}
		return r
	}, name)
	clean = strings.Trim(strings.TrimSpace(clean), "'")
	if clean == "" {
		clean = "Code"
	}
	base := truncRunes(clean, 31)
	out := base
	for n := 2; taken[strings.ToLower(out)]; n++ {
		suffix := fmt.Sprintf(" (%d)", n)
		out = truncRunes(base, 31-len(suffix)) + suffix
	}
	taken[strings.ToLower(out)] = true
	return out
}

func truncRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}

// cellText cuts text to what a cell holds, saying so.
func cellText(s string) string {
	if utf8.RuneCountInString(s) <= maxCellText {
		return s
	}
	return string([]rune(s)[:maxCellText-30]) + " … [cut: too long for a cell]"
}
