package search

import (
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2/search/query"
)

// matcher finds one positive part of a query again in a hit's text, with the
// same analysis that indexed it, so the marked matches are exactly what made
// the unit a hit. Exactly one of its forms is set.
type matcher struct {
	terms  []string // any of these index terms (a word and its English forms)
	prefix string   // words starting with this
	fuzzy  string   // words within edits of this
	edits  int
	phrase []string // index terms at consecutive positions; "" is a position left open
}

// phraseMatcher builds the phrase for text. Words take one position each; in
// a run of CJK characters each character's position holds the pair it starts,
// and the run's last character is left open (the pair before it already pins
// it), so the phrase matches exactly where the characters stand side by side.
func phraseMatcher(text string) matcher {
	toks := tokens(text)
	first, last := 0, 0
	for _, t := range toks {
		if first == 0 || t.pos < first {
			first = t.pos
		}
		last = max(last, t.pos)
	}
	terms := make([]string, last-first+1)
	isPair := make([]bool, len(terms))
	for _, t := range toks {
		i := t.pos - first
		switch t.kind {
		case kindWord:
			terms[i] = t.term
		case kindPair:
			terms[i], isPair[i] = t.term, true
		}
	}
	for _, t := range toks {
		i := t.pos - first
		// A lone character, with no pair starting on it or ending on it.
		if t.kind == kindChar && !isPair[i] && (i == 0 || !isPair[i-1]) {
			terms[i] = t.term
		}
	}
	for len(terms) > 1 && terms[len(terms)-1] == "" {
		terms = terms[:len(terms)-1]
	}
	return matcher{phrase: terms}
}

// query returns the bleve query for a phrase matcher.
func (m matcher) query() query.Query {
	if len(m.phrase) == 1 {
		return term(fText, m.phrase[0])
	}
	return query.NewPhraseQuery(m.phrase, fText)
}

// span is a half-open range of byte offsets.
type span struct{ start, end int }

// findMatches returns the byte ranges in text that the matchers match, sorted
// and with overlaps merged.
func findMatches(text string, ms []matcher) []span {
	if len(ms) == 0 {
		return nil
	}
	toks := tokens(text)
	maxPos := 0
	for _, t := range toks {
		maxPos = max(maxPos, t.pos)
	}
	byPos := make([][]int32, maxPos+2)
	for i, t := range toks {
		byPos[t.pos] = append(byPos[t.pos], int32(i))
	}
	var out []span
	for _, m := range ms {
		if len(m.phrase) > 0 {
			out = m.findPhrase(toks, byPos, out)
			continue
		}
		for _, t := range toks {
			if m.matchToken(t) {
				out = append(out, span{t.start, t.end})
			}
		}
	}
	return mergeSpans(out)
}

func (m matcher) matchToken(t token) bool {
	switch {
	case m.terms != nil:
		for _, x := range m.terms {
			if t.term == x {
				return true
			}
		}
	case m.prefix != "":
		return t.kind == kindWord && strings.HasPrefix(t.term, m.prefix)
	case m.fuzzy != "":
		w := strings.TrimPrefix(t.term, stemMark)
		return (t.kind == kindWord || t.kind == kindStem) && editsWithin(m.fuzzy, w, m.edits)
	}
	return false
}

func (m matcher) findPhrase(toks []token, byPos [][]int32, out []span) []span {
	at := func(pos int, term string) (token, bool) {
		if pos >= len(byPos) {
			return token{}, false
		}
		for _, i := range byPos[pos] {
			if toks[i].term == term {
				return toks[i], true
			}
		}
		return token{}, false
	}
	for _, t := range toks {
		if t.term != m.phrase[0] {
			continue
		}
		sp, ok := span{t.start, t.end}, true
		for k := 1; k < len(m.phrase) && ok; k++ {
			if m.phrase[k] == "" {
				continue
			}
			var u token
			if u, ok = at(t.pos+k, m.phrase[k]); ok {
				sp.start, sp.end = min(sp.start, u.start), max(sp.end, u.end)
			}
		}
		if ok {
			out = append(out, sp)
		}
	}
	return out
}

func mergeSpans(s []span) []span {
	if len(s) < 2 {
		return s
	}
	sort.Slice(s, func(i, j int) bool { return s[i].start < s[j].start || s[i].start == s[j].start && s[i].end > s[j].end })
	out := s[:1]
	for _, x := range s[1:] {
		last := &out[len(out)-1]
		if x.start < last.end {
			last.end = max(last.end, x.end)
		} else {
			out = append(out, x)
		}
	}
	return out
}

// editsWithin reports whether a and b are within k edits (Levenshtein, in
// characters), stopping early once every path is past k.
func editsWithin(a, b string, k int) bool {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > k || -d > k {
		return false
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(rb); j++ {
			c := prev[j-1]
			if ra[i-1] != rb[j-1] {
				c++
			}
			c = min(c, prev[j]+1, cur[j-1]+1)
			cur[j] = c
			best = min(best, c)
		}
		if best > k {
			return false
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)] <= k
}
