package exchange_test

import (
	"sort"
	"strings"
	"testing"

	"coder/exchange"
	"coder/qda"
)

func codingIDs(ex []exchange.Excerpt) []string {
	var ids []string
	for _, e := range ex {
		ids = append(ids, string(e.Coding)[len(e.Coding)-2:])
	}
	sort.Strings(ids)
	return ids
}

// Ensure that each filter selects what a researcher asking for it expects.
func TestExcerpts_Filters(t *testing.T) {
	b := fixture(t)
	cases := []struct {
		name string
		f    exchange.Filter
		want string
	}{
		{"All", exchange.Filter{}, "01 02 03 04 05 06 07 08 09 10"},
		{"CodeIncludesItsSubtree", exchange.Filter{Codes: []qda.ID{codeCommunity}}, "03 04 06 09 10"},
		{"LeafCode", exchange.Filter{Codes: []qda.ID{codePilot}}, "05 07"},
		{"Case", exchange.Filter{Cases: []qda.ID{caseTown}}, "07 08"},
		{"Document", exchange.Filter{Documents: []qda.ID{docFieldnote}}, "09 10"},
		{"Coder", exchange.Filter{Coders: []qda.ID{coderSam}}, "03 04 06 09 10"},
		{"CaseAttribute", exchange.Filter{Attrs: []qda.AttrCond{{Name: "informant role", Op: qda.AttrEq, Value: "Township Party Committee"}}}, "07 08"},
		{"DocumentAttribute", exchange.Filter{Attrs: []qda.AttrCond{{Name: "Anonymised", Op: qda.AttrEq, Value: "true"}}}, "01 02 03 04 05 06"},
		{"AllMustMatch", exchange.Filter{Codes: []qda.ID{codeTrust}, Coders: []qda.ID{coderSam}, Documents: []qda.ID{docInterview}}, "04 06"},
		{"NothingMatches", exchange.Filter{Attrs: []qda.AttrCond{{Name: "Households", Op: qda.AttrEq, Value: "7"}}}, ""},
		{"TwoCasesEitherOne", exchange.Filter{Cases: []qda.ID{caseTown, caseG}}, "01 02 03 04 05 06 07 08 09 10"},
		{"DocumentAndCaseBothHold", exchange.Filter{Documents: []qda.ID{docInterview}, Cases: []qda.ID{caseTown}}, ""},
		{"NumberRange", exchange.Filter{Attrs: []qda.AttrCond{{Name: "Households", Op: qda.AttrGreater, Value: "400"}}}, "01 02 03 04 05 06 09 10"},
		{"NumberRangeExcludes", exchange.Filter{Attrs: []qda.AttrCond{{Name: "Households", Op: qda.AttrLess, Value: "400"}}}, ""},
		{"DateBetween", exchange.Filter{Attrs: []qda.AttrCond{{Name: "Source date", Op: qda.AttrBetween, Value: "2023-09-01", To: "2023-09-30"}}}, "07 08"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := strings.Join(codingIDs(exchange.Excerpts(b, c.f)), " ")
			if got != c.want {
				t.Errorf("codings %q, want %q", got, c.want)
			}
		})
	}
}

// Ensure that an excerpt carries what a reader needs to cite it.
func TestExcerpts_CarryEverythingToCiteThem(t *testing.T) {
	ex := exchange.Excerpts(fixture(t), exchange.Filter{Codes: []qda.ID{codePilot}, Documents: []qda.ID{docInterview}})
	if len(ex) != 1 {
		t.Fatalf("%d excerpts", len(ex))
	}
	e := ex[0]
	checks := map[string][2]string{
		"code path": {e.CodePath, "Bureaucratic logic/Pilot projects"},
		"text":      {e.Text, "Only when the pilot funds paid for new drains 🚰 did people come back."},
		"document":  {e.Document, "Interview 01 - community cadre"},
		"coder":     {e.Coder, "Li Wen"},
		"cases":     {strings.Join(e.Cases, ","), "G Community"},
		"memo":      {e.Memo, "Drains: Material results as the turning point?"},
		"colour":    {e.Color, "#42D4F4"},
		"role":      {e.Attributes["Informant role"], "community cadre"},
		"date":      {e.Attributes["Source date"], "2023-11-02"},
	}
	for what, c := range checks {
		if c[0] != c[1] {
			t.Errorf("%s = %q, want %q", what, c[0], c[1])
		}
	}
	if e.FirstLine != 7 || e.LastLine != 7 {
		t.Errorf("lines %d-%d, want 7-7", e.FirstLine, e.LastLine)
	}
}

// Ensure that ParseFormat accepts what people type.
func TestParseFormat_AcceptsNamesAndExtensions(t *testing.T) {
	for in, want := range map[string]exchange.Format{"DOCX": "docx", ".md": "md", "markdown": "md", "xlsx": "xlsx", " csv ": "csv", "htm": "html"} {
		if got, err := exchange.ParseFormat(in); err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := exchange.ParseFormat("pdf"); err == nil {
		t.Error("pdf accepted")
	}
}
