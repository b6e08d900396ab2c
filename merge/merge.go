package merge

import (
	"sort"
	"time"

	"coder/qda"
)

// Merge combines ours and theirs (each with its tombstones) and returns the
// merged project and a report of what changed in ours. Neither input is
// modified.
func Merge(ours, theirs *qda.Bundle) (*qda.Bundle, *Report) {
	m := newMerger(ours, theirs)
	out := &qda.Bundle{Project: ours.Project}
	out.Coders = m.coders()
	out.Variables = m.variables()
	out.Codes = m.codes()
	out.Documents = m.documents()
	out.Codings = m.codings(out)
	fixFolders(out)
	out.Cases = m.cases(out)
	out.Values = m.values(out)
	out.Memos = m.memos(out)
	out.CodeSets = m.codeSets(out)
	out.Rejections = m.rejections(out)
	out.Tombstones = m.tombstones(out)
	m.report.finish(ours, theirs, out)
	return out, m.report
}

// merger holds one merge's tombstones and report while the entity kinds are
// merged in dependency order.
type merger struct {
	ours, theirs *qda.Bundle
	tombs        map[qda.ID]qda.Tombstone
	report       *Report
	// docs holds each side's version of each document; retext, for a
	// document whose text differs from the one the merge keeps, the splice
	// that moves that side's spans onto the kept text (see retext.go).
	docs    [2]map[qda.ID]qda.Document
	retext  [2]map[qda.ID]*qda.Splice
	runes   [3]map[qda.ID][]rune
	shifted map[string]int // codings moved onto the same words, by document
}

func newMerger(ours, theirs *qda.Bundle) *merger {
	m := &merger{ours: ours, theirs: theirs, tombs: map[qda.ID]qda.Tombstone{}, report: newReport()}
	for i := range m.docs {
		m.docs[i], m.retext[i] = map[qda.ID]qda.Document{}, map[qda.ID]*qda.Splice{}
	}
	for _, b := range []*qda.Bundle{ours, theirs} {
		for _, t := range b.Tombstones {
			m.addTomb(t)
		}
	}
	return m
}

// addTomb keeps, of two tombstones for one ID, the one that sorts first:
// the earlier, then by kind, target and coder. Merge-made ones carry no time,
// so a unification found by a merge stays whatever else happens to the ID.
func (m *merger) addTomb(t qda.Tombstone) {
	if o, ok := m.tombs[t.ID]; !ok || tombLess(t, o) {
		m.tombs[t.ID] = t
	}
}

func tombLess(a, b qda.Tombstone) bool {
	if !a.At.Equal(b.At) {
		return a.At.Before(b.At)
	}
	if a.Kind != b.Kind {
		return a.Kind < b.Kind
	}
	if a.Into != b.Into {
		return a.Into < b.Into
	}
	return a.Coder < b.Coder
}

// unify records that id is the same entity as into (into sorts first).
func (m *merger) unify(kind string, id, into qda.ID, what, how string) {
	if id == into {
		return
	}
	m.addTomb(qda.Tombstone{ID: id, Kind: kind, Into: into})
	m.report.unified(kind, what, id, into, how)
}

// resolve follows unifications from id to the entity it now is. A cycle
// (two copies merged two codes into each other) resolves to its least ID.
func (m *merger) resolve(id qda.ID) qda.ID {
	if t, ok := m.tombs[id]; !ok || t.Into == "" {
		return id
	}
	seen := map[qda.ID]bool{}
	cur := id
	for {
		t, ok := m.tombs[cur]
		if !ok || t.Into == "" {
			return cur
		}
		if seen[cur] {
			least := cur
			for x := range seen {
				if x < least {
					least = x
				}
			}
			return least
		}
		seen[cur] = true
		cur = t.Into
	}
}

// deleted reports whether the (resolved) id was deleted.
func (m *merger) deleted(id qda.ID) bool {
	t, ok := m.tombs[id]
	return ok && t.Into == ""
}

// tombstones returns the merged tombstones, each unification pointing
// straight at the entity it now is. A unification whose entity is gone
// without a tombstone of its own (a code under a deleted code, a coding on
// a deleted document) is left out: what it would catch is caught by the
// deletion that took its entity.
func (m *merger) tombstones(b *qda.Bundle) []qda.Tombstone {
	out := make([]qda.Tombstone, 0, len(m.tombs))
	var present map[qda.ID]bool
	for _, t := range m.tombs {
		if t.Into != "" {
			if present == nil {
				present = presentIn(b)
			}
			t.Into = m.resolve(t.Into)
			if !present[t.Into] && !m.deleted(t.Into) {
				continue
			}
		}
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// presentIn is the set of IDs of every entity in b.
func presentIn(b *qda.Bundle) map[qda.ID]bool {
	ids := make(map[qda.ID]bool, len(b.Codings)+len(b.Codes)+len(b.Documents)+len(b.Memos))
	for _, c := range b.Coders {
		ids[c.ID] = true
	}
	for _, c := range b.Codes {
		ids[c.ID] = true
	}
	for _, d := range b.Documents {
		ids[d.ID] = true
	}
	for _, c := range b.Codings {
		ids[c.ID] = true
	}
	for _, c := range b.Cases {
		ids[c.ID] = true
	}
	for _, v := range b.Variables {
		ids[v.ID] = true
	}
	for _, x := range b.Memos {
		ids[x.ID] = true
	}
	return ids
}

// wins reports whether version a beats version b: the later edit, then the
// greater coder ID, then the greater content hash, then the greater
// encoding, so the choice is the same whichever side each came from.
func wins(a, b qda.Versioned) bool {
	ta, ca, _ := a.Edited()
	tb, cb, _ := b.Edited()
	if !ta.Equal(tb) {
		return ta.After(tb)
	}
	if ca != cb {
		return ca > cb
	}
	if va, vb := a.Version(), b.Version(); va != vb {
		return va > vb
	}
	return jsonLess(b, a)
}

// concurrent reports whether neither version had seen the other.
func concurrent(a, b qda.Versioned) bool {
	return !qda.Supersedes(a, b) && !qda.Supersedes(b, a)
}

// stamp is an edit's time and coder, for reports.
func stamp(v qda.Versioned) (time.Time, qda.ID) {
	at, by, _ := v.Edited()
	return at, by
}

func sortByID[T any](xs []T, id func(*T) qda.ID) {
	sort.Slice(xs, func(i, j int) bool { return id(&xs[i]) < id(&xs[j]) })
}
