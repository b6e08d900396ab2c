package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"coder/project"
	"coder/qda"
)

// speakerForm fills the open "Code a speaker's turns" dialog: the speaker
// whose label starts with name, the code path, the scope starting with in,
// and the case box; then presses Code.
func speakerForm(t *testing.T, w fyne.Window, name, code, in string, cases bool) {
	t.Helper()
	form := topOverlay(t, w)
	if !strings.Contains(textUnder(form), "Code a speaker's turns") {
		t.Fatalf("the dialog on top is not the speaker dialog:\n%s", textUnder(form))
	}
	walk(form, func(o fyne.CanvasObject) bool {
		if r, ok := o.(*widget.RadioGroup); ok {
			for _, opt := range r.Options {
				if strings.HasPrefix(opt, in) {
					r.SetSelected(opt)
				}
			}
		}
		return false
	})
	var picked bool
	walk(form, func(o fyne.CanvasObject) bool {
		switch x := o.(type) {
		case *widget.SelectEntry:
			typeInto(&x.Entry, code)
		case *widget.Select:
			for _, opt := range x.Options {
				if strings.HasPrefix(opt, name+" (") {
					x.SetSelected(opt)
					picked = true
				}
			}
		}
		return false
	})
	if !picked {
		t.Fatalf("the dialog offers no speaker %q", name)
	}
	if cases {
		tapCheck(t, form, "Also make a case for each speaker in these documents")
	}
	test.Tap(button(t, form, "Code"))
}

