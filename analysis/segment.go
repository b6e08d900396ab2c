package analysis

import (
	"bytes"
	"compress/gzip"
	_ "embed" // the Chinese dictionary
	"io"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/english"
)

// zhDict is gse's simplified Chinese dictionary (from jieba,
// MIT; gse, Apache-2.0; 350,000 words), gzipped: 2 MB in the binary instead of the 38 MB
// that gse's own embedded dictionaries (with Japanese) would add.
//
//go:embed dict/zh.txt.gz
var zhDict []byte

var (
	segOnce sync.Once
	seg     *zhWords
	segErr  error
)

// segmenter loads the Chinese dictionary once per process, so programs
// that never meet Chinese text never pay for it.
func segmenter() (*zhWords, error) {
	segOnce.Do(func() {
		zr, err := gzip.NewReader(bytes.NewReader(zhDict))
		if err != nil {
			segErr = err
			return
		}
		b, err := io.ReadAll(zr)
		if err != nil {
			segErr = err
			return
		}
		seg = loadZhWords(string(b))
	})
	return seg, segErr
}

// Token is one word of a text: its lower-cased form and where it stands, in
// runes [Start, End).
type Token struct {
	Word       string
	Start, End int
}

// Tokenize splits text into words: runs of Han characters are segmented into
// Chinese words with a dictionary (gse, jieba's dictionary, with its HMM for
// words the dictionary lacks); other letters and digits form words split at
// anything else, keeping apostrophes and hyphens inside a word. English words
// are lower-cased. Tokens made only of digits are left out.
func Tokenize(text string) []Token {
	return tokenizeRunes([]rune(text), 0)
}

// tokenizeRunes tokenizes r, whose first rune stands at offset base.
func tokenizeRunes(r []rune, base int) []Token {
	var out []Token
	for i := 0; i < len(r); {
		switch c := r[i]; {
		case isHan(c):
			j := i + 1
			for j < len(r) && isHan(r[j]) {
				j++
			}
			out = appendHan(out, r[i:j], base+i)
			i = j
		case isWordRune(c):
			j := i + 1
			for j < len(r) && !isHan(r[j]) {
				if isWordRune(r[j]) || isJoiner(r[j]) && j+1 < len(r) && isWordRune(r[j+1]) && !isHan(r[j+1]) {
					j++
					continue
				}
				break
			}
			if w := latinWord(r[i:j]); w != "" {
				out = append(out, Token{Word: w, Start: base + i, End: base + j})
			}
			i = j
		default:
			i++
		}
	}
	return out
}

// appendHan segments one run of Han characters starting at rune offset at.
// Without a dictionary (it failed to load) each character is a word.
func appendHan(out []Token, run []rune, at int) []Token {
	s, err := segmenter()
	if err != nil || s == nil {
		for k := range run {
			out = append(out, Token{Word: string(run[k]), Start: at + k, End: at + k + 1})
		}
		return out
	}
	pos := at
	for _, w := range s.cut(string(run)) {
		n := utf8.RuneCountInString(w)
		if n == 0 {
			continue
		}
		out = append(out, Token{Word: w, Start: pos, End: pos + n})
		pos += n
	}
	return out
}

// HanWordAt returns the Chinese word, as Tokenize segments it, that holds
// the rune at i of run, a run of Han characters: its bounds [start, end) in
// runes of run. Out of range, it is the empty span at i.
func HanWordAt(run []rune, i int) (start, end int) {
	if i < 0 || i >= len(run) {
		return i, i
	}
	for _, w := range appendHan(nil, run, 0) {
		if w.Start <= i && i < w.End {
			return w.Start, w.End
		}
	}
	return i, i + 1
}

// LoadChinese reads the Chinese dictionary now, if no one has yet, so that
// the first segmentation does not wait for it; run it off the event goroutine.
func LoadChinese() { _, _ = segmenter() }

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// isJoiner is punctuation that stays inside a word: don't, co-operate.
func isJoiner(r rune) bool { return r == '\'' || r == '’' || r == '-' }

// latinWord lower-cases a word; numbers alone are no word.
func latinWord(r []rune) string {
	letter := false
	for _, c := range r {
		if unicode.IsLetter(c) {
			letter = true
			break
		}
	}
	if !letter {
		return ""
	}
	w := strings.ToLower(string(r))
	return strings.ReplaceAll(w, "’", "'")
}

// Stem returns the Snowball (Porter2) English stem of a lower-case word;
// short words and words with anything but ASCII letters are their own stems.
func Stem(w string) string {
	if len(w) < 4 {
		return w
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; c < 'a' || c > 'z' {
			return w
		}
	}
	env := snowballstem.NewEnv(w)
	english.Stem(env)
	return env.Current()
}
