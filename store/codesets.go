package store

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"coder/qda"
)

// bCodeSets holds the code sets. Files written before sets existed lack the
// bucket: reads find no sets and the first write creates it, so no
// migration step is needed.
var bCodeSets = []byte("code_sets")

// CodeSets returns every code set, sorted by name. Codes deleted since a set
// was written are left out of its members (undoing the delete brings them
// back).
func (tx *Tx) CodeSets() ([]qda.CodeSet, error) {
	var out []qda.CodeSet
	err := tx.each(bCodeSets, func(k, data []byte) error {
		var s qda.CodeSet
		if err := json.Unmarshal(data, &s); err != nil {
			return fmt.Errorf("code set %s is damaged: %w", k, err)
		}
		live := s.Codes[:0:0]
		for _, c := range s.Codes {
			if exists(tx, bCodes, c) {
				live = append(live, c)
			}
		}
		s.Codes = live
		out = append(out, s)
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name) })
	return out, err
}

// PutCodeSet adds or updates a code set; its codes must exist and its name
// must be unique among sets.
func (tx *Tx) PutCodeSet(s *qda.CodeSet) error {
	if err := s.Validate(); err != nil {
		return err
	}
	sets, err := tx.CodeSets()
	if err != nil {
		return err
	}
	for _, o := range sets {
		if o.ID != s.ID && strings.EqualFold(strings.TrimSpace(o.Name), strings.TrimSpace(s.Name)) {
			return fmt.Errorf("there is already a code set named %q: %w", o.Name, qda.ErrConflict)
		}
	}
	for _, c := range s.Codes {
		if !exists(tx, bCodes, c) {
			return fmt.Errorf("code set %q: code %s does not exist: %w", s.Name, c, qda.ErrNotFound)
		}
	}
	if s.Codes == nil {
		s.Codes = []qda.ID{}
	}
	if _, err := tx.tx.CreateBucketIfNotExists(bCodeSets); err != nil {
		return err
	}
	return putJSON(tx, bCodeSets, s.ID, s)
}

// DeleteCodeSet removes a code set; its codes stay.
func (tx *Tx) DeleteCodeSet(id qda.ID) error {
	if !tx.has(bCodeSets, []byte(id)) {
		return fmt.Errorf("code set %s: %w", id, qda.ErrNotFound)
	}
	return tx.del(bCodeSets, []byte(id))
}
