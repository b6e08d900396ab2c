package ui

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"coder/project"
	"coder/qda"
)

// Ensure that the New project dialog is ready for typing a name and that
// Enter creates the project, as in any desktop form.
func TestNewProject_NameIsFocusedAndEnterCreates(t *testing.T) {
	app, w := newTestApp(t)
	test.Tap(button(t, w.Content(), "New project…"))
	form := topOverlay(t, w)
	var name *widget.Entry
	for _, e := range entries(form) {
		switch e.PlaceHolder {
		case "e.g. G Community study":
			name = e
		case "where the project file goes":
			typeInto(e, filepath.Join(t.TempDir(), "yard.coder"))
		}
	}
	if w.Canvas().Focused() != name {
		t.Fatalf("the name field does not have the keyboard (focused: %T)", w.Canvas().Focused())
	}
	test.Type(name, "Yard study")
	if name.Text != "Yard study" {
		t.Errorf("typing over the suggested name gives %q, want it replaced", name.Text)
	}
	pressEnter(name)
	p := app.Project()
	if p == nil {
		t.Fatal("Enter in the name field did not create the project")
	}
	if info, _ := p.Info(); info.Name != "Yard study" {
		t.Errorf("project named %q, want Yard study", info.Name)
	}
}

// Ensure that a document's attribute form fits the left pane at the default
// window size, so no field or button is cut off at its right edge.
func TestDocumentForm_FitsTheLeftPaneAtTheDefaultSize(t *testing.T) {
	app, _ := openDemoCopy(t)
	ws := app.ws
	ws.openDocument(ws.docs[0].ID)
	if need, have := ws.documents.content.MinSize().Width, ws.left.Size().Width; need > have {
		t.Errorf("the document form needs %.0f px but the left pane is %.0f px wide", need, have)
	}
}

// Ensure that the import dialog takes a case name from the keyboard and
// imports on Enter.
func TestImport_TypeACaseAndPressEnter(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	f := writeFile(t, t.TempDir(), "notes-yard.txt", "Walked the lanes with the grid worker.\n")
	done := make(chan struct{})
	ws.onImported = func(*project.ImportReport, error) { close(done) }
	app.dropped([]fyne.URI{storage.NewFileURI(f)})
	se, ok := w.Canvas().Focused().(*widget.SelectEntry)
	if !ok {
		t.Fatalf("the case field does not have the keyboard (focused: %T)", w.Canvas().Focused())
	}
	test.Type(se, "Yard 7")
	se.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	wait(t, done, "import")
	docs, _ := ws.p.Documents()
	for _, d := range docs {
		if d.Name == "notes-yard" {
			if len(d.Cases) != 1 || d.Cases[0] != "Yard 7" {
				t.Errorf("imported into cases %v, want Yard 7", d.Cases)
			}
			return
		}
	}
	t.Error("Enter in the case field did not import the file")
}

// Ensure that a message closes from the keyboard: Escape or Return, as in
// every desktop application, and that the document keeps its keys after.
func TestMessage_EscapeOrReturnClosesIt(t *testing.T) {
	for _, key := range []fyne.KeyName{fyne.KeyEscape, fyne.KeyReturn} {
		t.Run(string(key), func(t *testing.T) {
			app, w := openDemoCopy(t)
			ws := app.ws
			ws.openDocument(ws.docs[0].ID)
			ws.view.Select(qda.Span{Start: 0, End: 4})
			ws.applyPinned(9)
			if w.Canvas().Overlays().Top() == nil {
				t.Fatal("pressing an unpinned quick key showed no message")
			}
			typed := w.Canvas().OnTypedKey()
			if typed == nil {
				t.Fatal("the message does not listen to the keyboard")
			}
			typed(&fyne.KeyEvent{Name: key})
			if w.Canvas().Overlays().Top() != nil {
				t.Errorf("%s left the message open", key)
			}
			if w.Canvas().OnTypedKey() != nil {
				t.Error("the window still routes keys to the closed message")
			}
		})
	}
}

