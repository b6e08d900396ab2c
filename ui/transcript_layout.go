package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"

	"coder/qda"
)

// block is one displayed paragraph: a passage of the document, or a
// paragraph of text that lies between passages.
type block struct {
	span    qda.Span // the runes shown; trailing newlines are left out
	kind    qda.PassageKind
	speaker string         // drawn bold above the text; "" for none
	stamp   string         // the passage's time, drawn beside the speaker
	boldEnd int            // runes in [span.Start, boldEnd) are a bold speaker prefix
	style   fyne.TextStyle // style of the body text
	size    float32        // text size of the body
	textH   float32        // height of one line of text
	top     float32        // y of the header, or of the first line without one
	first   int            // index of the first line
	last    int            // one past the index of the last line
}

// line is one wrapped line of a block.
type line struct {
	start, end int     // runes [start, end), with trailing spaces and a hard '\n'
	y          float32 // top of the line's text
	block      int
}

// geometry holds the sizes the layout is made from, read from the theme.
type geometry struct {
	textSize    float32
	headingSize float32
	textH       float32 // text line height at textSize
	headerH     float32 // height of a speaker header line
	bandPitch   float32 // vertical distance between code bands under a line
	bandH       float32 // thickness of one code band
	bands       int     // bands that fit under a line
	lanePitch   float32 // horizontal distance between code stripes in the gutter
	lanes       int     // stripes the gutter holds
	names       float32 // width of the column of code names left of the stripes; 0 when too narrow
	memoW       float32 // width of the column of memo markers
	pad         float32
	right       float32 // room kept clear at the right edge, for the scroll bar
	font        string
}

// textX is where text begins: after the gutter of code stripes.
func (g *geometry) textX() float32 { return g.laneX(g.lanes) + g.pad }

// laneX is where the gutter's stripe lane begins: after the column of code
// names and the column of memo markers.
func (g *geometry) laneX(lane int) float32 {
	return g.pad + g.names + g.memoW + float32(lane)*g.lanePitch
}

// measures is g without what depends on the width, for telling whether the
// text must be measured again or only wrapped again.
func (g geometry) measures() geometry {
	g.names = 0
	return g
}

// pitch is the distance from one line's top to the next line's top.
func (g *geometry) pitch(b *block) float32 {
	return b.textH + float32(g.bands)*g.bandPitch + g.bandPitch/2
}

// layout is a document measured and wrapped for one width.
type layout struct {
	geo    geometry
	runes  []rune
	blocks []block
	adv    []float32 // advance of the cluster starting at each rune; 0 inside clusters
	kern   []float32 // space added before a rune that follows another in the same drawn run
	cont   []bool    // true where a rune continues the cluster before it
	lines  []line
	width  float32 // width the lines were wrapped for
	height float32
}

// newLayout splits doc into blocks and measures every rune; wrap must be
// called before the layout is drawn.
func newLayout(doc *qda.Document, geo geometry) *layout {
	l := &layout{geo: geo}
	if doc == nil {
		return l
	}
	l.runes = []rune(doc.Text)
	prev := 0
	for _, p := range doc.Passages {
		s := p.Span.Intersect(qda.Span{Start: 0, End: len(l.runes)})
		if s.Start < prev || s.Empty() {
			continue
		}
		l.addGap(prev, s.Start)
		l.addPassage(p, s)
		prev = s.End
	}
	l.addGap(prev, len(l.runes))
	l.measure()
	return l
}

// addGap turns text that no passage covers into paragraphs, split at blank
// lines, so nothing in the document is hidden from the reader.
func (l *layout) addGap(from, to int) {
	start := -1
	blank := true
	lineStart := from
	flush := func(end int) {
		if start >= 0 {
			l.addBlock(block{span: qda.Span{Start: start, End: end}, kind: qda.PassageParagraph})
		}
		start = -1
	}
	for i := from; i <= to; i++ {
		if i < to && l.runes[i] != '\n' {
			if !isSpace(l.runes[i]) {
				blank = false
			}
			continue
		}
		if blank {
			flush(lineStart)
		} else if start < 0 {
			start = lineStart
		}
		blank = true
		lineStart = i + 1
	}
	flush(to)
}

func (l *layout) addPassage(p qda.Passage, s qda.Span) {
	b := block{span: s, kind: p.Kind, speaker: strings.TrimSpace(p.Speaker)}
	if p.Timed {
		b.stamp = formatStamp(p.At)
		if p.Until > p.At {
			b.stamp += "–" + formatStamp(p.Until)
		}
	}
	if b.speaker != "" {
		// Transcripts keep their labels in the text; then the label is
		// shown bold where it stands instead of twice.
		if n := speakerPrefix(l.runes[s.Start:s.End], b.speaker); n > 0 {
			b.boldEnd = s.Start + n
			b.speaker = ""
			if strings.ContainsAny(string(l.runes[s.Start:b.boldEnd]), "0123456789") {
				b.stamp = "" // the label already shows the time
			}
		}
	}
	l.addBlock(b)
}

func (l *layout) addBlock(b block) {
	for b.span.End > b.span.Start && (l.runes[b.span.End-1] == '\n' || l.runes[b.span.End-1] == '\r') {
		b.span.End--
	}
	if b.boldEnd < b.span.Start {
		b.boldEnd = b.span.Start
	}
	b.size = l.geo.textSize
	b.textH = l.geo.textH
	switch b.kind {
	case qda.PassageHeading:
		b.style.Bold = true
		b.size = l.geo.headingSize
		b.textH = l.geo.textH * l.geo.headingSize / l.geo.textSize
	case qda.PassageNote:
		b.style.Italic = true
	}
	l.blocks = append(l.blocks, b)
}

