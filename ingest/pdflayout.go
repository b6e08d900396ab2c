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
// gaps when the PDF draws none. Glyphs turned across the baseline or drawn
// at no size (margin marks, rotated stamps) are left out and counted in
// skipped; runs that read as garbage (see garbled) are left out.
func pdfRuns(glyphs []pdf.Text, unmapped map[string]bool) (runs []*pdfRun, skipped int) {
	var cur *pdfRun
	for _, g := range glyphs {
		if g.S == "" || math.IsNaN(g.X) || math.IsNaN(g.Y) || math.IsInf(g.X, 0) || math.IsInf(g.Y, 0) {
			continue
		}
		size := math.Abs(g.FontSize)
		if size < 0.5 {
			// The text matrix turns the glyph a quarter turn (its
			// horizontal scale is zero) or draws it at no size.
			if strings.TrimSpace(g.S) != "" {
				skipped++
			}
			continue
		}
		if size < 1 || size > 500 {
			size = 10
		}
		if cur != nil {
			gap := g.X - cur.x1
			sameLine := math.Abs(g.Y-cur.y) < size*0.4
			if sameLine && gap > -size*0.5 && gap < size*1.2 {
				if gap > size*0.15 && !strings.HasSuffix(cur.text.String(), " ") && g.S != " " {
					cur.add(" ", g.Font, unmapped)
				}
				cur.add(g.S, g.Font, unmapped)
				cur.x1 = math.Max(cur.x1, g.X+g.W)
				continue
			}
		}
		if strings.TrimSpace(g.S) == "" {
			continue
		}
		cur = &pdfRun{x0: g.X, x1: g.X + g.W, y: g.Y, size: size, bold: pdfBoldFont(g.Font), italic: pdfEmphasisFont(g.Font)}
		cur.add(g.S, g.Font, unmapped)
		runs = append(runs, cur)
	}
	kept := runs[:0]
	for _, r := range runs {
		if r.garbled() {
			continue
		}
		kept = append(kept, r)
	}
	return kept, skipped
}

// add appends a glyph's text in font to the run, extending the run's
// emphasised lead-in while the glyphs are bold or italic (or punctuation
// between them) and counting characters that cannot be real text.
func (r *pdfRun) add(s, font string, unmapped map[string]bool) {
	inLead := r.emph == r.text.Len()
	r.text.WriteString(s)
	for _, c := range s {
		if unicode.IsSpace(c) {
			continue
		}
		r.glyphs++
		if unusableRune(c) || unmapped[font] && !unicode.IsLetter(c) && !unicode.IsDigit(c) {
			r.bad++
		}
		if inLead && !pdfEmphasisFont(font) && (unicode.IsLetter(c) || unicode.IsDigit(c)) {
			inLead = false
		}
	}
	if inLead && r.italic {
		r.emph = r.text.Len()
	}
}

// garbled reports whether most of a run's characters are control or
// private-use characters, replacement characters, or symbols drawn in a
// font with no usable map to Unicode: what a broken font or text drawn as
// art yields instead of words.
func (r *pdfRun) garbled() bool {
	return r.bad*2 > r.glyphs
}

// unusableRune is a character no real text is made of.
func unusableRune(c rune) bool {
	return c == unicode.ReplacementChar || unicode.IsControl(c) || unicode.Is(unicode.Co, c)
}

// pdfBoldFont reports whether a font name is a bold face.
func pdfBoldFont(font string) bool {
	f := strings.ToLower(font)
	return strings.Contains(f, "bold") || strings.Contains(f, "black") || strings.Contains(f, "heavy") || strings.Contains(f, "demi")
}

// pdfEmphasisFont reports whether a font name is a bold or italic face.
func pdfEmphasisFont(font string) bool {
	f := strings.ToLower(font)
	return pdfBoldFont(font) || strings.Contains(f, "italic") || strings.Contains(f, "oblique")
}

