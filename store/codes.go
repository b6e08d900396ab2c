package store

import (
	"fmt"

	"coder/codebook"
	"coder/qda"
)

// Code returns one code.
func (tx *Tx) Code(id qda.ID) (*qda.Code, error) { return getJSON[qda.Code](tx, bCodes, id, "code") }

// Codes returns every code, in no particular order; codebook.NewTree orders them.
func (tx *Tx) Codes() ([]qda.Code, error) { return allJSON[qda.Code](tx, bCodes, "code") }

// Codebook returns the codes as a tree.
func (tx *Tx) Codebook() (*codebook.Tree, error) {
	codes, err := tx.Codes()
	if err != nil {
		return nil, err
	}
	return codebook.NewTree(codes), nil
}

// PutCode adds or updates a code, keeping the tree valid: the parent exists,
// no cycles, no two siblings with the same name.
func (tx *Tx) PutCode(c *qda.Code) error {
	if !c.ID.Valid() {
		return fmt.Errorf("code %q: ID %q is not a UUID", c.Name, c.ID)
	}
	if err := c.Validate(); err != nil {
		return err
	}
	t, err := tx.Codebook()
	if err != nil {
		return err
	}
	if c.Parent != "" {
		if _, ok := t.Code(c.Parent); !ok {
			return fmt.Errorf("code %q: its parent does not exist: %w", c.Name, qda.ErrNotFound)
		}
		if t.IsWithin(c.Parent, c.ID) {
			return fmt.Errorf("cannot move %q inside itself", t.Path(c.ID))
		}
	}
	if err := t.CheckName(c.Parent, c.Name, c.ID); err != nil {
		return fmt.Errorf("%w: %w", err, qda.ErrConflict)
	}
	if c.Folder {
		if n, err := tx.countCodings(c.ID); err != nil {
			return err
		} else if n > 0 {
			return fmt.Errorf("code %q has %d codings, so it cannot become a folder", c.Name, n)
		}
	}
	return putJSON(tx, bCodes, c.ID, c)
}

// DeleteCode removes a code. It refuses while the code or any code below it
// has codings, unless force is set, in which case those codings go too. Codes
// below it are deleted with it; memos on them go as well.
func (tx *Tx) DeleteCode(id qda.ID, force bool) error {
	t, err := tx.Codebook()
	if err != nil {
		return err
	}
	if _, ok := t.Code(id); !ok {
		return fmt.Errorf("code %s: %w", id, qda.ErrNotFound)
	}
	ids := t.Subtree(id)
	total := 0
	for _, cid := range ids {
		n, err := tx.countCodings(cid)
		if err != nil {
			return err
		}
		total += n
	}
	if total > 0 && !force {
		return &qda.Error{What: t.Path(id), Why: fmt.Sprintf("it has %d codings", total), Fix: "merge it into another code, or delete with force to remove the codings too", Err: qda.ErrConflict}
	}
	codings, err := tx.Codings()
	if err != nil {
		return err
	}
	in := map[qda.ID]bool{}
	for _, cid := range ids {
		in[cid] = true
	}
	var doomed []qda.Coding
	for _, c := range codings {
		if in[c.Code] {
			doomed = append(doomed, c)
		}
	}
	if err := tx.deleteCodings(doomed); err != nil {
		return err
	}
	for i := len(ids) - 1; i >= 0; i-- {
		if err := tx.deleteMemosOn(ids[i]); err != nil {
			return err
		}
		if err := tx.del(bCodes, []byte(ids[i])); err != nil {
			return err
		}
	}
	return nil
}

// MergeCode moves every coding of from onto into, moves from's children under
// into, appends from's description, and deletes from. A coding that would
// duplicate one already on into (same document and span) is dropped.
func (tx *Tx) MergeCode(from, into qda.ID) error {
	if from == into {
		return fmt.Errorf("cannot merge a code into itself")
	}
	t, err := tx.Codebook()
	if err != nil {
		return err
	}
	src, ok1 := t.Code(from)
	dst, ok2 := t.Code(into)
	if !ok1 || !ok2 {
		return fmt.Errorf("merge: %w", qda.ErrNotFound)
	}
	if t.IsWithin(into, from) {
		return fmt.Errorf("cannot merge %q into %q, which lies inside it", t.Path(from), t.Path(into))
	}
	if dst.Folder {
		return fmt.Errorf("cannot merge into %q: it is a folder, which cannot hold codings", t.Path(into))
	}
	codings, err := tx.Codings()
	if err != nil {
		return err
	}
	have := map[string]bool{}
	for _, c := range codings {
		if c.Code == into {
			have[string(c.Document)+c.Span.String()] = true
		}
	}
	for _, c := range codings {
		if c.Code != from {
			continue
		}
		key := string(c.Document) + c.Span.String()
		if have[key] {
			if err := tx.DeleteCoding(c.ID); err != nil {
				return err
			}
			continue
		}
		have[key] = true
		c.Code = into
		if err := tx.PutCoding(&c); err != nil {
			return err
		}
	}
	for _, child := range t.Children(from) {
		moved := *child
		moved.Parent = into
		for t.CheckName(into, moved.Name, moved.ID) != nil {
			moved.Name += " (merged)"
		}
		if err := putJSON(tx, bCodes, moved.ID, &moved); err != nil {
			return err
		}
	}
	memos, err := tx.Memos()
	if err != nil {
		return err
	}
	for _, m := range memos {
		if m.On == qda.OnCode && m.Target == from {
			m.Target = into
			if err := tx.PutMemo(&m); err != nil {
				return err
			}
		}
	}
	merged := *dst
	if src.Description != "" && src.Description != dst.Description {
		if merged.Description != "" {
			merged.Description += "\n\n"
		}
		merged.Description += "Merged from " + src.Name + ": " + src.Description
	}
	if err := putJSON(tx, bCodes, merged.ID, &merged); err != nil {
		return err
	}
	return tx.del(bCodes, []byte(from))
}

func (tx *Tx) countCodings(code qda.ID) (int, error) {
	n := 0
	err := tx.tx.Bucket(bCodings).ForEach(func(k, v []byte) error {
		if jsonHasCode(v, code) {
			n++
		}
		return nil
	})
	return n, err
}
