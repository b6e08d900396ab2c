package merge

import (
	"coder/qda"
)

// eachLive hands keep each record of one kind from both copies, ours then
// theirs, with its side: norm resolves the record's IDs and returns its
// ID and name; a deleted record is left out (and, when the other copy
// brings it, reported as a deletion applied here).
func eachLive[T any](m *merger, kind string, records func(*qda.Bundle) []T, norm func(*T) (qda.ID, string), keep func(side int, x T)) {
	for side, b := range []*qda.Bundle{m.ours, m.theirs} {
		for _, x := range records(b) {
			id, name := norm(&x)
			if m.deleted(id) {
				if side == 1 {
					m.report.applied(kind, name)
				}
				continue
			}
			keep(side, x)
		}
	}
}

// uniteByName unites records of one kind that carry no edit stamp (coders,
// attributes): by ID, of two differing copies the same one either way round
// (see jsonLess), then by key: a record whose key a lesser ID has is
// unified into it. The result is sorted by ID.
func uniteByName[T any](m *merger, kind string, records func(*qda.Bundle) []T, id func(*T) *qda.ID, key, name func(*T) string) []T {
	byID := map[qda.ID]T{}
	for _, b := range []*qda.Bundle{m.ours, m.theirs} {
		for _, x := range records(b) {
			p := id(&x)
			*p = m.resolve(*p)
			if o, ok := byID[*p]; !ok || jsonLess(o, x) {
				byID[*p] = x
			}
		}
	}
	byKey := map[string]qda.ID{}
	for _, i := range sortedKeys(byID) {
		x := byID[i]
		k := key(&x)
		if first, ok := byKey[k]; ok {
			m.unify(kind, i, first, name(&x), "by name")
			delete(byID, i)
			continue
		}
		byKey[k] = i
	}
	out := values(byID)
	sortByID(out, func(x *T) qda.ID { return *id(x) })
	return out
}

// foldVersion adds version x of entity id to byID: of two versions the
// later edit wins (see wins), and when they differ and neither had seen
// the other, conflict reports the winner and the loser.
func foldVersion[T any, P interface {
	*T
	qda.Versioned
}](byID map[qda.ID]T, id qda.ID, x T, conflict func(win, lose P)) {
	o, ok := byID[id]
	if !ok {
		byID[id] = x
		return
	}
	win, lose := o, x
	if wins(P(&x), P(&o)) {
		win, lose = x, o
	}
	if P(&win).Version() != P(&lose).Version() && concurrent(P(&win), P(&lose)) {
		conflict(&win, &lose)
	}
	byID[id] = win
}

// madeApart is the rule for joining things two copies made separately (the
// same path, the same text): of ids, those that one copy has and the other
// has not, in their order, or nil unless each copy has one of them. What
// both copies hold is already one thing, and two made in one copy stay two.
func madeApart(ids []qda.ID, in [2]map[qda.ID]bool) []qda.ID {
	var apart []qda.ID
	var has [2]bool
	for _, id := range ids {
		if in[0][id] != in[1][id] {
			apart = append(apart, id)
			has[0] = has[0] || in[0][id]
			has[1] = has[1] || in[1][id]
		}
	}
	if !has[0] || !has[1] {
		return nil
	}
	return apart
}