// pdfUnmappedFonts names the fonts of a page's resources whose codes have
// no usable map to Unicode: no ToUnicode map, and a composite or Type3
// font or a symbolic one, whose codes the PDF library can only pass
// through as they are.
func pdfUnmappedFonts(res pdf.Value) map[string]bool {
	out := map[string]bool{}
	mapped := map[string]bool{}
	fonts := res.Key("Font")
	for _, k := range fonts.Keys() {
		f := fonts.Key(k)
		name := f.Key("BaseFont").Name()
		if i := strings.IndexByte(name, '+'); i >= 0 {
			name = name[i+1:]
		}
		if f.Key("ToUnicode").Kind() == pdf.Stream {
			mapped[name] = true
			continue
		}
		switch {
		case f.Key("Subtype").Name() == "Type0", f.Key("Subtype").Name() == "Type3",
			f.Key("FontDescriptor").Key("Flags").Int64()&4 != 0:
			out[name] = true
		default:
			mapped[name] = true
		}
	}
	for name := range mapped {
		delete(out, name) // two fonts of one name: trust the mapped one
	}
	return out
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
			whole := l.emph == len(l.text)
			if !strings.HasSuffix(l.text, " ") && !strings.HasPrefix(t, " ") {
				l.text += " "
			}
			if whole && r.italic {
				l.emph = len(l.text) + r.emph
			}
			l.text += t
			l.x1 = math.Max(l.x1, r.x1)
			continue
		}
		out = append(out, pdfLine{x0: r.x0, x1: r.x1, y: r.y, size: r.size, text: t, bold: r.bold, italic: r.italic, emph: r.emph})
	}
	return out
}

// paragraphs groups lines into blocks: a new block starts where the gap
// to the previous line is clearly wider than the page's usual line spacing,
// where the font size changes, where the line is indented, where the
// reading order jumps (a new column or band), or where a sentence ends and
// the next line opens in bold or a little lower than the usual spacing, or
// where lines wholly in bold (or bold, then italic) give way to regular
// text. A block that opens with a bold lead-in
// ending in a full stop or colon ("Sec. 2. Objectives.") gives that
// lead-in a heading block of its own; a short block set wholly in bold is
// a heading.
func paragraphs(lines []pdfLine) []pdfBlock {
	spacing := lineSpacing(lines)
	boldLines := 0
	for _, l := range lines {
		if l.bold {
			boldLines++
		}
	}
	boldBody := boldLines*2 > len(lines) // bold is the body face here, not a mark of headings
	var out []pdfBlock
	var cur []byte
	var size, y float64
	jumped := false
	lead, leadOpen := 0, false // bytes of cur in the bold lead-in; whether it runs on
	flush := func() {
		defer func() { cur = cur[:0] }()
		if strings.TrimSpace(string(cur)) == "" {
			return
		}
		b := pdfBlock{size: size, y: y, column: jumped}
		if lead > 0 && !boldBody {
			head := strings.TrimSpace(string(cur[:lead]))
			rest := strings.TrimSpace(string(cur[lead:]))
			short := utf8.RuneCountInString(head) <= maxPDFHeading
			switch {
			case rest == "" && short:
				b.text, b.heading = head, true
				out = append(out, b)
				return
			case rest != "" && short && endsHeading(head):
				h := b
				h.text, h.heading = head, true
				out = append(out, h)
				b.text, b.column = rest, false
				out = append(out, b)
				return
			}
		}
		b.text = strings.TrimSpace(string(cur))
		out = append(out, b)
	}
	for i, l := range lines {
		text := strings.TrimSpace(l.text)
		if text == "" {
			continue
		}
		emph := min(max(l.emph-(len(l.text)-len(strings.TrimLeftFunc(l.text, unicode.IsSpace))), 0), len(text))
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
				math.Abs(l.x0-prev.x0) > l.size*6 || // another column
				l.bold && !boldBody && endsSentence(cur) || // a heading set in bold
				spacing > 0 && gap > spacing*1.1 && endsSentence(cur) || // a little air after a sentence
				leadOpen && !l.italic && !boldBody // a bold heading line, then the text
			if newBlock {
				flush()
				jumped = gap <= 0 || math.Abs(l.x0-prev.x0) > l.size*6
			} else {
				cur = joinWrapped(cur, text)
				if leadOpen {
					lead = len(cur) - len(text) + emph
					leadOpen = emph == len(text)
				}
				continue
			}
		}
		size, y = l.size, l.y
		cur = append(cur, text...)
		lead, leadOpen = 0, false
		if l.bold {
			lead, leadOpen = emph, emph == len(text)
		}
	}
	flush()
	return out
}

// maxPDFHeading is the longest text, in characters, taken for a heading.
const maxPDFHeading = 200

// endsSentence reports whether text ends with closing punctuation.
func endsSentence(text []byte) bool {
	t := strings.TrimRight(string(text[max(0, len(text)-8):]), " ")
	last, _ := utf8.DecodeLastRuneInString(t)
	return last != utf8.RuneError && strings.ContainsRune(".!?:;\"”’)]。！？：；」』）", last)
}

// endsHeading reports whether a bold lead-in reads as a run-in heading:
// it ends with a full stop or a colon.
func endsHeading(head string) bool {
	last, _ := utf8.DecodeLastRuneInString(head)
	return strings.ContainsRune(".:。：", last)
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
