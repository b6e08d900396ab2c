package project_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"coder/project"
	"coder/qda"
)

func newProject(t *testing.T, codebook string) *project.Project {
	t.Helper()
	p, err := project.Create(filepath.Join(t.TempDir(), "p.coder"), project.CreateOptions{Codebook: codebook, Options: project.Options{Coder: "Tester", Backups: -1, IndexDir: t.TempDir()}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	return p
}

func importText(t *testing.T, p *project.Project, name, text string) qda.ID {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := p.Import(context.Background(), []string{path}, project.ImportOptions{}, nil)
	if err != nil || len(rep.Imported) != 1 {
		t.Fatalf("import %s: %v %+v", name, err, rep)
	}
	return rep.Imported[0].Document
}

// Ensure that a new project from the logics template has the three logics
// with definitions, and that template code IDs are the same in every project
// (so a team's projects merge code by code).
func TestCreate_LogicsTemplate(t *testing.T) {
	a, b := newProject(t, "logics"), newProject(t, "logics")
	ta, _ := a.Codebook()
	tb, _ := b.Codebook()
	for _, path := range []string{"Political logic", "Bureaucratic logic", "Community logic"} {
		ca, ok1 := ta.Find(path)
		cb, ok2 := tb.Find(path)
		if !ok1 || !ok2 {
			t.Fatalf("template lacks %q", path)
		}
		if ca.ID != cb.ID {
			t.Errorf("%s has different IDs in two projects: %s, %s", path, ca.ID, cb.ID)
		}
		if ca.Description == "" {
			t.Errorf("%s has no definition", path)
		}
	}
	colors := map[string]string{}
	ta.Walk(func(c *qda.Code, _ int) {
		if prev, dup := colors[c.Color]; dup {
			t.Errorf("%s and %s share colour %s", prev, ta.Path(c.ID), c.Color)
		}
		colors[c.Color] = ta.Path(c.ID)
	})
}

// Ensure that coding, uncoding and codebook edits undo and redo exactly.
func TestUndo_CodingAndCodebookEdits(t *testing.T) {
	p := newProject(t, "empty")
	doc := importText(t, p, "n.txt", "The yard committee met on Sunday.\n")
	code, err := p.AddCode("Deliberation", "", "")
	if err != nil {
		t.Fatal(err)
	}
	c, err := p.ApplyCode(doc, qda.Span{Start: 4, End: 19}, code.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.RenameCode(code.ID, "Public deliberation"); err != nil {
		t.Fatal(err)
	}
	count := func() int {
		rows, err := p.Codings(project.CodingFilter{})
		if err != nil {
			t.Fatal(err)
		}
		return len(rows)
	}
	name := func() string { tr, _ := p.Codebook(); cc, _ := tr.Code(code.ID); return cc.Name }
	if got := p.CanUndo(); got != "Rename code" {
		t.Errorf("CanUndo = %q, want Rename code", got)
	}
	if _, err := p.Undo(); err != nil || name() != "Deliberation" {
		t.Fatalf("undo rename: %v, name %q", err, name())
	}
	if _, err := p.Undo(); err != nil || count() != 0 {
		t.Fatalf("undo coding: %v, %d codings", err, count())
	}
	if _, err := p.Redo(); err != nil || count() != 1 {
		t.Fatalf("redo coding: %v, %d codings", err, count())
	}
	rows, _ := p.Codings(project.CodingFilter{})
	if rows[0].ID != c.ID || rows[0].Text != "yard committee " {
		t.Errorf("redone coding = %+v", rows[0])
	}
	if err := p.Uncode(c.ID); err != nil || count() != 0 {
		t.Fatalf("uncode: %v", err)
	}
	if _, err := p.Undo(); err != nil || count() != 1 {
		t.Fatalf("undo uncode: %v, %d codings", err, count())
	}
	if p.CanRedo() == "" {
		t.Error("nothing to redo after an undo")
	}
	if _, err := p.AddCode("Another", "", ""); err != nil {
		t.Fatal(err)
	}
	if p.CanRedo() != "" {
		t.Error("a new action must clear the redo stack")
	}
}

// Ensure that a batch import with a bad file imports the rest, reports the
// bad file by name, and skips a second copy of a file already imported.
func TestImport_BadFileIsReportedAndTheRestGoIn(t *testing.T) {
	p := newProject(t, "empty")
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("First notes.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte(""), 0o644)
	os.WriteFile(filepath.Join(dir, "c.md"), []byte("# Heading\n\nSecond notes.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "copy-of-a.txt"), []byte("First notes.\n"), 0o644)
	rep, err := p.Import(context.Background(), []string{dir}, project.ImportOptions{Case: "Batch"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Imported) != 2 || len(rep.Failed) != 1 || len(rep.Duplicates) != 1 {
		t.Fatalf("imported %d, failed %d, duplicates %d; want 2, 1, 1", len(rep.Imported), len(rep.Failed), len(rep.Duplicates))
	}
	if !strings.Contains(rep.Failed[0].Err.Error(), "b.txt") {
		t.Errorf("failure %q does not name the file", rep.Failed[0].Err)
	}
	docs, _ := p.Documents()
	if len(docs) != 2 || docs[0].Cases[0] != "Batch" {
		t.Errorf("documents = %+v", docs)
	}
	if _, err := p.Undo(); err != nil {
		t.Fatal(err)
	}
	if docs, _ := p.Documents(); len(docs) != 0 {
		t.Errorf("undo of a batch import left %d documents", len(docs))
	}
}

// Ensure that a cancelled import stops and keeps what it had imported.
func TestImport_CancelKeepsWhatWasImported(t *testing.T) {
	p := newProject(t, "empty")
	dir := t.TempDir()
	for i := 0; i < 5; i++ {
		os.WriteFile(filepath.Join(dir, string(rune('a'+i))+".txt"), []byte(strings.Repeat("note ", i+1)), 0o644)
	}
	ctx, cancel := context.WithCancel(context.Background())
	rep, err := p.Import(ctx, []string{dir}, project.ImportOptions{}, func(pr project.Progress) {
		if pr.Done == 2 {
			cancel()
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Cancelled || len(rep.Imported) != 2 {
		t.Fatalf("cancelled=%v imported=%d, want true and 2", rep.Cancelled, len(rep.Imported))
	}
	if docs, _ := p.Documents(); len(docs) != 2 {
		t.Errorf("documents = %d, want 2", len(docs))
	}
}

// Ensure that codebook operations keep codings: merge re-points them,
// delete refuses while they exist, move refuses cycles.
func TestCodebook_MergeDeleteMove(t *testing.T) {
	p := newProject(t, "empty")
	doc := importText(t, p, "n.txt", "Trust grew between neighbours.\n")
	a, _ := p.AddCode("Trust", "", "")
	b, _ := p.AddCode("Social capital", "", "")
	child, _ := p.AddCode("Trust/Between neighbours", "", "")
	if _, err := p.ApplyCode(doc, qda.Span{Start: 0, End: 5}, a.ID); err != nil {
		t.Fatal(err)
	}
	if err := p.MoveCode(a.ID, child.ID); err == nil {
		t.Error("moving a code under its own child was accepted")
	}
	if err := p.DeleteCode(a.ID, false); !errors.Is(err, qda.ErrConflict) {
		t.Errorf("delete with codings: %v, want a refusal", err)
	}
	if err := p.MergeCodes(a.ID, b.ID); err != nil {
		t.Fatal(err)
	}
	rows, _ := p.Codings(project.CodingFilter{Codes: []qda.ID{b.ID}})
	if len(rows) != 1 || rows[0].CodePath != "Social capital" {
		t.Errorf("after merge: %+v", rows)
	}
	tr, _ := p.Codebook()
	if got := tr.Path(child.ID); got != "Social capital/Between neighbours" {
		t.Errorf("child path after merge = %q", got)
	}
}

// Ensure that the demo bundle is valid: every document validates and every
// coding lies inside its document.
func TestDemoBundle_IsConsistent(t *testing.T) {
	b, err := project.DemoBundle()
	if err != nil {
		t.Fatal(err)
	}
	chars := map[qda.ID]int{}
	for _, d := range b.Documents {
		if err := d.Validate(); err != nil {
			t.Error(err)
		}
		chars[d.ID] = d.Chars
	}
	for _, c := range b.Codings {
		if err := c.Span.CheckIn(chars[c.Document]); err != nil {
			t.Errorf("coding %s: %v", c.ID, err)
		}
	}
	if len(b.Memos) < 4 || len(b.Cases) < 4 {
		t.Errorf("demo has %d memos and %d cases", len(b.Memos), len(b.Cases))
	}
}

// Ensure that coding by speaker codes every turn of that speaker, and that
// cases can be made per speaker.
func TestSpeakers_CodeTurnsAndMakeCases(t *testing.T) {
	p := newProject(t, "logics")
	doc := importText(t, p, "t.txt", "Interviewer: How did it start?\nSecretary Fang: The ranking came first.\nInterviewer: And then?\nSecretary Fang: We called a meeting.\nResident Li: I came to that meeting.\n")
	code, _ := p.FindCode("Bureaucratic logic")
	n, err := p.CodeSpeaker("secretary fang", code.ID)
	if err != nil || n != 2 {
		t.Fatalf("CodeSpeaker = %d, %v; want 2 turns", n, err)
	}
	rows, _ := p.Codings(project.CodingFilter{Documents: []qda.ID{doc}})
	for _, r := range rows {
		if !strings.HasPrefix(r.Text, "Secretary Fang:") {
			t.Errorf("coded %q, want a turn of Secretary Fang", r.Text)
		}
	}
	if _, err := p.CodeSpeaker("Nobody", code.ID); err == nil {
		t.Error("coding an unknown speaker succeeded")
	}
	if n, err := p.CasesFromSpeakers(); err != nil || n != 3 {
		t.Fatalf("CasesFromSpeakers = %d, %v; want 3", n, err)
	}
	c, err := p.FindCase("Resident Li")
	if err != nil || len(c.Documents) != 1 || c.Documents[0] != doc {
		t.Errorf("case Resident Li = %+v, %v", c, err)
	}
}

// Ensure that a document's codings read on their own match the general
// listing filtered to that document.
func TestDocumentCodings_MatchesFilteredListing(t *testing.T) {
	p := newProject(t, "logics")
	doc := importText(t, p, "d.txt", "The gate was mended by everyone in the yard.\n")
	other := importText(t, p, "e.txt", "Another yard.\n")
	code, _ := p.FindCode("Community logic")
	p.ApplyCode(doc, qda.Span{Start: 4, End: 8}, code.ID)
	p.ApplyCode(other, qda.Span{Start: 0, End: 7}, code.ID)
	var seen []project.Change
	p.Watch(func(c project.Change) { seen = append(seen, c) })
	p.ApplyCode(doc, qda.Span{Start: 0, End: 3}, code.ID)
	got, err := p.DocumentCodings(doc)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := p.Codings(project.CodingFilter{Documents: []qda.ID{doc}})
	if len(got) != 2 || len(want) != 2 {
		t.Fatalf("DocumentCodings = %d rows, filtered Codings = %d, want 2", len(got), len(want))
	}
	for i := range got {
		if got[i].ID != want[i].ID || got[i].Text != want[i].Text || got[i].CodePath != want[i].CodePath || got[i].CoderName != want[i].CoderName {
			t.Errorf("row %d: %+v vs %+v", i, got[i], want[i])
		}
	}
	if len(seen) != 1 || !seen[0].Codings || seen[0].Documents[0] != doc {
		t.Errorf("watchers saw %+v, want one coding-only change on the document", seen)
	}
}
