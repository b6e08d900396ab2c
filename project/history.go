package project

import (
	"coder/store"
)

// history keeps the undo and redo stacks: each entry is one user action's
// recorded writes. Undo applies them backwards in a new transaction; the
// store refuses if the data moved on in between, so undo never overwrites.
type history struct {
	undo, redo []step
}

type step struct {
	change  Change
	changes *store.Changes
}

const maxHistory = 200

func (h *history) push(c Change, ch *store.Changes) {
	h.undo = append(h.undo, step{c, ch})
	if len(h.undo) > maxHistory {
		h.undo = h.undo[len(h.undo)-maxHistory:]
	}
	h.redo = nil
}

// CanUndo returns the name of the action Undo would revert, or "".
func (p *Project) CanUndo() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	if n := len(p.history.undo); n > 0 {
		return p.history.undo[n-1].change.Action
	}
	return ""
}

// CanRedo returns the name of the action Redo would repeat, or "".
func (p *Project) CanRedo() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	if n := len(p.history.redo); n > 0 {
		return p.history.redo[n-1].change.Action
	}
	return ""
}

// Undo reverts the last action. It returns the action's name, or "" when
// there is nothing to undo.
func (p *Project) Undo() (string, error) { return p.travel(true) }

// Redo repeats the last undone action.
func (p *Project) Redo() (string, error) { return p.travel(false) }

// travel undoes or redoes the newest step. It holds actMu from choosing the
// step until it has moved to the other stack, so two concurrent undos can
// never both apply one step, and no action commits in between.
func (p *Project) travel(back bool) (string, error) {
	p.actMu.Lock()
	p.mu.Lock()
	from, to := &p.history.undo, &p.history.redo
	if !back {
		from, to = to, from
	}
	if len(*from) == 0 {
		p.mu.Unlock()
		p.actMu.Unlock()
		return "", nil
	}
	s := (*from)[len(*from)-1]
	p.mu.Unlock()
	_, err := p.commitLocked(func() (*store.Changes, error) {
		if back {
			return p.db.Undo(s.changes)
		}
		return p.db.Redo(s.changes)
	})
	if err != nil {
		p.actMu.Unlock()
		return "", err
	}
	p.mu.Lock()
	*from = (*from)[:len(*from)-1]
	*to = append(*to, s)
	p.mu.Unlock()
	p.actMu.Unlock()
	c := s.change
	c.All = true
	p.notify(c)
	return s.change.Action, nil
}
