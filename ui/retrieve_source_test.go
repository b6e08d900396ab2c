package ui

import (
	"regexp"
	"strings"
	"testing"

	"coder/project"
	"coder/qda"
)

// Ensure that a retrieved segment's heading says where it is as a stretch of
// characters ("characters 14–22"), not as "14:22", which a researcher
// reads as the time it was coded.
func TestRetrieve_SegmentPlaceIsNotATimeOfDay(t *testing.T) {
	app, _ := openDemoCopy(t)
	ws := app.ws
	row := project.CodingRow{DocName: "Interview 3", CoderName: "Li Wei"}
	row.Span = qda.Span{Start: 14, End: 22}
	got := ws.retrieve.source(row)
	if regexp.MustCompile(`\b14:22\b`).MatchString(got) || !strings.Contains(got, "characters 14–22") {
		t.Errorf("the heading says %q, want the characters 14–22 named as such", got)
	}
}
