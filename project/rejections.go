package project

import (
	"slices"

	"coder/qda"
	"coder/store"
)

// Rejections returns the assistant's rejected suggestions, by document,
// code and span: where each now lies and the words it covers.
func (p *Project) Rejections() ([]qda.Rejection, error) {
	var out []qda.Rejection
	err := p.view(func(tx *store.Tx) error {
		var err error
		out, err = tx.Rejections()
		return err
	})
	slices.SortFunc(out, qda.CompareRejections)
	return out, err
}