// Ensure that File ▸ Quit has Ctrl+Q and remembers the open project, as
// closing the window does.
func TestQuit_CtrlQRemembersTheProject(t *testing.T) {
	app, w := openDemoCopy(t)
	path := app.ws.p.Path()
	quit := menuItem(t, w.MainMenu().Items[0], "Quit")
	sc, ok := quit.Shortcut.(*desktop.CustomShortcut)
	if !ok || sc.KeyName != fyne.KeyQ || sc.Modifier != fyne.KeyModifierShortcutDefault {
		t.Errorf("Quit has shortcut %v, want Ctrl+Q", quit.Shortcut)
	}
	quit.Action()
	if got := app.prefs.reopen(); got != path {
		t.Errorf("after Quit the project to reopen is %q, want %q", got, path)
	}
}

// Ensure that a long document name stays inside the document list (cut
// with an ellipsis) rather than running under the pane's edge.
func TestDocumentList_LongNamesStayInsideThePane(t *testing.T) {
	app, _ := openDemoCopy(t)
	tree := app.ws.documents.tree
	edge := canvasPos(tree).X + tree.Size().Width
	seen := 0
	walk(tree, func(o fyne.CanvasObject) bool {
		if l, ok := o.(*widget.Label); ok && l.Visible() && l.Size().Width > 0 && l.Text != "" {
			seen++
			if right := canvasPos(l).X + l.Size().Width; right > edge+1 {
				t.Errorf("%q ends at x=%.0f, past the list's edge at %.0f", l.Text, right, edge)
			}
		}
		return false
	})
	if seen == 0 {
		t.Fatal("the document list shows no names")
	}
}

// Ensure that the small naming dialogs take the keyboard and Enter does
// what their main button does: new code, new code from the selection,
// rename a code, new case.
func TestNamingDialogs_EnterSubmits(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	ws.openDocument(ws.docs[0].ID)
	enter := func(t *testing.T, text string) {
		t.Helper()
		e, ok := w.Canvas().Focused().(*widget.Entry)
		if !ok {
			t.Fatalf("the dialog's field does not have the keyboard (focused: %T)", w.Canvas().Focused())
		}
		typeInto(e, text)
		pressEnter(e)
		if w.Canvas().Overlays().Top() != nil {
			t.Error("Enter left the dialog open")
		}
	}
	t.Run("NewCode", func(t *testing.T) {
		ws.codes.addCodeDialog("")
		enter(t, "Rumours")
		if _, ok := ws.tree.Find("Rumours"); !ok {
			t.Error("no code Rumours after Enter")
		}
	})
	t.Run("NewCodeFromSelection", func(t *testing.T) {
		ws.codes.selected = ""
		ws.view.Select(qda.Span{Start: 0, End: 5})
		ws.newCodeFromSelection()
		enter(t, "Openings")
		c, ok := ws.tree.Find("Openings")
		if !ok {
			t.Fatal("no code Openings after Enter")
		}
		if ws.counts[c.ID] != 1 {
			t.Errorf("the new code has %d codings, want the selection's 1", ws.counts[c.ID])
		}
	})
	t.Run("RenameCode", func(t *testing.T) {
		c, _ := ws.tree.Find("Rumours")
		ws.codes.renameDialog(c.ID)
		enter(t, "Gossip")
		if got := ws.tree.Path(c.ID); got != "Gossip" {
			t.Errorf("after Enter the code is %q", got)
		}
	})
	t.Run("NewCase", func(t *testing.T) {
		test.Tap(button(t, ws.casesPanel.content, "New case…"))
		enter(t, "Yard 9")
		cases, _ := ws.p.Cases()
		for _, k := range cases {
			if k.Name == "Yard 9" {
				return
			}
		}
		t.Error("no case Yard 9 after Enter")
	})
}
