package qda_test

import (
	"errors"
	"testing"

	"coder/qda"
)

// Ensure that attribute conditions read as researchers type them, and that
// ranges compare numbers as numbers and dates as dates.
func TestParseAttrCond_RangesOfNumbersAndDates(t *testing.T) {
	for _, c := range []struct {
		in   string
		want qda.AttrCond
	}{
		{"Informant role=community cadre", qda.AttrCond{Name: "Informant role", Op: qda.AttrEq, Value: "community cadre"}},
		{"Age>60", qda.AttrCond{Name: "Age", Op: qda.AttrGreater, Value: "60"}},
		{"Age >= 60", qda.AttrCond{Name: "Age", Op: qda.AttrAtLeast, Value: "60"}},
		{"Age<30", qda.AttrCond{Name: "Age", Op: qda.AttrLess, Value: "30"}},
		{"Interview date=2024-01-01..2024-03-31", qda.AttrCond{Name: "Interview date", Op: qda.AttrBetween, Value: "2024-01-01", To: "2024-03-31"}},
		{"Age=..30", qda.AttrCond{Name: "Age", Op: qda.AttrBetween, To: "30"}},
	} {
		got, err := qda.ParseAttrCond(c.in)
		if err != nil || got != c.want {
			t.Errorf("ParseAttrCond(%q) = %+v, %v; want %+v", c.in, got, err, c.want)
		}
	}
	for _, bad := range []string{"Age", "=60", "Age>sixty", "Age=..", "Interview date=2024-01-01..soon"} {
		if _, err := qda.ParseAttrCond(bad); !errors.Is(err, qda.ErrInvalid) {
			t.Errorf("ParseAttrCond(%q) accepted (err %v)", bad, err)
		}
	}
}

// Ensure that a filter keeps a document when any of its values, or its
// cases' values, satisfies each condition, and that "about seventy" is no
// age over sixty.
func TestFilter_AttributeConditions(t *testing.T) {
	const (
		doc1, doc2, doc3 = qda.ID("e0000000-0000-4000-8000-000000000001"), qda.ID("e0000000-0000-4000-8000-000000000002"), qda.ID("e0000000-0000-4000-8000-000000000003")
		kase             = qda.ID("f0000000-0000-4000-8000-000000000001")
		age, date        = qda.ID("b0000000-0000-4000-8000-000000000001"), qda.ID("b0000000-0000-4000-8000-000000000002")
	)
	b := &qda.Bundle{
		Documents: []qda.Document{{ID: doc1}, {ID: doc2}, {ID: doc3}},
		Cases:     []qda.Case{{ID: kase, Name: "Elder", Documents: []qda.ID{doc1}}},
		Variables: []qda.Variable{{ID: age, Name: "Age"}, {ID: date, Name: "Interview date", Type: qda.VarDate}},
		Values: []qda.Value{
			{Variable: age, Owner: kase, Value: "72"},
			{Variable: age, Owner: doc2, Value: "about seventy"},
			{Variable: age, Owner: doc3, Value: "45"},
			{Variable: date, Owner: doc1, Value: "2024-02-10"},
			{Variable: date, Owner: doc3, Value: "2024-04-02"},
		},
	}
	kept := func(conds ...string) []qda.ID {
		var f qda.Filter
		for _, s := range conds {
			c, err := qda.ParseAttrCond(s)
			if err != nil {
				t.Fatal(err)
			}
			f.Attrs = append(f.Attrs, c)
		}
		sel := f.On(b)
		var out []qda.ID
		for _, d := range b.Documents {
			if sel.Document(d.ID) {
				out = append(out, d.ID)
			}
		}
		return out
	}
	if got := kept("age>60"); len(got) != 1 || got[0] != doc1 {
		t.Errorf("Age>60 keeps %v, want only the document whose case is 72", got)
	}
	if got := kept("Interview date=2024-01-01..2024-03-31"); len(got) != 1 || got[0] != doc1 {
		t.Errorf("first quarter keeps %v", got)
	}
	if got := kept("Age<60", "Interview date>2024-03-31"); len(got) != 1 || got[0] != doc3 {
		t.Errorf("young and late keeps %v", got)
	}
}

// Ensure that a yes/no attribute, stored as true or false, is matched by the
// words researchers see and type: yes, no (as `coder codings --attr
// "Party member=yes"` is written).
func TestMatchAttrs_YesAndNoMatchAStoredBoolean(t *testing.T) {
	for _, tc := range []struct {
		name, value, stored string
		want                bool
	}{
		{"Party member", "yes", "true", true},
		{"Party member", "no", "false", true},
		{"Party member", "yes", "false", false},
		{"Party member", "true", "true", true},
		{"Party member", "Y", "true", true},
		{"Role", "yes", "yes", true},
	} {
		have := map[string][]string{tc.name: {tc.stored}}
		if got := qda.MatchAttrs(have, map[string]string{tc.name: tc.value}); got != tc.want {
			t.Errorf("%s=%s on stored %q: %v, want %v", tc.name, tc.value, tc.stored, got, tc.want)
		}
	}
}
