package assist

import "unicode/utf8"

// runeStep is how many runes apart a runeText remembers byte offsets.
const runeStep = 64

// runeText is a document's text kept as its string, sliced by rune
// offsets: a quarter of the memory of its runes. A text of one-byte runes
// is sliced directly; any other has the byte offset of every runeStep-th
// rune, and slicing walks at most runeStep-1 runes from one.
type runeText struct {
	s     string
	n     int     // runes
	marks []int32 // byte offset of rune i*runeStep; nil when every rune is a byte
}

func newRuneText(s string) runeText {
	t := runeText{s: s, n: utf8.RuneCountInString(s)}
	if t.n == len(s) {
		return t
	}
	t.marks = make([]int32, 0, t.n/runeStep+1)
	i := 0
	for at := range s {
		if i%runeStep == 0 {
			t.marks = append(t.marks, int32(at))
		}
		i++
	}
	return t
}

// byteAt returns the byte offset of rune i (0 ≤ i ≤ n).
func (t runeText) byteAt(i int) int {
	if i >= t.n {
		return len(t.s)
	}
	if t.marks == nil {
		return i
	}
	at := int(t.marks[i/runeStep])
	for k := i % runeStep; k > 0; k-- {
		_, size := utf8.DecodeRuneInString(t.s[at:])
		at += size
	}
	return at
}

// slice returns runes [start,end) of the text, clamped to it.
func (t runeText) slice(start, end int) string {
	start, end = max(0, min(start, t.n)), max(0, min(end, t.n))
	if start >= end {
		return ""
	}
	return t.s[t.byteAt(start):t.byteAt(end)]
}
