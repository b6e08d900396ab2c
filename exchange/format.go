package exchange

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"coder/qda"
)

// Format names an export format.
type Format string

// The export formats for excerpts and codebooks.
const (
	FormatCSV  Format = "csv"
	FormatXLSX Format = "xlsx"
	FormatHTML Format = "html"
	FormatMD   Format = "md"
	FormatDOCX Format = "docx"
)

// Formats lists the export formats in the order menus show them.
var Formats = []Format{FormatDOCX, FormatHTML, FormatMD, FormatXLSX, FormatCSV}

// ParseFormat accepts a format name or file extension in any case, with or
// without a leading dot ("markdown" is taken for "md").
func ParseFormat(s string) (Format, error) {
	f := Format(strings.TrimPrefix(strings.ToLower(strings.TrimSpace(s)), "."))
	switch f {
	case "markdown":
		return FormatMD, nil
	case "htm":
		return FormatHTML, nil
	case FormatCSV, FormatXLSX, FormatHTML, FormatMD, FormatDOCX:
		return f, nil
	}
	return "", fmt.Errorf("%q is not an export format (use docx, html, md, xlsx or csv)", s)
}

// ExcerptOptions shape an excerpt export.
type ExcerptOptions struct {
	// SheetPerTopCode adds, in XLSX, one sheet per top-level code with the
	// excerpts of its subtree, after the sheet of all excerpts.
	SheetPerTopCode bool
	// Title heads the report; the project name when empty.
	Title string
}

// WriteExcerpts writes the coded excerpts f selects from b in format.
func WriteExcerpts(w io.Writer, format Format, b *qda.Bundle, f Filter, opt ExcerptOptions) error {
	ex := Excerpts(b, f)
	title := strings.TrimSpace(opt.Title)
	if title == "" {
		title = "Coded excerpts: " + projectName(b)
	}
	switch format {
	case FormatCSV:
		return writeExcerptsCSV(w, ex)
	case FormatXLSX:
		return writeExcerptsXLSX(w, b, ex, opt.SheetPerTopCode)
	case FormatHTML:
		return writeExcerptsHTML(w, b, ex, title)
	case FormatMD:
		return writeExcerptsMarkdown(w, b, ex, title)
	case FormatDOCX:
		return writeExcerptsDOCX(w, b, ex, title)
	}
	return fmt.Errorf("excerpt export: unknown format %q (use docx, html, md, xlsx or csv)", format)
}

// WriteCodebook writes the codebook of b, with each code's definition, in
// format: docx, html, md or csv (and xlsx, as a one-sheet table).
func WriteCodebook(w io.Writer, format Format, b *qda.Bundle) error {
	rows := codebookRows(b)
	title := "Codebook: " + projectName(b)
	switch format {
	case FormatCSV:
		return writeCodebookCSV(w, rows)
	case FormatXLSX:
		return writeCodebookXLSX(w, b, rows)
	case FormatHTML:
		return writeCodebookHTML(w, rows, title)
	case FormatMD:
		return writeCodebookMarkdown(w, rows, title)
	case FormatDOCX:
		return writeCodebookDOCX(w, b, rows, title)
	}
	return fmt.Errorf("codebook export: unknown format %q (use docx, html, md, xlsx or csv)", format)
}

func projectName(b *qda.Bundle) string {
	if n := strings.TrimSpace(b.Project.Name); n != "" {
		return n
	}
	return "Untitled project"
}

func itoa(n int) string { return strconv.Itoa(n) }
