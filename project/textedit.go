package project

import (
	"fmt"

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
// and reported. The search index follows. newText is cleaned as imported
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
		sp, err := qda.NewSplice(d.Chars, []qda.Replacement{{Span: span, Text: newText}})
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
		rep = &EditReport{Document: doc, Span: span, New: sp.Inserted()[0], Moved: len(r.Moved)}
		for _, c := range r.Removed {
			rep.Removed = append(rep.Removed, RemovedCoding{ID: c.ID, CodePath: tree.Path(c.Code), Span: c.Span, Text: c.Span.Slice(runes)})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if rep == nil {
		rep = &EditReport{Document: doc, Span: span, New: qda.Span{Start: span.Start, End: span.End}}
	}
	return rep, nil
}
