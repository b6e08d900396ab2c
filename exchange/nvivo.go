package exchange

import (
	"strings"
	"unicode/utf8"

	"coder/qda"
)

// posUnit is what a producer counts when it writes startPosition and
// endPosition.
type posUnit int

const (
	// unitCodePoint is what the REFI-QDA standard prescribes: Unicode code
	// points of the plain text file, from zero.
	unitCodePoint posUnit = iota
	// unitUTF16 is what NVivo writes: UTF-16 code units of the raw text, CRLF
	// counted as two, the byte order mark not counted. Characters outside the
	// Basic Multilingual Plane (emoji) count twice, so unconverted positions
	// drift further right with every emoji before them.
	unitUTF16
)

func (u posUnit) String() string {
	if u == unitUTF16 {
		return "UTF-16 code units"
	}
	return "code points"
}

// unitFor decides how a producer counts positions from the Project element's
// origin attribute. Only NVivo is known to depart from the standard.
func unitFor(origin string) posUnit {
	if strings.Contains(strings.ToLower(origin), "nvivo") {
		return unitUTF16
	}
	return unitCodePoint
}

// positioner carries selection positions written over a raw source text to
// rune offsets in the normalised text Coder stores.
type positioner struct {
	unit  posUnit
	norm  offsetMap // raw rune offset -> normalised rune offset
	u16   []int     // UTF-16 offset -> raw rune offset at or before it
	raw   int       // raw text length in the producer's unit
	runes int       // raw text length in runes
}

// newPositioner prepares conversions for raw, the source text as the
// producer stored it less any byte order mark, which no producer counts; m is
// normalizeWithMap's map for the same raw text.
func newPositioner(raw string, unit posUnit, m offsetMap) *positioner {
	p := &positioner{unit: unit, norm: m, runes: utf8.RuneCountInString(raw)}
	p.raw = p.runes
	if unit == unitUTF16 {
		p.u16 = make([]int, 0, len(raw)+1)
		i := 0
		for _, r := range raw {
			p.u16 = append(p.u16, i)
			if r >= 0x10000 {
				p.u16 = append(p.u16, i) // the low surrogate belongs to the same rune
			}
			i++
		}
		p.u16 = append(p.u16, i)
		p.raw = len(p.u16) - 1
	}
	return p
}

// rawRune converts a position in the producer's unit to a raw rune offset. An
// end that falls between the two halves of a surrogate pair is moved past the
// whole character so the selection keeps it.
func (p *positioner) rawRune(pos int, end bool) int {
	if p.unit != unitUTF16 {
		return pos
	}
	pos = max(0, min(pos, p.raw))
	r := p.u16[pos]
	if end && pos > 0 && p.u16[pos-1] == r && pos < p.raw {
		r++
	}
	return r
}

// span converts a selection to a span over the normalised text. ok is false
// when nothing of the selection is left (it was empty, reversed or wholly past
// the end of the text); fromStart reports that a negative start was moved to
// the text's beginning, cutEnd that an end past the text was cut at its end.
func (p *positioner) span(start, end int) (s qda.Span, fromStart, cutEnd, ok bool) {
	fromStart, cutEnd = start < 0, end > p.raw
	a := p.norm.at(p.rawRune(max(0, start), false))
	b := p.norm.at(p.rawRune(min(end, p.raw), true))
	if b <= a {
		return qda.Span{}, fromStart, cutEnd, false
	}
	return qda.Span{Start: a, End: b}, fromStart, cutEnd, true
}
