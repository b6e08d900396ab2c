package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"coder/project"
	"coder/qda"
)

// pickerUnder finds the code picker in a dialog.
func pickerUnder(t *testing.T, o fyne.CanvasObject) *codePicker {
	t.Helper()
	var found *codePicker
	walk(o, func(c fyne.CanvasObject) bool {
		found, _ = c.(*codePicker)
		return found != nil
	})
	if found == nil {
		t.Fatal("no code picker in the dialog")
	}
	return found
}

// pickCode types into the dialog's code picker and picks choice from what
// it offers.
func pickCode(t *testing.T, form fyne.CanvasObject, typed, choice string) *codePicker {
	t.Helper()
	c := pickerUnder(t, form)
	typeInto(c.entry, typed)
	for _, o := range c.choices.Options {
		if o == choice {
			c.choices.SetSelected(o)
			return c
		}
	}
	t.Fatalf("after typing %q the picker offers %q, not %q", typed, c.choices.Options, choice)
	return c
}

// Ensure that typing part of a code's name in "Code all hits" offers the
// codes that hold it and never makes a code by itself: Code stays disabled
// until a code (or "Create new code") is picked, and picking the existing
// code codes with it.
func TestCodeAllHits_PartialNameOffersCodesAndCreatesNothing(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	codesBefore := ws.tree.Len()
	searchFor(t, ws, "benches")
	hits := ws.search.result.Total
	test.Tap(ws.search.codeAll)
	form := topOverlay(t, w)
	c := pickerUnder(t, form)
	typeInto(c.entry, "External")
	want := []string{"Context/Trigger/External pressure", "Create new code “External”"}
	if strings.Join(c.choices.Options, "|") != strings.Join(want, "|") {
		t.Errorf("typing External offers %q, want %q", c.choices.Options, want)
	}
	code := button(t, form, "Code")
	if !code.Disabled() {
		t.Fatal("Code is enabled with only a partial name typed")
	}
	pressEnter(c.entry) // Enter must not create "External" either
	if ws.tree.Len() != codesBefore {
		t.Fatalf("a partial name made a code: %d codes, had %d", ws.tree.Len(), codesBefore)
	}
	c.choices.SetSelected("Context/Trigger/External pressure")
	if code.Disabled() {
		t.Fatal("Code stays disabled after picking a code")
	}
	coded := make(chan struct{}, 1)
	ws.search.onCoded = func(project.CodedHits, error) { coded <- struct{}{} }
	searched := make(chan struct{}, 1)
	ws.search.done = func() { searched <- struct{}{} }
	test.Tap(code)
	wait(t, coded, "code all hits")
	wait(t, searched, "the search again after coding")
	if ws.tree.Len() != codesBefore {
		t.Errorf("coding with an existing code made a code: %d codes, had %d", ws.tree.Len(), codesBefore)
	}
	ext, _ := ws.tree.Find("Context/Trigger/External pressure")
	rows, _ := ws.p.Codings(project.CodingFilter{Codes: []qda.ID{ext.ID}})
	if len(rows) != 3+hits { // the demo's own 3 and the passages that say benches
		t.Errorf("External pressure has %d codings after coding the %d benches passages, want %d", len(rows), hits, 3+hits)
	}
}

// Ensure that the count "Code all hits" shows, in the unit it names, is the
// count it codes: a passage that holds the word twice gives more matching
// words than passages, and the dialog says both.
func TestCodeAllHits_CountShownIsCountCoded(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	searchFor(t, ws, "courtyard gate")
	res := ws.search.result
	matches := 0
	for _, h := range res.Hits {
		matches += len(h.Matches)
	}
	if matches == res.Total {
		t.Fatalf("every passage holds one match: %d matches in %d passages", matches, res.Total)
	}
	for _, unit := range []struct {
		choice string
		want   int
		noun   string
	}{{"The matching words", matches, "matching words"}, {"The whole passages", res.Total, "passages"}} {
		t.Run(unit.noun, func(t *testing.T) {
			test.Tap(ws.search.codeAll)
			form := topOverlay(t, w)
			var what *widget.RadioGroup
			walk(form, func(o fyne.CanvasObject) bool {
				if r, ok := o.(*widget.RadioGroup); ok && len(r.Options) == 2 {
					what = r
				}
				return what != nil
			})
			for _, o := range what.Options {
				if strings.HasPrefix(o, unit.choice) {
					what.SetSelected(o)
				}
			}
			pickCode(t, form, "Gate "+unit.noun, "Create new code “Gate "+unit.noun+"”")
			promise := qda.Plural(unit.want, strings.TrimSuffix(unit.noun, "s"), unit.noun)
			if txt := textUnder(form); !strings.Contains(txt, "Codes "+promise) && !strings.Contains(txt, "codes "+promise) {
				t.Errorf("the dialog does not promise %q:\n%s", promise, txt)
			}
			coded := make(chan struct{}, 1)
			ws.search.onCoded = func(project.CodedHits, error) { coded <- struct{}{} }
			searched := make(chan struct{}, 1)
			ws.search.done = func() { searched <- struct{}{} }
			test.Tap(button(t, form, "Code"))
			wait(t, coded, "code all hits")
			wait(t, searched, "the search again after coding")
			code, ok := ws.tree.Find("Gate " + unit.noun)
			if !ok {
				t.Fatal("the new code was not made")
			}
			rows, _ := ws.p.Codings(project.CodingFilter{Codes: []qda.ID{code.ID}})
			if len(rows) != unit.want {
				t.Errorf("the dialog promised %s and made %d codings", promise, len(rows))
			}
		})
	}
}
