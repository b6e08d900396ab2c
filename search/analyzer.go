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

// stemMark prefixes the English stem token indexed beside a word whose stem
// differs from it. Segmented words never contain '#', so a stem token can
// never collide with a word and prefix queries on words never reach stems.
const stemMark = "#"

func init() {
	registry.RegisterAnalyzer(analyzerName, func(map[string]interface{}, *registry.Cache) (analysis.Analyzer, error) {
		return textAnalyzer{}, nil
	})
}

// textAnalyzer turns text into index terms in one pass, in the order Unicode
// word segmentation finds them:
//   - Latin, Cyrillic and other spaced-script words are width-folded and
//     lower-cased; when the English stem differs, a stem token (stemMark+stem)
//     follows at the same position, so "mobilise" finds "mobilised".
//   - CJK characters each take their own position and are indexed alone
//     (so a one-character query matches) and as a pair with the next character
//     when the two are adjacent in the text (so a longer query is a phrase of
//     pairs, which matches exactly the passages that contain that string).
//
// One position per word or per CJK character is what keeps phrase queries exact.
type textAnalyzer struct{}

// token is one analysed term with its byte offsets in the analysed text.
type token struct {
	term       string
	start, end int // bytes
	pos        int // 1-based position; stems and pairs share their word's or first character's
	kind       tokenKind
}

type tokenKind uint8

const (
	kindWord tokenKind = iota // a Latin (or other spaced-script) word or a number
	kindStem                  // the stem token beside a word
	kindChar                  // one CJK character
	kindPair                  // two adjacent CJK characters
)

// Analyze implements analysis.Analyzer for bleve.
func (textAnalyzer) Analyze(input []byte) analysis.TokenStream {
	var out analysis.TokenStream
	tokenize(input, func(t token) {
		typ := analysis.AlphaNumeric
		switch t.kind {
		case kindChar:
			typ = analysis.Ideographic
		case kindPair:
			typ = analysis.Double
		}
		out = append(out, &analysis.Token{
			Term:     []byte(t.term),
			Start:    t.start,
			End:      t.end,
			Position: t.pos,
			Type:     typ,
		})
	})
	return out
}

// tokenize runs the analysis and hands each token to emit. Search-time
// matching calls it directly so hits are found by the very same rules.
func tokenize(input []byte, emit func(token)) {
	seg := segment.NewWordSegmenterDirect(input)
	start, pos := 0, 1
	// prev is the CJK character just before, while it is adjacent to the next one.
	prevChar, prevStart := "", -1
	for seg.Segment() {
		b := seg.Bytes()
		end := start + len(b)
		switch seg.Type() {
		case segment.None:
			prevStart = -1
		case segment.Ideo, segment.Kana:
			for i := 0; i < len(b); {
				_, n := utf8.DecodeRune(b[i:])
				s, e := start+i, start+i+n
				ch := fold(b[i : i+n])
				emit(token{term: ch, start: s, end: e, pos: pos, kind: kindChar})
				if prevStart >= 0 {
					emit(token{term: prevChar + ch, start: prevStart, end: e, pos: pos - 1, kind: kindPair})
				}
				prevChar, prevStart = ch, s
				pos++
				i += n
			}
		default:
			prevStart = -1
			w := fold(b)
			emit(token{term: w, start: start, end: end, pos: pos, kind: kindWord})
			if seg.Type() == segment.Letter {
				if st := stem(w); st != w {
					emit(token{term: stemMark + st, start: start, end: end, pos: pos, kind: kindStem})
				}
			}
			pos++
		}
		start = end
	}
}

// fold width-folds (full-width Latin to ASCII, half-width kana to full) and
// lower-cases a segment. ASCII, by far the commonest case, takes a fast path.
func fold(b []byte) string {
	ascii := true
	upper := false
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
			return string(b)
		}
		out := make([]byte, len(b))
		for i, c := range b {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			out[i] = c
		}
		return string(out)
	}
	return strings.ToLower(width.Fold.String(string(b)))
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
