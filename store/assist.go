package store

import (
	"encoding/json"
	"fmt"

	"coder/qda"
)

// bAssist holds the coding assistant's rejected suggestions: a record per
// code, document and span the researcher turned down, so the assistant
// learns from them as negatives and never suggests them again. Files
// written before the assistant existed lack the bucket: reads find no rows
// and the first rejection creates it.
//
// A rejection lives as long as its words: a text correction moves it as
// it moves codings (see SpliceText), and it goes with its document, with
// its code (or moves to the code its code is merged into), and when the
// words it covered are rewritten whole.
var bAssist = []byte("assist-rejected")

// Rejection is a suggestion turned down (see qda.Rejection).
type Rejection = qda.Rejection

func rejectionKey(r *Rejection) []byte {
	return []byte(fmt.Sprintf("%s/%s/%d:%d", r.Code, r.Document, r.Span.Start, r.Span.End))
}

// Rejections returns every rejected suggestion.
func (tx *Tx) Rejections() ([]Rejection, error) {
	var out []Rejection
	err := tx.each(bAssist, func(k, data []byte) error {
		var r Rejection
		if err := json.Unmarshal(data, &r); err != nil {
			return recordDamage("rejected suggestion", qda.ID(k), err)
		}
		out = append(out, r)
		return nil
	})
	return out, err
}

// PutRejection records a rejected suggestion; rejecting it twice keeps one.
// Its code and document must exist and its span cover the words it records
// (see qda.Rejection.CheckOn); a rejection that records none is given the
// words its span covers.
func (tx *Tx) PutRejection(r *Rejection) error {
	if !r.Code.Valid() || !r.Document.Valid() {
		return fmt.Errorf("rejected suggestion: code %q or document %q is not a UUID", r.Code, r.Document)
	}
	if _, err := tx.Code(r.Code); err != nil {
		return fmt.Errorf("rejected suggestion: %w", err)
	}
	d, err := tx.DocumentWithText(r.Document)
	if err != nil {
		return fmt.Errorf("rejected suggestion: %w", err)
	}
	text := []rune(d.Text)
	if err := r.CheckOn(d, text); err != nil {
		return fmt.Errorf("rejected suggestion: %w", err)
	}
	if r.Text == "" {
		r.Text = r.Span.Slice(text)
	}
	if _, err := tx.tx.CreateBucketIfNotExists(bAssist); err != nil {
		return err
	}
	data, err := json.Marshal(r)
	if err != nil {
		return err
	}
	return tx.put(bAssist, rejectionKey(r), data)
}

// deleteRejection forgets a rejected suggestion.
func (tx *Tx) deleteRejection(r *Rejection) error {
	if tx.tx.Bucket(bAssist) == nil {
		return nil
	}
	return tx.del(bAssist, rejectionKey(r))
}

// changeRejections passes every rejection to fn, which returns what it
// becomes and whether it stays; those that change are rewritten (two that
// become one are one record) and those that go are deleted.
func (tx *Tx) changeRejections(fn func(Rejection) (Rejection, bool)) error {
	rs, err := tx.Rejections()
	if err != nil {
		return err
	}
	var put []Rejection
	for _, r := range rs {
		n, ok := fn(r)
		if ok && n == r {
			continue
		}
		if err := tx.deleteRejection(&r); err != nil {
			return err
		}
		if ok {
			put = append(put, n)
		}
	}
	// Written after every delete, so a moved rejection is not deleted by
	// the move of another onto its old key.
	for i := range put {
		if err := tx.PutRejection(&put[i]); err != nil {
			return err
		}
	}
	return nil
}

// moveRejections moves the rejections on document doc through a text edit
// (see SpliceText); text is the edited text.
func (tx *Tx) moveRejections(doc qda.ID, sp *qda.Splice, mode qda.Mode, text string) error {
	var runes []rune
	return tx.changeRejections(func(r Rejection) (Rejection, bool) {
		if r.Document != doc {
			return r, true
		}
		if runes == nil {
			runes = []rune(text)
		}
		return r.Through(sp, mode, runes)
	})
}
