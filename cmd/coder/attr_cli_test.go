package main_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// attrProject makes a project with two cases and two documents.
func attrProject(t *testing.T) (dir, p string) {
	t.Helper()
	dir = t.TempDir()
	p = filepath.Join(dir, "study.coder")
	ok(t, "new", p, "--codebook", "empty")
	a := writeTemp(t, dir, "yard-notes.txt", "The gate was shut.\n")
	b := writeTemp(t, dir, "town-notice.txt", "A notice about the gate.\n")
	ok(t, "import", p, a, b)
	ok(t, "cases", "add", p, "Yard 3")
	ok(t, "cases", "add", p, "Yard 5")
	return dir, p
}

// exportCSV returns the case or document attribute table as CSV text,
// without the byte order mark and with LF line ends.
func exportCSV(t *testing.T, p, by string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "attrs.csv")
	ok(t, "attr", "export", p, out, "--by", by)
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return strings.ReplaceAll(strings.TrimPrefix(string(b), "\uFEFF"), "\r\n", "\n")
}

type attrReport struct {
	Rows, Matched, Set, Unchanged int
	Applied                       bool
	Columns                       []struct {
		Name, Type string
		New        bool
	}
	Unknown []struct {
		Line int
		Name string
	} `json:"unknown_rows"`
	Bad []struct {
		Line                   int
		Name, Attribute, Value string
	} `json:"bad_values"`
}

// Ensure that importing a CSV of cases gives each new column the type its
// values share (whole number, date, yes/no, text), that existing columns
// keep theirs, that an empty cell leaves a value alone, and that the export
// reads back what was imported.
func TestCLI_AttrImportInfersTypesAndExportReadsBack(t *testing.T) {
	dir, p := attrProject(t)
	ok(t, "attr", p, "--case", "Yard 5", "Note", "kept")
	in := writeTemp(t, dir, "cases.csv", "Case,Households,Founded,Gated,Note\n"+
		"Yard 3,48,2001-04-01,yes,old danwei housing\n"+
		"yard 5,-3,2010/09/15,no,\n")
	rep := jsonOut[attrReport](t, "attr", "import", p, in, "--by", "case", "--json")
	want := map[string]string{"Households": "integer", "Founded": "date", "Gated": "boolean", "Note": "text"}
	for _, c := range rep.Columns {
		if want[c.Name] != c.Type || c.New != (c.Name != "Note") {
			t.Errorf("column %s: type %s, new %v", c.Name, c.Type, c.New)
		}
	}
	if rep.Rows != 2 || rep.Matched != 2 || rep.Set != 7 || !rep.Applied {
		t.Errorf("report: %+v", rep)
	}
	got := exportCSV(t, p, "case")
	wantCSV := "Case,Founded,Gated,Households,Note\n" +
		"Yard 3,2001-04-01,true,48,old danwei housing\n" +
		"Yard 5,2010-09-15,false,'-3,kept\n"
	if got != wantCSV {
		t.Errorf("export:\n%s\nwant:\n%s", got, wantCSV)
	}
	// The export imports back without a change.
	back := writeTemp(t, dir, "back.csv", got)
	if out := ok(t, "attr", "import", p, back, "--by", "case"); !strings.Contains(out, "set 0 values (8 unchanged)") {
		t.Errorf("importing the export again:\n%s", out)
	}
}

