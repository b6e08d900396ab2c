package assist

import (
	"context"
	"encoding/binary"
	"hash/maphash"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"

	"coder/analysis"
	"coder/qda"
)

// tally is one feature of a unit before weighting: its builder number and
// how often the unit has it.
type tally struct{ id, n int32 }

// Kinds of feature.
const (
	kindWord   = iota + 1 // one word's stem
	kindBigram            // two neighbouring words' stems
	kindGram              // a character trigram of a word, or two neighbouring Han characters
)

// featName says what a feature is: its kind and, for words and bigrams,
// the stems (numbers into the builder's stems).
type featName struct {
	kind uint8
	a, b int32
}

// Corpus is a project's documents cut into units and turned into TF-IDF
// vectors, built once and shared by every code's model. It is read-only
// once built, so goroutines may share it.
type Corpus struct {
	Units []Unit
	// The units' TF-IDF vectors, one after another: unit u's entries are
	// [off[u], off[u+1]) of steps and vals (see vec).
	steps []uint16
	vals  []float32
	off   []int32
	names []featName // feature id → what it is
	stems []string   // stem number → stem
	shown []string   // stem number → the surface form first seen
	texts map[qda.ID]runeText
	langs map[qda.ID]lang
	index map[qda.ID][]int // units of each document, in order
	words [][]int32        // each unit's word stems (for the baseline), slices of its document's
}

// vec returns unit u's TF-IDF vector, sorted by feature id: entry i is
// feature steps[0]+…+steps[i] with value vals[i]. A step longer than
// maxStep is taken in several, the ones before the last with value 0, which
// add nothing to a score nor change a weight in training. Six bytes an
// entry instead of eight: the vectors are most of an open project's cache.
func (c *Corpus) vec(u int) (steps []uint16, vals []float32) {
	s, e := c.off[u], c.off[u+1]
	return c.steps[s:e], c.vals[s:e:e]
}

const maxStep = math.MaxUint16

// appendEntry appends feature id with value v to the vector being built,
// whose last entry is feature *last.
func (c *Corpus) appendEntry(last *int32, id int32, v float32) {
	for id-*last > maxStep {
		*last += maxStep
		c.steps = append(c.steps, maxStep)
		c.vals = append(c.vals, 0)
	}
	c.steps = append(c.steps, uint16(id-*last))
	c.vals = append(c.vals, v)
	*last = id
}

// NewCorpus cuts docs (with their texts) into units and computes their
// features. progress, when not nil, is told how many documents are done; a
// cancelled ctx stops the work and returns its error.
func NewCorpus(ctx context.Context, docs []qda.Document, stop map[string]bool, progress func(done, total int)) (*Corpus, error) {
	return NewBuilder().Build(ctx, docs, stop, progress)
}

// Builder builds corpora again and again as a project changes, redoing only
// the documents whose text or passages changed since the last build. An
// open project keeps one, so the review queue opens at once after the
// first time. Its methods may be called from any goroutine.
type Builder struct {
	mu      sync.Mutex
	stopKey string
	seed    maphash.Seed
	docs    map[qda.ID]*docFeatures
	last    *Corpus
	lastKey uint64

	// Every feature and stem seen, by number; numbers are never reused.
	stemOf   [2]map[string]int32 // by language: word → stem number
	stemNum  map[string]int32    // stem → number
	stems    []string
	shown    []string
	wordFeat []int32 // stem number → feature number, -1 if none yet
	pairs    map[uint64]int32
	grams    map[uint64]int32
	kinds    []uint8 // feature number → kind; what a word or bigram is, its key in wordFeat or pairs says
	scratch  []int32
}

// docFeatures is one document's units and their feature counts, with a
// hash of what they were computed from. It is what an open project keeps
// of each document between builds, so it is kept small: the counts of all
// its units are in one byte array (see appendTallies), its units' stems in
// one int32 array, and its text as the string it came as.
type docFeatures struct {
	hash  uint64
	text  runeText
	lang  lang
	units []Unit
	feats []byte  // unit i's counts are feats[fends[i-1]:fends[i]]
	fends []int32 // (fends[-1] being 0)
	words []int32 // unit i's stems are words[wends[i-1]:wends[i]]
	wends []int32
}

// span returns the part [ends[i-1], ends[i]) of an array that ends cuts.
func span(ends []int32, i int) (int, int) {
	if i == 0 {
		return 0, int(ends[0])
	}
	return int(ends[i-1]), int(ends[i])
}

