package project

import (
	"fmt"
	"unicode/utf8"

	"coder/codebook"
	"coder/qda"
	"coder/store"
)

// EditReport says what correcting a document's text did.
type EditReport struct {
	Document qda.ID
	Span     qda.Span // the span replaced, in the old text
	New      qda.Span // where the new text lies now
	Moved    int      // codings whose span changed
	// Removed are the codings whose text was all replaced: gone, with their
	// notes and memos (Undo brings them back).
	Removed []RemovedCoding
}

// RemovedCoding is a coding an edit removed, as it was.
type RemovedCoding struct {
	ID       qda.ID
	CodePath string
	Span     qda.Span
	Text     string
}

// EditText replaces the runes span of a document's text with newText (a
// transcription typo, a misheard word), as one undoable action. Every
// coding, passage and speaker turn moves with the text (see qda.Splice): a
// coding before the edit is unchanged, after it shifted, around it
// stretched or shrunk; a coding wholly inside the replaced text is removed
// and reported. Only what differs is replaced: the runes the old and new
// text begin and end with in common are kept, with the codings on them. The search index follows. newText is cleaned as imported
// text is (NFC, LF line ends); an empty span inserts, an empty text deletes.
func (p *Project) EditText(doc qda.ID, span qda.Span, newText string) (*EditReport, error) {
	newText, _, _ = qda.NormalizeText(newText, false)
	var rep *EditReport
	err := p.act(Change{Action: "Edit text", Documents: []qda.ID{doc}, Memos: true}, func(tx *store.Tx) error {
		d, err := tx.DocumentWithText(doc)
		if err != nil {
			return err
		}
		if span.Start < 0 || span.End < span.Start || span.End > d.Chars {
			return qda.Errorf(d.Name, "span "+span.String()+" is not inside the text", fmt.Sprintf("give START:END within 0:%d", d.Chars))
		}
		runes := []rune(d.Text)
		if span.Slice(runes) == newText {
			return nil // nothing changes: no action, no undo step
		}
		sp, err := qda.NewSplice(d.Chars, []qda.Replacement{narrow(runes, span, []rune(newText))})
		if err != nil {
			return err
		}
		codes, err := tx.Codes()
		if err != nil {
			return err
		}
		tree := codebook.NewTree(codes)
		r, err := tx.SpliceText(doc, sp, qda.Drop)
		if err != nil {
			return err
		}
		rep = &EditReport{Document: doc, Span: span, New: qda.Span{Start: span.Start, End: span.Start + utf8.RuneCountInString(newText)}, Moved: len(r.Moved)}
		for _, c := range r.Removed {
			rep.Removed = append(rep.Removed, RemovedCoding{ID: c.ID, CodePath: tree.Path(c.Code), Span: c.Span, Text: c.Span.Slice(runes)})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if rep == nil {
		rep = &EditReport{Document: doc, Span: span, New: span}
	}
	return rep, nil
}

// narrow is the replacement of span by text with what the two begin and end
// with in common left out, so that codings on the words a correction keeps
// (a whole passage retyped to fix one word) are not touched.
func narrow(runes []rune, span qda.Span, text []rune) qda.Replacement {
	old := runes[span.Start:span.End]
	pre := 0
	for pre < len(old) && pre < len(text) && old[pre] == text[pre] {
		pre++
	}
	suf := 0
	for suf < len(old)-pre && suf < len(text)-pre && old[len(old)-1-suf] == text[len(text)-1-suf] {
		suf++
	}
	return qda.Replacement{Span: qda.Span{Start: span.Start + pre, End: span.End - suf}, Text: string(text[pre : len(text)-suf])}
}
