package project_test

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"coder/project"
)

// peerFile is the hand-made QualCoder-style project of the exchange tests:
// two unnamed sources, two sources named "Interview", a code with a
// malformed GUID and a set of codes.
var peerFile = filepath.Join("..", "exchange", "testdata", "peers", "qualcoder-style", "project.qde")

// Ensure that a peer's file whose sources have no names, or share one, goes
// into a new empty project, and that a source whose name the project has
// already taken arrives as "name (2)" instead of refusing the whole file.
func TestImportExchange_PeerNamesNeverRefuseTheFile(t *testing.T) {
	t.Run("IntoANewProject", func(t *testing.T) {
		p := newProject(t, "empty")
		if _, err := p.ImportExchange(context.Background(), peerFile, nil); err != nil {
			t.Fatalf("refused: %v", err)
		}
		docs, _ := p.Documents()
		if len(docs) != 4 {
			t.Errorf("%d documents, want 4", len(docs))
		}
	})
	t.Run("IntoAProjectWithTheSameName", func(t *testing.T) {
		p := newProject(t, "empty")
		importText(t, p, "Interview.txt", "A: A text of our own, already here.\n")
		rep, err := p.ImportExchange(context.Background(), peerFile, nil)
		if err != nil {
			t.Fatalf("refused: %v", err)
		}
		var names []string
		docs, _ := p.Documents()
		for _, d := range docs {
			names = append(names, d.Name)
		}
		got := strings.Join(names, "|")
		if !strings.Contains(got, "Interview (2)") || !strings.Contains(got, "Interview (3)") {
			t.Errorf("documents %q, want the file's two interviews as Interview (2) and (3)", names)
		}
		if !strings.Contains(strings.Join(rep.Warnings, "\n"), `arrived as "Interview (2)"`) {
			t.Errorf("renaming not reported: %q", rep.Warnings)
		}
		// The same file again merges by GUID: nothing new, nothing renamed.
		if _, err := p.ImportExchange(context.Background(), peerFile, nil); err != nil {
			t.Fatal(err)
		}
		if again, _ := p.Documents(); len(again) != len(docs) {
			t.Errorf("second import: %d documents, first %d", len(again), len(docs))
		}
	})
}

// Ensure that code sets arrive in the project, are listed with their codes,
// can be edited and go out again in the project's own REFI-QDA export.
func TestCodeSets_ImportedStoredAndExported(t *testing.T) {
	p := newProject(t, "empty")
	if _, err := p.ImportExchange(context.Background(), peerFile, nil); err != nil {
		t.Fatal(err)
	}
	sets, err := p.CodeSets()
	if err != nil || len(sets) != 1 || sets[0].Name != "Feelings" || len(sets[0].Codes) != 2 {
		t.Fatalf("code sets = %+v, %v", sets, err)
	}
	orchards, err := p.FindCode("Orchards")
	if err != nil {
		t.Fatal(err)
	}
	if err := p.SetCodeSetMember(sets[0].ID, orchards.ID, true); err != nil {
		t.Fatal(err)
	}
	if _, err := p.AddCodeSet("Feelings", nil); err == nil {
		t.Error("a second set named Feelings was accepted")
	}
	var buf bytes.Buffer
	if err := p.Export(context.Background(), &buf, "qdpx", project.CodingFilter{}, nil); err != nil {
		t.Fatal(err)
	}
	qde := zipFile(t, buf.Bytes(), "project.qde")
	if !strings.Contains(qde, `name="Feelings"`) || strings.Count(qde, "<MemberCode ") != 3 {
		t.Errorf("export lacks the Feelings set with three codes:\n%s", qde)
	}
	if _, err := p.Undo(); err != nil {
		t.Fatal(err)
	}
	if sets, _ := p.CodeSets(); len(sets[0].Codes) != 2 {
		t.Errorf("after undo the set holds %d codes, want 2", len(sets[0].Codes))
	}
}

// zipFile returns one file of a zip archive held in data.
func zipFile(t *testing.T, data []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := zr.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
