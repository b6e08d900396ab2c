package merge

import (
	"coder/qda"
)

// memos unites the memos. Of the versions of one memo, those another
// version has seen are old; seeing is transitive (a version has seen what
// the versions it saw had seen). Of the rest (edited concurrently), the
// later keeps the memo's ID and each other is kept beside it as a memo
// flagged ConflictOf, with an ID made from the memo and the version, so
// every merge makes the same one. An untouched flagged copy counts as the
// version it holds, so it goes when a later version of its memo has seen
// it; it also goes when someone deleted it or its memo. What the versions
// dropped here had seen, the kept memo carries on in Settled (see
// qda.Memo.Settle), so an old copy merged later, in any order, finds it
// seen. Memos on something deleted go with it.
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
				y := x
				y.ConflictOf = orig
				if v, untouched := y.AsVersion(flagged[orig]); untouched {
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
		vs := versions[id]
		k := knowledgeOf(vs)
		live := current(vs, k)
		win := live[0]
		for _, v := range live[1:] {
			if wins(&v, &win) {
				win = v
			}
		}
		// What edited flagged copies have seen, and the versions they were
		// made from, are no longer in conflict.
		var settledBy map[string]bool
		var editedIDs map[qda.ID]bool
		for i := range edited[id] {
			if settledBy == nil {
				settledBy, editedIDs = map[string]bool{}, map[qda.ID]bool{}
			}
			editedIDs[edited[id][i].ID] = true
			for h := range k.seen(edited[id][i].Named()) {
				settledBy[h] = true
			}
		}
		var kept, copies []qda.Memo
		for _, v := range live {
			if v.Version() == win.Version() || settledBy[v.Version()] || editedIDs[qda.ConflictCopyID(id, v.Version())] {
				continue
			}
			cp := v
			cp.ID, cp.ConflictOf, cp.Settled = qda.ConflictCopyID(id, v.Version()), id, ""
			if m.deleted(cp.ID) {
				continue
			}
			m.report.memoConflict(win, cp)
			copies = append(copies, cp)
			kept = append(kept, v)
		}
		// The winner carries on what the versions dropped here had seen.
		var named []string
		for i := range vs {
			named = append(named, vs[i].Named()...)
		}
		// A version whose flagged copy was deleted or edited is settled by
		// that already.
		win.Settle(named, append(kept, edited[id]...), func(v string) bool {
			c := qda.ConflictCopyID(id, v)
			return m.deleted(c) || editedIDs[c]
		})
		res = append(res, win)
		res = append(res, copies...)
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

// knowledge is what the versions of one memo have seen: for each version
// (a Version hash), the versions its records name (see named).
type knowledge map[string]map[string]bool

func knowledgeOf(vs []qda.Memo) knowledge {
	k := knowledge{}
	for i := range vs {
		v := vs[i].Version()
		if k[v] == nil {
			k[v] = map[string]bool{}
		}
		for _, h := range vs[i].Named() {
			k[v][h] = true
		}
	}
	return k
}

// seen is every version that versions start have seen, directly or through
// a version they saw: seeing is transitive, so a version supersedes what
// the versions it superseded had seen, even when its own history does not
// name them.
func (k knowledge) seen(start []string) map[string]bool {
	out := map[string]bool{}
	for queue := start; len(queue) > 0; {
		h := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		if out[h] {
			continue
		}
		out[h] = true
		for n := range k[h] {
			if !out[n] {
				queue = append(queue, n)
			}
		}
	}
	return out
}

// current returns the versions no other version has seen, one per content.
func current(vs []qda.Memo, k knowledge) []qda.Memo {
	reach := make(map[string]map[string]bool, len(k))
	for v := range k {
		reach[v] = k.seen([]string{v})
	}
	var live []qda.Memo
	for i := range vs {
		vi := vs[i].Version()
		seen := false
		for v, r := range reach {
			if v != vi && r[vi] {
				seen = true
				break
			}
		}
		if seen {
			continue
		}
		dup := false
		for k := range live {
			if live[k].Version() == vi {
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
