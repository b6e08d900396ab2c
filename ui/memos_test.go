package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"coder/project"
	"coder/qda"
)

// memoFields finds the memo editor's title (nil for a coding's note) and
// text fields under o.
func memoFields(t *testing.T, o fyne.CanvasObject) (title, text *escEntry) {
	t.Helper()
	walk(o, func(c fyne.CanvasObject) bool {
		if e, ok := c.(*escEntry); ok {
			if e.MultiLine {
				text = e
			} else {
				title = e
			}
		}
		return false
	})
	if text == nil {
		t.Fatal("no memo editor is showing")
	}
	return title, text
}

// typeText types into a memo field as a user does.
func typeText(e *escEntry, s string) { typeInto(&e.Entry, s) }

// pressEscape sends Escape where the keyboard is, as the driver does.
func pressEscape(t *testing.T, w fyne.Window) {
	t.Helper()
	esc := &fyne.KeyEvent{Name: fyne.KeyEscape}
	if f := w.Canvas().Focused(); f != nil {
		f.TypedKey(esc)
	} else if on := w.Canvas().OnTypedKey(); on != nil {
		on(esc)
	}
}

// loneCoding finds a coding without a memo whose middle carries no other
// code, so a click there shows only it.
func loneCoding(t *testing.T, ws *workspace) project.CodingRow {
	t.Helper()
	rows, err := ws.p.Codings(project.CodingFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if r.Memo != "" || r.Span.Len() < 4 {
			continue
		}
		ws.openDocument(r.Document)
		if len(ws.view.HighlightsAt(r.Span.Start+r.Span.Len()/2)) == 1 {
			return r
		}
	}
	t.Fatal("the demo has no coding alone at its middle")
	return project.CodingRow{}
}

// tapCoding clicks the middle of a coding and returns the pop-up's text.
func tapCoding(t *testing.T, w fyne.Window, ws *workspace, r project.CodingRow) string {
	t.Helper()
	ws.openDocument(r.Document)
	ws.view.Select(qda.Span{Start: r.Span.Start, End: r.Span.Start})
	ws.view.ScrollTo(r.Span)
	realTap(w.Canvas(), glyphAt(ws.view, r.Span.Start+r.Span.Len()/2))
	if ws.popup == nil {
		t.Fatal("clicking the coded text showed no pop-up")
	}
	return textUnder(ws.popup)
}

// Ensure that a memo written on a coding through its pop-up is shown the
// next time the text is clicked and is in the editor that Memo… opens, and
// that after the project is reopened an edited memo shows its new text.
func TestCodingMemo_ShownAfterSavingAndAfterReopening(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	r := loneCoding(t, ws)

	tapCoding(t, w, ws, r)
	test.Tap(button(t, ws.popup, "Memo…"))
	_, text := memoFields(t, topOverlay(t, w))
	typeText(text, "Residents act before the office does.")
	test.Tap(button(t, topOverlay(t, w), "Save"))

	if card := tapCoding(t, w, ws, r); !strings.Contains(card, "Residents act before the office does.") {
		t.Fatalf("the pop-up does not show the memo just saved:\n%s", card)
	}
	test.Tap(button(t, ws.popup, "Memo…"))
	_, text = memoFields(t, topOverlay(t, w))
	if text.Text != "Residents act before the office does." {
		t.Fatalf("Memo… opened with %q, want the saved memo", text.Text)
	}
	typeText(text, "Residents act first; the office follows.")
	test.Tap(button(t, topOverlay(t, w), "Save"))

	path := ws.p.Path()
	app.closeToWelcome()
	app.open(path)
	ws = app.ws
	if card := tapCoding(t, w, ws, r); !strings.Contains(card, "Residents act first; the office follows.") {
		t.Errorf("after reopening, the pop-up does not show the edited memo:\n%s", card)
	}
	ws.hideCodingPopup()
	found := false
	for _, e := range ws.memos.entries {
		if e.Note && e.ID == r.ID {
			found = true
			line := ws.memoEntryTarget(e)
			for _, want := range []string{r.CodePath, r.DocName, strings.Fields(r.Text)[0]} {
				if !strings.Contains(line, want) {
					t.Errorf("the Memos tab describes the coding memo as %q, without %q", line, want)
				}
			}
		}
	}
	if !found {
		t.Error("the coding memo is not in the Memos tab")
	}
}

