package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"coder/project"
	"coder/qda"
)

const interviewMa = `Interviewer: How did the yard meetings start?
Old Ma: At first nobody came. The gate committee put a notice on the board and only six households turned up.
Interviewer: What changed?
Old Ma: The new secretary came to every yard in person. After that the gate committee had forty people at each meeting, and we fixed the drains ourselves.
`

const interviewLi = `访谈者：院子里的事谁来管？
李大姐：以前都等社区来管，后来我们自己成立了楼栋议事会，大门的事也是大家商量着办。
`

// Ensure that a researcher can go from nothing to coded, retrieved and
// searched material through the window's own widgets, and take it back with
// undo, and that every step lands in the project file.
func TestWorkflow_NewProjectImportCodeRetrieveSearchUndo(t *testing.T) {
	app, w := newTestApp(t)
	dir := t.TempDir()
	var p *project.Project
	var ws *workspace
	var ma *qda.Document

	t.Run("NewProjectFromTheWelcomeScreen", func(t *testing.T) {
		test.Tap(button(t, w.Content(), "New project…"))
		form := topOverlay(t, w)
		for _, e := range entries(form) {
			switch e.PlaceHolder {
			case "e.g. G Community study":
				typeInto(e, "Village study")
			case "where the project file goes":
				typeInto(e, filepath.Join(dir, "village.coder"))
			}
		}
		test.Tap(button(t, form, "Create"))
		if p = app.Project(); p == nil {
			t.Fatal("no project open after Create")
		}
		ws = app.ws
		if p.Path() != filepath.Join(dir, "village.coder") {
			t.Errorf("project at %s", p.Path())
		}
		if info, _ := p.Info(); info.Name != "Village study" {
			t.Errorf("project named %q", info.Name)
		}
		if n := ws.tree.Len(); n != 35 {
			t.Errorf("the logics codebook has %d codes, want 35", n)
		}
	})
	if p == nil {
		t.FailNow()
	}

	t.Run("ImportDroppedFilesWithAReport", func(t *testing.T) {
		files := []string{
			writeFile(t, dir, "interview-ma.txt", interviewMa),
			writeFile(t, dir, "访谈-李.txt", interviewLi),
			writeFile(t, dir, "broken.pdf", "this is not a PDF"),
		}
		var uris []fyne.URI
		for _, f := range files {
			uris = append(uris, storage.NewFileURI(f))
		}
		done := make(chan struct{})
		ws.onImported = func(*project.ImportReport, error) { close(done) }
		app.dropped(uris)
		form := topOverlay(t, w)
		walk(form, func(o fyne.CanvasObject) bool {
			if se, ok := o.(*widget.SelectEntry); ok {
				test.Type(se, "Village A")
				return true
			}
			return false
		})
		test.Tap(button(t, form, "Import"))
		wait(t, done, "import")
		report := textUnder(topOverlay(t, w))
		if !strings.Contains(report, "broken.pdf") || !strings.Contains(report, "2 imported, 1 failed") {
			t.Errorf("import report does not name the failed file:\n%s", report)
		}
		test.Tap(button(t, topOverlay(t, w), "Close"))
		docs, _ := p.Documents()
		if len(docs) != 2 {
			t.Fatalf("%d documents imported, want 2", len(docs))
		}
		for _, d := range docs {
			if len(d.Cases) != 1 || d.Cases[0] != "Village A" {
				t.Errorf("%s is in cases %v, want Village A", d.Name, d.Cases)
			}
			if strings.HasPrefix(d.Name, "interview-ma") {
				ma, _ = p.Document(d.ID)
			}
		}
		if ma == nil {
			t.Fatal("interview-ma was not imported")
		}
	})
	if ma == nil {
		t.FailNow()
	}

	forty := spanOf(t, ma, "the gate committee had forty people")
	drains := spanOf(t, ma, "we fixed the drains ourselves")
	secretary := spanOf(t, ma, "The new secretary came to every yard in person")

	t.Run("CodeFromTheContextMenu", func(t *testing.T) {
		ws.documents.tree.Select("d\x00Village A\x00" + string(ma.ID))
		if ws.doc == nil || ws.doc.ID != ma.ID {
			t.Fatal("choosing the document in the list did not open it")
		}
		dragSelect(w, ws.view, forty)
		if got := ws.view.Selection(); got != forty {
			t.Fatalf("dragging selected %v, want %v", got, forty)
		}
		secondaryTap(t, w, glyphAt(ws.view, forty.Start+3))
		menu := topOverlay(t, w)
		if txt := textUnder(menu); !strings.Contains(txt, "In-vivo code") {
			t.Fatalf("right-click showed no coding menu:\n%s", txt)
		}
		menu.Hide()
		m := ws.codingMenu(ws.view.Selection(), nil, "")
		menuItem(t, m, "Code with", "Community logic", "Public deliberation spaces").Action()
		want := []string{"Community logic/Public deliberation spaces: the gate committee had forty people"}
		if got := codingsOf(t, p, ma.ID); strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("codings %q, want %q", got, want)
		}
		if n := len(ws.view.Highlights()); n != 1 {
			t.Errorf("the view paints %d coded spans, want 1", n)
		}
	})

	t.Run("CodeWithAPinnedQuickKey", func(t *testing.T) {
		code, _ := ws.tree.Find("Community logic/Demand for a better living environment")
		menuItem(t, ws.codes.codeMenu(code.ID), "Pin to quick key", "Key 1").Action()
		dragSelect(w, ws.view, drains)
		test.Type(ws.view, "1")
		rows, _ := p.Codings(project.CodingFilter{Codes: []qda.ID{code.ID}})
		if len(rows) != 1 || rows[0].Span != drains {
			t.Errorf("key 1 made codings %+v, want one on %v", rows, drains)
		}
		if !strings.Contains(ws.menus.pinned[0].Label, "Demand for a better living environment") {
			t.Errorf("Code menu shows %q for key 1", ws.menus.pinned[0].Label)
		}
	})

	t.Run("TypeToFindACode", func(t *testing.T) {
		dragSelect(w, ws.view, secretary)
		test.Type(ws.view, "s")
		if w.Canvas().Focused() != ws.codes.filter {
			t.Fatal("typing a letter in the document did not move to the code filter")
		}
		test.Type(ws.codes.filter, "ecretaries")
		pressEnter(&ws.codes.filter.Entry)
		code, _ := ws.tree.Find("Political logic/Mobilisation/Encouraging local secretaries")
		rows, _ := p.Codings(project.CodingFilter{Codes: []qda.ID{code.ID}})
		if len(rows) != 1 || rows[0].Span != secretary {
			t.Errorf("Enter made codings %+v, want one on %v", rows, secretary)
		}
		if ws.codes.filter.Text != "" {
			t.Errorf("the filter kept %q after coding", ws.codes.filter.Text)
		}
	})

	t.Run("RetrieveAndJumpBack", func(t *testing.T) {
		ws.centre.Select(ws.retrieveTab)
		ws.showDocument(nil)
		tapCheck(t, ws.retrieve.codes, "Community logic")
		if ws.centre.Selected() != ws.retrieveTab {
			t.Fatal("the retrieve tab went away")
		}
		cards := cardsUnder(ws.retrieve.results)
		if len(cards) != 2 {
			t.Fatalf("retrieving Community logic listed %d segments, want 2 (its sub-codes count)", len(cards))
		}
		if txt := textUnder(ws.retrieve.results); !strings.Contains(txt, "we fixed the drains ourselves") || !strings.Contains(txt, "Village A") {
			t.Errorf("retrieved segments lack their text or source:\n%s", txt)
		}
		test.Tap(cards[1])
		if ws.centre.Selected() != ws.docTab || ws.doc == nil || ws.doc.ID != ma.ID {
			t.Fatal("tapping a segment did not open its document")
		}
		if got := ws.view.Selection(); got != drains {
			t.Errorf("tapping a segment selected %v, want %v", got, drains)
		}
	})

	t.Run("SearchAndCodeAllHits", func(t *testing.T) {
		done := make(chan struct{}, 1)
		ws.search.done = func() { done <- struct{}{} }
		menuItem(t, ws.menus.main.Items[1], "Search all documents…").Action()
		if w.Canvas().Focused() != ws.search.query {
			t.Error("Find did not put the keyboard in the query box")
		}
		test.Type(ws.search.query, "gate")
		pressEnter(ws.search.query)
		wait(t, done, "search")
		cards := cardsUnder(ws.search.results)
		if len(cards) != 2 || !strings.Contains(ws.search.summary.Text, "2 passages") {
			t.Fatalf("search for gate: %q with %d hits, want 2", ws.search.summary.Text, len(cards))
		}
		if txt := textUnder(ws.search.results); !strings.Contains(txt, "Village A (2)") {
			t.Errorf("hits are not grouped under their case:\n%s", txt)
		}
		test.Tap(cards[0])
		if ws.centre.Selected() != ws.docTab || ws.view.SelectedText() != "gate" {
			t.Errorf("tapping a hit selected %q", ws.view.SelectedText())
		}
		ws.centre.Select(ws.searchTab)
		test.Tap(ws.search.codeAll)
		form := topOverlay(t, w)
		pickCode(t, form, "Gatekeeping", "Create new code “Gatekeeping”")
		coded := make(chan struct{}, 1)
		ws.search.onCoded = func(project.CodedHits, error) { coded <- struct{}{} }
		searched := make(chan struct{}, 1)
		ws.search.done = func() { searched <- struct{}{} }
		test.Tap(button(t, form, "Code"))
		wait(t, coded, "code all hits")
		wait(t, searched, "the search again after coding")
		code, ok := ws.tree.Find("Gatekeeping")
		if !ok {
			t.Fatal("Code all hits did not make the new code")
		}
		rows, _ := p.Codings(project.CodingFilter{Codes: []qda.ID{code.ID}})
		if len(rows) != 2 || !strings.HasPrefix(rows[0].Text, "Old Ma:") && !strings.Contains(rows[0].Text, "gate") {
			t.Errorf("code all hits made %d codings", len(rows))
		}
		if overlay := w.Canvas().Overlays().Top(); overlay != nil {
			overlay.Hide()
		}
	})

	t.Run("UndoFromTheEditMenu", func(t *testing.T) {
		before := len(codingsOf(t, p, ma.ID))
		if got := ws.menus.undo.Label; got != "Undo Code search hits" {
			t.Errorf("Edit menu says %q", got)
		}
		ws.menus.undo.Action()
		if after := len(codingsOf(t, p, ma.ID)); after != before-2 {
			t.Errorf("undo left %d codings, want %d", after, before-2)
		}
		if _, ok := ws.tree.Find("Gatekeeping"); ok {
			t.Error("undo kept the code made with the codings in the same step")
		}
		ws.menus.undo.Action() // the type-to-find coding
		if got := codingsOf(t, p, ma.ID); len(got) != 2 {
			t.Errorf("after two undos the document has codings %q, want 2", got)
		}
		if got := ws.menus.redo.Label; got != "Redo Apply code" {
			t.Errorf("Edit menu says %q", got)
		}
		ws.menus.redo.Action()
		if got := codingsOf(t, p, ma.ID); len(got) != 3 {
			t.Errorf("redo left codings %q, want 3", got)
		}
		if n := len(ws.view.Highlights()); n != 3 {
			t.Errorf("after redo the view paints %d coded spans, want 3", n)
		}
	})
}

