package qda

import (
	"sort"
	"strings"
)

// ConflictCopyID is the ID of the flagged copy of version v (a Version
// hash) of memo id that a merge keeps beside the memo: the same in every
// merge that makes it, so deleting it (a tombstone on this ID) settles v.
func ConflictCopyID(id ID, v string) ID { return NameID(id, "conflict "+v) }

// AsVersion returns the version of memo cp.ConflictOf that flagged copy cp
// holds, and whether cp is untouched (still that version, not edited since
// the merge made it). of is what memo cp.ConflictOf is itself a flagged
// copy of, if it is one ("" otherwise): a copy of a copy.
func (cp Memo) AsVersion(of ID) (Memo, bool) {
	v := cp
	v.ID, v.ConflictOf, v.Settled = cp.ConflictOf, of, ""
	return v, cp.ConflictOf != "" && ConflictCopyID(cp.ConflictOf, v.Version()) == cp.ID
}

// Named is the versions a memo names: its own, those its history passed
// through, and those settled for it.
func (m *Memo) Named() []string {
	return append(append([]string{m.Version()}, strings.Fields(m.Replaces)...), strings.Fields(m.Settled)...)
}

// Settle sets what memo m carries as settled: of the versions named, those
// that m does not name itself, that are not the versions kept beside it
// (its flagged copies: untouched ones as the versions they hold, edited
// ones as they are), and whose flagged copy was not deleted or edited
// (resolved reports that; the tombstone or the copy says it already). What
// a kept copy's history names is settled on m too, so it stays known
// however the copies are deleted later, in whichever copy. Sorted, so the
// result depends only on the sets, not on the order they were met in.
func (m *Memo) Settle(named []string, kept []Memo, resolved func(v string) bool) {
	own := map[string]bool{m.Version(): true}
	for _, h := range strings.Fields(m.Replaces) {
		own[h] = true
	}
	for i := range kept {
		own[kept[i].Version()] = true
	}
	set := map[string]bool{}
	for _, h := range named {
		if !own[h] && !set[h] && !resolved(h) {
			set[h] = true
		}
	}
	out := make([]string, 0, len(set))
	for h := range set {
		out = append(out, h)
	}
	sort.Strings(out)
	m.Settled = strings.Join(out, " ")
}

// DeleteMemo is what deleting memo id from memos does: the memo goes with
// the flagged copies of it (and of those, a merge drops them anyway), and
// when the memo is itself a flagged copy, the memo it is a copy of settles
// what the copy had seen, so an older version the copy superseded does not
// come back as a conflict in a later merge. buried reports whether an ID
// has a tombstone (the deleted ones will). It returns the IDs to delete and
// the memo to write back with its new Settled (nil if none changed).
func DeleteMemo(memos []Memo, id ID, buried func(ID) bool) (gone []ID, settled *Memo) {
	doomed := map[ID]bool{id: true}
	var del *Memo
	for grew := true; grew; {
		grew = false
		for i := range memos {
			x := &memos[i]
			if x.ID == id {
				del = x
			}
			if !doomed[x.ID] && doomed[x.ConflictOf] {
				doomed[x.ID], grew = true, true
			}
		}
	}
	for i := range memos {
		if doomed[memos[i].ID] {
			gone = append(gone, memos[i].ID)
		}
	}
	if del == nil || del.ConflictOf == "" || doomed[del.ConflictOf] {
		return gone, nil
	}
	var main *Memo
	for i := range memos {
		if x := memos[i]; x.ID == del.ConflictOf {
			main = &x
		}
	}
	if main == nil {
		return gone, nil
	}
	var kept []Memo
	edited := map[ID]bool{}
	for _, x := range memos {
		if x.ConflictOf != main.ID || doomed[x.ID] {
			continue
		}
		if v, untouched := x.AsVersion(main.ConflictOf); untouched {
			kept = append(kept, v)
		} else {
			edited[x.ID] = true
			kept = append(kept, x)
		}
	}
	named := append(strings.Fields(main.Settled), strings.Fields(del.Replaces)...)
	named = append(named, strings.Fields(del.Settled)...)
	was := main.Settled
	main.Settle(named, kept, func(v string) bool {
		c := ConflictCopyID(main.ID, v)
		return doomed[c] || edited[c] || buried(c)
	})
	if main.Settled == was {
		return gone, nil
	}
	return gone, main
}
