package project

import (
	"strings"

	"coder/qda"
	"coder/store"
)

// CodeSets lists the code sets, sorted by name: named groups of codes that
// cut across the code tree, as other tools' code groups are.
func (p *Project) CodeSets() ([]qda.CodeSet, error) {
	var out []qda.CodeSet
	err := p.view(func(tx *store.Tx) error {
		var err error
		out, err = tx.CodeSets()
		return err
	})
	return out, err
}

// AddCodeSet creates a code set holding codes.
func (p *Project) AddCodeSet(name string, codes []qda.ID) (*qda.CodeSet, error) {
	s := &qda.CodeSet{ID: qda.NewID(), Name: strings.TrimSpace(name), Codes: append([]qda.ID{}, codes...)}
	err := p.act(Change{Action: "Add code set", Codebook: true}, func(tx *store.Tx) error { return tx.PutCodeSet(s) })
	if err != nil {
		return nil, err
	}
	return s, nil
}

// SetCodeSetMember puts a code into a set, or takes it out.
func (p *Project) SetCodeSetMember(set, code qda.ID, member bool) error {
	return p.act(Change{Action: "Change code set", Codebook: true}, func(tx *store.Tx) error {
		sets, err := tx.CodeSets()
		if err != nil {
			return err
		}
		for _, s := range sets {
			if s.ID != set {
				continue
			}
			if s.Has(code) == member {
				return nil
			}
			if member {
				s.Codes = append(s.Codes, code)
			} else {
				kept := s.Codes[:0]
				for _, c := range s.Codes {
					if c != code {
						kept = append(kept, c)
					}
				}
				s.Codes = kept
			}
			return tx.PutCodeSet(&s)
		}
		return &qda.Error{What: string(set), Why: "no such code set", Err: qda.ErrNotFound}
	})
}

// DeleteCodeSet deletes a code set; its codes stay.
func (p *Project) DeleteCodeSet(id qda.ID) error {
	return p.act(Change{Action: "Delete code set", Codebook: true}, func(tx *store.Tx) error { return tx.DeleteCodeSet(id) })
}