// appendTallies encodes a unit's counts (sorted by feature number) after
// buf: each as the difference from the previous number, doubled, plus one
// when a count other than one follows, as uvarints. Most features of a
// unit are seen once and a few thousand numbers from the last, so a count
// takes two or three bytes instead of eight.
func appendTallies(buf []byte, ts []tally) []byte {
	prev := int32(0)
	for _, t := range ts {
		d := uint64(t.id-prev) << 1
		prev = t.id
		if t.n == 1 {
			buf = binary.AppendUvarint(buf, d)
			continue
		}
		buf = binary.AppendUvarint(buf, d|1)
		buf = binary.AppendUvarint(buf, uint64(t.n))
	}
	return buf
}

// readTallies decodes what appendTallies encoded in buf into dst's
// array, reused.
func readTallies(buf []byte, dst []tally) []tally {
	dst = dst[:0]
	prev := int32(0)
	for i := 0; i < len(buf); {
		d, k := uvarint(buf[i:])
		i += k
		t := tally{id: prev + int32(d>>1), n: 1}
		if d&1 != 0 {
			n, k := uvarint(buf[i:])
			i += k
			t.n = int32(n)
		}
		prev = t.id
		dst = append(dst, t)
	}
	return dst
}

// uvarint is binary.Uvarint, quicker for the one- and two-byte numbers
// that most steps between a unit's features are.
func uvarint(b []byte) (uint64, int) {
	if b[0] < 0x80 {
		return uint64(b[0]), 1
	}
	if len(b) > 1 && b[1] < 0x80 {
		return uint64(b[0]&0x7f) | uint64(b[1])<<7, 2
	}
	return binary.Uvarint(b)
}

// unitTallies returns unit j's counts, decoded into buf's array.
func (f *docFeatures) unitTallies(j int, buf []tally) []tally {
	s, e := span(f.fends, j)
	return readTallies(f.feats[s:e], buf)
}

// NewBuilder returns an empty builder.
func NewBuilder() *Builder {
	b := &Builder{seed: maphash.MakeSeed()}
	b.reset()
	return b
}

func (b *Builder) reset() {
	b.docs = map[qda.ID]*docFeatures{}
	b.stemOf = [2]map[string]int32{{}, {}}
	b.stemNum = map[string]int32{}
	b.stems, b.shown, b.wordFeat, b.kinds = nil, nil, nil, nil
	b.pairs = map[uint64]int32{}
	b.grams = map[uint64]int32{}
	b.last = nil
}

// Build returns the corpus of docs, reusing what an earlier Build computed
// for documents whose text and passages are unchanged (and the whole
// corpus when nothing changed). A change of stop words starts afresh.
func (b *Builder) Build(ctx context.Context, docs []qda.Document, stop map[string]bool, progress func(done, total int)) (*Corpus, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if k := stopKey(stop); k != b.stopKey {
		b.reset()
		b.stopKey = k
	}
	var all maphash.Hash
	all.SetSeed(b.seed)
	hashes := make([]uint64, len(docs))
	for i := range docs {
		hashes[i] = b.docHash(&docs[i])
		all.WriteString(string(docs[i].ID))
		all.WriteByte(0)
		writeUint(&all, hashes[i])
	}
	key := all.Sum64()
	if b.last != nil && b.lastKey == key {
		if progress != nil {
			progress(len(docs), len(docs))
		}
		return b.last, nil
	}
	keep := make(map[qda.ID]*docFeatures, len(docs))
	for i := range docs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		d := &docs[i]
		f := b.docs[d.ID]
		if f == nil || f.hash != hashes[i] {
			f = b.featurizeDoc(d, stop)
			f.hash = hashes[i]
		}
		keep[d.ID] = f
		if progress != nil {
			progress(i+1, len(docs))
		}
	}
	b.docs = keep
	c := b.assemble(docs)
	b.last, b.lastKey = c, key
	return c, nil
}

func writeUint(h *maphash.Hash, v uint64) {
	var buf [8]byte
	for i := range buf {
		buf[i] = byte(v >> (8 * i))
	}
	h.Write(buf[:])
}

// docHash hashes what a document's units and features depend on: its text
// and passages.
func (b *Builder) docHash(d *qda.Document) uint64 {
	var h maphash.Hash
	h.SetSeed(b.seed)
	h.WriteString(d.Text)
	for _, p := range d.Passages {
		writeUint(&h, uint64(p.Span.Start)<<32|uint64(uint32(p.Span.End)))
	}
	return h.Sum64()
}

func stopKey(stop map[string]bool) string {
	ws := make([]string, 0, len(stop))
	for w, ok := range stop {
		if ok {
			ws = append(ws, w)
		}
	}
	slices.Sort(ws)
	return strings.Join(ws, "\x00")
}

