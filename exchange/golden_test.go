package exchange_test

import (
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"coder/exchange"
	"coder/qda"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// golden compares got with testdata/golden/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./exchange -run Golden -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; if the change is intended, run with -update.\n%s", name, firstDiff(string(want), string(got)))
	}
}

func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(wl), len(gl)); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\nwant: %q\n got: %q", i+1, w, g)
		}
	}
	return ""
}

// zipDump lists a package's entries with their text, checking each XML part
// is well-formed: a reviewable stand-in for the binary file.
func zipDump(t *testing.T, data []byte) []byte {
	t.Helper()
	var out bytes.Buffer
	entries := zipEntries(t, data)
	var names []string
	for n := range entries {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		body := entries[n]
		if strings.HasSuffix(n, ".xml") || strings.HasSuffix(n, ".rels") || strings.HasSuffix(n, ".qde") {
			wellFormed(t, n, body)
		}
		fmt.Fprintf(&out, "=== %s (%d bytes)\n%s\n", n, len(body), body)
	}
	return out.Bytes()
}

func wellFormed(t *testing.T, name string, data []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("%s is not well-formed XML: %v", name, err)
		}
	}
}

// xlsxDump lists every sheet's cells, row by row.
func xlsxDump(t *testing.T, data []byte) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("excelize cannot read the export: %v", err)
	}
	defer f.Close()
	var out bytes.Buffer
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&out, "=== sheet %s\n", sheet)
		for _, r := range rows {
			fmt.Fprintf(&out, "%q\n", r)
		}
	}
	return out.Bytes()
}

// Ensure that every export format writes what the golden files hold, and
// writes the same bytes every time.
func TestExports_MatchGoldenFiles(t *testing.T) {
	b := fixture(t)
	run := func(t *testing.T, write func(io.Writer) error) []byte {
		t.Helper()
		var one, two bytes.Buffer
		if err := write(&one); err != nil {
			t.Fatal(err)
		}
		if err := write(&two); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(one.Bytes(), two.Bytes()) {
			t.Error("two exports of the same project differ")
		}
		return one.Bytes()
	}
	all := exchange.Filter{}
	opt := exchange.ExcerptOptions{SheetPerTopCode: true}
	for _, f := range []exchange.Format{exchange.FormatCSV, exchange.FormatMD, exchange.FormatHTML} {
		t.Run("Excerpts_"+string(f), func(t *testing.T) {
			golden(t, "excerpts."+string(f), run(t, func(w io.Writer) error { return exchange.WriteExcerpts(w, f, b, all, opt) }))
		})
		t.Run("Codebook_"+string(f), func(t *testing.T) {
			golden(t, "codebook."+string(f), run(t, func(w io.Writer) error { return exchange.WriteCodebook(w, f, b) }))
		})
	}
	t.Run("Excerpts_xlsx", func(t *testing.T) {
		golden(t, "excerpts.xlsx.txt", xlsxDump(t, run(t, func(w io.Writer) error { return exchange.WriteExcerpts(w, exchange.FormatXLSX, b, all, opt) })))
	})
	t.Run("Codebook_xlsx", func(t *testing.T) {
		golden(t, "codebook.xlsx.txt", xlsxDump(t, run(t, func(w io.Writer) error { return exchange.WriteCodebook(w, exchange.FormatXLSX, b) })))
	})
	t.Run("Excerpts_docx", func(t *testing.T) {
		golden(t, "excerpts.docx.txt", zipDump(t, run(t, func(w io.Writer) error { return exchange.WriteExcerpts(w, exchange.FormatDOCX, b, all, opt) })))
	})
	t.Run("Codebook_docx", func(t *testing.T) {
		golden(t, "codebook.docx.txt", zipDump(t, run(t, func(w io.Writer) error { return exchange.WriteCodebook(w, exchange.FormatDOCX, b) })))
	})
	t.Run("Project_qdpx", func(t *testing.T) {
		golden(t, "project.qdpx.txt", zipDump(t, run(t, func(w io.Writer) error { return exchange.WriteQDPX(w, b) })))
	})
	t.Run("Codebook_qdc", func(t *testing.T) {
		golden(t, "codebook.qdc", run(t, func(w io.Writer) error { return exchange.WriteQDC(w, b) }))
	})
}

// Ensure that the CSV opens in a spreadsheet as UTF-8 and that a quote that
// looks like a formula stays text.
func TestWriteExcerpts_CSVHasBOMAndDefusesFormulas(t *testing.T) {
	b := fixture(t)
	b.Documents[1].Text = "=HYPERLINK(\"http://example.invalid\")\n" + b.Documents[1].Text
	b.Documents[1].Chars += 37
	b.Codings = append(b.Codings, qda.Coding{ID: "90000000-0000-4000-8000-000000000099", Document: docNotice, Code: codeTrust, Span: qda.Span{Start: 0, End: 36}, Coder: coderLi})
	var buf bytes.Buffer
	if err := exchange.WriteExcerpts(&buf, exchange.FormatCSV, b, exchange.Filter{Codes: []qda.ID{codeTrust}}, exchange.ExcerptOptions{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("\xEF\xBB\xBF")) {
		t.Error("CSV lacks the UTF-8 BOM")
	}
	if !bytes.Contains(buf.Bytes(), []byte(`"'=HYPERLINK(""http://example.invalid"")"`)) {
		t.Errorf("formula-like quote not defused:\n%s", buf.Bytes())
	}
	if !bytes.Contains(buf.Bytes(), []byte("大家都说这是走形式。")) {
		t.Error("CJK quote missing from CSV")
	}
}

// Ensure that the HTML report escapes what it quotes and keeps colours to
// plain #RRGGBB.
func TestWriteExcerpts_HTMLEscapesContent(t *testing.T) {
	b := fixture(t)
	b.Codes[7].Name = `Trust<script>alert(1)</script>`
	b.Codes[7].Color = `red;background:url(javascript:alert(1))`
	var buf bytes.Buffer
	if err := exchange.WriteExcerpts(&buf, exchange.FormatHTML, b, exchange.Filter{}, exchange.ExcerptOptions{}); err != nil {
		t.Fatal(err)
	}
	s := buf.String()
	if strings.Contains(s, "<script>") || strings.Contains(s, "javascript:") {
		t.Errorf("HTML carries unescaped content")
	}
	if !strings.Contains(s, "Trust&lt;script&gt;") {
		t.Error("code name not shown escaped")
	}
}
