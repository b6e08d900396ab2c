package ingest

import (
	"strings"
	"unicode/utf8"

	"coder/qda"
)

// Repassage splits a document's paragraphs and speaker turns again, looking
// for speaker turns only when turns is set, and returns the new passages.
// Other passages (headings, rows, notes, subtitle cues) are kept as they
// are; text is the document's text and passages its current passages.
func Repassage(text string, passages []qda.Passage, turns bool) []qda.Passage {
	runes := []rune(text)
	var units []unit
	for _, ps := range passages {
		if ps.Kind != qda.PassageParagraph && ps.Kind != qda.PassageTurn {
			units = append(units, unit{span: ps.Span, kind: ps.Kind, brk: true, speaker: ps.Speaker, timed: ps.Timed, at: ps.At, until: ps.Until})
			continue
		}
		if ps.Span.Start < 0 || ps.Span.End > len(runes) || ps.Span.Start > ps.Span.End {
			continue
		}
		brk := true
		at := ps.Span.Start
		for _, line := range strings.Split(string(runes[ps.Span.Start:ps.Span.End]), "\n") {
			n := utf8.RuneCountInString(line)
			trimmed := strings.TrimSpace(line)
			if trimmed == "" {
				brk = true
				at += n + 1
				continue
			}
			lead := utf8.RuneCountInString(line) - utf8.RuneCountInString(strings.TrimLeft(line, " \t"))
			start := at + lead
			units = append(units, unit{span: qda.Span{Start: start, End: start + utf8.RuneCountInString(trimmed)}, kind: qda.PassageParagraph, text: trimmed, brk: brk})
			brk = false
			at += n + 1
		}
	}
	return makePassages(units, turns)
}
