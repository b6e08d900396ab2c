package search

import (
	"strings"

	"github.com/blevesearch/bleve/v2/search/query"

	"coder/qda"
)

// compile turns a parsed query into a bleve query over the given unit kinds,
// and collects the matchers that find its terms again in a hit's text. dict
// expands words to their indexed forms.
func compile(q *Query, units []string, dict dictionary) (query.Query, []matcher, error) {
	c := compiler{dict: dict}
	var must []query.Query
	if len(units) == 1 {
		must = append(must, term(fType, units[0]))
	} else {
		var any []query.Query
		for _, u := range units {
			any = append(any, term(fType, u))
		}
		must = append(must, query.NewDisjunctionQuery(any))
	}
	if q.Root != nil {
		must = append(must, c.node(q.Root, false))
	}
	for _, f := range q.Filters {
		must = append(must, compileFilter(f))
	}
	if c.err != nil {
		return nil, nil, c.err
	}
	if len(must) == 1 {
		return must[0], c.matchers, nil
	}
	return query.NewConjunctionQuery(must), c.matchers, nil
}

type compiler struct {
	dict     dictionary
	matchers []matcher
	err      error
}

// node compiles one node. negated says the node sits under a '-', whose terms
// are not marked in snippets.
func (c *compiler) node(n Node, negated bool) query.Query {
	switch n := n.(type) {
	case And:
		var must, not []query.Query
		for _, x := range n.Clauses {
			if neg, ok := x.(Not); ok {
				not = append(not, c.node(neg.Clause, !negated))
			} else {
				must = append(must, c.node(x, negated))
			}
		}
		if len(must) == 0 {
			must = append(must, query.NewMatchAllQuery())
		}
		if len(not) == 0 {
			return query.NewConjunctionQuery(must)
		}
		return query.NewBooleanQuery(must, nil, not)
	case Or:
		var any []query.Query
		for _, x := range n.Clauses {
			any = append(any, c.node(x, negated))
		}
		return query.NewDisjunctionQuery(any)
	case Not:
		return query.NewBooleanQuery([]query.Query{query.NewMatchAllQuery()}, nil,
			[]query.Query{c.node(n.Clause, !negated)})
	case Filter:
		return compileFilter(n)
	case Phrase:
		return c.phrase(n.Text, false, negated)
	case Word:
		return c.word(n, negated)
	}
	return query.NewMatchNoneQuery()
}

func (c *compiler) add(m matcher, negated bool) {
	if !negated {
		c.matchers = append(c.matchers, m)
	}
}

func (c *compiler) phrase(text string, stemmed, negated bool) query.Query {
	m, err := phraseMatcher(text, c.dict, stemmed)
	if err != nil {
		c.err = err
		return query.NewMatchNoneQuery()
	}
	c.add(m, negated)
	return m.query()
}

// word: a single word matches all its English forms unless it is a prefix or
// fuzzy; a word that analysis splits into several positions (Chinese,
// "e-mail") is a phrase.
func (c *compiler) word(w Word, negated bool) query.Query {
	if hasCJK(w.Text) || wordCount(w.Text) > 1 {
		return c.phrase(w.Text, false, negated)
	}
	t := string(fold([]byte(w.Text)))
	if toks := tokens(w.Text); len(toks) > 0 {
		t = string(toks[0].term)
	}
	switch {
	case w.Prefix:
		c.add(matcher{prefix: t}, negated)
		q := query.NewPrefixQuery(t)
		q.SetField(fText)
		return q
	case w.Fuzzy > 0:
		c.add(matcher{fuzzy: t, edits: w.Fuzzy}, negated)
		q := query.NewFuzzyQuery(t)
		q.SetField(fText)
		q.SetFuzziness(w.Fuzzy)
		return q
	}
	return c.phrase(w.Text, true, negated)
}

func compileFilter(f Filter) query.Query {
	v := strings.ToLower(strings.TrimSpace(f.Value))
	switch f.Field {
	case "code":
		// A code and everything under it: the path itself, or the path and a '/'.
		p := query.NewPrefixQuery(v + "/")
		p.SetField(fCodeI)
		return query.NewDisjunctionQuery([]query.Query{term(fCodeI, v), p})
	case "case":
		return term(fCaseI, v)
	case "kind":
		return term(fKind, v)
	case "speaker":
		return term(fSpeaker, v)
	case "coder":
		return term(fCoderI, v)
	case "doc":
		if id, err := qda.ParseID(f.Value); err == nil {
			return term(fDoc, string(id))
		}
		p := query.NewPrefixQuery(v)
		p.SetField(fDocName)
		return p
	case "attr":
		n, val, _ := strings.Cut(f.Value, "=")
		return term(fAttr, attrTerm(n, val))
	}
	return query.NewMatchNoneQuery()
}

// inDocuments narrows q to the units of docs (none when docs is empty).
func inDocuments(q query.Query, docs map[qda.ID]bool) query.Query {
	in := []query.Query{query.NewMatchNoneQuery()}
	for id := range docs {
		in = append(in, term(fDoc, string(id)))
	}
	return query.NewConjunctionQuery([]query.Query{q, query.NewDisjunctionQuery(in)})
}

func term(field, t string) *query.TermQuery {
	q := query.NewTermQuery(t)
	q.SetField(field)
	return q
}

// tokens analyses s and returns its tokens.
func tokens(s string) []token {
	var ts []token
	tokenize([]byte(s), func(t token) { ts = append(ts, t) })
	return ts
}
