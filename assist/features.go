package assist

import (
	"context"
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

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

	// While building: every feature seen, by name, and the stems of words.
	vocab map[string]int32
	stems map[string]string
	buf   []byte
}

// NewCorpus cuts docs (with their texts) into units and computes their
// features. progress, when not nil, is told how many documents are done; a
// cancelled ctx stops the work and returns its error.
func NewCorpus(ctx context.Context, docs []qda.Document, stop map[string]bool, progress func(done, total int)) (*Corpus, error) {
	c := &Corpus{shown: map[string]string{}, texts: map[qda.ID][]rune{}, index: map[qda.ID][]int{},
		vocab: map[string]int32{}, stems: map[string]string{}}
	var counts []map[int32]int
	var df []int32
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
				for int(f) >= len(df) {
					df = append(df, 0)
				}
				df[f]++
			}
		}
		if progress != nil {
			progress(i+1, len(docs))
		}
	}
	// Features seen in fewer than two units are dropped; the rest are
	// numbered again in name order.
	all := make([]string, len(c.vocab))
	for f, id := range c.vocab {
		all[id] = f
	}
	var names []string
	for id, f := range all {
		if df[id] >= 2 {
			names = append(names, f)
		}
	}
	sort.Strings(names)
	ids := make([]int32, len(all))
	for i := range ids {
		ids[i] = -1
	}
	for i, f := range names {
		ids[c.vocab[f]] = int32(i)
	}
	c.names = names
	c.vocab, c.stems, c.buf = nil, nil, nil
	n := float64(len(c.Units))
	c.vecs = make([][]feature, len(counts))
	for u, tf := range counts {
		v := make([]feature, 0, len(tf))
		var norm float64
		for f, k := range tf {
			id := ids[f]
			if id < 0 {
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

// count adds one to the feature named by kind and parts; the name is built
// in a reused buffer so a feature seen before costs no allocation.
func (c *Corpus) count(tf map[int32]int, kind byte, parts ...string) {
	b := append(c.buf[:0], kind, ':')
	for i, p := range parts {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, p...)
	}
	c.buf = b
	id, ok := c.vocab[string(b)]
	if !ok {
		id = int32(len(c.vocab))
		c.vocab[string(b)] = id
	}
	tf[id]++
}

// stem returns a word's stem, remembered.
func (c *Corpus) stem(w string) string {
	s, ok := c.stems[w]
	if !ok {
		s = analysis.Stem(w)
		c.stems[w] = s
	}
	return s
}

// featurize counts a unit's features and returns its word stems in order.
func (c *Corpus) featurize(text string, stop map[string]bool) (map[int32]int, []string) {
	tf := map[int32]int{}
	var stems []string
	prev := ""
	for _, t := range analysis.Tokenize(text) {
		if stop[t.Word] || !hasLetter(t.Word) {
			prev = ""
			continue
		}
		s := c.stem(t.Word)
		if _, ok := c.shown[s]; !ok {
			c.shown[s] = t.Word
		}
		stems = append(stems, s)
		c.count(tf, 'w', s)
		if prev != "" {
			c.count(tf, 'b', prev, s)
		}
		prev = s
		if !isHanWord(t.Word) {
			w := "^" + t.Word + "$"
			for i := 0; i < len(w); {
				_, n1 := utf8.DecodeRuneInString(w[i:])
				j := i + n1
				if j >= len(w) {
					break
				}
				_, n2 := utf8.DecodeRuneInString(w[j:])
				if j+n2 >= len(w) {
					break
				}
				_, n3 := utf8.DecodeRuneInString(w[j+n2:])
				c.count(tf, 'c', w[i:j+n2+n3])
				i = j
			}
		}
	}
	// CJK bigrams: every two neighbouring Han characters, across the
	// segmenter's word boundaries, so a word it cut wrongly is still seen.
	prevHan := -1
	for i, r := range text {
		if !unicode.Is(unicode.Han, r) {
			prevHan = -1
			continue
		}
		if prevHan >= 0 {
			c.count(tf, 'c', text[prevHan:i+utf8.RuneLen(r)])
		}
		prevHan = i
	}
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
