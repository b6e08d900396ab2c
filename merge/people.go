package merge

import (
	"encoding/json"
	"strings"

	"coder/qda"
)

// coders unites coders by ID, then by name: the same name is the same
// person, whichever copy first wrote them.
func (m *merger) coders() []qda.Coder {
	return uniteByName(m, qda.GoneCoder, func(b *qda.Bundle) []qda.Coder { return b.Coders },
		func(c *qda.Coder) *qda.ID { return &c.ID },
		func(c *qda.Coder) string { return strings.TrimSpace(c.Name) },
		func(c *qda.Coder) string { return c.Name })
}

// variables unites attributes by ID, then by scope and name.
func (m *merger) variables() []qda.Variable {
	return uniteByName(m, qda.GoneVariable, func(b *qda.Bundle) []qda.Variable { return b.Variables },
		func(v *qda.Variable) *qda.ID { return &v.ID },
		func(v *qda.Variable) string {
			return string(v.Scope) + "\x00" + strings.ToLower(strings.TrimSpace(v.Name))
		},
		func(v *qda.Variable) string { return v.Name })
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
