package qda

import "cmp"

// Rejection is a suggestion of the coding assistant the researcher turned
// down: this span of this document is not this code's. The assistant learns
// from it as a negative example and never suggests it again. Rejections
// have no identity of their own: code, document and span are the record,
// so two of them alike are one (see Same), and they go with their code or
// document.
type Rejection struct {
	Code     ID     `json:"code"`
	Document ID     `json:"document"`
	Span     Span   `json:"span"`
	Text     string `json:"text,omitempty"` // the words the span covers
}

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
