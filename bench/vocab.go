package bench

import (
	"math/rand"
	"strings"
	"sync"
)

// A real corpus of 100 MB uses tens of thousands of words, most of them
// rarely; with only the hand-written lists every word would be in half the
// passages and every query would be a worst case. So the generator draws
// content words from a large vocabulary ranked by a Zipf law: invented words
// made of syllables (or of CJK characters), with the hand-written words
// placed among them at spaced ranks, from common to rare, where real talk
// would put them.

// entry is one vocabulary item: a word, or the forms of a verb (one is
// chosen each time), or a fixed phrase.
type entry []string

const (
	vocabSize    = 24000
	vocabFirst   = 12 // rank of the first hand-written word
	vocabSpacing = 23 // ranks between hand-written words
)

var syllables = strings.Fields(`ba be bi bo bu da de di do du fa fe fi fo ga ge gi go
	ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po pu ra re
	ri ro ru sa se si so su ta te ti to tu va ve vi vo za ze zo bar den fal gor hin
	kel lom mar nis pel rin sol tam ven wil yor zan ster tran plo cre dra`)

var (
	vocabOnce sync.Once
	vocabEN   []entry
	vocabZH   []entry
)

// vocabularies builds both vocabularies once, from a fixed seed: they are part
// of the corpus definition, not of a run.
func vocabularies() ([]entry, []entry) {
	vocabOnce.Do(func() {
		var hand []entry
		for _, n := range enNouns {
			hand = append(hand, entry{n})
		}
		for _, v := range enVerbs {
			hand = append(hand, entry(v))
		}
		for _, a := range enAdjectives {
			hand = append(hand, entry{a})
		}
		for _, p := range enPhrases {
			hand = append(hand, entry{p})
		}
		r := rand.New(rand.NewSource(20260101))
		r.Shuffle(len(hand), func(i, j int) { hand[i], hand[j] = hand[j], hand[i] })
		vocabEN = interleave(hand, func(seen map[string]bool) string {
			for {
				var b strings.Builder
				for k := 1 + r.Intn(3); k >= 0; k-- {
					b.WriteString(syllables[r.Intn(len(syllables))])
				}
				if w := b.String(); !seen[w] {
					return w
				}
			}
		})

		hand = hand[:0]
		chars := map[rune]bool{}
		for _, w := range append(append([]string{}, zhWords...), zhPhrases...) {
			hand = append(hand, entry{w})
			for _, c := range w {
				chars[c] = true
			}
		}
		r.Shuffle(len(hand), func(i, j int) { hand[i], hand[j] = hand[j], hand[i] })
		// Invented words are pairs and triples of characters from the common
		// block of CJK Unified Ideographs, skewed towards its start as
		// character frequencies are.
		charZipf := rand.NewZipf(r, 1.05, 8, 3000)
		vocabZH = interleave(hand, func(seen map[string]bool) string {
			for {
				var b strings.Builder
				for k := 2 + r.Intn(2); k > 0; k-- {
					b.WriteRune(rune(0x4E00 + charZipf.Uint64()*7))
				}
				if w := b.String(); !seen[w] {
					return w
				}
			}
		})
	})
	return vocabEN, vocabZH
}

// interleave places the hand-written entries at spaced ranks among invented
// words, up to vocabSize entries.
func interleave(hand []entry, invent func(seen map[string]bool) string) []entry {
	out := make([]entry, 0, vocabSize)
	seen := map[string]bool{}
	for _, e := range hand {
		for _, w := range e {
			seen[w] = true
		}
	}
	next := 0
	for len(out) < vocabSize {
		if next < len(hand) && len(out) == vocabFirst+next*vocabSpacing {
			out = append(out, hand[next])
			next++
			continue
		}
		w := invent(seen)
		seen[w] = true
		out = append(out, entry{w})
	}
	return out
}
