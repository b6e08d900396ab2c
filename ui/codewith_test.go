package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"coder/qda"
)

// Ensure that the document's context menu has, at its top level, "Code
// with…", which finds a code deep in the codebook by typing part of its
// name: a few letters and Enter code the selection with the best match,
// Escape closes it without coding, and a name no code has can become a new
// code when "Create new code" is chosen.
func TestCodeWith_TypingPartOfADeepCodesNameAndEnterCodesTheSelection(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	p := ws.p
	deep := "Community logic/Voluntary self-governing committees/Co-governance/Yard councils"
	if _, err := p.AddCode(deep, "", ""); err != nil {
		t.Fatal(err)
	}
	doc := ws.docs[0]
	ws.openDocument(doc.ID)
	span := spanOf(t, ws.doc, strings.Fields(ws.doc.Text)[0])
	dragSelect(w, ws.view, span)
	if ws.view.Selection() != span {
		t.Fatalf("dragging selected %v, want %v", ws.view.Selection(), span)
	}
	secondaryTap(t, w, glyphAt(ws.view, span.Start+1))
	menu := topOverlay(t, w)
	menu.Hide()
	m := ws.codingMenu(ws.view.Selection(), nil, "")
	item := menuItem(t, m, "Code with…")
	if item.Disabled || item.ChildMenu != nil {
		t.Fatal("“Code with…” is not an action of the menu's top level")
	}
	open := func() *codePicker {
		t.Helper()
		item.Action()
		var picker *codePicker
		walk(topOverlay(t, w), func(o fyne.CanvasObject) bool {
			picker, _ = o.(*codePicker)
			return picker != nil
		})
		if picker == nil {
			t.Fatal("“Code with…” showed no code picker")
		}
		if f := w.Canvas().Focused(); f != picker.input {
			t.Fatalf("the keyboard is in %T, not in the picker's field", f)
		}
		return picker
	}
	key := func(name fyne.KeyName) { w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: name}) }

	open()
	key(fyne.KeyEscape)
	if w.Canvas().Overlays().Top() != nil {
		t.Fatal("Escape did not close “Code with…”")
	}
	if got := codingsOf(t, p, doc.ID); strings.Contains(strings.Join(got, "|"), "Yard councils") {
		t.Fatalf("Escape coded: %q", got)
	}

	picker := open()
	test.Type(picker.input, "yard coun")
	key(fyne.KeyReturn)
	if o := w.Canvas().Overlays().Top(); o != nil {
		t.Fatalf("Enter did not code; the dialog still shows %q", textUnder(o))
	}
	want := deep + ": " + string([]rune(ws.doc.Text)[span.Start:span.End])
	if got := codingsOf(t, p, doc.ID); !strings.Contains(strings.Join(got, "|"), want) {
		t.Errorf("codings %q, want one %q", got, want)
	}

	picker = open()
	test.Type(picker.input, "Gate keeping")
	if _, _, ok := picker.chosen(); ok {
		t.Fatal("a name no code has was chosen before “Create new code” was")
	}
	picker.choices.SetSelected(picker.createLabel)
	key(fyne.KeyReturn)
	if _, ok := ws.tree.Find("Gate keeping"); !ok {
		t.Fatal("choosing “Create new code” made no code")
	}
	if got := codingsOf(t, p, doc.ID); !strings.Contains(strings.Join(got, "|"), "Gate keeping: ") {
		t.Errorf("codings %q, want one with the new code", got)
	}
}

// Ensure that a coding can be moved to another code from the document's
// context menu ("“code” ▸ Recode with…") and from the pop-up of coded text
// (Recode…): typing part of the new code's name and Enter recode it in one
// step, which Edit ▸ Undo takes back.
func TestRecode_TypingANewCodeAndEnterRecodesTheCoding(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	p := ws.p
	doc := ws.docs[0]
	ws.openDocument(doc.ID)
	span := spanOf(t, ws.doc, strings.Fields(ws.doc.Text)[1])
	free, _ := ws.tree.Find("Community logic/Collective action problem/Free riding")
	ws.view.Select(span)
	if !ws.applyCode(free.ID) {
		t.Fatal("coding failed")
	}
	var hit Highlight
	for _, h := range ws.view.Highlights() {
		if h.Span == span && ws.codings[h.ID].Code == free.ID {
			hit = h
		}
	}
	if hit.ID == "" {
		t.Fatal("the new coding is not drawn")
	}
	want := func(path string) {
		t.Helper()
		if o := w.Canvas().Overlays().Top(); o != nil {
			t.Fatalf("Enter did not recode; a dialog still shows %q", textUnder(o))
		}
		text := string([]rune(ws.doc.Text)[span.Start:span.End])
		got := strings.Join(codingsOf(t, p, doc.ID), "|")
		if !strings.Contains(got, path+": "+text) || strings.Contains(got, "Free riding: "+text) && path != "Community logic/Collective action problem/Free riding" {
			t.Errorf("codings %q, want %q on %q and no Free riding there", got, path, text)
		}
	}
	ws.view.Select(qda.Span{})
	m := ws.codingMenu(qda.Span{}, []Highlight{hit}, "")
	menuItem(t, m, "“"+hit.Label+"”", "Recode with…").Action()
	test.Type(w.Canvas().Focused().(*escEntry), "deliberation")
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	want("Community logic/Public deliberation spaces")

	ws.menus.undo.Action()
	want("Community logic/Collective action problem/Free riding")

	var hits []Highlight
	for _, h := range ws.view.Highlights() {
		if h.Span == span {
			hits = append(hits, h)
		}
	}
	ws.showCodingPopup(span.Start+1, hits)
	test.Tap(button(t, topOverlay(t, w), "Recode…"))
	test.Type(w.Canvas().Focused().(*escEntry), "pilot proj")
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	want("Bureaucratic logic/Pilot projects and showcase results")
}
