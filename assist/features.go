package assist

import (
	"context"
	"math"
	"sort"
	"strings"
	"unicode"

	"coder/analysis"
	"coder/qda"
)

// feature is one non-zero entry of a unit's TF-IDF vector.
type feature struct {
	id  int32
	val float32
}

// Corpus is a project's documents cut into units and turned into TF-IDF
// vectors, built once and shared by every code's model.
type Corpus struct {
	Units []Unit
	vecs  [][]feature
	names []string          // feature id → "w:stem", "b:stem stem", "c:gram"
	shown map[string]string // stem → the surface form first seen
	texts map[qda.ID][]rune // document texts
	index map[qda.ID][]int  // units of each document, in order
	words [][]string        // each unit's word stems (for the baseline)
}

// NewCorpus cuts docs (with their texts) into units and computes their
// features. progress, when not nil, is told how many documents are done; a
// cancelled ctx stops the work and returns its error.
func NewCorpus(ctx context.Context, docs []qda.Document, stop map[string]bool, progress func(done, total int)) (*Corpus, error) {
	c := &Corpus{shown: map[string]string{}, texts: map[qda.ID][]rune{}, index: map[qda.ID][]int{}}
	var counts []map[string]int
	df := map[string]int{}
	for i := range docs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		d := &docs[i]
		text := []rune(d.Text)
		c.texts[d.ID] = text
		for _, u := range units(d, text) {
			tf, stems := c.featurize(string(text[u.Span.Start:u.Span.End]), stop)
			if len(tf) == 0 {
				continue
			}
			c.index[d.ID] = append(c.index[d.ID], len(c.Units))
			c.Units = append(c.Units, u)
			c.words = append(c.words, stems)
			counts = append(counts, tf)
			for f := range tf {
				df[f]++
			}
		}
		if progress != nil {
			progress(i+1, len(docs))
		}
	}
	ids := map[string]int32{}
	var names []string
	for f, n := range df {
		if n >= 2 {
			names = append(names, f)
		}
	}
	sort.Strings(names)
	for i, f := range names {
		ids[f] = int32(i)
	}
	c.names = names
	n := float64(len(c.Units))
	c.vecs = make([][]feature, len(counts))
	for u, tf := range counts {
		v := make([]feature, 0, len(tf))
		var norm float64
		for f, k := range tf {
			id, ok := ids[f]
			if !ok {
				continue
			}
			w := (1 + math.Log(float64(k))) * (math.Log((n+1)/float64(df[f]+1)) + 1)
			v = append(v, feature{id, float32(w)})
			norm += w * w
		}
		norm = math.Sqrt(norm)
		for i := range v {
			v[i].val = float32(float64(v[i].val) / norm)
		}
		sort.Slice(v, func(i, j int) bool { return v[i].id < v[j].id })
		c.vecs[u] = v
	}
	return c, nil
}

// featurize counts a unit's features and returns its word stems in order.
func (c *Corpus) featurize(text string, stop map[string]bool) (map[string]int, []string) {
	tf := map[string]int{}
	var stems []string
	prev := ""
	for _, t := range analysis.Tokenize(text) {
		if stop[t.Word] || !hasLetter(t.Word) {
			prev = ""
			continue
		}
		s := analysis.Stem(t.Word)
		if _, ok := c.shown[s]; !ok {
			c.shown[s] = t.Word
		}
		stems = append(stems, s)
		tf["w:"+s]++
		if prev != "" {
			tf["b:"+prev+" "+s]++
		}
		prev = s
		if !isHanWord(t.Word) {
			r := []rune("^" + t.Word + "$")
			for i := 0; i+3 <= len(r); i++ {
				tf["c:"+string(r[i:i+3])]++
			}
		}
	}
	// CJK bigrams: every two neighbouring Han characters, across the
	// segmenter's word boundaries, so a word it cut wrongly is still seen.
	var run []rune
	flush := func() {
		for i := 0; i+2 <= len(run); i++ {
			tf["c:"+string(run[i:i+2])]++
		}
		run = run[:0]
	}
	for _, r := range text {
		if unicode.Is(unicode.Han, r) {
			run = append(run, r)
		} else {
			flush()
		}
	}
	flush()
	return tf, stems
}

func hasLetter(w string) bool { return strings.IndexFunc(w, unicode.IsLetter) >= 0 }

func isHanWord(w string) bool {
	for _, r := range w {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// Text returns a unit's text.
func (c *Corpus) Text(u Unit) string {
	t := c.texts[u.Document]
	return string(t[u.Span.Start:u.Span.End])
}

// covered marks the units that codings overlap.
func (c *Corpus) covered(codings []qda.Coding) []bool {
	out := make([]bool, len(c.Units))
	for _, k := range codings {
		for _, u := range c.index[k.Document] {
			if c.Units[u].Span.Overlaps(k.Span) {
				out[u] = true
			}
		}
	}
	return out
}

// unitAt returns the unit of doc with exactly this span, or -1.
func (c *Corpus) unitAt(doc qda.ID, span qda.Span) int {
	for _, u := range c.index[doc] {
		if c.Units[u].Span == span {
			return u
		}
	}
	return -1
}

// marks returns where in the document the words with these stems stand
// inside unit u.
func (c *Corpus) marks(u Unit, stems map[string]bool) []qda.Span {
	var out []qda.Span
	for _, t := range analysis.Tokenize(c.Text(u)) {
		if stems[analysis.Stem(t.Word)] {
			out = append(out, qda.Span{Start: u.Span.Start + t.Start, End: u.Span.Start + t.End})
		}
	}
	return out
}

// Context returns up to n runes of a document's text before and after span,
// for showing a suggestion where it stands.
func (c *Corpus) Context(doc qda.ID, span qda.Span, n int) (before, after string) {
	t := c.texts[doc]
	s, e := max(0, min(span.Start, len(t))), max(0, min(span.End, len(t)))
	return string(t[max(0, s-n):s]), string(t[e:min(len(t), e+n)])
}
