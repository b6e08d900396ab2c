package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"coder/project"
)

// lateChanges makes the workspace hear committed changes only when the
// returned function is called, as the desktop driver delivers them: through
// fyne.Do, after the action that made them has finished.
func lateChanges(ws *workspace) (deliver func(project.Change)) {
	app := ws.app
	app.ws = nil // changed() ignores what reaches a workspace no longer shown
	return func(c project.Change) {
		app.ws = ws
		ws.changed(c)
	}
}

// drawnInOrder fails when the rows the tree draws are not one unbroken
// stretch of the codebook's rows (a code merged away or deleted still drawn,
// a code drawn twice or out of place).
func drawnInOrder(t *testing.T, c *codebookPanel, after string) {
	t.Helper()
	got, want := drawnTree(t, c), modelTree(c)
	joined, all := strings.Join(got, "\n"), "\n"+strings.Join(want, "\n")+"\n"
	if len(got) == 0 || !strings.Contains(all, "\n"+joined+"\n") {
		t.Errorf("after %s the tree draws\n  %s\nwhich is not a stretch of the codebook\n  %s", after, strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

// Ensure that a code merged away or deleted is no longer drawn in the tree
// when the window hears of the change after the dialog has closed, as the
// desktop driver delivers it, even when it was the last row in view.
func TestCodebook_MergedCodeLeavesTheTreeWhenTheChangeArrivesLate(t *testing.T) {
	app, w := openDemoCopy(t)
	w.Resize(fyne.NewSize(1400, 900))
	ws := app.ws
	c := ws.codes
	persuasion, ok := ws.tree.Find("Political logic/Mobilisation/Mass persuasion work")
	if !ok {
		t.Fatal("the demo has no Mass persuasion work")
	}
	bureau, _ := ws.tree.Find("Bureaucratic logic")
	pilot, ok := ws.tree.Find("Bureaucratic logic/Pilot projects and showcase results")
	if !ok {
		t.Fatal("the demo has no Pilot projects and showcase results")
	}
	deliver := lateChanges(ws)
	ws.moveCode(persuasion.ID, bureau.ID)
	deliver(project.Change{Codebook: true, All: true})
	drawnInOrder(t, c, "moving Mass persuasion work under Bureaucratic logic")

	deliver = lateChanges(ws)
	c.mergeDialog(persuasion.ID)
	form := topOverlay(t, w)
	pickCode(t, form, "Bureaucratic logic/Pilot projects and showcase results", "Bureaucratic logic/Pilot projects and showcase results")
	test.Tap(button(t, form, "Merge"))
	deliver(project.Change{Codebook: true, All: true})
	if _, still := ws.tree.Code(persuasion.ID); still {
		t.Fatal("the code was not merged")
	}
	drawnInOrder(t, c, "merging Mass persuasion work into "+ws.tree.Path(pilot.ID))
}
