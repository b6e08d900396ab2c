package search

import (
	"strings"

	"github.com/blevesearch/bleve/v2/search/query"

	"coder/qda"
)

// compile turns a parsed query into a bleve query over the given unit kinds,
// and collects the matchers that find its terms again in a hit's text.
func compile(q *Query, units []string) (query.Query, []matcher) {
	var ms []matcher
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
		must = append(must, compileNode(q.Root, &ms, false))
	}
	for _, f := range q.Filters {
		must = append(must, compileFilter(f))
	}
	if len(must) == 1 {
		return must[0], ms
	}
	return query.NewConjunctionQuery(must), ms
}

// compileNode compiles one node. negated says the node sits under a '-', whose
// terms are not marked in snippets.
func compileNode(n Node, ms *[]matcher, negated bool) query.Query {
	switch n := n.(type) {
	case And:
		var must, not []query.Query
		for _, c := range n.Clauses {
			if x, ok := c.(Not); ok {
				not = append(not, compileNode(x.Clause, ms, !negated))
			} else {
				must = append(must, compileNode(c, ms, negated))
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
		for _, c := range n.Clauses {
			any = append(any, compileNode(c, ms, negated))
		}
		return query.NewDisjunctionQuery(any)
	case Not:
		return query.NewBooleanQuery([]query.Query{query.NewMatchAllQuery()}, nil,
			[]query.Query{compileNode(n.Clause, ms, !negated)})
	case Filter:
		return compileFilter(n)
	case Phrase:
		m := phraseMatcher(n.Text)
		addMatcher(ms, m, negated)
		return m.query()
	case Word:
		return compileWord(n, ms, negated)
	}
	return query.NewMatchNoneQuery()
}

func addMatcher(ms *[]matcher, m matcher, negated bool) {
	if !negated {
		*ms = append(*ms, m)
	}
}

// compileWord: a word that analysis splits into several positions (Chinese,
// "e-mail") is a phrase; a single word matches all its English forms unless it
// is a prefix or fuzzy.
func compileWord(w Word, ms *[]matcher, negated bool) query.Query {
	if hasCJK(w.Text) || wordCount(w.Text) > 1 {
		m := phraseMatcher(w.Text)
		addMatcher(ms, m, negated)
		return m.query()
	}
	t := fold([]byte(w.Text))
	if toks := tokens(w.Text); len(toks) > 0 {
		t = toks[0].term
	}
	switch {
	case w.Prefix:
		addMatcher(ms, matcher{prefix: t}, negated)
		q := query.NewPrefixQuery(t)
		q.SetField(fText)
		return q
	case w.Fuzzy > 0:
		addMatcher(ms, matcher{fuzzy: t, edits: w.Fuzzy}, negated)
		q := query.NewFuzzyQuery(t)
		q.SetField(fText)
		q.SetFuzziness(w.Fuzzy)
		return q
	}
	m := matcher{terms: wordTerms(t)}
	addMatcher(ms, m, negated)
	if len(m.terms) == 1 {
		return term(fText, m.terms[0])
	}
	return query.NewDisjunctionQuery([]query.Query{term(fText, m.terms[0]), term(fText, m.terms[1])})
}

// wordTerms lists the index terms of every word sharing w's English stem s:
// the stem token that words differing from their stem carry, and the word s
// itself when s is its own stem (only then is a plain s one of those words).
func wordTerms(w string) []string {
	s := stem(w)
	if stem(s) == s {
		return []string{stemMark + s, s}
	}
	return []string{stemMark + s}
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
