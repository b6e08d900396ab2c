package exchange

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"coder/qda"
)

func sampleMatrix() *MatrixTable {
	return &MatrixTable{
		Project: "Yard study", Title: "Framework matrix", Corner: "Case",
		Rows: []string{"Yard 3", "Yard 5"}, Codes: []string{"Political logic", "Community logic"}, Colors: []string{"#C62828", "#2E9E44"},
		Cells: [][]MatrixCell{
			{{Count: 1, Excerpts: []MatrixExcerpt{{Document: "notes", Span: qda.Span{Start: 3, End: 20}, Text: "the township asked"}}, Memo: "Pressure from above."}, {}},
			{{}, {Count: 2, Excerpts: []MatrixExcerpt{{Document: "talk", Span: qda.Span{Start: 0, End: 9}, Text: "we met"}, {Document: "talk", Span: qda.Span{Start: 30, End: 40}, Text: "=gate fund"}}}},
		},
	}
}

// Ensure that a framework matrix in XLSX has the counts on one sheet and,
// on another, each cell's excerpts with their source and the cell's memo.
func TestWriteMatrix_XLSXHasCountsAndExcerptsWithMemos(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteMatrix(&buf, FormatXLSX, sampleMatrix()); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if v, _ := f.GetCellValue("Counts", "C3"); v != "2" {
		t.Errorf("Counts C3 = %q, want 2", v)
	}
	if v, _ := f.GetCellValue("Counts", "A2"); v != "Yard 3" {
		t.Errorf("Counts A2 = %q, want Yard 3", v)
	}
	v, _ := f.GetCellValue("Excerpts", "B2")
	if !strings.Contains(v, "“the township asked” (notes, 3:20)") || !strings.Contains(v, "Memo: Pressure from above.") {
		t.Errorf("Excerpts B2 = %q", v)
	}
	if v, _ := f.GetCellValue("Excerpts", "C3"); !strings.Contains(v, "“=gate fund”") {
		t.Errorf("Excerpts C3 = %q", v)
	}
}

// Ensure that a framework matrix in DOCX is a table whose cells hold the
// count, the excerpts and the memo.
func TestWriteMatrix_DOCXTableHoldsExcerptsAndMemos(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteMatrix(&buf, FormatDOCX, sampleMatrix()); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var doc string
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			r, _ := f.Open()
			b, _ := io.ReadAll(r)
			doc = string(b)
		}
	}
	for _, want := range []string{"<w:tbl>", "Yard 5", "2 codings", "“the township asked”", "notes, 3:20", "Pressure from above.", "Community logic"} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %q", want)
		}
	}
	if strings.Count(doc, "<w:tc>") != 9 {
		t.Errorf("got %d table cells, want 9 (3 columns × a header and 2 rows)", strings.Count(doc, "<w:tc>"))
	}
}

// Ensure that an analysis table exports to CSV with undefined numbers left
// blank and formulas defused.
func TestWriteTable_CSVLeavesUndefinedBlank(t *testing.T) {
	var buf bytes.Buffer
	half := 0.5
	tab := &Table{Title: "Co-occurrence", Header: []string{"Code", "A", "c"}, Rows: [][]any{{"A", 3, &half}, {"=B", 0, (*float64)(nil)}}}
	if err := WriteTable(&buf, FormatCSV, "p", tab); err != nil {
		t.Fatal(err)
	}
	want := utf8BOM + "Code,A,c\r\nA,3,0.5000\r\n'=B,0,\r\n"
	if buf.String() != want {
		t.Errorf("csv: got %q, want %q", buf.String(), want)
	}
	buf.Reset()
	if err := WriteTable(&buf, FormatXLSX, "p", tab); err != nil {
		t.Fatal(err)
	}
}
