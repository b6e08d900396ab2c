package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"coder/project"
	"coder/qda"
)

// Ensure that on the first run Coder asks who is coding, shows the name in
// the status bar, records it on the codings and memos made in the window,
// remembers it at the next start without asking again, and that Edit ▸
// Coder name… changes it for what is coded from then on.
func TestCoder_TheNameGivenInTheWindowIsOnEveryCodingAndMemo(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	a := test.NewTempApp(t)
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(1280, 820))
	app := Create(a, w, "")
	app.opts = project.Options{IndexDir: t.TempDir()}
	app.indexOnOpen = false
	app.fonts.missing = func() bool { return false }
	path := filepath.Join(t.TempDir(), "demo.coder")
	p, err := project.WriteDemo(path, app.opts)
	if err != nil {
		t.Fatal(err)
	}
	app.show(p)
	form := topOverlay(t, w)
	fields := entries(form)
	if len(fields) < 2 || fields[0].Text != "" {
		t.Fatalf("the first run did not ask for a name (fields %d)", len(fields))
	}
	typeInto(fields[0], "Li Wei")
	typeInto(fields[1], "LW")
	test.Tap(button(t, form, "Save"))
	ws := app.ws
	if got := ws.coderLink.text.Text; !strings.Contains(got, "Li Wei (LW)") {
		t.Errorf("the status bar says %q, want the name and initials", got)
	}

	code := func(name string) qda.ID {
		c, ok := ws.tree.Find(name)
		if !ok {
			t.Fatalf("no code %s", name)
		}
		return c.ID
	}
	codedBy := func(doc qda.ID, span qda.Span) string {
		rows, err := ws.p.DocumentCodings(doc)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			if r.Span == span && r.Code == code("Community logic") {
				return r.CoderName
			}
		}
		t.Fatalf("no coding at %s", span)
		return ""
	}
	doc := ws.docs[0].ID
	ws.openDocument(doc)
	first := qda.Span{Start: 3, End: 9}
	ws.view.Select(first)
	if !ws.applyCode(code("Community logic")) {
		t.Fatal("coding failed")
	}
	if got := codedBy(doc, first); got != "Li Wei" {
		t.Errorf("the coding records %q, want Li Wei", got)
	}
	md := ws.editMemo(qda.OnDocument, doc, "")
	typeInto(&md.title.Entry, "Gate")
	typeInto(&md.text.Entry, "The gate comes up again.")
	test.Tap(button(t, topOverlay(t, w), "Save"))
	memos, err := ws.p.Memos(qda.OnDocument, doc)
	if err != nil || len(memos) == 0 {
		t.Fatalf("the memo was not saved: %v", err)
	}
	if m := memos[len(memos)-1]; m.Coder != ws.p.Coder().ID || ws.p.Coder().Name != "Li Wei" {
		t.Errorf("the memo records coder %s, the project codes as %q", m.Coder, ws.p.Coder().Name)
	}
	app.quit()

	w2 := test.NewWindow(nil)
	defer w2.Close()
	again := Create(a, w2, "")
	defer again.closeProject()
	if o := w2.Canvas().Overlays().Top(); o != nil {
		t.Fatal("the next start asked for the name again")
	}
	if again.ws == nil || again.ws.p.Coder().Name != "Li Wei" {
		t.Fatal("the next start does not code as Li Wei")
	}
	menuItem(t, menuNamed(t, again.ws.menus.main, "Edit"), "Coder name…").Action()
	form = topOverlay(t, w2)
	if got := entries(form)[0].Text; got != "Li Wei" {
		t.Errorf("Coder name… shows %q, want Li Wei", got)
	}
	typeInto(entries(form)[0], "Wang Fang")
	typeInto(entries(form)[1], "")
	test.Tap(button(t, form, "Save"))
	ws = again.ws
	second := qda.Span{Start: 20, End: 30}
	ws.openDocument(doc)
	ws.view.Select(second)
	ws.applyCode(code("Community logic"))
	if got := codedBy(doc, second); got != "Wang Fang" {
		t.Errorf("after the change the coding records %q, want Wang Fang", got)
	}
	if got := codedBy(doc, first); got != "Li Wei" {
		t.Errorf("the earlier coding now records %q, want Li Wei", got)
	}
	if got := ws.coderLink.text.Text; !strings.Contains(got, "Wang Fang (WF)") {
		t.Errorf("the status bar says %q after the change", got)
	}
}

