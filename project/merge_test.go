package project_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"coder/project"
	"coder/qda"
)

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func openAs(t *testing.T, path, coder string) *project.Project {
	t.Helper()
	p, err := project.Open(path, project.Options{Coder: coder, Backups: -1, IndexDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// Ensure that a colleague's copy merges into the lead's project in one
// undoable step: her new code, codings, memo and imported document come in,
// the coding she deleted goes, the search index finds her document,
// Undo puts the lead's project back as it was, and the same copy then
// merges in again (undoing a merge leaves no tombstones).
func TestMerge_ColleagueCopyComesInAndUndoes(t *testing.T) {
	dir := t.TempDir()
	lead := newProject(t, "logics")
	doc := importText(t, lead, "li.txt", "Resident Li: The yard committee fixed the gate.\n")
	pol, _ := lead.FindCode("Political logic")
	old, err := lead.ApplyCode(doc, qda.Span{Start: 0, End: 11}, pol.ID)
	if err != nil {
		t.Fatal(err)
	}
	lead.Close()
	leadPath := lead.Path()
	ana := filepath.Join(dir, "ana.coder")
	copyFile(t, leadPath, ana)

	p := openAs(t, ana, "Ana")
	trust, err := p.AddCode("Trust", "#1E6FD9", "residents rely on each other")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.ApplyCode(doc, qda.Span{Start: 13, End: 30}, trust.ID); err != nil {
		t.Fatal(err)
	}
	if err := p.Uncode(old.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := p.AddMemo(qda.OnCode, trust.ID, "Trust", "It grows in small repairs."); err != nil {
		t.Fatal(err)
	}
	importText(t, p, "wang.txt", "Resident Wang: Nobody asked us about the parking marmalade.\n")
	p.Close()

	lead = openAs(t, leadPath, "Lead")
	defer lead.Close()
	before, _ := lead.Codings(project.CodingFilter{})
	rep, err := lead.Merge(context.Background(), ana, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Added.Codes != 1 || rep.Added.Codings != 1 || rep.Added.Memos != 1 || rep.Added.Documents != 1 || rep.Removed.Codings != 1 {
		t.Errorf("report added %+v, removed %+v; want 1 code, 1 coding, 1 memo, 1 document in and 1 coding out", rep.Added, rep.Removed)
	}
	rows, _ := lead.Codings(project.CodingFilter{})
	if len(rows) != 1 || rows[0].CodePath != "Trust" || rows[0].CoderName != "Ana" {
		t.Fatalf("codings after merge = %+v; want Ana's one Trust coding", rows)
	}
	res, err := lead.Search(context.Background(), "marmalade", project.SearchOptions{})
	if err != nil || res.Total != 1 {
		t.Errorf("search for a word of the merged document: %v, %+v; want one hit", err, res)
	}
	if probs, err := lead.Check(); err != nil || len(probs) != 0 {
		t.Errorf("check after merge: %v %+v", err, probs)
	}
	again, err := lead.Merge(context.Background(), ana, nil)
	if err != nil || again.Added.Total()+again.Changed.Total()+again.Removed.Total() != 0 {
		t.Errorf("merging the same copy again changed %+v %+v %+v, %v; want nothing", again.Added, again.Changed, again.Removed, err)
	}
	if name, err := lead.Undo(); err != nil || name != "Merge ana.coder" {
		t.Fatalf("undo = %q, %v", name, err)
	}
	rows, _ = lead.Codings(project.CodingFilter{})
	if len(rows) != len(before) || rows[0].ID != old.ID {
		t.Errorf("after undo codings = %+v; want the lead's own", rows)
	}
	// Undoing the merge deleted nothing anyone made: the same copy merges
	// in again as it did the first time.
	rep, err = lead.Merge(context.Background(), ana, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Added.Codes != 1 || rep.Added.Codings != 1 || rep.Added.Memos != 1 || rep.Added.Documents != 1 || rep.Removed.Codings != 1 {
		t.Errorf("merged again after its undo: added %+v, removed %+v; want what the first merge did", rep.Added, rep.Removed)
	}
	rows, _ = lead.Codings(project.CodingFilter{})
	if len(rows) != 1 || rows[0].CodePath != "Trust" || rows[0].CoderName != "Ana" {
		t.Errorf("codings after merging again = %+v; want Ana's one Trust coding", rows)
	}
}

// Ensure that a memo two coders edited in their own copies comes back from
// the merge twice: the later version under the memo's ID, the other beside
// it flagged as a conflicting version; and that once the lead deletes the
// flagged one, merging the same copies again does not bring it back.
func TestMerge_MemoEditedInTwoCopiesKeepsBothVersions(t *testing.T) {
	dir := t.TempDir()
	lead := newProject(t, "logics")
	memo, err := lead.AddMemo(qda.OnProject, "", "Plan", "Interview the yard council first.")
	if err != nil {
		t.Fatal(err)
	}
	lead.Close()
	leadPath := lead.Path()
	edit := func(name, text string) string {
		path := filepath.Join(dir, name+".coder")
		copyFile(t, leadPath, path)
		p := openAs(t, path, name)
		defer p.Close()
		ms, _ := p.Memos(qda.OnProject, "")
		if err := p.EditMemo(memo.ID, ms[0].Modified, "Plan", text); err != nil {
			t.Fatal(err)
		}
		return path
	}
	ana := edit("Ana", "Interview the yard council first, then the office.")
	bo := edit("Bo", "Start with the office; the council can wait.")

	lead = openAs(t, leadPath, "Lead")
	defer lead.Close()
	for _, other := range []string{ana, bo} {
		if _, err := lead.Merge(context.Background(), other, nil); err != nil {
			t.Fatal(err)
		}
	}
	ms, _ := lead.Memos(qda.OnProject, "")
	if len(ms) != 2 {
		t.Fatalf("memos after merging both = %+v; want both versions", ms)
	}
	var kept, flagged qda.Memo
	for _, m := range ms {
		if m.ID == memo.ID {
			kept = m
		} else {
			flagged = m
		}
	}
	if kept.Text != "Start with the office; the council can wait." || flagged.ConflictOf != memo.ID || flagged.Text != "Interview the yard council first, then the office." {
		t.Errorf("kept %q, flagged %q (of %s); want Bo's later text kept and Ana's flagged", kept.Text, flagged.Text, flagged.ConflictOf)
	}
	if err := lead.DeleteMemo(flagged.ID); err != nil {
		t.Fatal(err)
	}
	for _, other := range []string{ana, bo} {
		if _, err := lead.Merge(context.Background(), other, nil); err != nil {
			t.Fatal(err)
		}
	}
	if ms, _ := lead.Memos(qda.OnProject, ""); len(ms) != 1 {
		t.Errorf("after deleting the flagged version and merging again: %d memos; want 1", len(ms))
	}
}

// Ensure that a colleague's REFI-QDA export of her copy merges like the copy
// itself: her code and coding come in, and the lead's documents, codes and
// codings stay as they are (an export carries no edit times, so it never
// wins over the lead's own edits).
func TestMerge_QDPXExportOfACopy(t *testing.T) {
	dir := t.TempDir()
	lead := newProject(t, "logics")
	doc := importText(t, lead, "li.txt", "Resident Li: The yard committee fixed the gate.\n\nInterviewer: Who paid?\n")
	pol, _ := lead.FindCode("Political logic")
	if _, err := lead.ApplyCode(doc, qda.Span{Start: 0, End: 11}, pol.ID); err != nil {
		t.Fatal(err)
	}
	lead.Close()
	ana := filepath.Join(dir, "ana.coder")
	copyFile(t, lead.Path(), ana)
	p := openAs(t, ana, "Ana")
	trust, err := p.AddCode("Trust", "#1E6FD9", "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.ApplyCode(doc, qda.Span{Start: 13, End: 30}, trust.ID); err != nil {
		t.Fatal(err)
	}
	qdpx := filepath.Join(dir, "ana.qdpx")
	f, err := os.Create(qdpx)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Export(context.Background(), f, "qdpx", project.CodingFilter{}, nil); err != nil {
		t.Fatal(err)
	}
	f.Close()
	p.Close()

	lead = openAs(t, lead.Path(), "Lead")
	defer lead.Close()
	rep, err := lead.Merge(context.Background(), qdpx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Added.Codes != 1 || rep.Added.Codings != 1 || rep.Changed.Documents != 0 || rep.Changed.Codings != 0 || rep.Removed.Total() != 0 {
		t.Errorf("merging Ana's export: added %+v, changed %+v, removed %+v; want her code and coding in and nothing else touched", rep.Added, rep.Changed, rep.Removed)
	}
	if rows, _ := lead.Codings(project.CodingFilter{}); len(rows) != 2 {
		t.Errorf("codings after merging the export = %d; want 2", len(rows))
	}
}

// Ensure that deleting a memo that a merge kept two versions of deletes its
// flagged conflicting version too (no orphan "Conflicting version" is left
// in the memo list), and that merging a colleague's copy that still has
// both versions does not bring either back.
func TestMerge_DeletingAMemoTakesItsConflictingVersionAlong(t *testing.T) {
	dir := t.TempDir()
	lead := newProject(t, "logics")
	memo, err := lead.AddMemo(qda.OnProject, "", "Plan", "Interview the yard council first.")
	if err != nil {
		t.Fatal(err)
	}
	lead.Close()
	leadPath := lead.Path()
	edit := func(name, text string) string {
		path := filepath.Join(dir, name+".coder")
		copyFile(t, leadPath, path)
		p := openAs(t, path, name)
		defer p.Close()
		ms, _ := p.Memos(qda.OnProject, "")
		if err := p.EditMemo(memo.ID, ms[0].Modified, "Plan", text); err != nil {
			t.Fatal(err)
		}
		return path
	}
	ana := edit("Ana", "Interview the yard council first, then the office.")
	bo := edit("Bo", "Start with the office; the council can wait.")
	lead = openAs(t, leadPath, "Lead")
	defer lead.Close()
	merged := filepath.Join(dir, "merged.coder")
	for _, other := range []string{ana, bo} {
		if _, err := lead.Merge(context.Background(), other, nil); err != nil {
			t.Fatal(err)
		}
	}
	if ms, _ := lead.Memos(qda.OnProject, ""); len(ms) != 2 {
		t.Fatalf("memos after merging both = %d; want the memo and its conflicting version", len(ms))
	}
	copyFile(t, leadPath, merged)
	if err := lead.DeleteMemo(memo.ID); err != nil {
		t.Fatal(err)
	}
	if ms, _ := lead.Memos(qda.OnProject, ""); len(ms) != 0 {
		t.Errorf("after deleting the memo: %d memos left (%q…); want none", len(ms), ms[0].Text)
	}
	for _, other := range []string{ana, bo, merged} {
		if _, err := lead.Merge(context.Background(), other, nil); err != nil {
			t.Fatal(err)
		}
	}
	if ms, _ := lead.Memos(qda.OnProject, ""); len(ms) != 0 {
		t.Errorf("after merging the copies again: %d memos; want none", len(ms))
	}
}

// Ensure that one person's two copies (two laptops, each of which made
// its own coder "Ana") merge into one coder whichever copy merges the
// other, and that what the merging session writes afterwards is by that
// one coder: the session's coder had been unified away by the merge, and
// its next memo brought back a second "Ana".
func TestMerge_OnePersonsTwoCopiesLeaveOneCoder(t *testing.T) {
	dir := t.TempDir()
	lead := newProject(t, "logics")
	lead.Close()
	laptop := func(name string) string {
		path := filepath.Join(dir, name+".coder")
		copyFile(t, lead.Path(), path)
		p := openAs(t, path, "Ana")
		defer p.Close()
		if _, err := p.AddMemo(qda.OnProject, "", "", "Notes from the "+name+" laptop."); err != nil {
			t.Fatal(err)
		}
		return path
	}
	one, two := laptop("office"), laptop("field")
	for i, pair := range [][2]string{{one, two}, {two, one}} {
		into := filepath.Join(dir, fmt.Sprintf("merged%d.coder", i))
		copyFile(t, pair[0], into)
		p := openAs(t, into, "Ana")
		if _, err := p.Merge(context.Background(), pair[1], nil); err != nil {
			t.Fatal(err)
		}
		if _, err := p.AddMemo(qda.OnProject, "", "", "After the merge."); err != nil {
			t.Fatal(err)
		}
		coders, _ := p.Coders()
		var anas []qda.ID
		for _, c := range coders {
			if c.Name == "Ana" {
				anas = append(anas, c.ID)
			}
		}
		memos, _ := p.Memos(qda.OnProject, "")
		if len(anas) != 1 {
			t.Errorf("%s merged into %s: %d coders named Ana; want one", filepath.Base(pair[1]), filepath.Base(pair[0]), len(anas))
		} else {
			for _, m := range memos {
				if m.Coder != anas[0] {
					t.Errorf("%s merged into %s: memo %q is by coder %s, not Ana (%s)", filepath.Base(pair[1]), filepath.Base(pair[0]), m.Text, m.Coder, anas[0])
				}
			}
		}
		if len(memos) != 3 {
			t.Errorf("memos = %d; want both laptops' and the new one", len(memos))
		}
		p.Close()
	}
}
