package analysis

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"coder/qda"
)

// Dimension is what a breakdown or a matrix has as rows: cases, documents,
// or the values of one attribute.
type Dimension struct {
	Kind string // "case", "doc" or "attr"
	Attr string // the attribute's name, for Kind "attr"
}

// ParseDimension reads case, doc or attr:NAME as the CLI takes them; ""
// is no breakdown.
func ParseDimension(s string) (Dimension, error) {
	switch low := strings.ToLower(strings.TrimSpace(s)); {
	case low == "":
		return Dimension{}, nil
	case low == "case" || low == "cases":
		return Dimension{Kind: "case"}, nil
	case low == "doc" || low == "docs" || low == "document" || low == "documents":
		return Dimension{Kind: "doc"}, nil
	case strings.HasPrefix(low, "attr:") && strings.TrimSpace(s[5:]) != "":
		return Dimension{Kind: "attr", Attr: strings.TrimSpace(strings.TrimSpace(s)[5:])}, nil
	}
	return Dimension{}, fmt.Errorf("%q is not a breakdown (use case, doc or attr:NAME)", s)
}

// String is the dimension as ParseDimension reads it.
func (dim Dimension) String() string {
	if dim.Kind == "attr" {
		return "attr:" + dim.Attr
	}
	return dim.Kind
}

// NoValue labels the row of documents outside every case, or without a
// value for the attribute.
const NoValue = "(none)"

// Group is one row of a breakdown: a case, a document or an attribute value,
// with the documents it holds.
type Group struct {
	Key   string // stable: "case:ID", "doc:ID", "attr:NAME=VALUE"; used for cell memos
	Label string
	docs  []int
}

// Documents returns how many documents the group holds.
func (g Group) Documents() int { return len(g.docs) }

// Groups lists the rows of a dimension. Cases come by name, empty cases
// included; documents by name; attribute values in order. Documents in no
// case, or without a value, make a last row named NoValue when there are any.
func (d *Data) Groups(dim Dimension) ([]Group, error) {
	var out []Group
	switch dim.Kind {
	case "":
		return nil, nil
	case "case":
		inSome := make([]bool, len(d.s.Documents))
		for ci, c := range d.s.Cases {
			g := Group{Key: "case:" + string(c.ID), Label: c.Name}
			for di := range d.s.Documents {
				for _, x := range d.cases[di] {
					if x == ci {
						g.docs = append(g.docs, di)
						inSome[di] = true
					}
				}
			}
			out = append(out, g)
		}
		sort.SliceStable(out, func(i, j int) bool { return strings.ToLower(out[i].Label) < strings.ToLower(out[j].Label) })
		rest := Group{Key: "case:", Label: NoValue}
		for di, in := range inSome {
			if !in {
				rest.docs = append(rest.docs, di)
			}
		}
		if len(rest.docs) > 0 {
			out = append(out, rest)
		}
	case "doc":
		for di, doc := range d.s.Documents {
			out = append(out, Group{Key: "doc:" + string(doc.ID), Label: doc.Name, docs: []int{di}})
		}
		sort.SliceStable(out, func(i, j int) bool { return strings.ToLower(out[i].Label) < strings.ToLower(out[j].Label) })
	case "attr":
		vals, name, err := d.attrValues(dim.Attr)
		if err != nil {
			return nil, err
		}
		byValue := map[string][]int{}
		var rest []int
		for di := range d.s.Documents {
			if len(vals[di]) == 0 {
				rest = append(rest, di)
			}
			for _, v := range vals[di] {
				byValue[v] = append(byValue[v], di)
			}
		}
		for v, docs := range byValue {
			out = append(out, Group{Key: "attr:" + name + "=" + v, Label: v, docs: docs})
		}
		sort.Slice(out, func(i, j int) bool { return lessValue(out[i].Label, out[j].Label) })
		if len(rest) > 0 {
			out = append(out, Group{Key: "attr:" + name + "=", Label: NoValue, docs: rest})
		}
	default:
		return nil, fmt.Errorf("%q is not a breakdown (use case, doc or attr:NAME)", dim.Kind)
	}
	return out, nil
}

// attrValues returns each document's distinct values of the attribute
// called name, sorted: its own (document attributes) or those of the cases
// holding it (case attributes). It returns the attribute's name as the project
// spells it.
func (d *Data) attrValues(name string) ([][]string, string, error) {
	vars := map[string]bool{}
	spelled := ""
	for _, v := range d.s.Variables {
		if strings.EqualFold(v.Name, strings.TrimSpace(name)) {
			vars[string(v.ID)] = true
			spelled = v.Name
		}
	}
	if spelled == "" {
		var names []string
		for _, v := range d.s.Variables {
			names = append(names, v.Name)
		}
		sort.Strings(names)
		hint := "the project has no attributes"
		if len(names) > 0 {
			hint = "attributes: " + strings.Join(names, ", ")
		}
		return nil, "", fmt.Errorf("attribute %q: no such attribute (%s)", name, hint)
	}
	// A document carries its own values and its cases': the rule of
	// qda.Filter, from the one place that states it.
	have := qda.DocAttributes(d.bundle())
	out := make([][]string, len(d.s.Documents))
	for di, doc := range d.s.Documents {
		for n, vs := range have[doc.ID] {
			if !strings.EqualFold(n, spelled) {
				continue
			}
			for _, v := range vs {
				if !slices.Contains(out[di], v) {
					out[di] = append(out[di], v)
				}
			}
		}
		sort.Strings(out[di])
	}
	return out, spelled, nil
}

// lessValue orders attribute values: numbers by value, then text.
func lessValue(a, b string) bool {
	x, ea := strconv.ParseFloat(a, 64)
	y, eb := strconv.ParseFloat(b, 64)
	if ea == nil && eb == nil && x != y {
		return x < y
	}
	return strings.ToLower(a) < strings.ToLower(b)
}

// docGroups maps each document to the groups holding it.
func docGroups(groups []Group, ndocs int) [][]int32 {
	out := make([][]int32, ndocs)
	for g, gr := range groups {
		for _, di := range gr.docs {
			out[di] = append(out[di], int32(g))
		}
	}
	return out
}
