// Package codebook holds the rules of the codebook tree: how codes are named by
// path, ordered among siblings, moved and merged without losing a coding, the
// palette new codes draw their colours from, and the built-in templates a
// project can start from.
package codebook

import (
	"fmt"
	"sort"
	"strings"

	"coder/qda"
)

// Tree is a read-only index over a set of codes. Build a new one after any
// change; it is cheap (linear in the number of codes).
type Tree struct {
	byID     map[qda.ID]*qda.Code
	children map[qda.ID][]*qda.Code
	paths    map[qda.ID]string
}

// NewTree indexes codes. Children are ordered by Order, then by name, so the
// tree reads the same on every machine.
func NewTree(codes []qda.Code) *Tree {
	t := &Tree{
		byID:     make(map[qda.ID]*qda.Code, len(codes)),
		children: make(map[qda.ID][]*qda.Code),
		paths:    make(map[qda.ID]string, len(codes)),
	}
	for i := range codes {
		c := &codes[i]
		t.byID[c.ID] = c
	}
	for _, c := range t.byID {
		parent := c.Parent
		if _, ok := t.byID[parent]; !ok {
			parent = "" // an orphan shows at the top rather than vanishing
		}
		t.children[parent] = append(t.children[parent], c)
	}
	for _, kids := range t.children {
		sort.Slice(kids, func(i, j int) bool {
			if kids[i].Order != kids[j].Order {
				return kids[i].Order < kids[j].Order
			}
			return strings.ToLower(kids[i].Name) < strings.ToLower(kids[j].Name)
		})
	}
	return t
}

// Len returns the number of codes.
func (t *Tree) Len() int { return len(t.byID) }

// Code returns the code with id.
func (t *Tree) Code(id qda.ID) (*qda.Code, bool) {
	c, ok := t.byID[id]
	return c, ok
}

// Children returns the codes directly under id, in order; id "" gives the
// top-level codes.
func (t *Tree) Children(id qda.ID) []*qda.Code { return t.children[id] }

// Path returns the code's names from the top down, joined by "/", e.g.
// "Political logic/Mobilisation". It returns "" for an unknown id.
func (t *Tree) Path(id qda.ID) string {
	if p, ok := t.paths[id]; ok {
		return p
	}
	var names []string
	seen := map[qda.ID]bool{}
	for c, ok := t.byID[id]; ok && !seen[c.ID]; c, ok = t.byID[c.Parent] {
		seen[c.ID] = true
		names = append(names, c.Name)
	}
	for i, j := 0, len(names)-1; i < j; i, j = i+1, j-1 {
		names[i], names[j] = names[j], names[i]
	}
	p := strings.Join(names, "/")
	t.paths[id] = p
	return p
}

// SplitPath splits "A/B/C" into its trimmed, non-empty names.
func SplitPath(path string) []string {
	var names []string
	for _, n := range strings.Split(path, "/") {
		if n = strings.TrimSpace(n); n != "" {
			names = append(names, n)
		}
	}
	return names
}

// Find returns the code at path. Names match exactly first; failing that, a
// unique case-insensitive match is accepted, since people type paths by hand.
func (t *Tree) Find(path string) (*qda.Code, bool) {
	names := SplitPath(path)
	if len(names) == 0 {
		return nil, false
	}
	var parent qda.ID
	var found *qda.Code
	for _, name := range names {
		found = t.child(parent, name)
		if found == nil {
			return nil, false
		}
		parent = found.ID
	}
	return found, true
}

func (t *Tree) child(parent qda.ID, name string) *qda.Code {
	var fold *qda.Code
	folds := 0
	for _, c := range t.children[parent] {
		if c.Name == name {
			return c
		}
		if strings.EqualFold(c.Name, name) {
			fold, folds = c, folds+1
		}
	}
	if folds == 1 {
		return fold
	}
	return nil
}