// Ensure that saving from a memo editor opened before the memo changed
// elsewhere does not replace the newer text: the researcher is told, and
// can keep both texts and save them together.
func TestMemoEditor_DoesNotOverwriteTextItDidNotShow(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	m, err := ws.p.AddMemo(qda.OnProject, "", "Gates", "Gates are where the logics meet.")
	if err != nil {
		t.Fatal(err)
	}
	ws.editMemo(m.On, m.Target, m.ID)
	_, text := memoFields(t, topOverlay(t, w))
	// Meanwhile the memo is changed elsewhere (another editor saved it).
	if err := ws.p.EditMemo(m.ID, m.Modified, "Gates", "Gates are where residents and office meet."); err != nil {
		t.Fatal(err)
	}
	typeText(text, "My rewrite of the first thought.")
	test.Tap(button(t, topOverlay(t, w), "Save"))

	now, _ := ws.p.Memo(m.ID)
	if now.Text != "Gates are where residents and office meet." {
		t.Fatalf("the save replaced the newer memo: it reads %q", now.Text)
	}
	warning := topOverlay(t, w)
	if !strings.Contains(textUnder(warning), "changed") {
		t.Fatalf("no message says the memo changed:\n%s", textUnder(warning))
	}
	test.Tap(button(t, warning, "Keep both"))
	_, text = memoFields(t, topOverlay(t, w))
	if !strings.Contains(text.Text, "residents and office meet") || !strings.Contains(text.Text, "My rewrite") {
		t.Fatalf("Keep both left %q in the editor", text.Text)
	}
	test.Tap(button(t, topOverlay(t, w), "Save"))
	now, _ = ws.p.Memo(m.ID)
	if !strings.Contains(now.Text, "residents and office meet") || !strings.Contains(now.Text, "My rewrite") {
		t.Errorf("after Keep both and Save the memo reads %q", now.Text)
	}
	if o := w.Canvas().Overlays().Top(); o != nil {
		t.Errorf("a dialog is still open after saving:\n%s", textUnder(o))
	}
}

// Ensure that Escape closes a memo editor with nothing typed at once, and
// with text typed asks first: Keep editing keeps it, Discard closes it
// without saving.
func TestMemoEditor_EscapeClosesAndAsksBeforeDroppingText(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	before, _ := ws.p.MemoList()

	ws.editMemo(qda.OnProject, "", "")
	memoFields(t, topOverlay(t, w))
	pressEscape(t, w)
	if o := w.Canvas().Overlays().Top(); o != nil {
		t.Fatalf("Escape left the empty memo editor open:\n%s", textUnder(o))
	}

	ws.editMemo(qda.OnProject, "", "")
	_, text := memoFields(t, topOverlay(t, w))
	typeText(text, "A thought not yet finished.")
	pressEscape(t, w)
	ask := topOverlay(t, w)
	if !strings.Contains(textUnder(ask), "without saving") {
		t.Fatalf("Escape with text typed did not ask:\n%s", textUnder(ask))
	}
	test.Tap(button(t, ask, "Keep editing"))
	_, text = memoFields(t, topOverlay(t, w))
	if text.Text != "A thought not yet finished." {
		t.Fatalf("after Keep editing the editor holds %q", text.Text)
	}
	// A click on the dialog's background takes the keyboard from the
	// text; Escape still reaches the editor.
	w.Canvas().Unfocus()
	pressEscape(t, w)
	test.Tap(button(t, topOverlay(t, w), "Discard"))
	if o := w.Canvas().Overlays().Top(); o != nil {
		t.Errorf("Discard left a dialog open:\n%s", textUnder(o))
	}
	if after, _ := ws.p.MemoList(); len(after) != len(before) {
		t.Errorf("Discard saved the memo: %d memos before, %d after", len(before), len(after))
	}
}

