package project

import (
	"fmt"
	"strings"

	"coder/codebook"
	"coder/qda"
	"coder/store"
)

// Codebook returns the code tree.
func (p *Project) Codebook() (*codebook.Tree, error) {
	var t *codebook.Tree
	err := p.view(func(tx *store.Tx) error {
		var err error
		t, err = tx.Codebook()
		return err
	})
	return t, err
}

// CodeCounts returns how many codings each code has (its own, not its
// children's).
func (p *Project) CodeCounts() (map[qda.ID]int, error) {
	counts := map[qda.ID]int{}
	err := p.view(func(tx *store.Tx) error {
		cs, err := tx.Codings()
		for _, c := range cs {
			counts[c.Code]++
		}
		return err
	})
	return counts, err
}

// FindCode returns the code at path, e.g. "Political logic/Mobilisation".
func (p *Project) FindCode(path string) (*qda.Code, error) {
	t, err := p.Codebook()
	if err != nil {
		return nil, err
	}
	c, ok := t.Find(path)
	if !ok {
		return nil, &qda.Error{What: path, Why: "no such code", Fix: "list codes with 'coder codes', or add it with 'coder codes add'", Err: qda.ErrNotFound}
	}
	return c, nil
}

// AddCode adds a code by path, making missing parents on the way (as plain
// codes, so they can be applied too). Colour "" takes the next palette colour.
// Adding a path that exists already is an error.
func (p *Project) AddCode(path, color, description string) (*qda.Code, error) {
	names := codebook.SplitPath(path)
	if len(names) == 0 {
		return nil, &qda.Error{What: "new code", Why: "the code needs a name"}
	}
	if color != "" && !qda.ValidColor(color) {
		return nil, &qda.Error{What: path, Why: fmt.Sprintf("colour %q is not #RRGGBB", color), Fix: "write a colour like #E6194B"}
	}
	var made *qda.Code
	err := p.act(Change{Action: "Add code", Codebook: true}, func(tx *store.Tx) error {
		var err error
		made, err = addCode(tx, names, color, description)
		return err
	})
	return made, err
}

// addCode adds the code at the path names (making missing parents) within
// a transaction, and returns it.
func addCode(tx *store.Tx, names []string, color, description string) (*qda.Code, error) {
	var made *qda.Code
	var parent qda.ID
	for i, name := range names {
		t, err := tx.Codebook()
		if err != nil {
			return nil, err
		}
		var existing *qda.Code
		for _, c := range t.Children(parent) {
			if strings.EqualFold(c.Name, name) {
				existing = c
			}
		}
		last := i == len(names)-1
		if existing != nil && !last {
			parent = existing.ID
			continue
		}
		if existing != nil {
			return nil, &qda.Error{What: t.Path(existing.ID), Why: "this code exists already", Err: qda.ErrConflict}
		}
		c := &qda.Code{ID: qda.NewID(), Parent: parent, Name: name, Order: t.NextOrder(parent), Color: newColor(t, parent)}
		if last {
			if color != "" {
				c.Color = strings.ToUpper(color)
			}
			c.Description = description
		}
		if err := tx.PutCode(c); err != nil {
			return nil, err
		}
		parent, made = c.ID, c
	}
	return made, nil
}

// newColor is the colour of a new code under parent: a shade of the
// parent's colour that its siblings do not have, or for a top-level code the
// next palette colour no code has.
func newColor(t *codebook.Tree, parent qda.ID) string {
	var used []string
	if p, ok := t.Code(parent); ok {
		for _, c := range t.Children(parent) {
			used = append(used, c.Color)
		}
		return codebook.ChildColor(p.Color, used)
	}
	t.Walk(func(c *qda.Code, _ int) { used = append(used, c.Color) })
	return codebook.NextColor(used)
}

// editCode loads a code, lets fn change it, and writes it back as one action.
func (p *Project) editCode(action string, id qda.ID, fn func(c *qda.Code, t *codebook.Tree) error) error {
	return p.act(Change{Action: action, Codebook: true}, func(tx *store.Tx) error {
		c, err := tx.Code(id)
		if err != nil {
			return err
		}
		t, err := tx.Codebook()
		if err != nil {
			return err
		}
		if err := fn(c, t); err != nil {
			return err
		}
		return tx.PutCode(c)
	})
}

// RenameCode gives a code a new name; its codings stay.
func (p *Project) RenameCode(id qda.ID, name string) error {
	return p.editCode("Rename code", id, func(c *qda.Code, t *codebook.Tree) error {
		if err := t.CheckName(c.Parent, name, c.ID); err != nil {
			return err
		}
		c.Name = strings.TrimSpace(name)
		return nil
	})
}

// RecolorCode sets a code's colour (#RRGGBB).
func (p *Project) RecolorCode(id qda.ID, color string) error {
	return p.editCode("Recolour code", id, func(c *qda.Code, _ *codebook.Tree) error {
		if !qda.ValidColor(color) {
			return fmt.Errorf("colour %q is not #RRGGBB", color)
		}
		c.Color = strings.ToUpper(color)
		return nil
	})
}

// DescribeCode sets a code's definition.
func (p *Project) DescribeCode(id qda.ID, description string) error {
	return p.editCode("Edit definition", id, func(c *qda.Code, _ *codebook.Tree) error {
		c.Description = description
		return nil
	})
}

// MoveCode puts a code under a new parent ("" for the top level), last among
// its new siblings.
func (p *Project) MoveCode(id, parent qda.ID) error {
	return p.editCode("Move code", id, func(c *qda.Code, t *codebook.Tree) error {
		if err := t.CheckMove(id, parent); err != nil {
			return err
		}
		if c.Parent != parent {
			c.Parent = parent
			c.Order = t.NextOrder(parent)
		}
		return nil
	})
}

// MergeCodes moves every coding of from onto into and deletes from.
func (p *Project) MergeCodes(from, into qda.ID) error {
	return p.act(Change{Action: "Merge codes", Codebook: true, All: true}, func(tx *store.Tx) error {
		return tx.MergeCode(from, into)
	})
}

// DeleteCode deletes a code and the codes below it; with codings it refuses
// unless force is set.
func (p *Project) DeleteCode(id qda.ID, force bool) error {
	return p.act(Change{Action: "Delete code", Codebook: true, All: true}, func(tx *store.Tx) error {
		return tx.DeleteCode(id, force)
	})
}
