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

// PutCode adds or updates a code the codebook's rules allow (see
// codebook.Tree.CheckPut); a code with codings cannot become a folder.
func (tx *Tx) PutCode(c *qda.Code) error {
	if !c.ID.Valid() {
		return qda.Invalidf("code %q: ID %q is not a UUID", c.Name, c.ID)
	}
	t, err := tx.Codebook()
	if err != nil {
		return err
	}
	if err := t.CheckPut(*c); err != nil {
		return err
	}
	if c.Folder {
		if n, err := tx.countCodings(c.ID); err != nil {
			return err
		} else if n > 0 {
			return fmt.Errorf("code %q has %d codings, so it cannot become a folder", c.Name, n)
		}
	}
	stampWith(tx, c, c.ID, tx.Code)
	return putJSON(tx, bCodes, c.ID, c)
}

// DeleteCode removes a code. It refuses while the code or any code below it
// has codings, unless force is set, in which case those codings go too. Codes
// below it are deleted with it; memos and rejected suggestions on them go as
// well.
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
	if err := tx.changeRejections(func(r Rejection) (Rejection, bool) { return r, !in[r.Code] }); err != nil {
		return err
	}
	for i := len(ids) - 1; i >= 0; i-- {
		if err := tx.deleteMemosOn(ids[i]); err != nil {
			return err
		}
		if err := tx.del(bCodes, []byte(ids[i])); err != nil {
			return err
		}
		if err := tx.bury(qda.GoneCode, ids[i]); err != nil {
			return err
		}
	}
	return nil
}

// MergeCode merges code from into code into as codebook.PlanMerge works it
// out: codings, children, memos and rejected suggestions move to into,
// duplicates are dropped, and from is deleted.
func (tx *Tx) MergeCode(from, into qda.ID) error {
	t, err := tx.Codebook()
	if err != nil {
		return err
	}
	codings, err := tx.Codings()
	if err != nil {
		return err
	}
	memos, err := tx.Memos()
	if err != nil {
		return err
	}
	m, err := t.PlanMerge(from, into, codings, memos)
	if err != nil {
		return err
	}
	for _, id := range m.Drop {
		if err := tx.DeleteCoding(id); err != nil {
			return err
		}
	}
	for i := range m.Recode {
		if err := tx.PutCoding(&m.Recode[i]); err != nil {
			return err
		}
	}
	for i := range m.Children {
		if err := putJSON(tx, bCodes, m.Children[i].ID, &m.Children[i]); err != nil {
			return err
		}
	}
	for i := range m.Memos {
		if err := tx.PutMemo(&m.Memos[i]); err != nil {
			return err
		}
	}
	if err := putJSON(tx, bCodes, m.Into.ID, &m.Into); err != nil {
		return err
	}
	if err := tx.changeRejections(func(r Rejection) (Rejection, bool) {
		if r.Code == m.Remove {
			r.Code = m.Into.ID
		}
		return r, true
	}); err != nil {
		return err
	}
	if err := tx.del(bCodes, []byte(m.Remove)); err != nil {
		return err
	}
	return tx.unify(qda.GoneCode, m.Remove, m.Into.ID)
}

func (tx *Tx) countCodings(code qda.ID) (int, error) {
	n := 0
	err := tx.each(bCodings, func(k, v []byte) error {
		if jsonHasCode(v, code) {
			n++
		}
		return nil
	})
	return n, err
}
