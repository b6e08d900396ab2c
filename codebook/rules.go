package codebook

import (
	"fmt"

	"coder/qda"
)

// CheckPut returns an error unless c can be written into the codebook as it
// stands: the code's own rules, a parent that exists, not inside itself, and
// no sibling with its name. Errors match qda.ErrInvalid, qda.ErrNotFound or
// qda.ErrConflict.
func (t *Tree) CheckPut(c qda.Code) error {
	if err := c.Validate(); err != nil {
		return err
	}
	if c.Parent != "" {
		if _, ok := t.Code(c.Parent); !ok {
			return fmt.Errorf("code %q: its parent does not exist: %w", c.Name, qda.ErrNotFound)
		}
		if t.IsWithin(c.Parent, c.ID) {
			return qda.Invalidf("cannot move %q inside itself", t.Path(c.ID))
		}
	}
	return t.CheckName(c.Parent, c.Name, c.ID)
}

// Merge is what merging one code into another changes, worked out from the
// codebook, codings and memos as they stand; the store writes it.
type Merge struct {
	Into     qda.Code     // the code that stays, its description extended
	Remove   qda.ID       // the code merged away
	Recode   []qda.Coding // codings moved onto Into
	Drop     []qda.ID     // codings that would repeat one already on Into (same document and span)
	Children []qda.Code   // the merged code's children, now under Into ("(merged)" added on a name clash)
	Memos    []qda.Memo   // memos on the merged code, now on Into
}

// PlanMerge works out merging code from into code into: every coding of from
// moves onto into unless into already codes the same span, from's children
// move under into, memos on from follow, and from's description is appended
// to into's. It refuses merging a code into itself, into a code inside it, or
// into a folder (errors match qda.ErrInvalid or qda.ErrNotFound).
func (t *Tree) PlanMerge(from, into qda.ID, codings []qda.Coding, memos []qda.Memo) (*Merge, error) {
	if from == into {
		return nil, qda.Invalidf("cannot merge a code into itself")
	}
	src, ok1 := t.Code(from)
	dst, ok2 := t.Code(into)
	if !ok1 || !ok2 {
		return nil, fmt.Errorf("merge: %w", qda.ErrNotFound)
	}
	if t.IsWithin(into, from) {
		return nil, qda.Invalidf("cannot merge %q into %q, which lies inside it", t.Path(from), t.Path(into))
	}
	if dst.Folder {
		return nil, qda.Invalidf("cannot merge into %q: it is a folder, which cannot hold codings", t.Path(into))
	}
	m := &Merge{Into: *dst, Remove: from}
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
			m.Drop = append(m.Drop, c.ID)
			continue
		}
		have[key] = true
		c.Code = into
		m.Recode = append(m.Recode, c)
	}
	for _, child := range t.Children(from) {
		moved := *child
		moved.Parent = into
		for t.CheckName(into, moved.Name, moved.ID) != nil {
			moved.Name += " (merged)"
		}
		m.Children = append(m.Children, moved)
	}
	for _, memo := range memos {
		if memo.On == qda.OnCode && memo.Target == from {
			memo.Target = into
			m.Memos = append(m.Memos, memo)
		}
	}
	if src.Description != "" && src.Description != dst.Description {
		if m.Into.Description != "" {
			m.Into.Description += "\n\n"
		}
		m.Into.Description += "Merged from " + src.Name + ": " + src.Description
	}
	return m, nil
}
