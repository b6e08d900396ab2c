package ui

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"coder/project"
	"coder/qda"
)

// BenchmarkWorkspace_ApplyCode measures applying a code to the selection
// through the window: the transaction (with its fsync), then what the
// change touches brought up to date: the document's highlights and header,
// the code's count, the retrieval when it shows the code, the menus. Every
// iteration adds a coding, so use a fixed -benchtime (e.g. 300x) to compare.
func BenchmarkWorkspace_ApplyCode(b *testing.B) {
	a := test.NewTempApp(b)
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(1280, 820))
	app := Create(a, w, "")
	app.opts = project.Options{IndexDir: b.TempDir(), Coder: "Bench"}
	p, err := project.WriteDemo(filepath.Join(b.TempDir(), "demo.coder"), app.opts)
	if err != nil {
		b.Fatal(err)
	}
	app.show(p)
	defer app.closeProject()
	ws := app.ws
	ws.openDocument(ws.docs[0].ID)
	code, _ := ws.tree.Find("Community logic/Trust and social capital")
	n := len([]rune(ws.doc.Text))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := (i * 7) % (n - 20)
		ws.view.Select(qda.Span{Start: start, End: start + 12})
		if !ws.applyCode(code.ID) {
			b.Fatal("apply failed")
		}
	}
}

// BenchmarkWorkspace_OpenDocument measures opening a demo document from the
// list: reading it, laying it out and painting its codings.
func BenchmarkWorkspace_OpenDocument(b *testing.B) {
	a := test.NewTempApp(b)
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(1280, 820))
	app := Create(a, w, "")
	app.opts = project.Options{IndexDir: b.TempDir(), Coder: "Bench"}
	p, err := project.WriteDemo(filepath.Join(b.TempDir(), "demo.coder"), app.opts)
	if err != nil {
		b.Fatal(err)
	}
	app.show(p)
	defer app.closeProject()
	ws := app.ws
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ws.showDocument(nil)
		ws.openDocument(ws.docs[i%len(ws.docs)].ID)
	}
}
