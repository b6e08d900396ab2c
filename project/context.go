package project

import (
	"strings"

	"coder/qda"
	"coder/store"
)

// contextRunes caps each side of a segment's context, so a transcript
// written as one long line does not pour into every row.
const contextRunes = 400

// AddContext fills in each row's Before and After: up to lines lines of the
// document's text before and after the segment (the rest of the lines the
// segment starts and ends in, and lines whole lines beyond), each side cut
// to a few hundred characters nearest the segment. Each document's text is
// read once.
func (p *Project) AddContext(rows []CodingRow, lines int) error {
	return p.view(func(tx *store.Tx) error {
		texts := map[qda.ID][]rune{}
		for i := range rows {
			r := &rows[i]
			text, ok := texts[r.Document]
			if !ok {
				t, err := tx.Text(r.Document)
				if err != nil {
					return err
				}
				text = []rune(t)
				texts[r.Document] = text
			}
			r.Before, r.After = contextAround(text, r.Span, lines)
		}
		return nil
	})
}

// contextAround returns the text before and after s: up to the start of the
// line lines lines above its first, and to the end of the line lines lines
// below its last.
func contextAround(text []rune, s qda.Span, lines int) (before, after string) {
	start, end := max(0, min(s.Start, len(text))), max(0, min(s.End, len(text)))
	from := start
	for n := 0; from > 0; from-- {
		if text[from-1] == '\n' {
			if n == lines {
				break
			}
			n++
		}
	}
	to := end
	for n := 0; to < len(text); to++ {
		if text[to] == '\n' {
			if n == lines {
				break
			}
			n++
		}
	}
	before, after = string(text[from:start]), string(text[end:to])
	if r := []rune(before); len(r) > contextRunes {
		before = "…" + string(r[len(r)-contextRunes:])
	}
	if r := []rune(after); len(r) > contextRunes {
		after = string(r[:contextRunes]) + "…"
	}
	return strings.TrimLeft(before, "\n"), strings.TrimRight(after, "\n")
}