// Walk visits every code depth-first in tree order; depth is 0 at the top.
func (t *Tree) Walk(fn func(c *qda.Code, depth int)) {
	var walk func(parent qda.ID, depth int)
	seen := map[qda.ID]bool{}
	walk = func(parent qda.ID, depth int) {
		for _, c := range t.children[parent] {
			if seen[c.ID] {
				continue
			}
			seen[c.ID] = true
			fn(c, depth)
			walk(c.ID, depth+1)
		}
	}
	walk("", 0)
}

// Subtree returns id and the IDs of all codes below it.
func (t *Tree) Subtree(id qda.ID) []qda.ID {
	ids := []qda.ID{id}
	for i := 0; i < len(ids); i++ {
		for _, c := range t.children[ids[i]] {
			ids = append(ids, c.ID)
		}
	}
	return ids
}

// IsWithin reports whether code id is ancestor or lies below it.
func (t *Tree) IsWithin(id, ancestor qda.ID) bool {
	seen := map[qda.ID]bool{}
	for c, ok := t.byID[id]; ok && !seen[c.ID]; c, ok = t.byID[c.Parent] {
		if c.ID == ancestor {
			return true
		}
		seen[c.ID] = true
	}
	return false
}

// Validate checks the tree's rules: every code valid, parents exist, no
// cycles, and no two siblings share a name (paths must name one code).
func (t *Tree) Validate() error {
	for _, c := range t.byID {
		if err := c.Validate(); err != nil {
			return err
		}
		if c.Parent != "" {
			if _, ok := t.byID[c.Parent]; !ok {
				return qda.Invalidf("code %q has a parent that does not exist", c.Name)
			}
		}
		seen := map[qda.ID]bool{}
		for p, ok := t.byID[c.ID]; ok; p, ok = t.byID[p.Parent] {
			if seen[p.ID] {
				return qda.Invalidf("code %q is inside itself", c.Name)
			}
			seen[p.ID] = true
		}
	}
	for _, kids := range t.children {
		names := map[string]bool{}
		for _, c := range kids {
			key := strings.ToLower(c.Name)
			if names[key] {
				return qda.Invalidf("two codes named %q under the same parent", t.Path(c.ID))
			}
			names[key] = true
		}
	}
	return nil
}

// CheckName returns an error if name cannot be given to a code under parent;
// self is the code being renamed, or "" for a new one.
func (t *Tree) CheckName(parent qda.ID, name string, self qda.ID) error {
	n := strings.TrimSpace(name)
	if n == "" {
		return qda.Invalidf("a code needs a name")
	}
	if strings.Contains(n, "/") {
		return qda.Invalidf("code name %q contains '/', which separates levels in a code path", n)
	}
	for _, c := range t.children[parent] {
		if c.ID != self && strings.EqualFold(c.Name, n) {
			where := "at the top level"
			if parent != "" {
				where = "under " + t.Path(parent)
			}
			return qda.Conflictf("there is already a code %q %s", c.Name, where)
		}
	}
	return nil
}

// CheckMove returns an error if code id cannot be moved under newParent.
func (t *Tree) CheckMove(id, newParent qda.ID) error {
	c, ok := t.byID[id]
	if !ok {
		return fmt.Errorf("no such code: %w", qda.ErrNotFound)
	}
	if newParent != "" {
		if _, ok := t.byID[newParent]; !ok {
			return fmt.Errorf("the new parent code does not exist: %w", qda.ErrNotFound)
		}
		if t.IsWithin(newParent, id) {
			return qda.Invalidf("cannot move %q inside itself", t.Path(id))
		}
	}
	return t.CheckName(newParent, c.Name, id)
}

// NextOrder returns the Order for a new last child of parent.
func (t *Tree) NextOrder(parent qda.ID) int {
	kids := t.children[parent]
	if len(kids) == 0 {
		return 0
	}
	return kids[len(kids)-1].Order + 1
}
