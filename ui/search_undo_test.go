package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"coder/project"
)

// Ensure that after Edit ▸ Undo of "Code all hits" the result cards no
// longer say the hits are coded with that code, and that Redo brings the
// code back on them: they said "coded …" after the undo.
func TestSearch_UndoOfCodeAllHitsRefreshesTheCards(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	const code = "Context/Trigger/External pressure"
	searchFor(t, ws, "benches")
	test.Tap(ws.search.codeAll)
	form := topOverlay(t, w)
	pickCode(t, form, "External", code)
	coded := make(chan struct{}, 1)
	ws.search.onCoded = func(project.CodedHits, error) { coded <- struct{}{} }
	searched := make(chan struct{}, 4)
	ws.search.done = func() { searched <- struct{}{} }
	test.Tap(button(t, form, "Code"))
	wait(t, coded, "code all hits")
	wait(t, searched, "search after coding")
	if cards := searchCards(ws); !allSay(cards, code) {
		t.Fatalf("after coding every hit the cards read %q", cards)
	}

	ws.menus.doUndo()
	wait(t, searched, "search after undo")
	if cards := searchCards(ws); len(cards) == 0 || anySays(cards, code) {
		t.Errorf("after Edit ▸ Undo the cards read %q", cards)
	}
	ws.menus.doRedo()
	wait(t, searched, "search after redo")
	if cards := searchCards(ws); !allSay(cards, code) {
		t.Errorf("after Edit ▸ Redo the cards read %q", cards)
	}
}

// searchCards is the source line of every hit card the Search panel shows.
func searchCards(ws *workspace) []string {
	s := ws.search
	var cards []string
	for id, r := range s.rows {
		if r.hit == nil {
			continue
		}
		o := s.newRow()
		s.updateRow(id, o)
		cards = append(cards, s.parts[o.(*fyne.Container)].meta.Text)
	}
	return cards
}

func allSay(cards []string, code string) bool {
	for _, c := range cards {
		if !strings.Contains(c, code) {
			return false
		}
	}
	return len(cards) > 0
}

func anySays(cards []string, code string) bool {
	for _, c := range cards {
		if strings.Contains(c, code) {
			return true
		}
	}
	return false
}
