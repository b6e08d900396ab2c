package store

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"coder/qda"
)

// bPseudonyms holds the pseudonym table, a record per real name keyed by
// its ID (a key never reveals the name; the value is sealed with the rest
// in an encrypted project). Files written before the table existed lack the
// bucket: reads find no rows and the first write creates it.
var bPseudonyms = []byte("pseudonyms")

// Pseudonyms returns the pseudonym table, sorted by real name.
func (tx *Tx) Pseudonyms() ([]qda.Pseudonym, error) {
	var out []qda.Pseudonym
	err := tx.each(bPseudonyms, func(k, data []byte) error {
		var p qda.Pseudonym
		if err := json.Unmarshal(data, &p); err != nil {
			return recordDamage("pseudonym", qda.ID(k), err)
		}
		out = append(out, p)
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return strings.ToLower(out[i].Real) < strings.ToLower(out[j].Real) })
	return out, err
}

// PutPseudonym adds a row to the pseudonym table or changes one; real
// names are unique regardless of letter case.
func (tx *Tx) PutPseudonym(p *qda.Pseudonym) error {
	if !p.ID.Valid() {
		return fmt.Errorf("pseudonym ID %q is not a UUID", p.ID)
	}
	if err := p.Validate(); err != nil {
		return err
	}
	all, err := tx.Pseudonyms()
	if err != nil {
		return err
	}
	for _, o := range all {
		if o.ID != p.ID && strings.EqualFold(strings.TrimSpace(o.Real), strings.TrimSpace(p.Real)) {
			return fmt.Errorf("%q is in the pseudonym table already: %w", o.Real, qda.ErrConflict)
		}
	}
	if _, err := tx.tx.CreateBucketIfNotExists(bPseudonyms); err != nil {
		return err
	}
	return putJSON(tx, bPseudonyms, p.ID, p)
}

// DeletePseudonym removes a row of the pseudonym table.
func (tx *Tx) DeletePseudonym(id qda.ID) error {
	if !tx.has(bPseudonyms, []byte(id)) {
		return fmt.Errorf("pseudonym %s: %w", id, qda.ErrNotFound)
	}
	return tx.del(bPseudonyms, []byte(id))
}
