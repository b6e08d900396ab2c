package ingest

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
)

// pdfRuns joins glyphs, in content-stream order, into runs. A new run
// starts when the baseline moves, the pen goes backwards, or the gap to the
// next glyph is wider than a word space could be. Spaces are inserted at
// gaps when the PDF draws none.
func pdfRuns(glyphs []pdf.Text) []*pdfRun {
	var runs []*pdfRun
	var cur *pdfRun
	for _, g := range glyphs {
		if g.S == "" || math.IsNaN(g.X) || math.IsNaN(g.Y) || math.IsInf(g.X, 0) || math.IsInf(g.Y, 0) {
			continue
		}
		size := math.Abs(g.FontSize)
		if size < 1 || size > 500 {
			size = 10
		}
		if cur != nil {
			gap := g.X - cur.x1
			sameLine := math.Abs(g.Y-cur.y) < size*0.4
			if sameLine && gap > -size*0.5 && gap < size*1.2 {
				if gap > size*0.15 && !strings.HasSuffix(cur.text.String(), " ") && g.S != " " {
					cur.text.WriteByte(' ')
				}
				cur.text.WriteString(g.S)
				cur.x1 = math.Max(cur.x1, g.X+g.W)
				continue
			}
		}
		if strings.TrimSpace(g.S) == "" {
			continue
		}
		cur = &pdfRun{x0: g.X, x1: g.X + g.W, y: g.Y, size: size}
		cur.text.WriteString(g.S)
		runs = append(runs, cur)
	}
	return runs
}

// orderColumns finds a column gutter and returns the page's lines in
// reading order: band by band from the top, each band's left column before
// its right one.
func orderColumns(runs []*pdfRun) []pdfLine {
	minX, maxX := math.Inf(1), math.Inf(-1)
	for _, r := range runs {
		minX, maxX = math.Min(minX, r.x0), math.Max(maxX, r.x1)
	}
	gutter, ok := findGutter(runs, minX, maxX)
	type banded struct {
		r      *pdfRun
		column int // 0 left or single, 1 right, -1 spanning
	}
	sorted := make([]banded, len(runs))
	for i, r := range runs {
		c := 0
		if ok {
			switch {
			case r.x1 <= gutter:
				c = 0
			case r.x0 >= gutter:
				c = 1
			default:
				c = -1
			}
		}
		sorted[i] = banded{r, c}
	}
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].r.y > sorted[j].r.y })
	var out []pdfLine
	var band [2][]*pdfRun
	flush := func() {
		out = append(out, joinLines(band[0])...)
		out = append(out, joinLines(band[1])...)
		band[0], band[1] = nil, nil
	}
	for _, b := range sorted {
		if b.column < 0 {
			flush()
			out = append(out, joinLines([]*pdfRun{b.r})...)
			continue
		}
		band[b.column] = append(band[b.column], b.r)
	}
	flush()
	return out
}

// findGutter looks for an x position in the middle of the page that few
// runs cross while many lie on each side of it.
func findGutter(runs []*pdfRun, minX, maxX float64) (float64, bool) {
	width := maxX - minX
	if width < 100 || len(runs) < 10 {
		return 0, false
	}
	best, bestCross := 0.0, len(runs)+1
	for x := minX + width*0.3; x <= minX+width*0.7; x += 2 {
		cross, left, right := 0, 0, 0
		for _, r := range runs {
			switch {
			case r.x1 <= x:
				left++
			case r.x0 >= x:
				right++
			default:
				cross++
			}
		}
		if left*5 < len(runs) || right*5 < len(runs) {
			continue
		}
		if cross < bestCross {
			best, bestCross = x, cross
		}
	}
	if bestCross*10 > len(runs) {
		return 0, false
	}
	return best, true
}

// joinLines merges runs of one column into lines (runs on one baseline),
// top to bottom.
func joinLines(runs []*pdfRun) []pdfLine {
	sort.SliceStable(runs, func(i, j int) bool {
		if math.Abs(runs[i].y-runs[j].y) < math.Min(runs[i].size, runs[j].size)*0.4 {
			return runs[i].x0 < runs[j].x0
		}
		return runs[i].y > runs[j].y
	})
	var out []pdfLine
	for _, r := range runs {
		t := r.text.String()
		if n := len(out); n > 0 && math.Abs(out[n-1].y-r.y) < r.size*0.4 {
			l := &out[n-1]
			if !strings.HasSuffix(l.text, " ") && !strings.HasPrefix(t, " ") {
				l.text += " "
			}
			l.text += t
			l.x1 = math.Max(l.x1, r.x1)
			continue
		}
		out = append(out, pdfLine{x0: r.x0, x1: r.x1, y: r.y, size: r.size, text: t})
	}
	return out
}

