package store

import (
	"time"

	"coder/qda"
)

// Undoing an action that made something (a coding, a code, a memo, a
// document, a case) removes it as deleting it would, so it leaves the
// tombstone a deletion leaves: a copy of the project taken between the
// action and its undo, which still holds the thing, does not bring it back
// when merged. Redoing the action takes that tombstone away again. Only
// what a person made counts (writes under an editor, see SetEditor): what
// a merge brought in and its undo took out is no one's deletion, so the
// same copy can be merged in again.

// buriedKinds names the tombstone kind of each bucket whose records a
// deletion buries, keyed by the record's ID.
var buriedKinds = map[string]string{
	string(bCodings): qda.GoneCoding,
	string(bCodes):   qda.GoneCode,
	string(bMemos):   qda.GoneMemo,
	string(bDocs):    qda.GoneDocument,
	string(bCases):   qda.GoneCase,
}

// made is a record an action brought into being.
type made struct {
	kind  string
	id    qda.ID
	coder qda.ID // who made it
}

// madeByPerson returns the records of the kinds deletions bury that c
// made (absent before its first write of them, present after its last)
// with an editor's write, in the order they were first written.
func (c *Changes) madeByPerson() []made {
	if c == nil {
		return nil
	}
	type life struct {
		first, last Change
	}
	lives := map[string]*life{}
	var order []string
	for _, ch := range c.list {
		if _, ok := buriedKinds[string(ch.Bucket)]; !ok {
			continue
		}
		k := string(ch.Bucket) + "\x00" + string(ch.Key)
		if l, ok := lives[k]; ok {
			l.last = ch
			continue
		}
		lives[k] = &life{ch, ch}
		order = append(order, k)
	}
	var out []made
	for _, k := range order {
		l := lives[k]
		if l.first.Before != nil || !l.last.written() || l.first.by == nil {
			continue
		}
		out = append(out, made{kind: buriedKinds[string(l.first.Bucket)], id: qda.ID(l.first.Key), coder: l.first.by.coder})
	}
	return out
}

// buryUnmade writes the tombstones of records an undo has just removed,
// dated now and signed by who made them (the session undoing its own
// action). A record that already has a tombstone keeps it.
func (tx *Tx) buryUnmade(ms []made) error {
	now := time.Now().UTC()
	for _, m := range ms {
		if _, ok := tx.Tombstone(m.id); ok {
			continue
		}
		if err := tx.PutTombstone(qda.Tombstone{ID: m.id, Kind: m.kind, At: now, Coder: m.coder}); err != nil {
			return err
		}
	}
	return nil
}

// unburyRemade removes the tombstones buryUnmade wrote, when a redo has
// just put the records back. A tombstone of another coder's deletion (a
// merge brought it in since) is left alone.
func (tx *Tx) unburyRemade(ms []made) error {
	for _, m := range ms {
		t, ok := tx.Tombstone(m.id)
		if !ok || t.Kind != m.kind || t.Coder != m.coder || t.Into != "" {
			continue
		}
		if err := tx.del(bTombs, []byte(m.id)); err != nil {
			return err
		}
	}
	return nil
}
