package search

import (
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2/search/query"
)

// matcher finds one positive part of a query again in a hit's text, with the
// same analysis that indexed it, so the marked matches are exactly what made
// the unit a hit. A word is a phrase of one slot.
type matcher struct {
	slots  []slot // consecutive positions
	prefix string // or: words starting with this
	fuzzy  string // or: words within edits of this
	edits  int
}

// slot is one position of a phrase.
type slot struct {
	terms []string // any of these terms; nil leaves the position open
	open  bool     // the position is open (a CJK character pinned by the pair before it)
	// lone is the byte length of a CJK character standing alone in the query;
	// its terms are the pairs it starts, of which only the character is marked.
	lone int
	set  map[string]bool // terms, for lookup while matching
}

// phraseMatcher builds the matcher for text, a phrase (or a word analysis
// splits into several positions). Words take one position each and match
// every form sharing their stem only as single words; in a phrase they match
// exactly. In a run of CJK characters each position holds the pair the
// character starts; the run's last character is left open when a pair
// already pins it, and a lone character expands to every term it starts.
func phraseMatcher(text string, dict dictionary, stemmed bool) (matcher, error) {
	toks := tokens(text)
	if len(toks) == 0 {
		return matcher{}, nil
	}
	first, last := toks[0].pos, toks[0].pos
	for _, t := range toks {
		first, last = min(first, t.pos), max(last, t.pos)
	}
	slots := make([]slot, last-first+1)
	isPair := make([]bool, len(slots))
	var err error
	for _, t := range toks {
		i := t.pos - first
		switch t.kind {
		case kindWord:
			if stemmed && len(toks) == 1 {
				slots[i].terms, err = expandWord(dict, string(t.term))
			} else {
				slots[i].terms = []string{string(t.term)}
			}
		case kindPair:
			slots[i].terms, isPair[i] = []string{string(t.term)}, true
		}
		if err != nil {
			return matcher{}, err
		}
	}
	for _, t := range toks {
		i := t.pos - first
		if t.kind != kindChar || isPair[i] {
			continue
		}
		if i > 0 && isPair[i-1] {
			slots[i].open = true
			continue
		}
		if slots[i].terms, err = expandChar(dict, string(t.term)); err != nil {
			return matcher{}, err
		}
		slots[i].lone = len(t.term)
	}
	for len(slots) > 1 && slots[len(slots)-1].open {
		slots = slots[:len(slots)-1]
	}
	for i := range slots {
		slots[i].set = make(map[string]bool, len(slots[i].terms))
		for _, t := range slots[i].terms {
			slots[i].set[t] = true
		}
	}
	return matcher{slots: slots}, nil
}

// query returns the bleve query for a phrase matcher.
func (m matcher) query() query.Query {
	for _, s := range m.slots {
		if !s.open && len(s.terms) == 0 {
			return query.NewMatchNoneQuery() // a word or character the index has never seen
		}
	}
	if len(m.slots) == 1 {
		ts := m.slots[0].terms
		if len(ts) == 1 {
			return term(fText, ts[0])
		}
		any := make([]query.Query, len(ts))
		for i, t := range ts {
			any[i] = term(fText, t)
		}
		return query.NewDisjunctionQuery(any)
	}
	terms := make([][]string, len(m.slots))
	for i, s := range m.slots {
		if s.open {
			terms[i] = []string{""}
		} else {
			terms[i] = s.terms
		}
	}
	return query.NewMultiPhraseQuery(terms, fText)
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
		switch {
		case m.prefix != "":
			for _, t := range toks {
				if t.kind == kindWord && strings.HasPrefix(string(t.term), m.prefix) {
					out = append(out, span{t.start, t.end})
				}
			}
		case m.fuzzy != "":
			for _, t := range toks {
				if t.kind == kindWord && editsWithin(m.fuzzy, string(t.term), m.edits) {
					out = append(out, span{t.start, t.end})
				}
			}
		case len(m.slots) > 0:
			out = m.findPhrase(toks, byPos, out)
		}
	}
	return mergeSpans(out)
}

// at finds a token at pos whose term is one of the slot's, and returns the
// bytes it contributes to a match.
func (s slot) at(toks []token, byPos [][]int32, pos int) (span, bool) {
	if pos >= len(byPos) {
		return span{}, false
	}
	for _, i := range byPos[pos] {
		if t := toks[i]; s.set[string(t.term)] {
			if s.lone > 0 {
				return span{t.start, t.start + s.lone}, true
			}
			return span{t.start, t.end}, true
		}
	}
	return span{}, false
}

func (m matcher) findPhrase(toks []token, byPos [][]int32, out []span) []span {
	for p := 1; p < len(byPos); p++ {
		sp, ok := m.slots[0].at(toks, byPos, p)
		for k := 1; k < len(m.slots) && ok; k++ {
			if m.slots[k].open {
				continue
			}
			var u span
			if u, ok = m.slots[k].at(toks, byPos, p+k); ok {
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