// Ensure that Escape in the first run's "Who is coding?" closes it as
// Cancel does, wherever the keyboard is, and leaves a window to work in:
// the status bar names who is coding, text can be coded, and clicking the
// name asks again.
func TestCoder_EscapeInWhoIsCodingLeavesAUsableWindow(t *testing.T) {
	for _, where := range []string{"name", "initials", "dialog"} {
		t.Run(where, func(t *testing.T) {
			t.Setenv("XDG_CACHE_HOME", t.TempDir())
			a := test.NewTempApp(t)
			w := test.NewWindow(nil)
			w.Resize(fyne.NewSize(1280, 820))
			app := Create(a, w, "")
			app.opts = project.Options{IndexDir: t.TempDir()}
			app.indexOnOpen = false
			app.fonts.missing = func() bool { return false }
			t.Cleanup(app.closeProject)
			p, err := project.WriteDemo(filepath.Join(t.TempDir(), "demo.coder"), app.opts)
			if err != nil {
				t.Fatal(err)
			}
			app.show(p)
			form := topOverlay(t, w)
			fields := entries(form)
			if len(fields) < 2 || !strings.Contains(textUnder(form), "Every coding and memo") {
				t.Fatal("the first run did not ask who is coding")
			}
			esc := &fyne.KeyEvent{Name: fyne.KeyEscape}
			switch where {
			case "name", "initials":
				i := map[string]int{"name": 0, "initials": 1}[where]
				w.Canvas().Focus(fields[i])
				test.Type(fields[i], "Li")
				if f := w.Canvas().Focused(); f != nil {
					f.TypedKey(esc)
				}
			default:
				w.Canvas().Unfocus()
				if h := w.Canvas().OnTypedKey(); h != nil {
					h(esc)
				}
			}
			if o := w.Canvas().Overlays().Top(); o != nil {
				t.Fatalf("after Escape a dialog still shows: %q", textUnder(o))
			}
			ws := app.ws
			if got := ws.coderLink.text.Text; !strings.HasPrefix(got, "Coding as ") || got == "Coding as " {
				t.Errorf("the status bar says %q", got)
			}
			doc := ws.docs[0].ID
			ws.openDocument(doc)
			ws.view.Select(qda.Span{Start: 3, End: 9})
			c, _ := ws.tree.Find("Community logic")
			if !ws.applyCode(c.ID) {
				t.Error("after Escape the selection could not be coded")
			}
			test.Tap(ws.coderLink)
			if o := w.Canvas().Overlays().Top(); o == nil || !strings.Contains(textUnder(o), "Every coding and memo") {
				t.Error("clicking the name in the status bar did not ask who is coding")
			}
		})
	}
}

// Ensure that on the first run a project that opens read-only (its file
// without write permission) shows only the note saying so, not "Who is
// coding?" on top of it, since nothing it would record can be written; the
// next project that can be changed asks.
func TestCoder_ReadOnlyProjectDoesNotAskWhoIsCoding(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	a := test.NewTempApp(t)
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(1280, 820))
	app := Create(a, w, "")
	app.opts = project.Options{IndexDir: t.TempDir()}
	app.indexOnOpen = false
	app.fonts.missing = func() bool { return false }
	t.Cleanup(app.closeProject)
	path := filepath.Join(t.TempDir(), "ro.coder")
	p, err := project.WriteDemo(path, project.Options{Backups: -1, IndexDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	p.Close()
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	app.open(path)
	if app.Project() == nil || !app.Project().ReadOnly() {
		t.Fatal("the read-only file did not open read-only")
	}
	var shown []string
	for _, o := range w.Canvas().Overlays().List() {
		shown = append(shown, textUnder(o))
	}
	all := strings.Join(shown, " | ")
	if strings.Contains(all, "Who is coding") {
		t.Errorf("a read-only project asks who is coding: %q", all)
	}
	if !strings.Contains(all, "open read-only") {
		t.Errorf("the read-only note is not shown: %q", all)
	}
	for o := w.Canvas().Overlays().Top(); o != nil; o = w.Canvas().Overlays().Top() {
		w.Canvas().Overlays().Remove(o)
	}

	p, err = project.WriteDemo(filepath.Join(t.TempDir(), "demo.coder"), app.opts)
	if err != nil {
		t.Fatal(err)
	}
	app.show(p)
	if text := textUnder(topOverlay(t, w)); !strings.Contains(text, "Every coding and memo") {
		t.Errorf("a project that can be changed did not ask who is coding; it shows %q", text)
	}
}
