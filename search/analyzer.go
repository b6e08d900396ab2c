package search

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/blevesearch/segment"
	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/english"
	"golang.org/x/text/width"
)

// analyzerName names the text analyzer in the index mapping. The version suffix
// changes whenever the tokens it produces change, so an index built by an older
// Coder is seen as incompatible and rebuilt rather than silently missing hits.
const analyzerName = "coder_text_v1"

func init() {
	registry.RegisterAnalyzer(analyzerName, func(map[string]interface{}, *registry.Cache) (analysis.Analyzer, error) {
		return textAnalyzer{}, nil
	})
}

// textAnalyzer turns text into index terms in one pass, in the order Unicode
// word segmentation finds them:
//   - Latin, Cyrillic and other spaced-script words are width-folded and
//     lower-cased, one position each. English stemming happens at query time
//     (see expandWord), which keeps the index a third smaller than indexing a
//     stem beside every word.
//   - CJK characters each take their own position. Each character is indexed
//     as the pair it forms with the next character when the two stand side by
//     side, and a character that ends a run (nothing CJK adjacent after it) is
//     indexed alone. So every occurrence of a character c starts some term,
//     and a query for c is the set of terms starting with c; a longer query is
//     a phrase of pairs, which matches exactly where the characters stand
//     together. One term per character instead of two (pair and single)
//     halves the work for Chinese text.
type textAnalyzer struct{}

// token is one analysed term with its byte offsets in the analysed text.
// term aliases the analysed text wherever analysis leaves the bytes as they
// are (most words, every CJK character and pair), so indexing allocates
// little; treat it as read-only.
type token struct {
	term       []byte
	start, end int // bytes
	pos        int // 1-based position; stems and pairs share their word's or first character's
	kind       tokenKind
}

type tokenKind uint8

const (
	kindWord tokenKind = iota // a Latin (or other spaced-script) word or a number
	kindChar                  // one CJK character that ends a run
	kindPair                  // two adjacent CJK characters
)

// Analyze implements analysis.Analyzer for bleve.
func (textAnalyzer) Analyze(input []byte) analysis.TokenStream {
	// Tokens come from one slab: one allocation instead of one per token.
	slab := make([]analysis.Token, 0, len(input)/4+4)
	out := make(analysis.TokenStream, 0, cap(slab))
	tokenize(input, func(t token) {
		typ := analysis.AlphaNumeric
		switch t.kind {
		case kindChar:
			typ = analysis.Ideographic
		case kindPair:
			typ = analysis.Double
		}
		if len(slab) == cap(slab) {
			slab = make([]analysis.Token, 0, 256)
		}
		slab = append(slab, analysis.Token{Term: t.term, Start: t.start, End: t.end, Position: t.pos, Type: typ})
		out = append(out, &slab[len(slab)-1])
	})
	return out
}

// tokenize runs the analysis and hands each token to emit. Search-time
// matching calls it directly so hits are found by the very same rules.
func tokenize(input []byte, emit func(token)) {
	seg := segment.NewWordSegmenterDirect(input)
	start, pos := 0, 1
	// The previous CJK character, while a run is open.
	var prev token
	open := false
	closeRun := func() {
		if open {
			emit(prev)
			open = false
		}
	}
	for seg.Segment() {
		b := seg.Bytes()
		end := start + len(b)
		switch seg.Type() {
		case segment.None:
			closeRun()
		case segment.Ideo, segment.Kana:
			for i := 0; i < len(b); {
				_, n := utf8.DecodeRune(b[i:])
				ch := token{term: fold(b[i : i+n]), start: start + i, end: start + i + n, pos: pos, kind: kindChar}
				if open && prev.end == ch.start {
					emit(token{term: pair(input, prev, ch), start: prev.start, end: ch.end, pos: prev.pos, kind: kindPair})
				} else {
					closeRun()
				}
				prev, open = ch, true
				pos++
				i += n
			}
		default:
			closeRun()
			emit(token{term: fold(b), start: start, end: end, pos: pos, kind: kindWord})
			pos++
		}
		start = end
	}
	closeRun()
}

// pair returns the term of two adjacent characters: the input's own bytes
// when folding left both as they were.
func pair(input []byte, a, b token) []byte {
	if string(a.term) == string(input[a.start:a.end]) && string(b.term) == string(input[b.start:b.end]) {
		return input[a.start:b.end:b.end]
	}
	return append(append(make([]byte, 0, len(a.term)+len(b.term)), a.term...), b.term...)
}

// fold width-folds (full-width Latin to ASCII, half-width kana to full) and
// lower-cases a segment. Lower-case ASCII, and CJK ideographs, which neither
// fold touches, come back as they are, without a copy.
func fold(b []byte) []byte {
	ascii, upper := true, false
	for _, c := range b {
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if 'A' <= c && c <= 'Z' {
			upper = true
		}
	}
	if ascii {
		if !upper {
			return b[:len(b):len(b)]
		}
		out := make([]byte, len(b))
		for i, c := range b {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			out[i] = c
		}
		return out
	}
	if r, n := utf8.DecodeRune(b); n == len(b) && unicode.Is(unicode.Han, r) {
		return b[:len(b):len(b)]
	}
	return []byte(strings.ToLower(width.Fold.String(string(b))))
}

// stemCache memoises English stems: a corpus has a few tens of thousands of
// distinct words, and the Snowball stemmer allocates on every call. The cache
// stops growing at stemCacheMax entries so an odd corpus cannot exhaust memory.
var (
	stemCache     sync.Map
	stemCacheSize atomic.Int64
)

const stemCacheMax = 200_000

// stem returns the Snowball (Porter2) English stem of a lower-case word.
// Words with anything but letters (numbers, apostrophes) and short words are
// their own stems.
func stem(w string) string {
	if len(w) < 4 {
		return w
	}
	if s, ok := stemCache.Load(w); ok {
		return s.(string)
	}
	for _, r := range w {
		if !unicode.IsLetter(r) || r >= 0x250 {
			return w
		}
	}
	env := snowballstem.NewEnv(w)
	english.Stem(env)
	s := env.Current()
	if stemCacheSize.Load() < stemCacheMax {
		stemCache.Store(w, s)
		stemCacheSize.Add(1)
	}
	return s
}
