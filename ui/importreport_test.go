package ui

import (
	"context"
	"strings"
	"testing"

	"coder/project"
)

// Ensure that the import report names a file that was not imported once,
// not "blob.txt: blob.txt: this looks like a binary file".
func TestImportReport_NamesAFailedFileOnce(t *testing.T) {
	app, w := openDemoCopy(t)
	dir := t.TempDir()
	blob := writeFile(t, dir, "blob.txt", "\x00\x01\x02binary\x00\x00")
	rep, err := app.ws.p.Import(context.Background(), []string{blob}, project.ImportOptions{}, nil)
	if err != nil && rep == nil {
		t.Fatal(err)
	}
	if len(rep.Failed) != 1 {
		t.Fatalf("%d files failed, want the binary one", len(rep.Failed))
	}
	app.ws.showImportReport(rep)
	text := textUnder(topOverlay(t, w))
	if strings.Contains(text, "blob.txt: blob.txt") || !strings.Contains(text, "blob.txt: ") {
		t.Errorf("the report says:\n%s", text)
	}
}
