package exchange

import (
	"encoding/csv"
	"io"
	"strings"
)

// utf8BOM starts every CSV export: without it Excel reads UTF-8 as the
// local code page and Chinese quotes arrive as mojibake.
const utf8BOM = "\uFEFF"

func writeExcerptsCSV(w io.Writer, ex []Excerpt) error {
	attrs := attributeNames(ex)
	header := []string{"Code", "Document", "Kind", "Cases"}
	header = append(header, attrs...)
	header = append(header, "Coder", "Created", "Start", "End", "Lines", "Text", "Memo", "Coding ID")
	rows := [][]string{header}
	for _, e := range ex {
		row := []string{e.CodePath, e.Document, string(e.Kind), strings.Join(e.Cases, "; ")}
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
		row = append(row, e.Coder, created, itoa(e.Span.Start), itoa(e.Span.End), lines, e.Text, e.Memo, string(e.Coding))
		rows = append(rows, row)
	}
	return writeCSV(w, rows)
}

func writeCodebookCSV(w io.Writer, rows []codeRow) error {
	out := [][]string{{"Path", "Name", "Parent", "Level", "Colour", "Folder", "Definition", "Codings", "ID"}}
	for _, r := range rows {
		folder := "no"
		if r.Folder {
			folder = "yes"
		}
		out = append(out, []string{r.Path, r.Name, r.Parent, itoa(r.Depth + 1), r.Color, folder, r.Description, itoa(r.Codings), string(r.ID)})
	}
	return writeCSV(w, out)
}

// writeCSV writes rows with a BOM and CRLF line ends, as spreadsheets expect.
func writeCSV(w io.Writer, rows [][]string) error {
	if _, err := io.WriteString(w, utf8BOM); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	for _, r := range rows {
		for i := range r {
			r[i] = defuseFormula(r[i])
		}
		if err := cw.Write(r); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// defuseFormula keeps a spreadsheet from running a cell as a formula: a quote
// that starts with "=", "+", "-" or "@" gets a leading apostrophe, which
// spreadsheets read as "this is text". Without it a transcript line such as
// "-- no, never" shows as an error, and a crafted one could run a command.
func defuseFormula(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
