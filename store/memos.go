package store

import (
	"fmt"
	"sort"

	"coder/qda"
)

// Memo returns one memo.
func (tx *Tx) Memo(id qda.ID) (*qda.Memo, error) { return getJSON[qda.Memo](tx, bMemos, id, "memo") }

// Memos returns every memo, oldest first.
func (tx *Tx) Memos() ([]qda.Memo, error) {
	ms, err := allJSON[qda.Memo](tx, bMemos, "memo")
	sort.Slice(ms, func(i, j int) bool {
		if !ms[i].Created.Equal(ms[j].Created) {
			return ms[i].Created.Before(ms[j].Created)
		}
		return ms[i].ID < ms[j].ID
	})
	return ms, err
}

// PutMemo adds or updates a memo; what it is written on must exist.
func (tx *Tx) PutMemo(m *qda.Memo) error {
	if !m.ID.Valid() {
		return qda.Invalidf("memo ID %q is not a UUID", m.ID)
	}
	if err := m.Validate(); err != nil {
		return err
	}
	var bucket []byte
	switch m.On {
	case qda.OnDocument:
		bucket = bDocs
	case qda.OnCode:
		bucket = bCodes
	case qda.OnCoding:
		bucket = bCodings
	case qda.OnCase:
		bucket = bCases
	}
	if bucket != nil && !exists(tx, bucket, m.Target) {
		return fmt.Errorf("memo on a %s that does not exist: %w", m.On, qda.ErrNotFound)
	}
	if m.Coder != "" && !exists(tx, bCoders, m.Coder) {
		return fmt.Errorf("memo by an unknown coder: %w", qda.ErrNotFound)
	}
	stampWith(tx, m, m.ID, tx.Memo)
	return putJSON(tx, bMemos, m.ID, m)
}

// DeleteMemo removes a memo with the flagged copies of it, and settles a
// flagged copy's history on its memo (see qda.DeleteMemo).
func (tx *Tx) DeleteMemo(id qda.ID) error {
	if !exists(tx, bMemos, id) {
		return fmt.Errorf("memo %s: %w", id, qda.ErrNotFound)
	}
	ms, err := tx.Memos()
	if err != nil {
		return err
	}
	gone, settled := qda.DeleteMemo(ms, id, func(id qda.ID) bool { _, ok := tx.Tombstone(id); return ok })
	for _, g := range gone {
		if err := tx.del(bMemos, []byte(g)); err != nil {
			return err
		}
		if err := tx.bury(qda.GoneMemo, g); err != nil {
			return err
		}
	}
	if settled != nil {
		return putJSON(tx, bMemos, settled.ID, settled)
	}
	return nil
}

func (tx *Tx) deleteMemosOn(target qda.ID) error {
	return tx.deleteMemosOnAny(map[qda.ID]bool{target: true})
}

func (tx *Tx) deleteMemosOnAny(targets map[qda.ID]bool) error {
	if len(targets) == 0 {
		return nil
	}
	ms, err := tx.Memos()
	if err != nil {
		return err
	}
	for _, m := range ms {
		if m.Target != "" && targets[m.Target] {
			if err := tx.del(bMemos, []byte(m.ID)); err != nil {
				return err
			}
			if err := tx.bury(qda.GoneMemo, m.ID); err != nil {
				return err
			}
		}
	}
	return nil
}

// Coder returns one coder.
func (tx *Tx) Coder(id qda.ID) (*qda.Coder, error) {
	return getJSON[qda.Coder](tx, bCoders, id, "coder")
}

// Coders returns every coder.
func (tx *Tx) Coders() ([]qda.Coder, error) {
	cs, err := allJSON[qda.Coder](tx, bCoders, "coder")
	sort.Slice(cs, func(i, j int) bool { return cs[i].Name < cs[j].Name })
	return cs, err
}

// PutCoder adds or updates a coder.
func (tx *Tx) PutCoder(c *qda.Coder) error {
	if !c.ID.Valid() {
		return fmt.Errorf("coder ID %q is not a UUID", c.ID)
	}
	if c.Name == "" {
		return fmt.Errorf("a coder needs a name")
	}
	return putJSON(tx, bCoders, c.ID, c)
}

// CoderByName returns the coder with name, creating it when there is none.
func (tx *Tx) CoderByName(name string) (*qda.Coder, error) {
	cs, err := tx.Coders()
	if err != nil {
		return nil, err
	}
	for _, c := range cs {
		if c.Name == name {
			return &c, nil
		}
	}
	c := &qda.Coder{ID: qda.NewID(), Name: name}
	if !tx.writable {
		return nil, fmt.Errorf("no coder named %q: %w", name, qda.ErrNotFound)
	}
	return c, tx.PutCoder(c)
}
