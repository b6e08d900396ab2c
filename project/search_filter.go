package project

import (
	"strings"

	"coder/qda"
	"coder/search"
	"coder/store"
)

// documentFilter takes the query's top-level case:, doc: and attr: filters
// out of it and returns them as the one coding filter (qda.Filter), so that
// search narrows by the same rule as Retrieve and the exports: filters of one
// kind are alternatives (case:A case:B finds passages in either case),
// different kinds must all hold. ok is false when the query has none.
// Filters inside OR or NOT stay with the search index.
func documentFilter(tx *store.Tx, q *search.Query) (f qda.Filter, meta *qda.Bundle, ok bool, err error) {
	var kept, taken []search.Filter
	for _, sf := range q.Filters {
		switch sf.Field {
		case "case", "doc", "attr":
			taken = append(taken, sf)
		default:
			kept = append(kept, sf)
		}
	}
	if len(taken) == 0 {
		return f, nil, false, nil
	}
	if meta, err = filterMeta(tx); err != nil {
		return f, nil, false, err
	}
	// A name that matches nothing must still narrow (to nothing): an
	// ID that no entity has stands for it.
	const none = qda.ID("none")
	for _, sf := range taken {
		v := strings.TrimSpace(sf.Value)
		switch sf.Field {
		case "case":
			n := len(f.Cases)
			for _, c := range meta.Cases {
				if strings.EqualFold(c.Name, v) {
					f.Cases = append(f.Cases, c.ID)
				}
			}
			if len(f.Cases) == n {
				f.Cases = append(f.Cases, none)
			}
		case "doc":
			// As the index reads doc: a document's ID, or the start of its name.
			n := len(f.Documents)
			id, idErr := qda.ParseID(v)
			for _, d := range meta.Documents {
				if (idErr == nil && d.ID == id) || (idErr != nil && strings.HasPrefix(strings.ToLower(d.Name), strings.ToLower(v))) {
					f.Documents = append(f.Documents, d.ID)
				}
			}
			if len(f.Documents) == n {
				f.Documents = append(f.Documents, none)
			}
		case "attr":
			c, err := qda.ParseAttrCond(v)
			if err != nil {
				return f, nil, false, err
			}
			f.Attrs = append(f.Attrs, c)
		}
	}
	q.Filters = kept
	return f, meta, true, nil
}

// narrowSearch applies the query's document filters (see documentFilter) as
// the set of documents the search may return hits from.
func (p *Project) narrowSearch(q *search.Query, opt *search.Options) error {
	return p.view(func(tx *store.Tx) error {
		f, meta, ok, err := documentFilter(tx, q)
		if err != nil || !ok {
			return err
		}
		keep := f.On(meta)
		opt.Documents = map[qda.ID]bool{}
		for _, d := range meta.Documents {
			if keep.Document(d.ID) {
				opt.Documents[d.ID] = true
			}
		}
		return nil
	})
}