// Ensure that Edit ▸ Undo, labelled with a project action, undoes that
// action while the keyboard is in the search box, leaving the query as
// typed; and that Ctrl+Z there stays with the text field, because no menu
// item claims the undo key the window sends to a text field.
func TestUndoMenu_UndoesTheProjectActionWithTheKeyboardInSearch(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	r := loneCoding(t, ws)
	if _, err := ws.p.ApplyCode(r.Document, qda.Span{Start: r.Span.Start, End: r.Span.Start + 3}, r.Code); err != nil {
		t.Fatal(err)
	}
	before := len(codingsOf(t, ws.p, r.Document))
	ws.centre.Select(ws.searchTab)
	w.Canvas().Focus(ws.search.query)
	test.Type(ws.search.query, `"yard meeting"`)
	if w.Canvas().Focused() != ws.search.query {
		t.Fatal("the search box does not have the keyboard")
	}
	if ws.menus.undo.Label != "Undo Apply code" {
		t.Fatalf("the undo item reads %q", ws.menus.undo.Label)
	}
	ws.menus.undo.Action()
	if after := len(codingsOf(t, ws.p, r.Document)); after != before-1 {
		t.Errorf("Edit ▸ Undo Apply code left %d codings, want %d", after, before-1)
	}
	if ws.search.query.Text != `"yard meeting"` {
		t.Errorf("Edit ▸ Undo changed the query to %q", ws.search.query.Text)
	}
	// The desktop driver gives a key to a main-menu item whose shortcut has
	// the same name before it reaches the focused field.
	undoKey := (&fyne.ShortcutUndo{}).ShortcutName()
	for _, menu := range ws.menus.main.Items {
		for _, it := range menu.Items {
			if it.Shortcut != nil && it.Shortcut.ShortcutName() == undoKey {
				t.Errorf("the menu item %q takes Ctrl+Z from text fields", it.Label)
			}
		}
	}
	// With no text field in charge, Ctrl+Z undoes the project action.
	if _, err := ws.p.Redo(); err != nil {
		t.Fatal(err)
	}
	w.Canvas().Focus(ws.view)
	ws.view.TypedShortcut(&fyne.ShortcutUndo{})
	if after := len(codingsOf(t, ws.p, r.Document)); after != before-1 {
		t.Errorf("Ctrl+Z in the document left %d codings, want %d", after, before-1)
	}
}

// startMemo opens a new project memo and types text into it.
func startMemo(t *testing.T, w fyne.Window, ws *workspace, s string) {
	t.Helper()
	ws.editMemo(qda.OnProject, "", "")
	_, text := memoFields(t, topOverlay(t, w))
	typeText(text, s)
}

// projectMemo reports whether the project at path has a memo reading text.
func projectMemo(t *testing.T, app *App, path, text string) bool {
	t.Helper()
	p, err := project.Open(path, app.opts)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	memos, _ := p.Memos("", "")
	for _, m := range memos {
		if m.Text == text {
			return true
		}
	}
	return false
}

// Ensure that File ▸ Close project (Ctrl+W) with a memo typed asks, that
// Save keeps the memo and Don't save does not, that Cancel keeps the
// project and the editor open, and that no dialog is left over the
// welcome screen.
func TestCloseProject_MemoTypedAsksAndNoDialogOutlivesTheProject(t *testing.T) {
	for _, choice := range []string{"Save", "Don't save", "Cancel"} {
		t.Run(strings.ReplaceAll(choice, " ", ""), func(t *testing.T) {
			app, w := openDemoCopy(t)
			ws := app.ws
			path := ws.p.Path()
			startMemo(t, w, ws, "Notes from the yard walk.")
			menuItem(t, ws.menus.main.Items[0], "Close project").Action()
			ask := topOverlay(t, w)
			if !strings.Contains(textUnder(ask), "not saved") {
				t.Fatalf("closing with a memo typed did not ask:\n%s", textUnder(ask))
			}
			test.Tap(button(t, ask, choice))
			if choice == "Cancel" {
				if app.ws != ws {
					t.Fatal("Cancel closed the project")
				}
				if _, text := memoFields(t, topOverlay(t, w)); text.Text != "Notes from the yard walk." {
					t.Errorf("after Cancel the editor holds %q", text.Text)
				}
				return
			}
			if app.ws != nil {
				t.Fatal("the project is still open")
			}
			if o := w.Canvas().Overlays().Top(); o != nil {
				t.Errorf("a dialog outlived the project:\n%s", textUnder(o))
			}
			if got := projectMemo(t, app, path, "Notes from the yard walk."); got != (choice == "Save") {
				t.Errorf("after %s the memo is saved: %v", choice, got)
			}
		})
	}
}

