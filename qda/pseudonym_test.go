package qda_test

import (
	"strings"
	"testing"

	"coder/qda"
)

// Ensure that names are replaced as whole words in any letter case, the
// longest name first, and Chinese names wherever they occur.
func TestPseudonymiser_WholeWordsLongestFirst(t *testing.T) {
	m := qda.NewPseudonymiser([]qda.Pseudonym{
		{Real: "Lu", Replacement: "L"}, {Real: "Zhang", Replacement: "Z"}, {Real: "Zhang Wei", Replacement: "Resident A"},
		{Real: "凤山村", Replacement: "D村"}, {Real: "周书记", Replacement: "甲书记"},
	})
	for in, want := range map[string]string{
		"Ms Lu had lunch with Zhang Wei and ZHANG.": "Ms L had lunch with Resident A and Z.",
		"Lucy is not Lu's sister.":                  "Lucy is not L's sister.",
		"周书记在凤山村开会。":                                "甲书记在D村开会。",
	} {
		if got := m.Apply(in); got != want {
			t.Errorf("Apply(%q) = %q, want %q", in, got, want)
		}
	}
	bad := qda.Pseudonym{Real: "Han", Replacement: "Teacher Han"}
	if err := bad.Validate(); err == nil {
		t.Errorf("a replacement holding the real name was accepted")
	}
}

// Ensure that suggestions find speakers but not roles, capitalised names
// but not sentence-initial words, names after titles, and Chinese names
// and places.
func TestSuggestNames_SpeakersNamesPlaces(t *testing.T) {
	texts := []string{
		"Interviewer: Where were you?\nMr Okafor: At the market in Fernbrook Village. Later the ferry came.\nLater we met Secretary Adeyemi.\n",
		"访谈者：您住在哪里？\n居民李：我住在青石村，周书记常来。老孙也在。\n",
	}
	ss := qda.SuggestNames(texts, map[string]int{"Interviewer": 2, "Mr Okafor": 1, "居民李": 1, "访谈者": 1}, qda.NewPseudonymiser([]qda.Pseudonym{{Real: "Fernbrook", Replacement: "F"}}).Has)
	got := map[string]string{}
	for _, s := range ss {
		got[s.Name] = s.Kind
	}
	for name, kind := range map[string]string{"Mr Okafor": "speaker", "居民李": "speaker", "Okafor": "person", "Adeyemi": "person", "青石村": "place", "周书记": "person", "老孙": "person"} {
		if got[name] != kind {
			t.Errorf("%q suggested as %q, want %q (all: %v)", name, got[name], kind, got)
		}
	}
	for _, not := range []string{"Interviewer", "访谈者", "Later", "Where", "At", "Fernbrook Village"} {
		if _, ok := got[not]; ok {
			t.Errorf("%q was suggested", not)
		}
	}
	for _, s := range ss {
		if strings.TrimSpace(s.Replacement) == "" {
			t.Errorf("%q has no suggested replacement", s.Name)
		}
	}
}
