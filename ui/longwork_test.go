package ui

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"coder/project"
)

// gatedWriter holds every write until its gate opens, so a test can look at
// the window while an export is under way.
type gatedWriter struct {
	fyne.URIWriteCloser
	once    sync.Once
	started chan struct{}
	gate    chan struct{}
}

func (g *gatedWriter) Write(b []byte) (int, error) {
	g.once.Do(func() { close(g.started) })
	<-g.gate
	return g.URIWriteCloser.Write(b)
}

// exportTo starts an export of the demo's excerpts to path as the Export
// menu does once a file is chosen, with writes held until gate opens.
func exportTo(t *testing.T, ws *workspace, path string, gate chan struct{}) (*gatedWriter, chan struct{}) {
	t.Helper()
	w, err := storage.Writer(storage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	g := &gatedWriter{URIWriteCloser: w, started: make(chan struct{}), gate: gate}
	ended := make(chan struct{}, 1)
	ws.jobs.ended = func() { ended <- struct{}{} }
	ws.runExport(g, false, "csv", project.CodingFilter{})
	return g, ended
}

// Ensure that an export runs off the UI thread behind a dialog with a
// progress bar and Cancel (the window stays responsive while the file is
// written), and that Cancel leaves no half-written file.
func TestLongWork_ExportShowsProgressAndCancelLeavesNoFile(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	path := filepath.Join(t.TempDir(), "excerpts.csv")
	gate := make(chan struct{})
	g, ended := exportTo(t, ws, path, gate)
	wait(t, g.started, "the export's first write")
	// The UI thread is free: the test, which is the UI thread here, got
	// back from runExport while the export is held in its first write.
	dlg := topOverlay(t, w)
	if txt := textUnder(dlg); !strings.Contains(txt, "Exporting") {
		t.Fatalf("no progress dialog while exporting:\n%s", txt)
	}
	test.Tap(button(t, dlg, "Cancel"))
	if txt := textUnder(dlg); !strings.Contains(txt, "Cancelling") {
		t.Errorf("after Cancel the dialog says:\n%s", txt)
	}
	close(gate)
	wait(t, ended, "the cancelled export")
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("a cancelled export left %s (%v)", path, err)
	}
	if txt := textUnder(topOverlay(t, w)); !strings.Contains(txt, "Export cancelled") {
		t.Errorf("after cancel the window says:\n%s", txt)
	}
	if len(ws.jobs.running) != 0 {
		t.Errorf("%d works still listed as running", len(ws.jobs.running))
	}
}

// Ensure that an export let run writes the whole file and says where.
func TestLongWork_ExportWritesTheFile(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	path := filepath.Join(t.TempDir(), "excerpts.csv")
	gate := make(chan struct{})
	close(gate)
	_, ended := exportTo(t, ws, path, gate)
	wait(t, ended, "the export")
	data, err := os.ReadFile(path)
	var want bytes.Buffer
	ws.p.Export(context.Background(), &want, "csv", project.CodingFilter{}, nil)
	if err != nil || !bytes.Equal(data, want.Bytes()) {
		t.Errorf("the export wrote %d bytes (%v), want the %d of a direct export", len(data), err, want.Len())
	}
	if txt := textUnder(topOverlay(t, w)); !strings.Contains(txt, "Saved "+path) {
		t.Errorf("after the export the window says:\n%s", txt)
	}
}

// Ensure that merging a REFI-QDA codebook runs through the progress dialog
// and brings its codes in.
func TestLongWork_MergeACodebookInTheBackground(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	path := filepath.Join(t.TempDir(), "extra.qdc")
	const qdc = `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Fictional Coder Test">
  <Codes>
    <Code guid="2b9b1c7e-3c55-4b8a-9a0e-5d8f2b1c0a11" name="Courtyard benches" isCodable="true" color="#336699"/>
  </Codes>
</CodeBook>`
	if err := os.WriteFile(path, []byte(qdc), 0o644); err != nil {
		t.Fatal(err)
	}
	ended := make(chan struct{}, 1)
	ws.jobs.ended = func() { ended <- struct{}{} }
	ws.runImportExchange(path)
	wait(t, ended, "the merge")
	if _, ok := ws.tree.Find("Courtyard benches"); !ok {
		t.Errorf("the merged code is not in the codebook; the window says:\n%s", textUnder(topOverlay(t, w)))
	}
}
