package ui

import (
	"strings"
	"testing"

	"coder/qda"
)

// Ensure that counts read right in the singular and the plural, with
// irregular nouns and verbs that agree ("1 code matches").
func TestPlural_OneAndMany(t *testing.T) {
	for _, tc := range []struct {
		n         int
		one, many string
		want      string
	}{
		{0, "passage", "passages", "0 passages"},
		{1, "passage", "passages", "1 passage"},
		{2, "passage", "passages", "2 passages"},
		{1, "code matches", "codes match", "1 code matches"},
		{3, "code matches", "codes match", "3 codes match"},
		{1, "match", "matches", "1 match"},
	} {
		if got := qda.Plural(tc.n, tc.one, tc.many); got != tc.want {
			t.Errorf("Plural(%d, %q, %q) = %q, want %q", tc.n, tc.one, tc.many, got, tc.want)
		}
	}
}

// Ensure that a search with one hit says "1 passage matches", not
// "1 passages match", and finding one code says "1 code matches".
func TestPlural_OneSearchHitAndOneCodeFound(t *testing.T) {
	app, _ := openDemoCopy(t)
	ws := app.ws
	searchFor(t, ws, "awning")
	if got := ws.search.summary.Text; !strings.HasPrefix(got, "1 passage matches") {
		t.Errorf("one hit reads %q", got)
	}
	searchFor(t, ws, "gate")
	if got := ws.search.summary.Text; !strings.Contains(got, " passages match") {
		t.Errorf("several hits read %q", got)
	}
	ws.view.Select(qda.Span{})
	typeInto(&ws.codes.filter.Entry, "Relational capital shortage")
	if got := ws.codes.hint.Text; !strings.HasPrefix(got, "1 code matches") {
		t.Errorf("finding one code reads %q", got)
	}
}
