package ui

import (
	"sort"

	"fyne.io/fyne/v2"
)

// This file maps between the two ways of naming a place in the text: rune
// offsets, which the document and the app speak, and points on the
// surface, which the pointer and the renderer speak.

// xs returns the x of every caret position in line li, relative to the
// start of the text: xs[k] is the left edge of rune start+k and xs[len] the
// end of the line.
func (l *layout) xs(li int, buf []float32) []float32 {
	ln := &l.lines[li]
	buf = append(buf[:0], 0)
	x := float32(0)
	for i := ln.start; i < ln.end; i++ {
		if i > ln.start {
			// Kerning moves the glyph itself, so it belongs before the edge.
			x += l.kern[i]
			buf[len(buf)-1] = x
		}
		x += l.advanceAt(i, ln.start, x) - l.kernAt(i, ln.start)
		buf = append(buf, x)
	}
	return buf
}

func (l *layout) kernAt(i, lineStart int) float32 {
	if i > lineStart {
		return l.kern[i]
	}
	return 0
}

// lineAtY returns the line drawn at height y, clamped to the first and last.
func (l *layout) lineAtY(y float32) int {
	i := sort.Search(len(l.lines), func(i int) bool { return l.lines[i].y > y }) - 1
	if i < 0 {
		return 0
	}
	if i+1 < len(l.lines) && l.lines[i+1].block != l.lines[i].block {
		// In the gap between blocks, the nearer line wins.
		b := &l.blocks[l.lines[i].block]
		bottom := l.lines[i].y + l.geo.pitch(b)
		if y > bottom && y-bottom > l.lines[i+1].y-y {
			return i + 1
		}
	}
	return i
}

// lineOf returns the line that shows offset: the last line starting at or
// before it.
func (l *layout) lineOf(offset int) int {
	i := sort.Search(len(l.lines), func(i int) bool { return l.lines[i].start > offset }) - 1
	if i < 0 {
		return 0
	}
	return i
}

// caretEnd is the last caret position in a line: before a hard newline, or
// at the end of the line (which is also the start of the next soft-wrapped one).
func (l *layout) caretEnd(li int) int {
	ln := &l.lines[li]
	if ln.end > ln.start && l.runes[ln.end-1] == '\n' {
		return ln.end - 1
	}
	return ln.end
}

// offsetAt maps a point in content coordinates to the nearest caret position.
func (l *layout) offsetAt(x, y float32, buf []float32) int {
	if len(l.lines) == 0 {
		return 0
	}
	li := l.lineAtY(y)
	ln := &l.lines[li]
	if y < l.lines[0].y {
		return ln.start
	}
	xs := l.xs(li, buf)
	x -= l.geo.textX()
	last := l.caretEnd(li) - ln.start
	// Binary search for the first boundary right of x, then pick the nearer
	// of it and the one before.
	k := sort.Search(last+1, func(k int) bool { return xs[k] > x })
	if k > last {
		return ln.start + last
	}
	if k > 0 && x-xs[k-1] < xs[k]-x {
		k--
	}
	for k > 0 && ln.start+k < len(l.cont) && l.cont[ln.start+k] {
		k--
	}
	return ln.start + k
}

// positionOf maps a caret position to the top-left of its glyph in content
// coordinates.
func (l *layout) positionOf(offset int, buf []float32) fyne.Position {
	if len(l.lines) == 0 {
		return fyne.NewPos(l.geo.textX(), l.geo.pad)
	}
	li := l.lineOf(offset)
	ln := &l.lines[li]
	k := offset - ln.start
	if k < 0 {
		k = 0
	}
	if end := l.caretEnd(li) - ln.start; k > end {
		k = end
	}
	xs := l.xs(li, buf)
	return fyne.NewPos(l.geo.textX()+xs[k], ln.y)
}

// visibleLines returns the lines [first, last) that intersect [top, bottom).
func (l *layout) visibleLines(top, bottom float32) (int, int) {
	first := l.lineAtY(top)
	if first > 0 && l.lines[first].y > top {
		first--
	}
	last := sort.Search(len(l.lines), func(i int) bool { return l.lines[i].y >= bottom })
	if last < first {
		last = first
	}
	return first, last
}

// runeAt returns the rune drawn under a point in content coordinates, or -1
// when the point is beside the text rather than on it.
func (l *layout) runeAt(x, y float32, buf []float32) int {
	if len(l.lines) == 0 {
		return -1
	}
	li := l.lineAtY(y)
	ln := &l.lines[li]
	if y < ln.y || y >= ln.y+l.geo.pitch(&l.blocks[ln.block]) {
		return -1
	}
	xs := l.xs(li, buf)
	x -= l.geo.textX()
	last := l.caretEnd(li) - ln.start
	if x < 0 || x >= xs[last] {
		return -1
	}
	k := sort.Search(last+1, func(k int) bool { return xs[k] > x }) - 1
	for k > 0 && l.cont[ln.start+k] {
		k--
	}
	return ln.start + k
}
