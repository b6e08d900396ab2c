package project_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"coder/assist"
	"coder/project"
	"coder/qda"
)

// moneyFixture is a fictional interview: money troubles among gardens,
// weather and a choir, one paragraph each.
var moneyFixture = []string{
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

// moneyProject is a project holding moneyFixture with a code "Money" on
// five of its money paragraphs, so the assistant suggests the others.
func moneyProject(t *testing.T) (*project.Project, qda.ID, qda.ID) {
	t.Helper()
	p := newProject(t, "empty")
	text := strings.Join(moneyFixture, "\n\n") + "\n"
	doc := importText(t, p, "village.txt", text)
	code, err := p.AddCode("Money", "", "")
	if err != nil {
		t.Fatal(err)
	}
	for _, i := range []int{0, 2, 4, 6, 8} {
		if _, err := p.ApplyCode(doc, spanOf(text, moneyFixture[i]), code.ID); err != nil {
			t.Fatal(err)
		}
	}
	return p, doc, code.ID
}

// spanOf is the rune span of the first s in text.
func spanOf(text, s string) qda.Span {
	i := strings.Index(text, s)
	if i < 0 {
		panic("no " + s)
	}
	start := len([]rune(text[:i]))
	return qda.Span{Start: start, End: start + len([]rune(s))}
}

func suggestTexts(t *testing.T, p *project.Project, code qda.ID) []assist.Suggestion {
	t.Helper()
	got, err := p.Suggest(context.Background(), nil, code, 0)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func documentText(t *testing.T, p *project.Project, doc qda.ID) string {
	t.Helper()
	d, err := p.Document(doc)
	if err != nil {
		t.Fatal(err)
	}
	return d.Text
}

// Ensure that a rejected suggestion stays rejected after a text correction
// before it (the rejection moves with its words, as codings do), that a
// correction inside it keeps it on its corrected words, and that rewriting
// all of its words drops it, as it drops a coding.
func TestSuggest_RejectionFollowsATextCorrection(t *testing.T) {
	p, doc, code := moneyProject(t)
	first := suggestTexts(t, p, code)
	if len(first) == 0 {
		t.Fatal("no suggestions")
	}
	rejected := first[0]
	if err := p.RejectSuggestion(doc, rejected.Span(), code); err != nil {
		t.Fatal(err)
	}
	// A correction in the first paragraph, before the rejected one.
	text := documentText(t, p, doc)
	if _, err := p.EditText(doc, spanOf(text, "in March"), "in early March"); err != nil {
		t.Fatal(err)
	}
	for _, s := range suggestTexts(t, p, code) {
		if s.Text == rejected.Text {
			t.Fatalf("rejected suggestion %q came back after an edit before it, at %s", rejected.Text, s.Span())
		}
	}
	text = documentText(t, p, doc)
	rs, err := p.Rejections()
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 1 || rs[0].Span != spanOf(text, rejected.Text) || rs[0].Text != rejected.Text {
		t.Fatalf("rejections after the edit = %+v, want one on %q at %s", rs, rejected.Text, spanOf(text, rejected.Text))
	}
	// A correction inside the rejected paragraph: the rejection covers the
	// corrected words.
	if _, err := p.EditText(doc, spanOf(text, "no money"), "not a penny"); err != nil {
		t.Fatal(err)
	}
	text = documentText(t, p, doc)
	now := strings.Replace(rejected.Text, "no money", "not a penny", 1)
	if now == rejected.Text {
		t.Fatalf("the rejected paragraph %q does not hold %q: the fixture changed", rejected.Text, "no money")
	}
	if rs, _ = p.Rejections(); len(rs) != 1 || rs[0].Span != spanOf(text, now) || rs[0].Text != now {
		t.Fatalf("rejections after an edit inside = %+v, want one on %q", rs, now)
	}
	for _, s := range suggestTexts(t, p, code) {
		if s.Text == now {
			t.Fatalf("rejected suggestion %q came back after an edit inside it", now)
		}
	}
	// Rewriting all of its words and the paragraph break before it drops
	// it, as it drops a coding on those words. (A coding, and a
	// rejection, on exactly the words replaced covers the new words.)
	at := spanOf(text, now)
	if _, err := p.EditText(doc, qda.Span{Start: at.Start - 2, End: at.End}, " Then the neighbours lent us a ladder!"); err != nil {
		t.Fatal(err)
	}
	if rs, _ = p.Rejections(); len(rs) != 0 {
		t.Fatalf("rejections after their words were rewritten = %+v, want none", rs)
	}
	// Undo brings the rejection back with the words.
	if _, err := p.Undo(); err != nil {
		t.Fatal(err)
	}
	if rs, _ = p.Rejections(); len(rs) != 1 || rs[0].Text != now {
		t.Fatalf("rejections after undo = %+v, want the one on %q", rs, now)
	}
}

// Ensure that an anonymised copy keeps the rejected suggestions on the
// pseudonymised words, with no real name in what they record.
func TestWriteAnonymised_RejectionsCoverThePseudonymisedWords(t *testing.T) {
	p, doc, code := moneyProject(t)
	text := documentText(t, p, doc)
	para := moneyFixture[10] // "The bank wrote about the loan again; ..."
	if err := p.RejectSuggestion(doc, spanOf(text, para), code); err != nil {
		t.Fatal(err)
	}
	if err := p.SetPseudonym("bank", "lender"); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "shared.coder")
	if _, err := p.WriteAnonymised(out); err != nil {
		t.Fatal(err)
	}
	c, err := project.Open(out, project.Options{Coder: "Reader", Backups: -1, ReadOnly: true, IndexDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	rs, err := c.Rejections()
	if err != nil {
		t.Fatal(err)
	}
	want := strings.ReplaceAll(para, "bank", "lender")
	if len(rs) != 1 || rs[0].Text != want || rs[0].Span != spanOf(documentText(t, c, rs[0].Document), want) {
		t.Errorf("the copy's rejections = %+v, want one on %q", rs, want)
	}
}

// Ensure that a rejected suggestion taken back with Undo stays taken back
// when a copy made before the undo (which still holds the rejection) is
// merged in: the undo leaves a tombstone. Redo takes the tombstone away
// again, and rejecting the same passage later stands against the old copy
// too (the later decision wins).
func TestRejectSuggestion_UndoneStaysUndoneThroughAMerge(t *testing.T) {
	p, doc, money := moneyProject(t)
	text := documentText(t, p, doc)
	span := spanOf(text, moneyFixture[10])
	if err := p.RejectSuggestion(doc, span, money); err != nil {
		t.Fatal(err)
	}
	copyPath := filepath.Join(t.TempDir(), "copy.coder")
	copyFile(t, p.Path(), copyPath)
	merge := func() []qda.Rejection {
		t.Helper()
		if _, err := p.Merge(context.Background(), copyPath, nil); err != nil {
			t.Fatal(err)
		}
		rs, err := p.Rejections()
		if err != nil {
			t.Fatal(err)
		}
		return rs
	}

	if name, err := p.Undo(); err != nil || name != "Reject suggestion" {
		t.Fatalf("undo = %q, %v", name, err)
	}
	if _, err := p.Redo(); err != nil {
		t.Fatal(err)
	}
	if rs := merge(); len(rs) != 1 {
		t.Errorf("undone, redone, then merged with a copy holding it: rejections = %+v; want it kept", rs)
	}
	if name, err := p.Undo(); err != nil || name != "Reject suggestion" { // the merge changed nothing
		t.Fatalf("undo = %q, %v", name, err)
	}

	if rs := merge(); len(rs) != 0 {
		t.Errorf("after merging a copy made before the undo, rejections = %+v; want none", rs)
	}
	if s := suggestTexts(t, p, money); !hasSuggestion(s, span) {
		t.Errorf("the passage taken back is not suggested again: %+v", s)
	}

	if err := p.RejectSuggestion(doc, span, money); err != nil {
		t.Fatal(err)
	}
	if rs := merge(); len(rs) != 1 || rs[0].Span != span {
		t.Errorf("rejected again, then merged with the old copy: rejections = %+v; want the new one", rs)
	}
	if probs, err := p.Check(); err != nil || len(probs) != 0 {
		t.Errorf("check: %v %+v", err, probs)
	}
}

func hasSuggestion(s []assist.Suggestion, span qda.Span) bool {
	for _, x := range s {
		if (qda.Span{Start: x.Start, End: x.End}) == span {
			return true
		}
	}
	return false
}
