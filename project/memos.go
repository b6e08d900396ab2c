package project

import (
	"strings"
	"time"

	"coder/qda"
	"coder/store"
)

// Memos lists memos on one target kind and id; an empty kind lists them all.
func (p *Project) Memos(on qda.TargetKind, target qda.ID) ([]qda.Memo, error) {
	var out []qda.Memo
	err := p.view(func(tx *store.Tx) error {
		all, err := tx.Memos()
		for _, m := range all {
			if on == "" || (m.On == on && m.Target == target) {
				out = append(out, m)
			}
		}
		return err
	})
	return out, err
}

// AddMemo writes a new memo on the project (target ""), a document, a code, a
// coding or a case.
func (p *Project) AddMemo(on qda.TargetKind, target qda.ID, title, text string) (*qda.Memo, error) {
	if strings.TrimSpace(text) == "" && strings.TrimSpace(title) == "" {
		return nil, &qda.Error{What: "memo", Why: "the memo is empty", Fix: "write some text"}
	}
	now := time.Now().UTC()
	m := &qda.Memo{ID: qda.NewID(), On: on, Target: target, Title: title, Text: text, Coder: p.coder.ID, Created: now, Modified: now}
	err := p.act(Change{Action: "Add memo", Memos: true}, func(tx *store.Tx) error { return tx.PutMemo(m) })
	return m, err
}

// EditMemo replaces a memo's title and text.
func (p *Project) EditMemo(id qda.ID, title, text string) error {
	return p.act(Change{Action: "Edit memo", Memos: true}, func(tx *store.Tx) error {
		m, err := tx.Memo(id)
		if err != nil {
			return err
		}
		m.Title, m.Text, m.Modified = title, text, time.Now().UTC()
		return tx.PutMemo(m)
	})
}

// DeleteMemo deletes a memo.
func (p *Project) DeleteMemo(id qda.ID) error {
	return p.act(Change{Action: "Delete memo", Memos: true}, func(tx *store.Tx) error { return tx.DeleteMemo(id) })
}
