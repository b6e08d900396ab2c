package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"coder/project"
	"coder/qda"
)

// assistFixture is a fictional interview: money paragraphs among
// paragraphs about gardens, weather and a choir.
var assistFixture = []string{
	"The rent went up again in March and the bills keep arriving.",
	"We planted tomatoes by the shed and the beans climbed the fence.",
	"I could not pay the electricity bill, so I borrowed money from my sister.",
	"The rain came early this year and flooded the lower field.",
	"Every month the rent and the loan repayments leave nothing for food.",
	"The choir practised a new hymn for the harvest festival.",
	"We owe money to the bank and the debt frightens me at night.",
	"Snow closed the mountain road for a week.",
	"My wages are too low to cover the rent, the bills and the loan.",
	"Frost killed the young lettuce in the garden.",
	"The bank wrote about the loan again; the rent and the bills are overdue and I have no money left.",
	"The choir travelled by bus to sing in the city.",
	"The rent and the bills are late again and the bank loan is due; there is no money.",
}

// moneyProject makes a project in its own folder of assistFixture as one
// document, with the money paragraphs 0, 2, 4, 6 and 8 coded Money.
func moneyProject(t *testing.T, app *App) (p *project.Project, dir string, doc qda.ID, code *qda.Code) {
	t.Helper()
	dir = t.TempDir()
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
	doc = rep.Imported[0].Document
	code, err = p.AddCode("Money", "", "")
	if err != nil {
		t.Fatal(err)
	}
	for _, i := range []int{0, 2, 4, 6, 8} {
		if _, err := p.CodeMatches(doc, assistFixture[i], code.ID); err != nil {
			t.Fatal(err)
		}
	}
	return p, dir, doc, code
}

// Ensure that Code ▸ Suggest codings… learns in the background, shows the
// uncoded money paragraphs with their driving words marked, and that A
// codes one as "assistant, accepted by" the session's coder and R rejects
// the other so that it is not suggested again.
func TestSuggestQueue_AcceptAndRejectWithKeys(t *testing.T) {
	app, w := newTestApp(t)
	p, _, _, code := moneyProject(t, app)
	app.show(p)
	ws := app.ws
	ws.codes.selectCode(code.ID)
	ended := make(chan struct{}, 1)
	ws.jobs.ended = func() { ended <- struct{}{} }
	ws.suggestCodings()
	wait(t, ended, "learning from the codings")
	dlg := topOverlay(t, w)
	txt := textUnder(dlg)
	if !strings.Contains(txt, "1 of 2") || !strings.Contains(txt, "Suggested for the words") || !strings.Contains(txt, "loan") {
		t.Fatalf("the queue shows:\n%s", txt)
	}
	marked := false
	walk(dlg, func(o fyne.CanvasObject) bool {
		if rt, ok := o.(*widget.RichText); ok {
			for _, seg := range rt.Segments {
				if ts, ok := seg.(*widget.TextSegment); ok && ts.Style.TextStyle.Bold && (ts.Text == "loan" || ts.Text == "rent" || ts.Text == "money" || ts.Text == "bills") {
					marked = true
				}
			}
		}
		return false
	})
	if !marked {
		t.Error("no driving word is marked in the suggestion")
	}
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyA})
	rows, err := p.Codings(project.CodingFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var accepted []string
	for _, r := range rows {
		if r.CoderName == "assistant, accepted by Tester" {
			accepted = append(accepted, r.Text)
		}
	}
	if len(accepted) != 1 || !strings.Contains(accepted[0], "loan") {
		t.Errorf("after A, the assistant's codings are %q, want one money paragraph", accepted)
	}
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyR})
	if txt := textUnder(dlg); !strings.Contains(txt, "No more suggestions") {
		t.Errorf("after A and R the queue shows:\n%s", txt)
	}
	again, err := p.Suggest(context.Background(), nil, code.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(again) != 0 {
		t.Errorf("after accepting one and rejecting the other, suggestions are %+v", again)
	}
}
