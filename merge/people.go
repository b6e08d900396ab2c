package merge

import (
	"encoding/json"
	"strings"

	"coder/qda"
)

// coders unites coders by ID, then by name: the same name is the same
// person, whichever copy first wrote them.
func (m *merger) coders() []qda.Coder {
	byID := map[qda.ID]qda.Coder{}
	for _, b := range []*qda.Bundle{m.ours, m.theirs} {
		for _, c := range b.Coders {
			c.ID = m.resolve(c.ID)
			if o, ok := byID[c.ID]; !ok || jsonLess(o, c) {
				byID[c.ID] = c
			}
		}
	}
	byName := map[string]qda.ID{}
	for _, id := range sortedKeys(byID) {
		c := byID[id]
		key := strings.TrimSpace(c.Name)
		if first, ok := byName[key]; ok {
			m.unify(qda.GoneCoder, id, first, c.Name, "by name")
			delete(byID, id)
			continue
		}
		byName[key] = id
	}
	out := values(byID)
	sortByID(out, func(c *qda.Coder) qda.ID { return c.ID })
	return out
}

// variables unites attributes by ID, then by scope and name.
func (m *merger) variables() []qda.Variable {
	byID := map[qda.ID]qda.Variable{}
	for _, b := range []*qda.Bundle{m.ours, m.theirs} {
		for _, v := range b.Variables {
			v.ID = m.resolve(v.ID)
			if o, ok := byID[v.ID]; !ok || jsonLess(o, v) {
				byID[v.ID] = v
			}
		}
	}
	byName := map[string]qda.ID{}
	for _, id := range sortedKeys(byID) {
		v := byID[id]
		key := string(v.Scope) + "\x00" + strings.ToLower(strings.TrimSpace(v.Name))
		if first, ok := byName[key]; ok {
			m.unify(qda.GoneVariable, id, first, v.Name, "by name")
			delete(byID, id)
			continue
		}
		byName[key] = id
	}
	out := values(byID)
	sortByID(out, func(v *qda.Variable) qda.ID { return v.ID })
	return out
}

// jsonLess orders two records that carry no edit stamp by their encoding,
// so that of two differing copies the same one is kept either way round.
func jsonLess(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) < string(y)
}

func sortedKeys[T any](m map[qda.ID]T) []qda.ID {
	keys := make([]qda.ID, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sortByID(keys, func(id *qda.ID) qda.ID { return *id })
	return keys
}

func values[T any](m map[qda.ID]T) []T {
	out := make([]T, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	return out
}
