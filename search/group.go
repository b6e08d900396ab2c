package search

import "coder/qda"

// Group is the hits of one document or one case, in the order they came.
type Group struct {
	Name string
	ID   qda.ID // the document's ID; empty for case groups
	Hits []Hit
	// Total counts the group's hits over the whole result when facets were
	// asked for, and the hits on this page otherwise.
	Total int
}

// ByDocument groups the page's hits by document, documents in order of their
// first hit. Memo hits not on a document are left out.
func (r *Result) ByDocument() []Group {
	totals := map[string]int{}
	if r.Facets != nil {
		for _, c := range r.Facets.Documents {
			totals[string(c.ID)] = c.Count
		}
	}
	return group(r.Hits, func(h Hit) []string {
		if h.DocumentID == "" {
			return nil
		}
		return []string{string(h.DocumentID)}
	}, func(key string, hs []Hit) Group {
		return Group{Name: hs[0].Document, ID: qda.ID(key), Hits: hs, Total: totals[key]}
	})
}

// ByCase groups the page's hits by case, cases in order of their first hit;
// a hit in a document of several cases appears in each. Hits in documents
// that belong to no case form a last group with an empty Name.
func (r *Result) ByCase() []Group {
	totals := map[string]int{}
	if r.Facets != nil {
		for _, c := range r.Facets.Cases {
			totals[c.Name] = c.Count
		}
		totals[""] = r.Facets.Uncased
	}
	gs := group(r.Hits, func(h Hit) []string {
		if len(h.Cases) == 0 {
			return []string{""}
		}
		return h.Cases
	}, func(key string, hs []Hit) Group {
		return Group{Name: key, Hits: hs, Total: totals[key]}
	})
	// The uncased group goes last, wherever its first hit was.
	for i, g := range gs {
		if g.Name == "" {
			gs = append(append(gs[:i:i], gs[i+1:]...), g)
			break
		}
	}
	return gs
}

func group(hits []Hit, keys func(Hit) []string, newGroup func(string, []Hit) Group) []Group {
	var order []string
	by := map[string][]Hit{}
	for _, h := range hits {
		for _, k := range keys(h) {
			if _, ok := by[k]; !ok {
				order = append(order, k)
			}
			by[k] = append(by[k], h)
		}
	}
	out := make([]Group, 0, len(order))
	for _, k := range order {
		g := newGroup(k, by[k])
		if g.Total == 0 {
			g.Total = len(g.Hits)
		}
		out = append(out, g)
	}
	return out
}