// featurizeDoc cuts a document into units and counts their features. The
// text is tokenized once, and each unit gets the words inside it.
func (b *Builder) featurizeDoc(d *qda.Document, stop map[string]bool) *docFeatures {
	text := []rune(d.Text) // scratch for cutting; the string is kept
	toks := analysis.Tokenize(d.Text)
	f := &docFeatures{text: newRuneText(d.Text), lang: detectLang(toks)}
	var feats []byte
	var words []int32
	at := 0
	for _, u := range units(d, text) {
		for at < len(toks) && toks[at].Start < u.Span.Start {
			at++
		}
		end := at
		for end < len(toks) && toks[end].End <= u.Span.End {
			end++
		}
		counts, ws := b.featurize(text[u.Span.Start:u.Span.End], toks[at:end], f.lang, stop)
		at = end
		if len(counts) == 0 {
			continue
		}
		f.units = append(f.units, u)
		feats = appendTallies(feats, counts)
		f.fends = append(f.fends, int32(len(feats)))
		words = append(words, ws...)
		f.wends = append(f.wends, int32(len(words)))
	}
	// Exact-sized copies: what is kept is not what the appends reserved.
	f.feats = slices.Clone(feats)
	f.words = slices.Clone(words)
	f.units = slices.Clip(f.units)
	f.fends = slices.Clone(f.fends)
	f.wends = slices.Clone(f.wends)
	return f
}

// assemble weighs the documents' counts by TF-IDF into a corpus. Features
// seen in fewer than two units are dropped.
func (b *Builder) assemble(docs []qda.Document) *Corpus {
	df := make([]int32, len(b.kinds))
	var buf []tally // one unit's counts, decoded
	n := 0
	for i := range docs {
		f := b.docs[docs[i].ID]
		for j := range f.units {
			buf = f.unitTallies(j, buf)
			for _, t := range buf {
				df[t.id]++
			}
		}
		n += len(f.units)
	}
	ids := make([]int32, len(df))
	idf := make([]float64, len(df))
	kept, nk := 0, int32(0) // entries of the vectors (the units of every feature kept), features kept
	for i, k := range df {
		ids[i] = -1
		if k >= 2 {
			ids[i] = nk
			nk++
			idf[i] = math.Log(float64(n+1)/float64(k+1)) + 1
			kept += int(k)
		}
	}
	names := b.featNames(ids, nk)
	c := &Corpus{
		Units: make([]Unit, 0, n), off: make([]int32, 1, n+1), words: make([][]int32, 0, n),
		steps: make([]uint16, 0, kept+kept/64), vals: make([]float32, 0, kept+kept/64),
		names: names, stems: b.stems, shown: b.shown,
		texts: make(map[qda.ID]runeText, len(docs)), langs: make(map[qda.ID]lang, len(docs)), index: make(map[qda.ID][]int, len(docs)),
	}
	for i := range docs {
		id := docs[i].ID
		f := b.docs[id]
		c.texts[id], c.langs[id] = f.text, f.lang
		for j := range f.units {
			start := len(c.vals)
			last := int32(0)
			var norm float64
			buf = f.unitTallies(j, buf)
			for _, t := range buf {
				if ids[t.id] < 0 {
					continue
				}
				w := idf[t.id] // × 1 + log(count), which is 1 for the most, seen once
				if t.n != 1 {
					w = (1 + math.Log(float64(t.n))) * idf[t.id]
				}
				c.appendEntry(&last, ids[t.id], float32(w))
				norm += w * w
			}
			v := c.vals[start:]
			if len(v) == 0 {
				continue
			}
			norm = math.Sqrt(norm)
			for k := range v {
				v[k] = float32(float64(v[k]) / norm)
			}
			// The counts are in builder-number order and ids keep that
			// order, so v is sorted by id, as the models' sparse
			// arithmetic expects.
			c.index[id] = append(c.index[id], len(c.Units))
			c.Units = append(c.Units, f.units[j])
			c.off = append(c.off, int32(len(c.vals)))
			ws, we := span(f.wends, j)
			c.words = append(c.words, f.words[ws:we:we])
		}
	}
	if slack := cap(c.vals) - len(c.vals); slack > len(c.vals)/8 {
		c.steps, c.vals = slices.Clone(c.steps), slices.Clone(c.vals)
	}
	return c
}

// stem returns the number of a word's stem in language l, remembered.
func (b *Builder) stem(w string, l lang) int32 {
	if s, ok := b.stemOf[l][w]; ok {
		return s
	}
	st := l.stem(w)
	s, ok := b.stemNum[st]
	if !ok {
		s = int32(len(b.stems))
		b.stemNum[st] = s
		b.stems = append(b.stems, st)
		b.shown = append(b.shown, w)
		b.wordFeat = append(b.wordFeat, -1)
	}
	b.stemOf[l][w] = s
	return s
}

func (b *Builder) newFeature(n featName) int32 {
	id := int32(len(b.kinds))
	b.kinds = append(b.kinds, n.kind)
	return id
}

