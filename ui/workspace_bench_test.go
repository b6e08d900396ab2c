package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"coder/project"
	"coder/qda"
)

// BenchmarkWorkspace_ApplyCode measures applying a code to the selection
// through the window: the transaction (with its fsync), then what the
// change touches brought up to date: the document's highlights and header,
// the code's count, the retrieval when it shows the code, the menus. No
// search index is open. Every iteration adds a coding, so use a fixed
// -benchtime (e.g. 300x) to compare.
func BenchmarkWorkspace_ApplyCode(b *testing.B) { benchApplyCode(b, false) }

// BenchmarkWorkspace_ApplyCodeIndexed is the same with the search index open,
// as it is in the app once a project has opened: each coding also updates
// the index.
func BenchmarkWorkspace_ApplyCodeIndexed(b *testing.B) { benchApplyCode(b, true) }

func benchApplyCode(b *testing.B, indexed bool) {
	a := test.NewTempApp(b)
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(1280, 820))
	app := Create(a, w, "")
	app.opts = project.Options{IndexDir: b.TempDir(), Coder: "Bench"}
	app.indexOnOpen = false
	p, err := project.WriteDemo(filepath.Join(b.TempDir(), "demo.coder"), app.opts)
	if err != nil {
		b.Fatal(err)
	}
	app.show(p)
	defer app.closeProject()
	if indexed {
		if _, err := p.OpenIndex(context.Background(), nil); err != nil {
			b.Fatal(err)
		}
	}
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
	app.indexOnOpen = false
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

// openLongTranscript opens a project holding a 30,000-word interview
// transcript, imported from a text file, in a full window, and returns the
// workspace and the transcript's ID.
func openLongTranscript(b *testing.B) (*workspace, fyne.Window, qda.ID) {
	a := test.NewTempApp(b)
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(1280, 820))
	app := Create(a, w, "")
	app.opts = project.Options{IndexDir: b.TempDir(), Coder: "Bench"}
	app.indexOnOpen = false
	app.fonts.missing = func() bool { return false }
	p, err := project.WriteDemo(filepath.Join(b.TempDir(), "demo.coder"), app.opts)
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "long interview.txt")
	if err := os.WriteFile(path, []byte(longInterview(30000)), 0o644); err != nil {
		b.Fatal(err)
	}
	rep, err := p.Import(context.Background(), []string{path}, project.ImportOptions{}, nil)
	if err != nil || len(rep.Imported) != 1 {
		b.Fatalf("importing the transcript: %v %+v", err, rep)
	}
	app.show(p)
	b.Cleanup(app.closeProject)
	ws := app.ws
	var id qda.ID
	for _, d := range ws.docs {
		if d.Name == "long interview" || d.Name == "long interview.txt" {
			id = d.ID
		}
	}
	if id == "" {
		b.Fatalf("no long interview among %d documents", len(ws.docs))
	}
	return ws, w, id
}

// BenchmarkWorkspace_Open30k measures opening a 30,000-word transcript from
// the document list in the full window to its first laid-out frame: reading
// it from the project, wrapping it, painting its codings and the header.
func BenchmarkWorkspace_Open30k(b *testing.B) {
	ws, _, id := openLongTranscript(b)
	objects := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ws.showDocument(nil)
		ws.openDocument(id)
		objects = len(test.LaidOutObjects(ws.view))
	}
	b.ReportMetric(float64(objects), "objects")
}

// BenchmarkWorkspace_Open30kPainted is the same up to a painted frame of the
// whole window, drawn by the test driver's software painter (slower than
// the desktop's OpenGL).
func BenchmarkWorkspace_Open30kPainted(b *testing.B) {
	ws, w, id := openLongTranscript(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ws.showDocument(nil)
		ws.openDocument(id)
		w.Canvas().Capture()
	}
}

// longInterview is a fictional interview of about words words: an
// interviewer and two residents taking turns, one of them answering in
// Chinese now and then.
func longInterview(words int) string {
	vocab := strings.Fields("the residents met in the yard to talk about drains lanes budget committee " +
		"secretary volunteers parking trust meeting neighbours fund repair elderly garden street office " +
		"pilot project targets cadres showcase everyone agreed because although after before later nobody")
	zh := "我们楼里的老人先提出来修下水道，后来大家一起商量，街道也派人来看过。"
	var sb strings.Builder
	n := 0
	for turn := 0; n < words; turn++ {
		switch turn % 4 {
		case 0, 2:
			sb.WriteString("Interviewer: ")
		case 1:
			sb.WriteString("Resident A: ")
		case 3:
			sb.WriteString("Resident B: ")
		}
		if turn%10 == 3 {
			sb.WriteString(strings.Repeat(zh, 3))
			n += 60
		} else {
			length := 30 + (turn*37)%150
			for i := 0; i < length; i++ {
				sb.WriteString(vocab[(turn*131+i*17+i*i)%len(vocab)])
				if i%11 == 10 {
					sb.WriteString(".")
				}
				sb.WriteString(" ")
			}
			n += length
		}
		sb.WriteString("\n")
	}
	return sb.String()
}
