package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"coder/project"
)

// Ensure that the Suggest codings queue turns Accept, Reject and Skip off
// and says "No more suggestions" once the last suggestion is taken, and
// that it has them on while a suggestion is showing.
func TestSuggestQueue_EmptyQueueTurnsItsButtonsOff(t *testing.T) {
	app, w := newTestApp(t)
	dir := t.TempDir()
	p, err := project.Create(filepath.Join(dir, "village.coder"), project.CreateOptions{Options: app.opts, Codebook: "empty"})
	if err != nil {
		t.Fatal(err)
	}
	f := filepath.Join(dir, "village.txt")
	os.WriteFile(f, []byte(strings.Join(assistFixture, "\n\n")+"\n"), 0o644)
	rep, err := p.Import(context.Background(), []string{f}, project.ImportOptions{}, nil)
	if err != nil || len(rep.Imported) != 1 {
		t.Fatalf("import: %v %+v", err, rep)
	}
	code, err := p.AddCode("Money", "", "")
	if err != nil {
		t.Fatal(err)
	}
	for _, i := range []int{0, 2, 4, 6, 8} {
		if _, err := p.CodeMatches(rep.Imported[0].Document, assistFixture[i], code.ID); err != nil {
			t.Fatal(err)
		}
	}
	app.show(p)
	ws := app.ws
	ws.codes.selectCode(code.ID)
	ended := make(chan struct{}, 1)
	ws.jobs.ended = func() { ended <- struct{}{} }
	ws.suggestCodings()
	wait(t, ended, "learning from the codings")
	dlg := topOverlay(t, w)
	buttons := func() map[string]*widget.Button {
		out := map[string]*widget.Button{}
		walk(dlg, func(o fyne.CanvasObject) bool {
			if b, ok := o.(*widget.Button); ok && b.Text != "" {
				out[b.Text] = b
			}
			return false
		})
		return out
	}
	names := []string{"Accept (A)", "Reject (R)", "Skip (S)"}
	for _, n := range names {
		if b := buttons()[n]; b == nil || b.Disabled() {
			t.Fatalf("with suggestions showing, %s is missing or off:\n%s", n, textUnder(dlg))
		}
	}
	test.Tap(buttons()["Accept (A)"])
	test.Tap(buttons()["Reject (R)"])
	if txt := textUnder(dlg); !strings.Contains(txt, "No more suggestions") {
		t.Errorf("with the queue empty, it shows:\n%s", txt)
	}
	for _, n := range names {
		if b := buttons()[n]; b == nil || !b.Disabled() {
			t.Errorf("with the queue empty, %s is still on", n)
		}
	}
}