// Ensure that a value that does not fit its attribute, or a row naming no
// case, refuses the whole import with the lines named and nothing changed;
// that --skip-unknown imports the rest; and that --dry-run changes nothing.
func TestCLI_AttrImportRefusesHalfApplying(t *testing.T) {
	dir, p := attrProject(t)
	ok(t, "attr", p, "--case", "Yard 3", "Households", "48", "--type", "integer")
	before := exportCSV(t, p, "case")
	in := writeTemp(t, dir, "bad.csv", "Case,Households,Place\nYard 3,50,D Town\nYard 9,12,E Town\nYard 5,many,D Town\n")
	r := coder(t, "attr", "import", p, in, "--by", "case")
	if r.code != 1 || !strings.Contains(r.stderr, "nothing was imported") {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	for _, s := range []string{"line 3", "Yard 9", "line 4", `Households = "many"`, "not a whole number"} {
		if !strings.Contains(r.stdout, s) {
			t.Errorf("the report does not say %q:\n%s", s, r.stdout)
		}
	}
	if after := exportCSV(t, p, "case"); after != before {
		t.Fatalf("a refused import changed the project:\n%s", after)
	}

	fixed := writeTemp(t, dir, "fixed.csv", "Case,Households,Place\nYard 3,50,D Town\nYard 9,12,E Town\n")
	if r := coder(t, "attr", "import", p, fixed, "--by", "case"); r.code != 1 {
		t.Fatalf("an unknown row without --skip-unknown: exit %d", r.code)
	}
	if out := ok(t, "attr", "import", p, fixed, "--by", "case", "--skip-unknown", "--dry-run"); !strings.Contains(out, "would set") {
		t.Errorf("dry run says:\n%s", out)
	}
	if after := exportCSV(t, p, "case"); after != before {
		t.Fatal("--dry-run changed the project")
	}
	ok(t, "attr", "import", p, fixed, "--by", "case", "--skip-unknown")
	if got, want := exportCSV(t, p, "case"), "Case,Households,Place\nYard 3,50,D Town\nYard 5,,\n"; got != want {
		t.Errorf("after --skip-unknown:\n%s\nwant:\n%s", got, want)
	}
	if r := coder(t, "attr", "import", p, fixed, "--by", "code"); r.code != 2 {
		t.Errorf("--by code: exit %d", r.code)
	}
}

// Ensure that an XLSX sheet's date cells (stored as serial numbers with a
// date format) and numbers come in as dates and numbers, and that a CSV
// saved in GB18030 by a Chinese Excel is read right, by document.
func TestCLI_AttrImportXLSXDatesAndGB18030(t *testing.T) {
	dir, p := attrProject(t)
	f := excelize.NewFile()
	sh := f.GetSheetName(0)
	f.SetSheetRow(sh, "A1", &[]any{"Document", "Collected", "Pages", "来源"})
	f.SetSheetRow(sh, "A2", &[]any{"yard-notes", time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC), 12, "街道办"})
	f.SetSheetRow(sh, "A3", &[]any{"town-notice", time.Date(2023, 11, 30, 0, 0, 0, 0, time.UTC), 2.5, "居委会"})
	style, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	f.SetCellStyle(sh, "B2", "B3", style)
	x := filepath.Join(dir, "docs.xlsx")
	if err := f.SaveAs(x); err != nil {
		t.Fatal(err)
	}
	rep := jsonOut[attrReport](t, "attr", "import", p, x, "--by", "doc", "--json")
	types := map[string]string{}
	for _, c := range rep.Columns {
		types[c.Name] = c.Type
	}
	if types["Collected"] != "date" || types["Pages"] != "float" || types["来源"] != "text" {
		t.Errorf("types from the XLSX: %v", types)
	}
	want := "Document,Collected,Pages,来源\ntown-notice,2023-11-30,2.5,居委会\nyard-notes,2024-03-05,12,街道办\n"
	if got := exportCSV(t, p, "doc"); got != want {
		t.Errorf("export after the XLSX:\n%s\nwant:\n%s", got, want)
	}

	gb, err := simplifiedchinese.GB18030.NewEncoder().String("文件;来源\nyard-notes;区政府\n")
	if err != nil {
		t.Fatal(err)
	}
	ok(t, "attr", "import", p, writeTemp(t, dir, "gb.csv", gb), "--by", "doc")
	if got := exportCSV(t, p, "doc"); !strings.Contains(got, "yard-notes,2024-03-05,12,区政府") {
		t.Errorf("after the GB18030 CSV:\n%s", got)
	}
	// And the XLSX export reads back unchanged.
	out := filepath.Join(dir, "out.xlsx")
	ok(t, "attr", "export", p, out, "--by", "doc")
	if s := ok(t, "attr", "import", p, out, "--by", "doc"); !strings.Contains(s, "set 0 values") {
		t.Errorf("importing the XLSX export:\n%s", s)
	}
}
