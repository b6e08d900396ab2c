package assist

import (
	"coder/qda"
)

// maxUnitRunes is the length above which a passage is cut into
// sentence-sized units of about unitTarget runes.
const (
	maxUnitRunes = 800
	unitTarget   = 400
)

// Unit is one candidate for a suggestion: a passage or a sentence-sized
// span of one, in rune offsets of its document.
type Unit struct {
	Document qda.ID
	Span     qda.Span
}

// units returns the candidate units of a document: its passages (the whole
// text when it has none); a long one is cut into its lines, and a long line
// at sentence ends. (A passage that long is a whole transcript or a table
// of comments exported as text, whose lines are its real passages.)
func units(d *qda.Document, text []rune) []Unit {
	var spans []qda.Span
	for _, p := range d.Passages {
		spans = append(spans, p.Span)
	}
	if len(spans) == 0 && len(text) > 0 {
		spans = []qda.Span{{Start: 0, End: len(text)}}
	}
	var out []Unit
	for _, s := range spans {
		s = qda.Span{Start: max(0, min(s.Start, len(text))), End: max(0, min(s.End, len(text)))}
		if s.Empty() {
			continue
		}
		if s.Len() <= maxUnitRunes {
			out = append(out, Unit{Document: d.ID, Span: s})
			continue
		}
		for _, line := range cutLines(text, s) {
			for _, c := range cutSentences(text, line) {
				out = append(out, Unit{Document: d.ID, Span: c})
			}
		}
	}
	return out
}

// cutLines cuts s into its non-blank lines, without their line ends.
func cutLines(text []rune, s qda.Span) []qda.Span {
	var out []qda.Span
	start := s.Start
	for i := s.Start; i <= s.End; i++ {
		if i < s.End && text[i] != '\n' {
			continue
		}
		line := qda.Span{Start: start, End: i}
		for line.Start < line.End && isSpace(text[line.Start]) {
			line.Start++
		}
		for line.End > line.Start && isSpace(text[line.End-1]) {
			line.End--
		}
		if !line.Empty() {
			out = append(out, line)
		}
		start = i + 1
	}
	return out
}

func isSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\r' || r == '\u00a0' }

// cutSentences cuts s into spans that end at a sentence end once they are
// unitTarget runes long; a span shorter than maxUnitRunes stays whole.
func cutSentences(text []rune, s qda.Span) []qda.Span {
	if s.Len() <= maxUnitRunes {
		return []qda.Span{s}
	}
	var out []qda.Span
	start := s.Start
	for i := s.Start; i < s.End; i++ {
		if i-start+1 >= unitTarget && sentenceEnd(text, i, s.End) || i-start+1 >= 2*maxUnitRunes {
			out = append(out, qda.Span{Start: start, End: i + 1})
			start = i + 1
		}
	}
	if start < s.End {
		if rest := (qda.Span{Start: start, End: s.End}); rest.Len() < unitTarget/4 && len(out) > 0 {
			out[len(out)-1].End = s.End
		} else {
			out = append(out, rest)
		}
	}
	return out
}

// sentenceEnd reports whether the rune at i ends a sentence: a full stop,
// question or exclamation mark followed by a space or the end (Chinese
// marks end one by themselves).
func sentenceEnd(text []rune, i, end int) bool {
	switch text[i] {
	case '。', '！', '？':
		return true
	case '.', '!', '?':
		return i+1 >= end || text[i+1] == ' ' || text[i+1] == '\n'
	}
	return false
}
