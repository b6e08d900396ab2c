package qda

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Kind says what sort of source a document is. Researchers triangulate across
// kinds, so it is a first-class filter everywhere.
type Kind string

// The kinds of document a case study draws on.
const (
	KindInterview Kind = "interview"
	KindPolicy    Kind = "policy"
	KindNews      Kind = "news"
	KindFieldnote Kind = "fieldnote"
	KindArchive   Kind = "archive"
	KindOther     Kind = "other"
)

// Kinds lists every Kind in the order menus show them.
var Kinds = []Kind{KindInterview, KindPolicy, KindNews, KindFieldnote, KindArchive, KindOther}

// ParseKind accepts a kind name in any case.
func ParseKind(s string) (Kind, error) {
	k := Kind(strings.ToLower(strings.TrimSpace(s)))
	for _, known := range Kinds {
		if k == known {
			return k, nil
		}
	}
	names := make([]string, len(Kinds))
	for i, k := range Kinds {
		names[i] = string(k)
	}
	return "", fmt.Errorf("%q is not a document kind (use one of %s)", s, strings.Join(names, ", "))
}

// Source records where a document's text came from. The text itself is fixed at
// import, so these facts are what let a researcher trace a quote to its file.
type Source struct {
	FileName string `json:"fileName"`           // base name of the imported file
	Format   string `json:"format"`             // txt, md, docx, pdf, ...
	Encoding string `json:"encoding,omitempty"` // detected encoding of the original bytes
	SHA256   string `json:"sha256,omitempty"`   // hex digest of the original bytes
	Size     int64  `json:"size,omitempty"`     // size of the original file in bytes
}

// Document is one imported source: an interview transcript, a policy document,
// field notes. Its Text never changes after import, so spans into it stay valid.
type Document struct {
	ID       ID        `json:"id"`
	Name     string    `json:"name"`
	Kind     Kind      `json:"kind"`
	Text     string    `json:"-"` // stored apart from the metadata; NFC, LF-only
	Passages []Passage `json:"passages"`
	Source   Source    `json:"source"`
	Imported time.Time `json:"imported"`
	// Chars is the text's length in runes, kept so listings need not load texts.
	Chars int `json:"chars"`
	Edit
}

// Validate checks the document's own rules: a name, a known kind, passages that
// lie in order inside the text.
func (d *Document) Validate() error {
	if strings.TrimSpace(d.Name) == "" {
		return Invalidf("document has no name")
	}
	if _, err := ParseKind(string(d.Kind)); err != nil {
		return Invalidf("document %q: %w", d.Name, err)
	}
	n := utf8.RuneCountInString(d.Text)
	if d.Chars != n {
		return Invalidf("document %q: recorded length %d but text has %d characters", d.Name, d.Chars, n)
	}
	prev := 0
	for i, p := range d.Passages {
		if err := p.Span.CheckIn(n); err != nil {
			return Invalidf("document %q passage %d: %w", d.Name, i+1, err)
		}
		if p.Span.Start < prev {
			return Invalidf("document %q passage %d overlaps the one before it", d.Name, i+1)
		}
		prev = p.Span.End
	}
	return nil
}

// PassageAt returns the index of the passage containing rune offset i, or -1.
func (d *Document) PassageAt(i int) int {
	lo, hi := 0, len(d.Passages)
	for lo < hi {
		m := (lo + hi) / 2
		switch p := d.Passages[m].Span; {
		case i < p.Start:
			hi = m
		case i >= p.End:
			lo = m + 1
		default:
			return m
		}
	}
	return -1
}

// PassageKind says what structure a passage came from.
type PassageKind string

// Passage kinds.
const (
	PassageParagraph PassageKind = "paragraph"
	PassageTurn      PassageKind = "turn"    // a speaker's turn in a transcript
	PassageHeading   PassageKind = "heading" // a heading in a structured document
	PassageRow       PassageKind = "row"     // a table row, cells separated by tabs
	PassageNote      PassageKind = "note"    // a footnote or comment, appended with a marker
	PassageCue       PassageKind = "cue"     // a subtitle cue with its timing
)

// Passage is a paragraph or a speaker turn: the unit of search hits, of
// "in the same passage" co-occurrence and of rendering.
type Passage struct {
	Span    Span        `json:"span"`
	Kind    PassageKind `json:"kind,omitempty"`
	Speaker string      `json:"speaker,omitempty"`
	// Timed is set when the source gave a timestamp; At and Until are offsets
	// from the start of the recording (Until is zero when only a start is known).
	Timed bool          `json:"timed,omitempty"`
	At    time.Duration `json:"at,omitempty"`
	Until time.Duration `json:"until,omitempty"`
}