// featNames returns what each of the nk features kept is, by their numbers
// in ids (builder number → kept number, -1 if not kept): words from
// wordFeat, bigrams from the keys of pairs (the stems they join), which
// keep the builder from holding a name for each of its features.
func (b *Builder) featNames(ids []int32, nk int32) []featName {
	names := make([]featName, nk)
	for i, k := range b.kinds {
		if ids[i] >= 0 {
			names[ids[i]].kind = k
		}
	}
	for s, id := range b.wordFeat {
		if id >= 0 && ids[id] >= 0 {
			names[ids[id]].a = int32(s)
		}
	}
	for key, id := range b.pairs {
		if ids[id] >= 0 {
			names[ids[id]].a, names[ids[id]].b = int32(key>>32), int32(uint32(key))
		}
	}
	return names
}

func (b *Builder) wordFeature(s int32) int32 {
	if b.wordFeat[s] < 0 {
		b.wordFeat[s] = b.newFeature(featName{kind: kindWord, a: s})
	}
	return b.wordFeat[s]
}

func (b *Builder) keyed(m map[uint64]int32, key uint64, n featName) int32 {
	id, ok := m[key]
	if !ok {
		id = b.newFeature(n)
		m[key] = id
	}
	return id
}

// Keys of character features: three runes of 21 bits each for a trigram,
// and two with the top bit set for a pair of Han characters.
func gramKey(r0, r1, r2 rune) uint64 { return uint64(r0)<<42 | uint64(r1)<<21 | uint64(r2) }
func hanKey(r0, r1 rune) uint64      { return 1<<63 | uint64(r0)<<21 | uint64(r1) }

// featurize counts the features of a unit's text and words (sorted by
// number) and returns its word stems in order: word unigrams and bigrams
// of stems, character trigrams of each non-Han word (with ^ and $ at its
// ends), and every two neighbouring Han characters.
func (b *Builder) featurize(text []rune, toks []analysis.Token, l lang, stop map[string]bool) ([]tally, []int32) {
	ids := b.scratch[:0]
	var words []int32
	prev := int32(-1)
	for _, t := range toks {
		if l.stopped(t.Word, stop) || !hasLetter(t.Word) {
			prev = -1
			continue
		}
		s := b.stem(t.Word, l)
		words = append(words, s)
		ids = append(ids, b.wordFeature(s))
		if prev >= 0 {
			ids = append(ids, b.keyed(b.pairs, uint64(prev)<<32|uint64(s), featName{kind: kindBigram, a: prev, b: s}))
		}
		prev = s
		if !isHanWord(t.Word) {
			r0, r1 := '^', rune(-1)
			for _, r := range t.Word {
				if r1 >= 0 {
					ids = append(ids, b.keyed(b.grams, gramKey(r0, r1, r), featName{kind: kindGram}))
					r0 = r1
				}
				r1 = r
			}
			if r1 >= 0 {
				ids = append(ids, b.keyed(b.grams, gramKey(r0, r1, '$'), featName{kind: kindGram}))
			}
		}
	}
	// CJK bigrams: every two neighbouring Han characters, across the
	// segmenter's word boundaries, so a word it cut wrongly is still seen.
	prevHan := rune(-1)
	for _, r := range text {
		if r < 0x2e80 || !unicode.Is(unicode.Han, r) { // nothing below U+2E80 is Han
			prevHan = -1
			continue
		}
		if prevHan >= 0 {
			ids = append(ids, b.keyed(b.grams, hanKey(prevHan, r), featName{kind: kindGram}))
		}
		prevHan = r
	}
	b.scratch = ids
	if len(ids) == 0 {
		return nil, words
	}
	slices.Sort(ids)
	var out []tally
	for i := 0; i < len(ids); {
		j := i + 1
		for j < len(ids) && ids[j] == ids[i] {
			j++
		}
		out = append(out, tally{ids[i], int32(j - i)})
		i = j
	}
	return out, words
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
	return c.texts[u.Document].slice(u.Span.Start, u.Span.End)
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
	l := c.langs[u.Document]
	for _, t := range analysis.Tokenize(c.Text(u)) {
		if stems[l.stem(t.Word)] {
			out = append(out, qda.Span{Start: u.Span.Start + t.Start, End: u.Span.Start + t.End})
		}
	}
	return out
}

// Context returns up to n runes of a document's text before and after span,
// for showing a suggestion where it stands.
func (c *Corpus) Context(doc qda.ID, span qda.Span, n int) (before, after string) {
	t := c.texts[doc]
	s, e := max(0, min(span.Start, t.n)), max(0, min(span.End, t.n))
	return t.slice(s-n, s), t.slice(e, e+n)
}