// paragraphs groups lines into blocks: a new block starts where the gap
// to the previous line is clearly wider than the page's usual line spacing,
// where the font size changes, where the line is indented, or where the
// reading order jumps (a new column or band).
func paragraphs(lines []pdfLine) []pdfBlock {
	spacing := lineSpacing(lines)
	var out []pdfBlock
	var cur []byte
	var size float64
	jumped := false
	flush := func() {
		if s := strings.TrimSpace(string(cur)); s != "" {
			out = append(out, pdfBlock{text: s, size: size, column: jumped})
		}
		cur = cur[:0]
	}
	for i, l := range lines {
		text := strings.TrimSpace(l.text)
		if text == "" {
			continue
		}
		if i > 0 && len(cur) > 0 {
			prev := lines[i-1]
			gap := prev.y - l.y
			wide := gap > prev.size*1.6
			if spacing > 0 {
				wide = gap > spacing*1.25
			}
			newBlock := gap <= 0 || wide ||
				math.Abs(prev.size-l.size) > 0.5 ||
				math.Abs(l.x0-prev.x0) > l.size*0.8 && l.x0 > prev.x0 || // an indented first line
				math.Abs(l.x0-prev.x0) > l.size*6 // another column
			if newBlock {
				flush()
				jumped = gap <= 0 || math.Abs(l.x0-prev.x0) > l.size*6
			} else {
				cur = joinWrapped(cur, text)
				continue
			}
		}
		size = l.size
		cur = append(cur, text...)
	}
	flush()
	return out
}

// mergeContinued flattens the pages' kept blocks, joining a paragraph
// that a page or column break cut mid-sentence: the first block of a page
// or column continues the last one when that one ends without closing
// punctuation and this one starts in lower case.
func mergeContinued(pages [][]pdfBlock) []pdfBlock {
	var out []pdfBlock
	var texts [][]byte // out's texts, grown in place as blocks merge
	for _, blocks := range pages {
		first := true
		for _, b := range blocks {
			if b.dropped {
				continue
			}
			if n := len(out); n > 0 && (first || b.column) && b.size == out[n-1].size && continues(texts[n-1], b.text) {
				texts[n-1] = joinWrapped(texts[n-1], b.text)
				first = false
				continue
			}
			first = false
			out = append(out, b)
			texts = append(texts, []byte(b.text))
		}
	}
	for i := range out {
		out[i].text = string(texts[i])
	}
	return out
}

// continues reports whether next reads as the rest of prev's sentence.
func continues(prev []byte, next string) bool {
	if len(prev) == 0 || next == "" {
		return false
	}
	last, _ := utf8.DecodeLastRune(prev)
	first, _ := utf8.DecodeRuneInString(next)
	if strings.ContainsRune(".!?:;\"”’)]。！？：；」』）", last) {
		return false
	}
	return unicode.IsLower(first) || (last == '-' && unicode.IsUpper(first))
}

// lineSpacing is the median distance between consecutive baselines of
// same-size lines on a page, or 0 when there are too few to tell.
func lineSpacing(lines []pdfLine) float64 {
	var gaps []float64
	for i := 1; i < len(lines); i++ {
		g := lines[i-1].y - lines[i].y
		if g > 0 && g < lines[i].size*2.5 && math.Abs(lines[i-1].size-lines[i].size) < 0.5 {
			gaps = append(gaps, g)
		}
	}
	if len(gaps) < 3 {
		return 0
	}
	sort.Float64s(gaps)
	return gaps[len(gaps)/2]
}

// joinWrapped appends a wrapped line to a paragraph, joining a word
// hyphenated across the break ("gov-" + "ernment", "non-" + "Federal") and
// otherwise adding a space. It looks only at the paragraph's last two
// characters, so long paragraphs cost linear time.
func joinWrapped(buf []byte, next string) []byte {
	last, size := utf8.DecodeLastRune(buf)
	before, _ := utf8.DecodeLastRune(buf[:len(buf)-size])
	first, _ := utf8.DecodeRuneInString(next)
	switch {
	case len(buf) == 0:
	case next == "":
		return buf
	case last == '-' && unicode.IsLetter(before):
		if unicode.IsLower(first) {
			buf = buf[:len(buf)-size]
		}
		// Before a capital the hyphen is part of the word ("non-Federal").
	case isCJK(last) && isCJK(first):
		// Chinese wraps without spaces.
	default:
		buf = append(buf, ' ')
	}
	return append(buf, next...)
}

func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF)
}
