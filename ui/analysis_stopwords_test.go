package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"coder/analysis"
)

// Ensure that the stop-word editor shows the words one per line, unwrapped
// and in order, so that End on the fourth line goes to the end of the fourth
// word: Backspaces there and a new word replace that word, Enter and
// another add one, and Save keeps every other word as it was.
func TestStopWords_EndOnALineEditsThatWordOnly(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	w.Resize(fyne.NewSize(1200, 800))
	stored, err := ws.p.StopWords()
	before := stored.Clean()
	if err != nil || len(before.English) < 10 {
		t.Fatalf("stop words before: %v, %v", before, err)
	}
	ws.showAnalysis()
	var wp *wordsPage
	for _, p := range ws.analysis.pages {
		if p, ok := p.(*wordsPage); ok {
			wp = p
		}
	}
	if wp == nil {
		t.Fatal("the Analysis view has no Words tab")
	}
	wp.editStopWords()
	dlg := topOverlay(t, w)
	es := entries(dlg)
	if len(es) != 2 {
		t.Fatalf("the stop-word editor has %d fields", len(es))
	}
	en := es[0]
	if en.Wrapping != fyne.TextWrapOff {
		t.Errorf("the English list wraps (%v)", en.Wrapping)
	}
	if got := strings.Split(en.Text, "\n"); !slices.Equal(got, before.English) {
		t.Errorf("the English list is not one word per line: %q", en.Text)
	}
	w.Canvas().Focus(en)
	en.CursorRow, en.CursorColumn = 3, 0
	en.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	for range []rune(before.English[3]) {
		en.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	}
	test.Type(en, "zebrafish")
	en.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	test.Type(en, "aardvark")
	test.Tap(button(t, dlg, "Save"))
	after, err := ws.p.StopWords()
	if err != nil {
		t.Fatal(err)
	}
	edited := slices.Concat(before.English[:3], []string{"zebrafish", "aardvark"}, before.English[4:])
	want := analysis.StopWords{English: edited}.Clean().English
	if !slices.Equal(after.English, want) {
		t.Errorf("after replacing the fourth word and adding one the list is\n%v\nwant\n%v", after.English, want)
	}
	if !slices.Equal(after.Chinese, before.Chinese) {
		t.Errorf("the Chinese list changed: %v, was %v", after.Chinese, before.Chinese)
	}
}
