package store

import (
	"encoding/json"
	"fmt"
	"time"

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

// Reject records that a person turned a suggestion down, as
// PutRejection, dated and signed by the transaction's editor (see
// SetEditor). Unlike a rejection a merge or a text correction writes, one
// a person made is one they can take back: when the action is undone the
// rejection leaves a tombstone (see Changes), so a merge does not bring it
// back from a copy that still holds it.
func (tx *Tx) Reject(r *Rejection) error {
	r.At, r.Coder = time.Now().UTC(), ""
	if tx.editor != nil {
		r.At, r.Coder = tx.editor.at, tx.editor.coder
	}
	fresh := !tx.has(bAssist, rejectionKey(r))
	if err := tx.PutRejection(r); err != nil {
		return err
	}
	if fresh && tx.log != nil {
		tx.log.rejected = append(tx.log.rejected, *r)
	}
	return nil
}

// takeBack writes the tombstones of the rejections a person made in an
// action being undone, dated now and signed by whoever rejected them.
func (tx *Tx) takeBack(rs []Rejection) error {
	for _, r := range rs {
		if tx.has(bAssist, rejectionKey(&r)) {
			continue // still there (written again since): nothing was taken back
		}
		if err := tx.PutTombstone(qda.Tombstone{ID: r.TombID(), Kind: qda.GoneRejection, At: time.Now().UTC(), Coder: r.Coder}); err != nil {
			return err
		}
	}
	return nil
}

// giveBack removes the tombstones takeBack wrote, when the action that
// made the rejections is redone.
func (tx *Tx) giveBack(rs []Rejection) error {
	for _, r := range rs {
		if t, ok := tx.Tombstone(r.TombID()); ok && !r.Outlives(t) {
			if err := tx.del(bTombs, []byte(t.ID)); err != nil {
				return err
			}
		}
	}
	return nil
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
