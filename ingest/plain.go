package ingest

import (
	"strings"
	"unicode/utf8"

	"coder/qda"
)

// longLine is the average line length (in characters) above which the lines
// of a paragraph are taken to be paragraphs of their own: hard-wrapped text
// keeps its lines under about 80 characters, while files saved from word
// processors put a whole paragraph on one line and separate them with a
// single line break.
const longLine = 100

// parsePlain reads a plain-text file: decode, clean, then lines to units.
func parsePlain(p *parser, data []byte) error {
	s, err := p.decodeText(data)
	if err != nil {
		return err
	}
	p.setText(s, nil)
	return nil
}

// lineUnits cuts text into one unit per non-blank line, each spanning the
// line without its surrounding white space, marking where blank lines start
// new paragraphs.
func lineUnits(text string, headings map[int]bool) []unit {
	// Sized up front: growing by appends would leave a 100 MB document's
	// earlier, smaller copies (about as big as its text) to the collector.
	units := make([]unit, 0, strings.Count(text, "\n")+1)
	off := 0 // rune offset of the current line
	blank := true
	for lineNo := 0; ; lineNo++ {
		nl := strings.IndexByte(text, '\n')
		line := text
		if nl >= 0 {
			line = text[:nl]
		}
		a, b := trimSpan(line)
		n := utf8.RuneCountInString(line)
		if a < b {
			kind := qda.PassageParagraph
			if headings[lineNo] {
				kind = qda.PassageHeading
			}
			units = append(units, unit{
				span: qda.Span{Start: off + a, End: off + b},
				kind: kind,
				text: strings.TrimSpace(line),
				brk:  blank,
			})
			blank = false
		} else {
			blank = true
		}
		off += n + 1
		if nl < 0 {
			break
		}
		text = text[nl+1:]
	}
	splitLongLines(units)
	return units
}

// splitLongLines marks every line of a paragraph as its own paragraph when
// the paragraph's lines are long (see longLine).
func splitLongLines(units []unit) {
	for i := 0; i < len(units); {
		j := i + 1
		for j < len(units) && !units[j].brk {
			j++
		}
		if j-i >= 2 {
			total := 0
			for _, u := range units[i : j-1] {
				total += u.span.Len()
			}
			if total/(j-1-i) > longLine {
				for k := i; k < j; k++ {
					units[k].brk = true
				}
			}
		}
		i = j
	}
}
