package merge

import (
	"coder/qda"
)

// memos unites the memos. Of the versions of one memo, those another
// version has seen are old; of the rest (edited concurrently), the later
// keeps the memo's ID and each other is kept beside it as a memo flagged
// ConflictOf, with an ID made from the memo and the version, so every merge
// makes the same one. An untouched flagged copy counts as the version it
// holds, so it goes when a later version of its memo has seen it; it also
// goes when someone deleted it or its memo. Memos on something deleted go
// with it.
func (m *merger) memos(out *qda.Bundle) []qda.Memo {
	targets := map[qda.TargetKind]map[qda.ID]bool{
		qda.OnDocument: idSet(out.Documents, func(d *qda.Document) qda.ID { return d.ID }),
		qda.OnCode:     idSet(out.Codes, func(c *qda.Code) qda.ID { return c.ID }),
		qda.OnCoding:   idSet(out.Codings, func(c *qda.Coding) qda.ID { return c.ID }),
		qda.OnCase:     idSet(out.Cases, func(c *qda.Case) qda.ID { return c.ID }),
	}
	coders := idSet(out.Coders, func(c *qda.Coder) qda.ID { return c.ID })
	versions := map[qda.ID][]qda.Memo{}
	// flagged holds what each flagged memo is a conflicting version of: a
	// flagged copy of a flagged copy goes when the memo they came from goes.
	flagged := map[qda.ID]qda.ID{}
	for _, b := range []*qda.Bundle{m.ours, m.theirs} {
		for _, x := range b.Memos {
			if x.ConflictOf != "" {
				flagged[m.resolve(x.ID)] = m.resolve(x.ConflictOf)
			}
		}
	}
	gone := func(id qda.ID) bool {
		seen := map[qda.ID]bool{}
		for ; id != "" && !seen[id]; id = flagged[id] {
			if m.deleted(id) {
				return true
			}
			seen[id] = true
		}
		return false
	}
	// edited holds, per memo, its flagged copies someone edited: what such
	// a copy has seen is no longer in conflict.
	edited := map[qda.ID][]qda.Memo{}
	for side, b := range []*qda.Bundle{m.ours, m.theirs} {
		for _, x := range b.Memos {
			x.ID = m.resolve(x.ID)
			if m.deleted(x.ID) {
				if side == 1 {
					m.report.applied(qda.GoneMemo, x.Title)
				}
				continue
			}
			if x.ConflictOf != "" {
				orig := m.resolve(x.ConflictOf)
				if gone(orig) {
					// The flagged copy of a memo someone deleted goes with it.
					if side == 1 {
						m.report.applied(qda.GoneMemo, x.Title)
					}
					continue
				}
				// An untouched copy is a version of its memo again, kept
				// apart below only while it is still in conflict.
				if v := asVersionOf(x, orig); copyID(orig, v) == x.ID {
					x = v
				} else {
					edited[orig] = append(edited[orig], x)
				}
			}
			x.Target = m.resolve(x.Target)
			x.Coder, x.ModifiedBy = m.resolve(x.Coder), m.resolve(x.ModifiedBy)
			if !coders[x.Coder] {
				x.Coder = ""
			}
			if x.On != qda.OnProject && !targets[x.On][x.Target] {
				m.report.dropped(qda.GoneMemo, "what it was written on was deleted")
				continue
			}
			versions[x.ID] = append(versions[x.ID], x)
		}
	}
	var res []qda.Memo
	for _, id := range sortedKeys(versions) {
		live := current(versions[id])
		win := live[0]
		for _, v := range live[1:] {
			if wins(&v, &win) {
				win = v
			}
		}
		res = append(res, win)
		for _, v := range live {
			if v.Version() == win.Version() || seenBy(v, edited[id]) {
				continue
			}
			cp := v
			cp.ID, cp.ConflictOf = copyID(id, v), id
			if m.deleted(cp.ID) {
				continue
			}
			m.report.memoConflict(win, cp)
			res = append(res, cp)
		}
	}
	// A copy and the memo it came from can each arrive twice; keep one.
	seen := map[qda.ID]int{}
	out2 := res[:0]
	for _, x := range res {
		if i, ok := seen[x.ID]; ok {
			if wins(&x, &out2[i]) {
				out2[i] = x
			}
			continue
		}
		seen[x.ID] = len(out2)
		out2 = append(out2, x)
	}
	sortByID(out2, func(x *qda.Memo) qda.ID { return x.ID })
	return out2
}

// current returns the versions no other version has seen, one per content.
func current(vs []qda.Memo) []qda.Memo {
	var live []qda.Memo
	for i := range vs {
		seen := false
		for j := range vs {
			if vs[i].Version() != vs[j].Version() && qda.Supersedes(&vs[j], &vs[i]) {
				seen = true
				break
			}
		}
		if seen {
			continue
		}
		dup := false
		for k := range live {
			if live[k].Version() == vs[i].Version() {
				if wins(&vs[i], &live[k]) {
					live[k] = vs[i]
				}
				dup = true
				break
			}
		}
		if !dup {
			live = append(live, vs[i])
		}
	}
	return live
}

// seenBy reports whether one of the memos has seen version v.
func seenBy(v qda.Memo, by []qda.Memo) bool {
	for i := range by {
		if by[i].Version() != v.Version() && qda.Supersedes(&by[i], &v) {
			return true
		}
	}
	return false
}

// asVersionOf turns a flagged copy back into the version of memo orig it
// was made from.
func asVersionOf(cp qda.Memo, orig qda.ID) qda.Memo {
	cp.ID, cp.ConflictOf = orig, ""
	return cp
}

// copyID is the ID of the flagged copy of version v of memo id: the same in
// every merge that makes it.
func copyID(id qda.ID, v qda.Memo) qda.ID { return qda.NameID(id, "conflict "+v.Version()) }
