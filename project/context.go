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
// to a few hundred characters nearest the segment. Only a window around
// each segment is read, not its whole document (see store.TextCursor).
func (p *Project) AddContext(rows []CodingRow, lines int) error {
	return p.view(func(tx *store.Tx) error {
		cursors := map[qda.ID]*store.TextCursor{}
		for i := range rows {
			r := &rows[i]
			cur, ok := cursors[r.Document]
			if !ok {
				d, err := tx.Document(r.Document)
				if err != nil {
					return err
				}
				cur = store.NewTextCursor(d.ID, d.Chars)
				cursors[r.Document] = cur
			}
			// One character more each side than is shown, so a side cut
			// by the window is still marked as cut.
			from := max(0, r.Span.Start-contextRunes-1)
			window, err := cur.Spans(tx, []qda.Span{{Start: from, End: r.Span.End + contextRunes + 1}})
			if err != nil {
				return err
			}
			r.Before, r.After = contextAround([]rune(window[0]), qda.Span{Start: r.Span.Start - from, End: r.Span.End - from}, lines)
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
