package ui

// The line-breaking rule of every wrapped text Coder draws itself: the
// document view and the search snippets. Latin text breaks at spaces (and
// after a hyphen or slash inside a word), CJK text between characters, never
// before closing punctuation or after opening punctuation (kinsoku), never
// inside a cluster such as an emoji with its modifiers, and a word wider than
// the line breaks at the last cluster that fits, so no line holds a single
// glyph unless the line has room for only one.

// breakLine returns where the line of runes[start:end] that begins at start
// ends: after a hard newline, at the last break opportunity that fits max,
// or, for a word wider than the line, at the last cluster that fits. cont
// marks the runes that continue the cluster before them; advance is the room
// rune i takes at x in a line that begins at lineStart.
func breakLine(runes []rune, cont []bool, start, end int, max float32, advance func(i, lineStart int, x float32) float32) int {
	x := float32(0)
	lastBreak := -1
	for i := start; i < end; {
		r := runes[i]
		if r == '\n' {
			return i + 1
		}
		if i > start && canBreakBefore(runes, cont, i) {
			lastBreak = i
		}
		j := i + 1
		for j < end && cont[j] {
			j++
		}
		w := advance(i, start, x)
		if isSpace(r) {
			// Spaces hang past the edge rather than start the next line.
			x += w
			i = j
			continue
		}
		if x+w > max && i > start {
			if lastBreak > start {
				return lastBreak
			}
			return i
		}
		x += w
		i = j
	}
	return end
}

// canBreakBefore reports whether a line may end just before rune i.
func canBreakBefore(runes []rune, cont []bool, i int) bool {
	if cont[i] {
		return false
	}
	r, prev := runes[i], runes[i-1]
	switch {
	case isSpace(r):
		return false
	case isSpace(prev):
		return true
	case noLineStart(r) || noLineEnd(prev):
		return false
	case isWide(r) || isWide(prev):
		return true
	case (prev == '-' || prev == '–' || prev == '—' || prev == '/') && i >= 2 && !isSpace(runes[i-2]):
		return true
	}
	return false
}

// noLineStart lists closing punctuation that must not begin a line (kinsoku).
func noLineStart(r rune) bool {
	switch r {
	case '，', '。', '、', '；', '：', '！', '？', '）', '」', '』', '】', '》', '〉', '〕', '〗', '〙', '〛',
		'”', '’', '．', '…', '‥', 'ー', '～', '·', '・', '｝', '］', '｠', '｡', '､',
		',', '.', ';', ':', '!', '?', ')', ']', '}', '%':
		return true
	}
	return false
}

// noLineEnd lists opening punctuation that must not end a line.
func noLineEnd(r rune) bool {
	switch r {
	case '（', '「', '『', '【', '《', '〈', '〔', '〖', '〘', '〚', '“', '‘', '｛', '［', '｟', '(', '[', '{':
		return true
	}
	return false
}

// isSpace reports whether r is a space a line may break after; a no-break
// space is deliberately not one.
func isSpace(r rune) bool { return r == ' ' || r == '\t' || r == 0x3000 }
