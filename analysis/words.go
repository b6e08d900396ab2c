package analysis

import (
	"sort"

	"coder/qda"
)

// Excerpt is a stretch of one document's text that words are counted in: the
// whole text, or one coded segment. Start and End are rune offsets into Text.
type Excerpt struct {
	Doc        qda.ID
	DocName    string
	Text       string // the document's whole text
	Start, End int
}

// WordOptions says how words are counted.
type WordOptions struct {
	// Stem counts English words by their Snowball stem, so that "mobilised"
	// and "mobilising" are one entry, shown in its most frequent form.
	Stem bool
	// Stop holds lower-cased words left out (see StopWords.Set).
	Stop map[string]bool
	// Limit keeps the first Limit entries; 0 keeps all.
	Limit int
}

// WordCount is one entry of a word list: how often a word occurs and in how
// many documents.
type WordCount struct {
	Word      string `json:"word"`
	Count     int    `json:"count"`
	Documents int    `json:"documents"`
}

// WordFrequencies counts the words in the excerpts, most frequent first (ties
// in word order). Overlapping excerpts of one document count each word once.
func WordFrequencies(ex []Excerpt, opt WordOptions) []WordCount {
	type entry struct {
		count, docs int
		lastDoc     int
		forms       map[string]int // surface forms, when stemming
	}
	counts := map[string]*entry{}
	for di, doc := range byDocument(ex) {
		for _, t := range doc.tokens() {
			if opt.Stop[t.Word] {
				continue
			}
			key := t.Word
			if opt.Stem {
				key = Stem(t.Word)
			}
			e := counts[key]
			if e == nil {
				e = &entry{lastDoc: -1}
				counts[key] = e
			}
			e.count++
			if e.lastDoc != di {
				e.lastDoc = di
				e.docs++
			}
			if opt.Stem && key != t.Word {
				if e.forms == nil {
					e.forms = map[string]int{}
				}
				e.forms[t.Word]++
			}
		}
	}
	out := make([]WordCount, 0, len(counts))
	for key, e := range counts {
		out = append(out, WordCount{Word: displayForm(key, e.count, e.forms), Count: e.count, Documents: e.docs})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Word < out[j].Word
	})
	if opt.Limit > 0 && len(out) > opt.Limit {
		out = out[:opt.Limit]
	}
	return out
}

// displayForm names a stemmed entry by its most frequent surface form (the
// stem itself counts as a form for the tokens that were already stems).
func displayForm(stem string, total int, forms map[string]int) string {
	best, bestN := stem, total
	for _, n := range forms {
		bestN -= n
	}
	for f, n := range forms {
		if n > bestN || n == bestN && f < best {
			best, bestN = f, n
		}
	}
	return best
}

// docExcerpts is one document's text with the merged spans to read in it.
type docExcerpts struct {
	doc   qda.ID
	name  string
	text  string
	spans []qda.Span // sorted, disjoint
}

// tokens tokenizes the document's spans, each token inside one span.
func (d docExcerpts) tokens() []Token {
	r := []rune(d.text)
	var out []Token
	for _, s := range d.spans {
		start, end := clamp(s.Start, len(r)), clamp(s.End, len(r))
		if start < end {
			out = append(out, tokenizeRunes(r[start:end], start)...)
		}
	}
	return out
}

func clamp(i, n int) int { return min(max(i, 0), n) }

// byDocument groups excerpts by document, in first-seen order, and merges
// overlapping or touching spans so no text is read twice.
func byDocument(ex []Excerpt) []docExcerpts {
	var out []docExcerpts
	at := map[qda.ID]int{}
	for _, e := range ex {
		i, ok := at[e.Doc]
		if !ok {
			i = len(out)
			at[e.Doc] = i
			out = append(out, docExcerpts{doc: e.Doc, name: e.DocName, text: e.Text})
		}
		out[i].spans = append(out[i].spans, qda.Span{Start: e.Start, End: e.End})
	}
	for i := range out {
		out[i].spans = mergeSpans(out[i].spans)
	}
	return out
}

// mergeSpans sorts spans and joins those that overlap or touch.
func mergeSpans(s []qda.Span) []qda.Span {
	sort.Slice(s, func(i, j int) bool { return s[i].Start < s[j].Start })
	var out []qda.Span
	for _, x := range s {
		if n := len(out); n > 0 && x.Start <= out[n-1].End {
			out[n-1].End = max(out[n-1].End, x.End)
			continue
		}
		out = append(out, x)
	}
	return out
}
