package exchange

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/unicode/norm"

	"coder/qda"
)

// maxSheetFile is the largest CSV or XLSX file ReadSheet reads: an
// attribute table of thousands of rows is a few megabytes.
const maxSheetFile = 64 << 20

// maxSheetCells bounds the cells of a sheet, so a crafted file that claims
// a million columns is refused rather than read.
const maxSheetCells = 5_000_000

// ReadSheet reads a table from a CSV file or the first sheet of an XLSX
// file, by its extension, as rows of cells: text in NFC, trimmed, with the
// apostrophe our CSV exports put before "=", "+", "-" or "@" removed, and
// XLSX dates as YYYY-MM-DD. CSV may be UTF-8 (with or without a byte order
// mark), UTF-16 or GB18030, separated by commas, semicolons or tabs.
func ReadSheet(path string) ([][]string, error) {
	what := filepath.Base(path)
	fail := func(why, fix string, err error) error {
		return &qda.Error{What: what, Why: why, Fix: fix, Err: err}
	}
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fail("cannot be read: "+err.Error(), "check the file's name and folder", err)
	}
	if fi.Size() > maxSheetFile {
		return nil, fail(fmt.Sprintf("is %d MB, more than the %d MB a table may have", fi.Size()>>20, maxSheetFile>>20), "split it into smaller files", nil)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fail("cannot be read: "+err.Error(), "check the file's name and folder", err)
	}
	var rows [][]string
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv", ".tsv", ".txt":
		rows, err = readCSVSheet(data)
	case ".xlsx", ".xlsm":
		rows, err = readXLSXSheet(data)
	default:
		return nil, fail("is not a CSV or XLSX file", "save the table as .csv or .xlsx", nil)
	}
	if err != nil {
		return nil, fail("is not a readable table: "+err.Error(), "save it again as .csv (UTF-8) or .xlsx", err)
	}
	n := 0
	for _, r := range rows {
		n += len(r)
		for i, c := range r {
			r[i] = cleanCell(c)
		}
	}
	if n > maxSheetCells {
		return nil, fail(fmt.Sprintf("has %d cells, more than the %d a table may have", n, maxSheetCells), "split it into smaller files", nil)
	}
	return rows, nil
}

// cleanCell trims a cell, puts it in NFC and undoes defuseFormula.
func cleanCell(s string) string {
	s = strings.TrimSpace(norm.NFC.String(s))
	if len(s) > 1 && s[0] == '\'' && strings.ContainsRune("=+-@", rune(s[1])) {
		s = s[1:]
	}
	return s
}

func readCSVSheet(data []byte) ([][]string, error) {
	data, _, err := toUTF8(data)
	if err != nil {
		return nil, err
	}
	if !utf8.Valid(data) {
		// Excel on a Chinese Windows saves CSV in GB18030 (GBK).
		dec, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
		if err != nil || !utf8.Valid(dec) {
			return nil, fmt.Errorf("the text is neither UTF-8 nor GB18030")
		}
		data = dec
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = sniffComma(data)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	var rows [][]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			return nil, err
		}
		rows = append(rows, rec)
	}
}

// sniffComma picks the separator of the first line: a comma unless the
// line has more semicolons or tabs (as European spreadsheets write).
func sniffComma(data []byte) rune {
	line := data
	if i := bytes.IndexByte(data, '\n'); i >= 0 {
		line = data[:i]
	}
	best, n := ',', bytes.Count(line, []byte{','})
	for _, c := range []rune{';', '\t'} {
		if k := bytes.Count(line, []byte(string(c))); k > n {
			best, n = c, k
		}
	}
	return best
}

func readXLSXSheet(data []byte) ([][]string, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: 4 * maxSheetFile, UnzipXMLSizeLimit: 4 * maxSheetFile})
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, fmt.Errorf("the workbook has no sheet")
	}
	sheet := sheets[0]
	shown, err := f.GetRows(sheet)
	if err != nil {
		return nil, err
	}
	raw, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, err
	}
	// A formatted cell is read as stored (a number in full, not "1,234.5"),
	// a date cell as YYYY-MM-DD and a boolean as TRUE or FALSE.
	for r := range shown {
		for c := range shown[r] {
			if r >= len(raw) || c >= len(raw[r]) || raw[r][c] == shown[r][c] {
				continue
			}
			v := raw[r][c]
			num, err := strconv.ParseFloat(v, 64)
			if err != nil {
				continue
			}
			up := strings.ToUpper(shown[r][c])
			if up == "TRUE" || up == "FALSE" {
				continue
			}
			axis, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if isDateCell(f, sheet, axis) {
				if t, err := excelize.ExcelDateToTime(num, false); err == nil {
					shown[r][c] = t.Format("2006-01-02")
				}
				continue
			}
			shown[r][c] = v
		}
	}
	return shown, nil
}

// isDateCell tells whether a cell's number format shows a date.
func isDateCell(f *excelize.File, sheet, axis string) bool {
	id, err := f.GetCellStyle(sheet, axis)
	if err != nil {
		return false
	}
	st, err := f.GetStyle(id)
	if err != nil || st == nil {
		return false
	}
	if st.CustomNumFmt != nil {
		code := strings.ToLower(*st.CustomNumFmt)
		// Quoted text and colours say nothing of dates.
		var b strings.Builder
		quoted := false
		for _, ch := range code {
			switch {
			case ch == '"':
				quoted = !quoted
			case !quoted:
				b.WriteRune(ch)
			}
		}
		code = b.String()
		return strings.ContainsAny(code, "yd")
	}
	switch n := st.NumFmt; {
	case n >= 14 && n <= 17, n == 22, n >= 27 && n <= 36, n >= 50 && n <= 58:
		return true
	}
	return false
}
