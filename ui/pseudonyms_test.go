package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"coder/project"
)

// Ensure that Tools ▸ Pseudonyms… adds a typed name and a suggested one to
// the project's table, that an export then asks whether to pseudonymise
// (ticked), and that the file written holds the replacements, not the names.
func TestPseudonyms_TableSuggestionsAndExport(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	shown := make(chan struct{}, 8)
	suggestionsShown = func() { shown <- struct{}{} }
	t.Cleanup(func() { suggestionsShown = nil })
	menuItem(t, menuNamed(t, w.MainMenu(), "Tools"), "Pseudonyms…").Action()
	dlg := topOverlay(t, w)
	es := entries(dlg)
	if len(es) < 2 {
		t.Fatalf("the pseudonyms dialog has %d fields", len(es))
	}
	wait(t, shown, "the first suggestions")
	typeInto(es[0], "Han")
	typeInto(es[1], "H")
	test.Tap(button(t, dlg, "Add or change"))
	wait(t, shown, "the suggestions after adding a name")
	if txt := textUnder(dlg); !strings.Contains(txt, "Han  →  H") || !strings.Contains(txt, "Zhou") || regexp.MustCompile(`(?m)^Han  \(`).MatchString(txt) {
		t.Fatalf("the dialog shows:\n%s", txt)
	}
	test.Tap(button(t, dlg, "Add as Person A")) // Zhou, the commonest name left
	wait(t, shown, "the suggestions after adding a suggested name")
	table, _ := ws.p.Pseudonyms()
	if len(table) != 2 || table[0].Real != "Han" || table[1].Real != "Zhou" || table[1].Replacement != "Person A" {
		t.Fatalf("table = %v", table)
	}
	var asked, pseudo bool
	ws.askPseudonymise("excerpts", func(p bool) { asked, pseudo = true, p })
	ask := topOverlay(t, w)
	if !strings.Contains(textUnder(ask), "2 names") {
		t.Errorf("the export asks:\n%s", textUnder(ask))
	}
	test.Tap(button(t, ask, "Choose the file…"))
	if !asked || !pseudo {
		t.Fatalf("the export went on with pseudonymise = %v (asked %v)", pseudo, asked)
	}
	path := filepath.Join(t.TempDir(), "out.csv")
	out, err := storage.Writer(storage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	ended := make(chan struct{}, 1)
	ws.jobs.ended = func() { ended <- struct{}{} }
	ws.runExport(out, false, "csv", project.CodingFilter{}, project.ExportOptions{Pseudonymise: pseudo})
	wait(t, ended, "the export")
	data, _ := os.ReadFile(path)
	if regexp.MustCompile(`\b(Han|Zhou)\b`).Match(data) || !strings.Contains(string(data), "Mr H") {
		t.Errorf("the pseudonymised export names names or lacks the replacement")
	}
}
