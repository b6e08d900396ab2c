package analysis

import "coder/qda"

// ForCoders returns the data narrowed to some coders' codings (by the rule
// of qda.Filter's Coders), for every table to count only their work; no
// coders returns d itself.
func (d *Data) ForCoders(coders []qda.ID) *Data {
	if len(coders) == 0 {
		return d
	}
	keep := qda.Filter{Coders: coders}.On(&qda.Bundle{})
	s := d.s
	s.Codings = nil
	for _, c := range d.s.Codings {
		if keep.Coding(c) {
			s.Codings = append(s.Codings, c)
		}
	}
	return New(s)
}
