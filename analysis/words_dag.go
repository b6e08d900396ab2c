package analysis

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/go-ego/gse/hmm"
)

// zhWords is jieba's word list as its segmentation reads it: each word's
// frequency, and every beginning of a word with frequency 0, so that
// extending a candidate word stops as soon as no word starts so. It is the
// same computation as gse's Cut with HMM (jieba's): the dictionary lookup
// gse does through a trie, with a string made for every candidate and maps
// for the DAG, is here a lookup of a slice of the text in one map, and
// gse's HMM is still what splits runs of characters the dictionary does not
// join. The words it returns are slices of the text given.
type zhWords struct {
	freq     map[string]float64
	logTotal float64
}

// loadZhWords reads the dictionary text ("word freq tag" a line) by gse's
// rules: lines without a frequency, or one under 2, are left out; a
// one-character word counts 2 whatever its line says; the first line of a
// word (ASCII letters lower-cased) wins; the total counts every word kept.
func loadZhWords(dict string) *zhWords {
	z := &zhWords{freq: make(map[string]float64, 600_000)}
	total := 0.0
	for dict != "" {
		var line string
		line, dict, _ = strings.Cut(dict, "\n")
		fields := strings.Split(line, " ")
		if len(fields) < 2 {
			continue
		}
		word := strings.TrimSpace(fields[0])
		f, err := strconv.ParseFloat(strings.TrimSpace(fields[1]), 64)
		if err != nil || f < 2 || word == "" {
			continue
		}
		if utf8.RuneCountInString(word) < 2 {
			f = 2
		}
		key := asciiLower(word)
		if old := z.freq[key]; old > 0 {
			continue
		}
		z.freq[key] = f
		total += f
		for i := range key {
			if i > 0 {
				if _, ok := z.freq[key[:i]]; !ok {
					z.freq[key[:i]] = 0
				}
			}
		}
	}
	z.logTotal = math.Log(total)
	hmm.LoadModel()
	return z
}

func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// cut segments a run of Han characters: the most probable path through the
// words the dictionary has (jieba's DAG), with runs of single characters
// that form no dictionary word handed to the HMM.
func (z *zhWords) cut(s string) []string {
	off := make([]int, 0, len(s)/3+1)
	for i := range s {
		off = append(off, i)
	}
	n := len(off)
	off = append(off, len(s))
	// best[i], end[i]: the best path's log probability from rune i, and
	// where its first word ends (inclusive).
	best := make([]float64, n+1)
	end := make([]int, n+1)
	for k := n - 1; k >= 0; k-- {
		first := true
		try := func(i int, logF float64) {
			v := logF - z.logTotal + best[i+1]
			if first || best[k] < v || best[k] == v && end[k] < i {
				best[k], end[k], first = v, i, false
			}
		}
		for i := k; i < n; i++ {
			f, ok := z.freq[s[off[k]:off[i+1]]]
			if !ok {
				break
			}
			if f > 0 {
				try(i, math.Log(f))
			}
		}
		if first {
			// No word starts here: the character alone, as gse weighs it
			// (log 0 when it only begins words, log 1 when it is unknown).
			f, ok := z.freq[s[off[k]:off[k+1]]]
			if !ok {
				f = 1
			}
			try(k, math.Log(f))
		}
	}
	out := make([]string, 0, n/2+1)
	buf := -1 // where the pending single characters start
	flush := func(to int) {
		if buf < 0 {
			return
		}
		chunk := s[off[buf]:off[to]]
		switch f := z.freq[chunk]; {
		case to-buf == 1:
			out = append(out, chunk)
		case f == 0:
			out = append(out, hmm.Cut(chunk)...)
		default:
			for j := buf; j < to; j++ {
				out = append(out, s[off[j]:off[j+1]])
			}
		}
		buf = -1
	}
	for x := 0; x < n; {
		y := end[x] + 1
		if y-x == 1 {
			if buf < 0 {
				buf = x
			}
		} else {
			flush(x)
			out = append(out, s[off[x]:off[y]])
		}
		x = y
	}
	flush(n)
	return out
}
