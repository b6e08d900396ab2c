package qda

import (
	"cmp"
	"fmt"
	"time"
)

// Rejection is a suggestion of the coding assistant the researcher turned
// down: this span of this document is not this code's. The assistant learns
// from it as a negative example and never suggests it again. Rejections
// have no identity of their own: code, document and span are the record,
// so two of them alike are one (see Same), and they go with their code or
// document.
//
// A rejection taken back (its undo) leaves a tombstone of kind
// GoneRejection under TombID, dated when it was taken back, so a merge
// with a copy that still holds the rejection does not bring it back. The
// same span can be rejected again later: a rejection stands against its
// tombstone only when it was made after it (see Outlives), so the later
// decision about a span wins, in any order of merging.
type Rejection struct {
	Code     ID     `json:"code"`
	Document ID     `json:"document"`
	Span     Span   `json:"span"`
	Text     string `json:"text,omitempty"` // the words the span covers
	// At and Coder say when and by whom it was rejected (zero in files
	// from before they were kept: such a rejection yields to any
	// tombstone).
	At    time.Time `json:"at,omitzero"`
	Coder ID        `json:"coder,omitempty"`
}

// GoneRejection is the tombstone kind of a rejection taken back.
const GoneRejection = "rejection"

// rejectionSpace names the tombstone IDs of rejections.
const rejectionSpace = ID("7e1ec7ed-5a9e-4c0d-8e57-000000000000")

// TombID is the ID r's tombstone is kept under: a UUID made from its code,
// document and span, the same in every copy.
func (r Rejection) TombID() ID {
	return NameID(rejectionSpace, fmt.Sprintf("%s/%s/%d:%d", r.Code, r.Document, r.Span.Start, r.Span.End))
}

// Outlives reports whether r stands against t, the tombstone of a
// rejection of the same span: only when r was made after t (a rejection
// made again after it was taken back).
func (r Rejection) Outlives(t Tombstone) bool { return r.At.After(t.At) }

// Same reports whether r and o reject the same span of the same document
// for the same code (their Text aside).
func (r Rejection) Same(o Rejection) bool {
	return r.Code == o.Code && r.Document == o.Document && r.Span == o.Span
}

// CompareRejections orders rejections by document, code and span.
func CompareRejections(a, b Rejection) int {
	return cmp.Or(cmp.Compare(a.Document, b.Document), cmp.Compare(a.Code, b.Code),
		cmp.Compare(a.Span.Start, b.Span.Start), cmp.Compare(a.Span.End, b.Span.End))
}

// Through moves r through a text edit of its document by the rule every
// coding moves by (sp.Map in mode), its Text then read from the edited
// text's runes. It reports false when nothing of the rejected words is
// left: the rejection goes as a coding on those words would.
func (r Rejection) Through(sp *Splice, mode Mode, text []rune) (Rejection, bool) {
	s, ok := sp.Map(r.Span, mode)
	if !ok || s.CheckIn(len(text)) != nil {
		return Rejection{}, false
	}
	r.Span, r.Text = s, s.Slice(text)
	return r, true
}

// CheckOn returns an error unless r's span lies inside text, the runes of
// document d, and covers the words r records (any words, when it records
// none): a rejection never stands on words nobody rejected.
func (r Rejection) CheckOn(d *Document, text []rune) error {
	if err := r.Span.CheckIn(len(text)); err != nil {
		return Invalidf("document %q: %w", d.Name, err)
	}
	if r.Text != "" && r.Text != r.Span.Slice(text) {
		return Invalidf("document %q: its text at %s is no longer the words rejected there (it was corrected)", d.Name, r.Span)
	}
	return nil
}
