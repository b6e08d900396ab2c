package ingest

import (
	"strings"
	"time"
	"unicode/utf8"

	"coder/qda"
)

// parser is one import in progress: the text built so far (final, cleaned,
// with rune offsets that never move), its units of structure, the notes to
// append at the end, and what to tell the researcher.
type parser struct {
	name     string // the file's base name, for messages
	size     int64  // the file's size, for zip budgets
	encoding string
	// owned says the file's bytes are the parser's own (see parseBytes).
	owned bool

	text strings.Builder
	// whole is the text when setText gave all of it at once, kept as it
	// came rather than copied into text (a plain file may be 100 MB).
	whole string
	runes int // rune length of text
	units []unit
	notes []note

	removed removedChars
	warns   []string
}

// unit is one line (plain text) or block (structured formats) of the text.
// Passages are made from units: paragraphs group them, turns run from a
// labelled unit to the next.
type unit struct {
	span qda.Span
	kind qda.PassageKind
	text string // the unit's trimmed text, read for speaker labels
	// brk marks the start of a new paragraph: a blank line came before this
	// line, or this is a block of a structured format.
	brk bool
	// cue holds a subtitle cue's speaker and timing; never merged.
	speaker   string
	timed     bool
	at, until time.Duration
}

// note is a footnote, endnote or comment waiting to be appended.
type note struct {
	marker, text string
}

func newParser(name string, size int64) *parser {
	return &parser{name: name, size: size}
}

func (p *parser) warn(s string) { p.warns = append(p.warns, s) }

func (p *parser) warnings() []string {
	out := append([]string(nil), p.warns...)
	if w := p.removed.warning(); w != "" {
		out = append([]string{w}, out...)
	}
	return out
}

// block appends one structural block (paragraph, heading, row, cue) to the
// text, separated from the previous one by a blank line, and records it as a
// unit. Blank blocks are dropped. It returns the unit's index, or -1.
func (p *parser) block(kind qda.PassageKind, s string) int {
	s = clean(s, &p.removed)
	a, b := trimSpan(s)
	if a == b {
		return -1
	}
	s = string([]rune(s)[a:b])
	if p.whole != "" {
		p.text.WriteString(p.whole)
		p.whole = ""
	}
	if p.runes > 0 {
		p.text.WriteString("\n\n")
		p.runes += 2
	}
	n := utf8.RuneCountInString(s)
	p.text.WriteString(s)
	p.units = append(p.units, unit{span: qda.Span{Start: p.runes, End: p.runes + n}, kind: kind, text: s, brk: true})
	p.runes += n
	return len(p.units) - 1
}

// addNote queues a footnote, endnote or comment to be appended after the body.
func (p *parser) addNote(marker, s string) {
	p.notes = append(p.notes, note{marker: marker, text: s})
}

// setText makes s (already decoded) the whole text and cuts it into line
// units; headings marks lines (by index) that are headings.
func (p *parser) setText(s string, headings map[int]bool) {
	s = clean(s, &p.removed)
	p.text.Reset()
	p.whole = s
	p.units = lineUnits(s, headings)
	p.runes = utf8.RuneCountInString(s)
}

// nameHints are words in file names that say what kind of source a file is,
// in English and Chinese, checked in this order.
var nameHints = []struct {
	kind  qda.Kind
	words []string
}{
	{qda.KindInterview, []string{"interview", "transcript", "访谈", "采访"}},
	{qda.KindFieldnote, []string{"fieldnote", "field-note", "field_note", "field note", "observation", "笔记", "观察"}},
	{qda.KindPolicy, []string{"policy", "notice", "regulation", "circular", "政策", "通知", "规定", "办法", "意见"}},
	{qda.KindNews, []string{"news", "press", "newspaper", "新闻", "报道"}},
	{qda.KindArchive, []string{"archive", "minutes", "档案", "会议记录"}},
}

// kindFromName guesses a document's kind from its file name, as researchers
// name their files ("fieldnotes-day3.md", "policy-notice.docx"); other when
// the name says nothing.
func kindFromName(name string) qda.Kind {
	lower := strings.ToLower(name)
	for _, h := range nameHints {
		for _, w := range h.words {
			if strings.Contains(lower, w) {
				return h.kind
			}
		}
	}
	return qda.KindOther
}

// document finishes the import: appends the notes, finds paragraphs and
// turns (when turns is set), and guesses the kind.
func (p *parser) document(format string, kind qda.Kind, turns bool) (*qda.Document, error) {
	for _, n := range p.notes {
		p.block(qda.PassageNote, n.marker+" "+n.text)
	}
	text := p.text.String()
	if p.whole != "" {
		text = p.whole
	}
	if strings.TrimSpace(text) == "" {
		return nil, &qda.Error{What: p.name, Why: "the file has no text in it", Fix: "choose a file with text in it; a scanned PDF needs text recognition (OCR) first"}
	}
	passages := makePassages(p.units, turns)
	if kind == "" {
		kind = kindFromName(p.name)
		for _, ps := range passages {
			if ps.Speaker != "" {
				kind = qda.KindInterview
				break
			}
		}
	}
	return &qda.Document{
		Kind:     kind,
		Text:     text,
		Chars:    p.runes,
		Passages: passages,
		Source:   qda.Source{Format: format, Encoding: p.encoding},
	}, nil
}