// turnsOf lists the spans of a speaker's turns in each document.
func turnsOf(t *testing.T, p *project.Project, speaker string) map[qda.ID][]qda.Span {
	t.Helper()
	docs, err := p.Documents()
	if err != nil {
		t.Fatal(err)
	}
	out := map[qda.ID][]qda.Span{}
	for _, info := range docs {
		d, err := p.Document(info.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, pa := range d.Passages {
			if pa.Speaker == speaker {
				out[d.ID] = append(out[d.ID], pa.Span)
			}
		}
	}
	return out
}

// codedSpans lists the spans coded with a code in each document.
func codedSpans(t *testing.T, p *project.Project, code qda.ID) map[qda.ID][]qda.Span {
	t.Helper()
	rows, err := p.Codings(project.CodingFilter{Codes: []qda.ID{code}})
	if err != nil {
		t.Fatal(err)
	}
	out := map[qda.ID][]qda.Span{}
	for _, r := range rows {
		out[r.Document] = append(out[r.Document], r.Span)
	}
	return out
}

func sameSpans(a, b map[qda.ID][]qda.Span) bool {
	if len(a) != len(b) {
		return false
	}
	for d, as := range a {
		bs := b[d]
		if len(as) != len(bs) {
			return false
		}
		for i := range as {
			if as[i] != bs[i] {
				return false
			}
		}
	}
	return true
}

// Ensure that Code ▸ Code a speaker's turns codes every turn of the chosen
// speaker in every document with a new code, makes a case per speaker when
// asked, and that the codebook shows the new count.
func TestCodeSpeaker_MenuDialogCodesEveryTurnAndMakesCases(t *testing.T) {
	app, w := openDemoCopy(t)
	ws, p := app.ws, app.ws.p
	want := turnsOf(t, p, "Mr Han")
	if len(want) == 0 {
		t.Fatal("the demo project has no turns of Mr Han")
	}
	menuItem(t, ws.menus.main.Items[2], "Code a speaker's turns…").Action()
	speakerForm(t, w, "Mr Han", "Speakers/Mr Han", scopeAll, true)

	code, ok := ws.tree.Find("Speakers/Mr Han")
	if !ok {
		t.Fatal("the dialog did not make the code Speakers/Mr Han")
	}
	got := codedSpans(t, p, code.ID)
	if !sameSpans(got, want) {
		t.Errorf("coded spans %v, want every turn of Mr Han %v", got, want)
	}
	n := 0
	for _, s := range want {
		n += len(s)
	}
	if ws.counts[code.ID] != n {
		t.Errorf("the codebook counts %d codings of Mr Han, want %d", ws.counts[code.ID], n)
	}
	c, err := p.FindCase("Mr Han")
	if err != nil {
		t.Fatalf("no case per speaker: %v", err)
	}
	for d := range want {
		if !c.Has(d) {
			t.Errorf("case Mr Han lacks document %s where he speaks", ws.docName(d))
		}
	}
	if txt := textUnder(topOverlay(t, w)); !strings.Contains(txt, "Coded "+qda.Plural(n, "turn", "turns")+" of Mr Han") {
		t.Errorf("the dialog's report says:\n%s", txt)
	}
}

// Ensure that right-clicking a speaker's turn offers to code all of that
// speaker's turns, and that choosing "this document" codes only the open
// document's turns.
func TestCodeSpeaker_ContextMenuOnATurn(t *testing.T) {
	app, w := openDemoCopy(t)
	ws, p := app.ws, app.ws.p
	turns := turnsOf(t, p, "Interviewer")
	var doc qda.ID
	for d, s := range turns {
		if len(s) > 1 && len(turns) > 1 {
			doc = d
		}
	}
	if doc == "" {
		t.Fatal("the demo project has no document with several Interviewer turns")
	}
	ws.openDocument(doc)
	// The header took the new document's name: lay the window out again
	// as the next frame would, so the text sits where it is drawn.
	w.Content().Refresh()
	first := turns[doc][0]
	ws.view.ScrollTo(first)
	secondaryTap(t, w, glyphAt(ws.view, first.Start+2))
	menu := topOverlay(t, w)
	label := "Code all turns of Interviewer…"
	var item fyne.Tappable
	walk(menu, func(o fyne.CanvasObject) bool {
		if tp, ok := o.(fyne.Tappable); ok && strings.TrimSpace(textUnder(o)) == label {
			item = tp
			return true
		}
		return false
	})
	if item == nil {
		t.Fatalf("right-clicking a turn of Interviewer offers no %q:\n%s", label, textUnder(menu))
	}
	item.Tapped(&fyne.PointEvent{})
	speakerForm(t, w, "Interviewer", "Questions", scopeDoc, false)

	code, ok := ws.tree.Find("Questions")
	if !ok {
		t.Fatal("the dialog did not make the code Questions")
	}
	got := codedSpans(t, p, code.ID)
	if want := map[qda.ID][]qda.Span{doc: turns[doc]}; !sameSpans(got, want) {
		t.Errorf("coded spans %v, want the open document's Interviewer turns %v", got, want)
	}
	if n := len(ws.view.Highlights()); n < len(turns[doc]) {
		t.Errorf("the view paints %d coded spans, want at least %d", n, len(turns[doc]))
	}
}

// tapMenuPath taps a path of items through the open pop-up menu
// ("Speaker turns", "Remove turns"), opening each submenu on the way.
func tapMenuPath(t *testing.T, w fyne.Window, labels ...string) {
	t.Helper()
	for _, label := range labels {
		menu := topOverlay(t, w)
		var item fyne.Tappable
		walk(menu, func(o fyne.CanvasObject) bool {
			if tp, ok := o.(fyne.Tappable); ok && strings.TrimSpace(textUnder(o)) == label {
				item = tp
				return true
			}
			return false
		})
		if item == nil {
			t.Fatalf("the menu offers no %q:\n%s", label, textUnder(menu))
		}
		item.Tapped(&fyne.PointEvent{})
	}
}

// boldTexts lists the texts the window paints in bold.
func boldTexts(w fyne.Window) map[string]bool {
	out := map[string]bool{}
	for _, o := range test.LaidOutObjects(w.Content()) {
		if txt, ok := o.(*canvas.Text); ok && txt.TextStyle.Bold && txt.Visible() {
			out[strings.TrimSpace(txt.Text)] = true
		}
	}
	return out
}

// Ensure that "Speaker turns ▸ Remove turns" in the document's context
// menu takes a transcript's turns away in one undoable action: the model
// has paragraphs, the bold speaker labels are no longer painted and the
// project's speakers lose the document's; Undo brings them back, and
// "Detect turns" finds them again.
func TestSpeakerTurns_RemoveAndDetectFromTheContextMenu(t *testing.T) {
	app, w := openDemoCopy(t)
	ws, p := app.ws, app.ws.p
	turns := turnsOf(t, p, "Secretary Zhou")
	var doc qda.ID
	for d := range turns {
		doc = d
	}
	if len(turns) != 1 {
		t.Fatalf("Secretary Zhou speaks in %d demo documents, want 1", len(turns))
	}
	ws.openDocument(doc)
	w.Content().Refresh()
	first := turns[doc][0]

	check := func(when string, want int) {
		t.Helper()
		d, err := p.Document(doc)
		if err != nil {
			t.Fatal(err)
		}
		if got := turnCount(d); got != want {
			t.Errorf("%s: the document has %d turns, want %d", when, got, want)
		}
		ws.view.ScrollTo(first)
		w.Content().Refresh()
		painted := false
		for text := range boldTexts(w) {
			painted = painted || strings.HasPrefix(text, "Secretary Zhou") // "Secretary Zhou  00:11"
		}
		if painted != (want > 0) {
			t.Errorf("%s: Secretary Zhou painted bold = %v, want %v (the model has %d turns)", when, painted, want > 0, want)
		}
		speakers, err := p.Speakers()
		if err != nil {
			t.Fatal(err)
		}
		if listed := speakers["Secretary Zhou"] > 0; listed != (want > 0) {
			t.Errorf("%s: the speakers list has Secretary Zhou = %v, want %v", when, listed, want > 0)
		}
	}
	had := turnCount(ws.doc)
	check("before", had)

	secondaryTap(t, w, glyphAt(ws.view, first.Start+2))
	tapMenuPath(t, w, "Speaker turns", "Remove turns")
	check("after Remove turns", 0)
	if got := p.CanUndo(); got != "Remove speaker turns" {
		t.Errorf("the undo step is %q, want %q", got, "Remove speaker turns")
	}

	ws.menus.undo.Action()
	check("after Undo", had)

	ws.menus.redo.Action()
	check("after Redo", 0)

	ws.view.ScrollTo(first)
	secondaryTap(t, w, glyphAt(ws.view, first.Start+2))
	tapMenuPath(t, w, "Speaker turns", "Detect turns")
	check("after Detect turns", had)
}
