package ui

import (
	"context"
	"testing"

	"coder/project"
)

// Ensure that the Documents list shows a group that an import brings (the
// "(no case)" group of an imported REFI-QDA project's sources) opened, so the
// imported documents are in view, while a group the researcher closed stays
// closed.
func TestDocuments_AGroupAnImportBringsIsOpen(t *testing.T) {
	app, _ := openDemoCopy(t)
	ws := app.ws
	d := ws.documents
	closed := "g\x00Local activist"
	d.tree.CloseBranch(closed)

	dir := t.TempDir()
	writeFile(t, dir, "bus-stop-notes.txt", "The new bus stop opened on Friday; nobody waited there yet.\n")
	if _, err := ws.p.Import(context.Background(), []string{dir + "/bus-stop-notes.txt"}, project.ImportOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	ws.changed(project.Change{All: true})
	if len(d.members[noCase]) != 1 {
		t.Fatalf("the (no case) group holds %d documents, want 1", len(d.members[noCase]))
	}
	if !d.tree.IsBranchOpen("g\x00" + noCase) {
		t.Error("the group the import brought is closed: its document is out of sight")
	}
	if d.tree.IsBranchOpen(closed) {
		t.Error("a group the researcher closed opened again")
	}
}