// speakerPrefix returns how many runes at the start of text form its
// speaker label ("Name:", "[00:13] Name:", "Name (00:13):", "张主任：",
// "[Name]", "Name 00:13"), counting the spaces after it, or 0 when the
// text does not begin with a label naming speaker.
func speakerPrefix(text []rune, speaker string) int {
	head := text[:min(len(text), 96)]
	for i, r := range head {
		if r == '\n' {
			head = head[:i]
			break
		}
	}
	sp := []rune(speaker)
	at := -1
	for i := 0; i <= 24 && i+len(sp) <= len(head); i++ {
		if strings.EqualFold(string(head[i:i+len(sp)]), speaker) {
			at = i
			break
		}
	}
	if at < 0 {
		return 0
	}
	n := at + len(sp)
	colon := false
	for k := n; k < len(head) && k < n+24; k++ {
		c := head[k]
		if c == '：' || (c == ':' && (k+1 == len(head) || isSpace(head[k+1]))) {
			n, colon = k+1, true
			break
		}
	}
	if !colon {
		// No closing colon: the label ends after a bracket or a timestamp.
		for n < len(head) && strings.ContainsRune(" \t0123456789:.,[]()", head[n]) {
			n++
		}
	}
	for n < len(head) && isSpace(head[n]) {
		n++
	}
	return n
}

func formatStamp(d time.Duration) string {
	s := int(d / time.Second)
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%02d:%02d", s/60, s%60)
}

// measure fills adv, kern and cont for every rune shown.
func (l *layout) measure() {
	n := len(l.runes)
	l.adv = make([]float32, n)
	l.kern = make([]float32, n)
	l.cont = make([]bool, n)
	for bi := range l.blocks {
		b := &l.blocks[bi]
		if b.boldEnd > b.span.Start {
			st := b.style
			st.Bold = true
			l.measureRun(b.span.Start, b.boldEnd, metricsFor(fontKey{b.size, st, l.geo.font}))
		}
		l.measureRun(b.boldEnd, b.span.End, metricsFor(fontKey{b.size, b.style, l.geo.font}))
	}
}

// measureRun measures runes [from, to), which are drawn in one font.
func (l *layout) measureRun(from, to int, m *fontMetrics) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for i := from; i < to; {
		j := i + 1
		for j < to && continues(l.runes, j) {
			l.cont[j] = true
			j++
		}
		r := l.runes[i]
		switch {
		case r == '\n' || r == '\t':
			// A newline takes no room; a tab's room depends on where it falls.
		case j == i+1:
			l.adv[i] = m.runeWidthLocked(r)
		default:
			l.adv[i] = m.clusterWidthLocked(string(l.runes[i:j]))
		}
		if i > from && j == i+1 && !l.cont[i-1] {
			l.kern[i] = m.kernLocked(l.runes[i-1], r)
		}
		i = j
	}
}

// continues reports whether rune i belongs to the cluster before it.
func continues(runes []rune, i int) bool {
	r := runes[i]
	if joinsCluster(r) || runes[i-1] == 0x200D {
		return true
	}
	if isRegionalIndicator(r) && isRegionalIndicator(runes[i-1]) {
		// Flags are pairs: the second of each pair joins the first.
		n := 0
		for k := i - 1; k >= 0 && isRegionalIndicator(runes[k]); k-- {
			n++
		}
		return n%2 == 1
	}
	return false
}

// wrap breaks every block into lines no wider than width and places them.
func (l *layout) wrap(width float32) {
	l.width = width
	l.lines = l.lines[:0]
	max := width - l.geo.textX() - l.geo.right
	if max < 4*l.geo.textSize {
		max = 4 * l.geo.textSize
	}
	y := l.geo.pad
	prevSpeaker := false
	for bi := range l.blocks {
		b := &l.blocks[bi]
		if bi > 0 {
			y += l.geo.textH * 0.5
			if b.kind == qda.PassageHeading || b.speaker != "" || b.boldEnd > b.span.Start || prevSpeaker {
				y += l.geo.textH * 0.4
			}
		}
		prevSpeaker = b.speaker != "" || b.boldEnd > b.span.Start
		b.top = y
		if b.speaker != "" || b.stamp != "" {
			y += l.geo.headerH
		}
		b.first = len(l.lines)
		pitch := l.geo.pitch(b)
		for start := b.span.Start; ; {
			end := breakLine(l.runes, l.cont, start, b.span.End, max, l.advanceAt)
			l.lines = append(l.lines, line{start: start, end: end, y: y, block: bi})
			y += pitch
			start = end
			if start >= b.span.End {
				break
			}
		}
		b.last = len(l.lines)
	}
	l.height = y + l.geo.pad
}

// advanceAt is the room rune i takes when drawn at x in a line that begins at
// lineStart.
func (l *layout) advanceAt(i, lineStart int, x float32) float32 {
	if l.runes[i] == '\t' {
		stop := 2 * l.geo.textSize
		return (float32(int(x/stop))+1)*stop - x
	}
	return l.adv[i] + l.kernAt(i, lineStart)
}
