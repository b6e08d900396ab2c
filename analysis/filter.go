package analysis

import "coder/qda"

// Only returns the data narrowed to the codings f selects, by the one rule
// Retrieve, `coder codings`, search and every export follow (qda.Filter):
// choices of one kind are alternatives, different kinds must all hold, a
// document carries its own attribute values and its cases', and attribute
// conditions take ranges ("Age>60", "Interview date=2024-01-01..2024-03-31").
// Every table and query computed from the result counts only those
// codings. An attribute the project does not have is an error naming the
// ones it has, rather than an empty table.
func (d *Data) Only(f qda.Filter) (*Data, error) {
	if f.IsZero() {
		return d, nil
	}
	for _, c := range f.Attrs {
		if _, _, err := d.attrValues(c.Name); err != nil {
			return nil, err
		}
	}
	sel := f.On(d.bundle())
	s := d.s
	s.Codings = make([]qda.Coding, 0, len(d.s.Codings))
	for _, c := range d.s.Codings {
		if sel.Coding(c) {
			s.Codings = append(s.Codings, c)
		}
	}
	return New(s), nil
}

// bundle is the snapshot's metadata as qda's rules take it (no texts, no
// codings).
func (d *Data) bundle() *qda.Bundle {
	b := &qda.Bundle{Codes: d.s.Codes, Cases: d.s.Cases, Variables: d.s.Variables, Values: d.s.Values}
	b.Documents = make([]qda.Document, len(d.s.Documents))
	for i, doc := range d.s.Documents {
		b.Documents[i] = qda.Document{ID: doc.ID, Name: doc.Name}
	}
	return b
}
