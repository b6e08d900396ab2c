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
var bAssist = []byte("assist-rejected")

// Rejection is a suggestion turned down: code, document and span, and the
// text it covered then (a later edit of the text may move the span).
type Rejection struct {
	Code     qda.ID   `json:"code"`
	Document qda.ID   `json:"document"`
	Span     qda.Span `json:"span"`
	Text     string   `json:"text,omitempty"`
}

func (r *Rejection) key() []byte {
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
func (tx *Tx) PutRejection(r *Rejection) error {
	if !r.Code.Valid() || !r.Document.Valid() {
		return fmt.Errorf("rejected suggestion: code %q or document %q is not a UUID", r.Code, r.Document)
	}
	if r.Span.Empty() {
		return fmt.Errorf("rejected suggestion: span %s is empty", r.Span)
	}
	if _, err := tx.tx.CreateBucketIfNotExists(bAssist); err != nil {
		return err
	}
	data, err := json.Marshal(r)
	if err != nil {
		return err
	}
	return tx.put(bAssist, r.key(), data)
}