// Ensure that quitting (Ctrl+Q or the window's close button) with a memo
// typed asks, and that Save keeps the memo before the window closes.
func TestQuit_MemoTypedAsksAndSaves(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	path := ws.p.Path()
	closed := func() bool {
		for _, x := range fyne.CurrentApp().Driver().AllWindows() {
			if x == w {
				return false
			}
		}
		return true
	}
	startMemo(t, w, ws, "Last thought before quitting.")
	app.quit()
	if closed() {
		t.Fatal("the window closed without asking about the memo")
	}
	test.Tap(button(t, topOverlay(t, w), "Save"))
	if !closed() {
		t.Error("the window did not close after Save")
	}
	if !projectMemo(t, app, path, "Last thought before quitting.") {
		t.Error("the memo typed before quitting is not in the project")
	}
}

// Ensure that a code definition typed and not saved is kept when another
// code is selected, and when the project closes.
func TestDefinition_KeptWhenAnotherCodeIsSelectedOrTheProjectCloses(t *testing.T) {
	app, _ := openDemoCopy(t)
	ws := app.ws
	c := ws.codes
	var ids []qda.ID
	ws.tree.Walk(func(code *qda.Code, _ int) {
		if len(ids) < 2 {
			ids = append(ids, code.ID)
		}
	})
	c.selectCode(ids[0])
	typeInto(c.defText, "Talk of rules, files and procedures.")
	c.selectCode(ids[1])
	tree, _ := ws.p.Codebook()
	if code, _ := tree.Code(ids[0]); code.Description != "Talk of rules, files and procedures." {
		t.Fatalf("after selecting another code the definition is %q", code.Description)
	}
	typeInto(c.defText, "Talk of neighbours helping.")
	path := ws.p.Path()
	app.closeToWelcome()
	p, err := project.Open(path, app.opts)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	tree, _ = p.Codebook()
	if code, _ := tree.Code(ids[1]); code.Description != "Talk of neighbours helping." {
		t.Errorf("after closing the project the definition is %q", code.Description)
	}
}

// Ensure that an attribute typed into a case's form without Enter is kept
// when the project closes.
func TestCaseForm_KeptWhenTheProjectCloses(t *testing.T) {
	app, _ := openDemoCopy(t)
	ws := app.ws
	first := ws.cases[0].ID
	ws.casesPanel.list.Select(0)
	typeInto(formEntry(t, ws.casesPanel.form, "Place"), "West gate lane")
	path := ws.p.Path()
	app.closeToWelcome()
	p, err := project.Open(path, app.opts)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if values, _ := p.Attributes(first); values["Place"] != "West gate lane" {
		t.Errorf("after closing the project Place is %q", values["Place"])
	}
}

// Ensure that a memo editor cannot save into a closed project.
func TestMemoEditor_SaveAfterTheProjectClosedSaysSo(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	md := ws.editMemo(qda.OnProject, "", "")
	typeText(md.text, "Too late.")
	app.closeProject()
	app.showWelcome()
	if md.save() {
		t.Error("a memo editor saved into a closed project")
	}
	msg := textUnder(topOverlay(t, w))
	if strings.Contains(msg, "database not open") || !strings.Contains(msg, "closed") {
		t.Errorf("the message reads %q", msg)
	}
}
