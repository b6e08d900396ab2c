package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// Ensure that a code: filter naming a sub-code without its parents, which
// finds nothing, says which path to type instead of a bare "0 passages".
func TestSearch_CodeFilterWithoutItsPathSaysWhichPath(t *testing.T) {
	app, _ := openDemoCopy(t)
	ws := app.ws
	done := make(chan struct{}, 1)
	ws.search.done = func() { done <- struct{}{} }
	search := func(q string) string {
		t.Helper()
		ws.search.focus()
		typeInto(ws.search.query, q)
		pressEnter(ws.search.query)
		wait(t, done, "search")
		return ws.search.summary.Text
	}
	t.Run("ASubCodeByName", func(t *testing.T) {
		got := search(`code:"Mass persuasion work"`)
		if !strings.Contains(got, `code:"Political logic/Mobilisation/Mass persuasion work"`) {
			t.Errorf("the summary does not give the code's path: %q", got)
		}
	})
	t.Run("ANameNoCodeHas", func(t *testing.T) {
		got := search(`code:"Tea drinking"`)
		if !strings.Contains(got, `No code is called "Tea drinking"`) {
			t.Errorf("the summary does not say no code has that name: %q", got)
		}
	})
	t.Run("TheWholePathFindsItsCodings", func(t *testing.T) {
		got := search(`code:"Political logic/Mobilisation/Mass persuasion work"`)
		if strings.HasPrefix(got, "0 ") || strings.Contains(got, "code:") {
			t.Errorf("the whole path finds nothing or still hints: %q", got)
		}
	})
}

// Ensure that after "Code all hits" the hits show the code they now carry,
// rather than the codes they had before.
func TestSearch_CodeAllHitsShowsTheNewCodeOnTheHits(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	done := make(chan struct{}, 2)
	ws.search.done = func() { done <- struct{}{} }
	ws.search.focus()
	typeInto(ws.search.query, "benches")
	pressEnter(ws.search.query)
	wait(t, done, "search")
	test.Tap(ws.search.codeAll)
	form := topOverlay(t, w)
	pickCode(t, form, "Seating", "Create new code “Seating”")
	test.Tap(button(t, form, "Code"))
	wait(t, done, "the search run again")
	if txt := textUnder(ws.search.results); !strings.Contains(txt, "Seating") {
		t.Errorf("the hits do not show their new code:\n%s", txt)
	}
}
