package ui

import (
	"fyne.io/fyne/v2/theme"
)

// selBox is the part of one line the selection covers, in surface
// coordinates.
type selBox struct {
	x1, x2, top, bottom float32
}

// selection paints the selection: the theme's selection colour inside,
// and an outline in the theme's primary colour around the whole selected
// shape. Code fills are translucent and have no outline, so a blue code
// never looks like selected text.
func (r *surfaceRenderer) selection(boxes []selBox) {
	t := r.s.t
	fill := theme.ColorForWidget(theme.ColorNameSelection, t)
	edge := theme.ColorForWidget(theme.ColorNamePrimary, t)
	const w = 1.5
	for _, b := range boxes {
		r.rect(fill, nil, b.x1, b.top, b.x2-b.x1, b.bottom-b.top)
	}
	for i, b := range boxes {
		r.rect(edge, nil, b.x1, b.top, w, b.bottom-b.top)
		r.rect(edge, nil, b.x2-w, b.top, w, b.bottom-b.top)
		// Top and bottom edges only where the line above or below does not
		// continue the selection, so a selection over several lines reads
		// as one shape.
		var above, below *selBox
		if i > 0 && touches(boxes[i-1].bottom, b.top) {
			above = &boxes[i-1]
		}
		if i+1 < len(boxes) && touches(b.bottom, boxes[i+1].top) {
			below = &boxes[i+1]
		}
		for _, seg := range uncovered(b, above) {
			r.rect(edge, nil, seg[0], b.top, seg[1]-seg[0], w)
		}
		for _, seg := range uncovered(b, below) {
			r.rect(edge, nil, seg[0], b.bottom-w, seg[1]-seg[0], w)
		}
	}
}

func touches(a, b float32) bool { return a-b < 0.5 && b-a < 0.5 }

// uncovered returns the parts of b's width that other does not cover.
func uncovered(b selBox, other *selBox) [][2]float32 {
	if other == nil || other.x2 <= b.x1 || other.x1 >= b.x2 {
		return [][2]float32{{b.x1, b.x2}}
	}
	var segs [][2]float32
	if other.x1 > b.x1 {
		segs = append(segs, [2]float32{b.x1, other.x1})
	}
	if other.x2 < b.x2 {
		segs = append(segs, [2]float32{other.x2, b.x2})
	}
	return segs
}
