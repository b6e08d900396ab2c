package store

import (
	"fmt"

	"golang.org/x/text/unicode/norm"

	"coder/qda"
)

// SpliceReport says what a text edit did to a document's codings.
type SpliceReport struct {
	Moved   []qda.Coding // codings whose span changed, as they are now
	Removed []qda.Coding // codings nothing was left of, as they were (their memos went with them)
}

// SpliceText changes a document's text by a splice (see qda.Splice): the
// one way a text changes after import. The passages, every coding and every
// rejected suggestion on the document move with it; a coding or rejection
// whose text is all replaced goes (mode qda.Drop), or covers the
// replacement (qda.Widen). The new text must stay
// NFC as a whole.
func (tx *Tx) SpliceText(id qda.ID, sp *qda.Splice, mode qda.Mode) (*SpliceReport, error) {
	d, err := tx.DocumentWithText(id)
	if err != nil {
		return nil, err
	}
	if sp.Old != d.Chars {
		return nil, fmt.Errorf("document %q: the edit was made for a text of %d characters, it has %d", d.Name, sp.Old, d.Chars)
	}
	text, err := sp.Apply(d.Text)
	if err != nil {
		return nil, err
	}
	if !norm.NFC.IsNormalString(text) {
		return nil, qda.Errorf(d.Name, "the new text joins with the characters beside it into a different form", "include the neighbouring character in the span you replace")
	}
	codings, err := tx.CodingsOf(id)
	if err != nil {
		return nil, err
	}
	rep := &SpliceReport{}
	for _, c := range codings {
		m, ok := sp.Map(c.Span, mode)
		switch {
		case !ok:
			rep.Removed = append(rep.Removed, c)
		case m != c.Span:
			c.Span = m
			rep.Moved = append(rep.Moved, c)
		}
	}
	if err := tx.deleteCodings(rep.Removed); err != nil {
		return nil, err
	}
	d.Text = text
	d.Chars = sp.New()
	d.Passages = sp.Passages(d.Passages)
	if err := d.Validate(); err != nil {
		return nil, err
	}
	if err := tx.put(bTexts, []byte(id), textBytes(text)); err != nil {
		return nil, err
	}
	meta := *d
	meta.Text = ""
	stampWith(tx, &meta, id, tx.Document)
	if tx.editor != nil {
		// A correction that keeps every passage's length is an edit too:
		// the later correction wins a merge.
		_, _, hist := meta.Edited()
		meta.SetEdited(tx.editor.at, tx.editor.coder, hist)
	}
	if err := putJSON(tx, bDocs, id, &meta); err != nil {
		return nil, err
	}
	for i := range rep.Moved {
		if err := tx.PutCoding(&rep.Moved[i]); err != nil {
			return nil, err
		}
	}
	if err := tx.moveRejections(id, sp, mode, text); err != nil {
		return nil, err
	}
	return rep, nil
}
