package merge

import (
	"crypto/sha256"
	"fmt"
	"sort"
	"strings"

	"coder/qda"
)

// documents unites documents by ID (the later edit wins), minus deleted
// ones, then by the hash of their text: documents that only one copy has
// are the same as those with the same text that only the other copy has
// (the same file imported separately by two coders), so their codings land
// on one document with their spans unchanged. Documents both copies have
// stay apart even when their texts are the same (imported twice on purpose). Names are
// then made unique again, the earlier import (then the least ID) keeping
// its name and the others numbered (see numberClashes).
func (m *merger) documents() []qda.Document {
	byID := map[qda.ID]qda.Document{}
	in := [2]map[qda.ID]bool{{}, {}}
	eachLive(m, qda.GoneDocument, func(b *qda.Bundle) []qda.Document { return b.Documents }, func(d *qda.Document) (qda.ID, string) {
		d.ID = m.resolve(d.ID)
		d.ModifiedBy = m.resolve(d.ModifiedBy)
		d.Name, d.Replaces = ownName(d.Name, d.Replaces)
		return d.ID, d.Name
	}, func(side int, d qda.Document) {
		in[side][d.ID] = true
		m.docs[side][d.ID] = d
		m.foldDocument(byID, d)
	})
	m.textCorrections(byID)
	groups := map[[32]byte][]qda.ID{}
	for _, id := range sortedKeys(byID) {
		h := sha256.Sum256([]byte(byID[id].Text))
		groups[h] = append(groups[h], id)
	}
	for _, g := range groups {
		// Only documents one copy has and the other has not are joined:
		// one copy's, with the other's.
		apart := madeApart(g, in)
		if apart == nil {
			continue
		}
		into := apart[0] // the least ID
		for _, id := range apart[1:] {
			d := byID[id]
			m.unify(qda.GoneDocument, id, into, d.Name, "same text")
			delete(byID, id)
			d.ID = into
			m.foldDocument(byID, d)
		}
	}
	out := values(byID)
	// The earlier import keeps a name two documents share.
	sort.Slice(out, func(i, j int) bool {
		if !out[i].Imported.Equal(out[j].Imported) {
			return out[i].Imported.Before(out[j].Imported)
		}
		return out[i].ID < out[j].ID
	})
	names := make([]string, len(out))
	for i := range out {
		names[i] = out[i].Name
	}
	for i, name := range numberClashes(names) {
		if name != out[i].Name {
			m.report.renamed(out[i].Name, name)
			out[i].Name, out[i].Replaces = withNumber(name, out[i].Replaces)
		}
	}
	sortByID(out, func(d *qda.Document) qda.ID { return d.ID })
	return out
}

func (m *merger) foldDocument(byID map[qda.ID]qda.Document, d qda.Document) {
	foldVersion(byID, d.ID, d, func(win, lose *qda.Document) {
		m.report.conflict(qda.GoneDocument, win.Name, diffDocument(*win, *lose), win, lose)
	})
}

func diffDocument(a, b qda.Document) string {
	var d []string
	if a.Name != b.Name {
		d = append(d, fmt.Sprintf("name %q over %q", a.Name, b.Name))
	}
	if a.Kind != b.Kind {
		d = append(d, fmt.Sprintf("kind %s over %s", a.Kind, b.Kind))
	}
	if len(d) == 0 {
		d = append(d, "passages")
	}
	return strings.Join(d, ", ")
}

// cases unites cases by ID (the later edit wins), minus deleted ones, then
// by name; their documents follow the documents' unification.
func (m *merger) cases(out *qda.Bundle) []qda.Case {
	docs := idSet(out.Documents, func(d *qda.Document) qda.ID { return d.ID })
	norm := func(c qda.Case) qda.Case {
		c.ModifiedBy = m.resolve(c.ModifiedBy)
		var ds []qda.ID
		seen := map[qda.ID]bool{}
		for _, d := range c.Documents {
			if d = m.resolve(d); docs[d] && !seen[d] {
				seen[d] = true
				ds = append(ds, d)
			}
		}
		c.Documents = ds
		return c
	}
	byID := map[qda.ID]qda.Case{}
	eachLive(m, qda.GoneCase, func(b *qda.Bundle) []qda.Case { return b.Cases }, func(c *qda.Case) (qda.ID, string) {
		c.ID = m.resolve(c.ID)
		return c.ID, c.Name
	}, func(_ int, c qda.Case) { m.foldCase(byID, norm(c)) })
	byName := map[string]qda.ID{}
	for _, id := range sortedKeys(byID) {
		c := byID[id]
		key := strings.ToLower(strings.TrimSpace(c.Name))
		into, ok := byName[key]
		if !ok {
			byName[key] = id
			continue
		}
		m.unify(qda.GoneCase, id, into, c.Name, "by name")
		delete(byID, id)
		c.ID = into
		m.foldCase(byID, c)
	}
	res := values(byID)
	sortByID(res, func(c *qda.Case) qda.ID { return c.ID })
	return res
}

func (m *merger) foldCase(byID map[qda.ID]qda.Case, c qda.Case) {
	foldVersion(byID, c.ID, c, func(win, lose *qda.Case) {
		m.report.conflict(qda.GoneCase, win.Name, "name, description or documents", win, lose)
	})
}

// values unites attribute values by what they are on and which attribute
// they give: the later edit wins. A value on a deleted case or document,
// or of a deleted attribute, goes with it.
func (m *merger) values(out *qda.Bundle) []qda.Value {
	owners := idSet(out.Documents, func(d *qda.Document) qda.ID { return d.ID })
	for _, c := range out.Cases {
		owners[c.ID] = true
	}
	vars := map[qda.ID]qda.Variable{}
	for _, v := range out.Variables {
		vars[v.ID] = v
	}
	type key struct{ owner, variable qda.ID }
	byKey := map[key]qda.Value{}
	for side, b := range []*qda.Bundle{m.ours, m.theirs} {
		for _, v := range b.Values {
			v.Owner, v.Variable, v.ModifiedBy = m.resolve(v.Owner), m.resolve(v.Variable), m.resolve(v.ModifiedBy)
			if _, ok := vars[v.Variable]; !ok || !owners[v.Owner] {
				if side == 1 {
					m.report.dropped("value", "what it was on is gone")
				}
				continue
			}
			k := key{v.Owner, v.Variable}
			o, ok := byKey[k]
			if !ok || o == v {
				byKey[k] = v
				continue
			}
			win, lose := o, v
			if wins(&v, &o) {
				win, lose = v, o
			}
			if win.Value != lose.Value && concurrent(&win, &lose) {
				m.report.conflict("value", vars[v.Variable].Name, fmt.Sprintf("%q over %q", win.Value, lose.Value), &win, &lose)
			}
			byKey[k] = win
		}
	}
	res := make([]qda.Value, 0, len(byKey))
	for _, v := range byKey {
		res = append(res, v)
	}
	sort.Slice(res, func(i, j int) bool {
		if res[i].Owner != res[j].Owner {
			return res[i].Owner < res[j].Owner
		}
		return res[i].Variable < res[j].Variable
	})
	return res
}

func idSet[T any](xs []T, id func(*T) qda.ID) map[qda.ID]bool {
	set := make(map[qda.ID]bool, len(xs))
	for i := range xs {
		set[id(&xs[i])] = true
	}
	return set
}
