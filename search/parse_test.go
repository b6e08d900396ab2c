package search_test

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"coder/search"
)

// Ensure that each element of the query syntax parses to what it means.
func TestParseQuery_Syntax(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
	}{
		{"WordsAllMustMatch", "mobilise village", "mobilise village"},
		{"Phrase", `"land transfer"`, `"land transfer"`},
		{"Or", "quota OR target", "quota OR target"},
		{"OrBindsTighterThanAnd", "quota OR target -county", "quota OR target -county"},
		{"Exclusion", "cadre -party", "cadre -party"},
		{"Prefix", "mobili*", "mobili*"},
		{"Fuzzy", "organise~", "organise~"},
		{"FuzzyTwoEdits", "organise~2", "organise~2"},
		{"Grouping", "(quota OR target) (county OR township)", "quota OR target county OR township"},
		{"AndInsideOrKeepsParentheses", "(a b) OR c", "(a b) OR c"},
		{"NegatedGroup", "-(a OR b) c", "-(a OR b) c"},
		{"CodeFilter", `code:"Political logic"`, `code:"Political logic"`},
		{"CaseFilter", `case:"G Community" quota`, `quota case:"G Community"`},
		{"KindFilterNormalised", "kind:Interview", `kind:"interview"`},
		{"SpeakerFilter", "speaker:Resident", `speaker:"Resident"`},
		{"DocFilter", "doc:Interview", `doc:"Interview"`},
		{"AttrFilter", "attr:role=cadre", `attr:"role=cadre"`},
		{"AttrFilterQuotedValue", `attr:role="village cadre"`, `attr:"role=village cadre"`},
		{"FilterNameAnyCase", "CODE:Trust", `code:"Trust"`},
		{"ChineseWord", "征地补偿", "征地补偿"},
		{"ColonInTextIsText", "10:30", "10:30"},
		{"FilterOnlyQuery", "kind:policy", `kind:"policy"`},
		{"OnlyExclusion", "-party", "-party"},
		{"LowerCaseOrIsAWord", "quota or target", "quota or target"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q, err := search.ParseQuery(tc.in)
			if err != nil {
				t.Fatalf("ParseQuery(%q): %v", tc.in, err)
			}
			if got := q.String(); got != tc.want {
				t.Errorf("ParseQuery(%q) = %s, want %s", tc.in, got, tc.want)
			}
		})
	}
}

// Ensure that a filter outside any OR or '-' narrows the whole query.
func TestParseQuery_TopLevelFiltersAreHoisted(t *testing.T) {
	q, err := search.ParseQuery(`quota kind:interview case:"G Community"`)
	if err != nil {
		t.Fatal(err)
	}
	if len(q.Filters) != 2 || q.Filters[0].Field != "kind" || q.Filters[1].Value != "G Community" {
		t.Errorf("Filters = %+v, want kind and case", q.Filters)
	}
	if w, ok := q.Root.(search.Word); !ok || w.Text != "quota" {
		t.Errorf("Root = %#v, want the word quota", q.Root)
	}
}

// Ensure that a syntax error says at which column and why, in words a
// researcher can act on.
func TestParseQuery_ErrorsSayWhereAndWhy(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		col      int
		why      string
	}{
		{"Empty", "   ", 1, "empty"},
		{"UnclosedQuote", `quota "land transfer`, 7, "never closed"},
		{"UnclosedParen", "(quota OR target", 1, "never closed"},
		{"StrayParen", "quota)", 6, "closes nothing"},
		{"EmptyParens", "quota ()", 7, "nothing between"},
		{"OrAtStart", "OR quota", 1, "both sides"},
		{"OrAtEnd", "quota OR", 7, "both sides"},
		{"DoubleOr", "quota OR OR target", 7, "both sides"},
		{"DashAlone", "quota - party", 7, "right before"},
		{"DoubleDash", "--party", 2, "one '-'"},
		{"StarInside", "mo*bilise", 3, "end of a word"},
		{"StarAlone", "*", 1, "word before"},
		{"ShortPrefix", "m*", 1, "two letters"},
		{"FuzzyTooFar", "organise~3", 10, "at most two"},
		{"FuzzyChinese", "征地~", 1, "not offered for Chinese"},
		{"FuzzyPhrase", `"land transfer"~`, 16, "single words"},
		{"NoSpaceAfterQuote", `"land"transfer`, 7, "space after"},
		{"UnknownFilter", "cdoe:Trust", 1, "not a filter"},
		{"FilterWithoutValue", "code: Trust", 1, "needs a value"},
		{"BadKind", "kind:podcast", 1, "not a document kind"},
		{"AttrWithoutEquals", "attr:role", 1, "NAME=VALUE"},
		{"NothingToSearch", "quota !!!", 7, "no letters"},
		{"ColumnsCountCharacters", "征地 OR", 4, "both sides"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := search.ParseQuery(tc.in)
			var se *search.SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("ParseQuery(%q) error = %v, want a *SyntaxError", tc.in, err)
			}
			if se.Column != tc.col {
				t.Errorf("column = %d, want %d (%v)", se.Column, tc.col, err)
			}
			if !strings.Contains(se.Why, tc.why) && !strings.Contains(strings.ToLower(se.Why), tc.why) {
				t.Errorf("why = %q, want it to mention %q", se.Why, tc.why)
			}
			if !strings.Contains(err.Error(), "column") {
				t.Errorf("Error() = %q does not name the column", err.Error())
			}
		})
	}
}

// Ensure that the caret line points under the column at fault.
func TestSyntaxError_CaretPointsAtColumn(t *testing.T) {
	_, err := search.ParseQuery("quota OR")
	var se *search.SyntaxError
	if !errors.As(err, &se) {
		t.Fatal(err)
	}
	lines := strings.Split(se.Caret(), "\n")
	if len(lines) != 2 || lines[0] != "quota OR" || lines[1] != "      ^" {
		t.Errorf("Caret() = %q", se.Caret())
	}
}

// FuzzParseQuery checks that no input makes the parser panic, that errors
// point inside the query, and that a parsed query written back parses to
// the same query.
func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{
		"mobilise village", `"land transfer" -county`, "quota OR target -county",
		"(a OR b) c", "-(a b)", `code:"Political logic" kind:interview`, "attr:role=cadre",
		"mobili* organise~2", "征地 补偿", "征地~", `"`, "(", ")", "OR", "-", "a:b", "10:30",
		`attr:role="x y"`, "((a))", "a OR -b", "Ｃａｄｒｅ", "😀落实",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		q, err := search.ParseQuery(s)
		if err != nil {
			var se *search.SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("ParseQuery(%q) error %v is not a *SyntaxError", s, err)
			}
			if se.Column < 1 || se.Column > utf8.RuneCountInString(s)+1 {
				t.Fatalf("ParseQuery(%q) error column %d outside the query", s, se.Column)
			}
			return
		}
		again, err := search.ParseQuery(q.String())
		if err != nil {
			t.Fatalf("ParseQuery(%q) = %s, which does not parse: %v", s, q, err)
		}
		if again.String() != q.String() {
			t.Fatalf("ParseQuery(%q) = %s, but that parses to %s", s, q, again)
		}
	})
}