// secondaryTap right-clicks whatever takes secondary taps at pos.
func secondaryTap(t *testing.T, w fyne.Window, pos fyne.Position) {
	t.Helper()
	var target fyne.SecondaryTappable
	var local fyne.Position
	for _, o := range test.LaidOutObjects(w.Canvas().Content()) {
		st, ok := o.(fyne.SecondaryTappable)
		if !ok || !o.Visible() {
			continue
		}
		abs, size := canvasPos(o), o.Size()
		if pos.X >= abs.X && pos.Y >= abs.Y && pos.X < abs.X+size.Width && pos.Y < abs.Y+size.Height {
			target, local = st, pos.Subtract(abs)
		}
	}
	if target == nil {
		t.Fatalf("nothing at %v takes a secondary tap", pos)
	}
	target.TappedSecondary(&fyne.PointEvent{Position: local, AbsolutePosition: pos})
}

// tapCheck taps the check box labelled text in a check group.
func tapCheck(t *testing.T, g fyne.CanvasObject, text string) {
	t.Helper()
	found := walk(g, func(o fyne.CanvasObject) bool {
		if c, ok := o.(*widget.Check); ok && c.Text == text {
			test.Tap(c)
			return true
		}
		if c, ok := o.(*codeChoice); ok && c.name.Text == text {
			test.Tap(c.check)
			return true
		}
		return false
	})
	if !found {
		t.Fatalf("no check box %q", text)
	}
}

// cardsUnder lists the clickable cards shown in a result list.
func cardsUnder(o fyne.CanvasObject) []*tapCard {
	var out []*tapCard
	walk(o, func(c fyne.CanvasObject) bool {
		if card, ok := c.(*tapCard); ok && card.Visible() {
			out = append(out, card)
		}
		return false
	})
	return out
}
