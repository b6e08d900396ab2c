package store

import (
	"fmt"
	"sort"
	"strings"

	"coder/qda"
)

// Case returns one case.
func (tx *Tx) Case(id qda.ID) (*qda.Case, error) { return getJSON[qda.Case](tx, bCases, id, "case") }

// Cases returns every case, sorted by name.
func (tx *Tx) Cases() ([]qda.Case, error) {
	cs, err := allJSON[qda.Case](tx, bCases, "case")
	sort.Slice(cs, func(i, j int) bool { return strings.ToLower(cs[i].Name) < strings.ToLower(cs[j].Name) })
	return cs, err
}

// CaseByName finds a case by name, ignoring case when that is unambiguous.
func (tx *Tx) CaseByName(name string) (*qda.Case, error) {
	cs, err := tx.Cases()
	if err != nil {
		return nil, err
	}
	var fold []qda.Case
	for _, c := range cs {
		if c.Name == name {
			return &c, nil
		}
		if strings.EqualFold(c.Name, name) {
			fold = append(fold, c)
		}
	}
	if len(fold) == 1 {
		return &fold[0], nil
	}
	return nil, fmt.Errorf("no case named %q: %w", name, qda.ErrNotFound)
}

// PutCase adds or updates a case; its documents must exist and its name must
// be unique.
func (tx *Tx) PutCase(c *qda.Case) error {
	if !c.ID.Valid() {
		return fmt.Errorf("case %q: ID %q is not a UUID", c.Name, c.ID)
	}
	if strings.TrimSpace(c.Name) == "" {
		return fmt.Errorf("a case needs a name")
	}
	cs, err := tx.Cases()
	if err != nil {
		return err
	}
	for _, o := range cs {
		if o.ID != c.ID && strings.EqualFold(o.Name, c.Name) {
			return fmt.Errorf("there is already a case named %q: %w", o.Name, qda.ErrConflict)
		}
	}
	seen := map[qda.ID]bool{}
	docs := c.Documents[:0:0]
	for _, d := range c.Documents {
		if !exists(tx, bDocs, d) {
			return fmt.Errorf("case %q: document %s does not exist: %w", c.Name, d, qda.ErrNotFound)
		}
		if !seen[d] {
			seen[d] = true
			docs = append(docs, d)
		}
	}
	c.Documents = docs
	stampWith(tx, c, c.ID, tx.Case)
	return putJSON(tx, bCases, c.ID, c)
}

// DeleteCase removes a case with its attribute values and memos; its
// documents stay.
func (tx *Tx) DeleteCase(id qda.ID) error {
	if !exists(tx, bCases, id) {
		return fmt.Errorf("case %s: %w", id, qda.ErrNotFound)
	}
	if err := tx.deleteValuesOf(id); err != nil {
		return err
	}
	if err := tx.deleteMemosOn(id); err != nil {
		return err
	}
	if err := tx.del(bCases, []byte(id)); err != nil {
		return err
	}
	return tx.bury(qda.GoneCase, id)
}
