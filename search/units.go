package search

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/document"
	index "github.com/blevesearch/bleve_index_api"

	"coder/qda"
)

// DocInput is everything the index holds about one document: the document
// itself (with Text and Passages filled in, or Passages and a Spans reader)
// and the facts about it that live elsewhere in the project. The caller
// builds it from the store; nothing here is derived from anything but these
// fields.
type DocInput struct {
	Doc     *qda.Document
	Cases   []string      // names of the cases the document belongs to
	Attrs   []Attr        // attribute values of the document and of its cases
	Codings []CodingInput // every coding on the document
	// Spans, when not nil, reads the document's text a piece at a time and
	// Doc.Text may be empty: a long document is then indexed without its
	// whole text in memory.
	Spans SpanReader

	rm *runeMap // over Doc.Text, made when first needed
}

// SpanReader returns the text of each rune span of one document, clamped to
// the text. Spans may come in any order; a reader that walks the text (see
// store.TextCursor) is quickest when they come in increasing order.
type SpanReader func(spans []qda.Span) ([]string, error)

// texts returns the text of each span of the document.
func (in *DocInput) texts(spans []qda.Span) ([]string, error) {
	if in.Spans != nil && in.Doc.Text == "" {
		return in.Spans(spans)
	}
	if in.rm == nil {
		in.rm = newRuneMap(in.Doc.Text)
	}
	out := make([]string, len(spans))
	for i, sp := range spans {
		out[i] = in.rm.slice(sp)
	}
	return out, nil
}

// Attr is one attribute value, matched by the filter attr:NAME=VALUE.
type Attr struct {
	Name  string
	Value string
}

// CodingInput is one coding on a document, with its code named by path.
type CodingInput struct {
	ID       qda.ID
	CodePath string   // "Parent/Child", names joined by "/"
	Span     qda.Span // runes into the document's text
	Coder    string   // the coder's name
	Memo     string   // the note on this coding, if any
}

// MemoInput is one memo with a printable name for what it is written about.
type MemoInput struct {
	ID         qda.ID
	On         qda.TargetKind
	Target     qda.ID // the document, code, coding or case; empty for project memos
	TargetName string // document name, code path or case name; empty if none
	Title      string
	Text       string
	Coder      string // the author's name
}

// Unit IDs: the kind letter, then the owner's ID. A passage ID carries its
// document and passage index, so a hit finds its passage without stored fields.
func passageID(doc qda.ID, i int) string {
	return unitPassage + ":" + string(doc) + ":" + strconv.Itoa(i)
}
func segmentID(coding qda.ID) string { return unitSegment + ":" + string(coding) }
func memoID(memo qda.ID) string      { return unitMemo + ":" + string(memo) }

// parseUnitID splits a unit ID into its kind, owner and (for passages) index.
func parseUnitID(id string) (kind string, owner qda.ID, n int, ok bool) {
	kind, rest, found := strings.Cut(id, ":")
	if !found {
		return "", "", 0, false
	}
	if kind != unitPassage {
		return kind, qda.ID(rest), 0, true
	}
	i := strings.LastIndexByte(rest, ':')
	if i < 0 {
		return "", "", 0, false
	}
	n, err := strconv.Atoi(rest[i+1:])
	if err != nil {
		return "", "", 0, false
	}
	return kind, qda.ID(rest[:i]), n, true
}

// passagesOf returns the document's passages, or one passage over the whole
// text when the importer recorded none.
func passagesOf(d *qda.Document) []qda.Passage {
	if len(d.Passages) > 0 {
		return d.Passages
	}
	n := d.Chars
	if d.Text != "" {
		n = utf8.RuneCountInString(d.Text)
	}
	if n == 0 {
		return nil
	}
	return []qda.Passage{{Span: qda.Span{Start: 0, End: n}, Kind: qda.PassageParagraph}}
}

// unitsOf makes the index documents for a document's passages and coded
// segments; with a non-nil only, just the passages and segments it names.
func unitsOf(in *DocInput, only *Partial) ([]*document.Document, error) {
	var out []*document.Document
	err := unitChunks(in, only, 0, func(units []*document.Document) bool {
		out = append(out, units...)
		return true
	})
	return out, err
}

// unitChunks hands a document's index documents to yield in chunks of about
// chunkRunes characters of text (0: everything in one chunk), so a document
// of a hundred megabytes is read, analysed and indexed a slice at a time
// instead of all at once. yield returning false stops early.
func unitChunks(in *DocInput, only *Partial, chunkRunes int, yield func([]*document.Document) bool) error {
	d := in.Doc
	shared := func(doc *document.Document) {
		addKeyword(doc, fDoc, string(d.ID), optFacet)
		addKeyword(doc, fDocName, strings.ToLower(d.Name), optFilter)
		addKeyword(doc, fKind, string(d.Kind), optFilter)
		for _, c := range in.Cases {
			addKeyword(doc, fCase, c, optFacet)
			addKeyword(doc, fCaseI, strings.ToLower(c), optFilter)
		}
		for _, a := range in.Attrs {
			addKeyword(doc, fAttr, attrTerm(a.Name, a.Value), optFilter)
		}
	}
	// chunks calls unit with each of n spans and its text, reading the text
	// a chunk at a time and handing each chunk's units to yield.
	chunks := func(n int, span func(i int) (qda.Span, bool), unit func(i int, text string) *document.Document) (bool, error) {
		var idx []int
		var spans []qda.Span
		size := 0
		flush := func() (bool, error) {
			if len(spans) == 0 {
				return true, nil
			}
			texts, err := in.texts(spans)
			if err != nil {
				return false, fmt.Errorf("search index: reading the text of %q: %w", d.Name, err)
			}
			units := make([]*document.Document, len(idx))
			for k, i := range idx {
				units[k] = unit(i, texts[k])
			}
			idx, spans, size = nil, nil, 0
			return yield(units), nil
		}
		for i := 0; i < n; i++ {
			sp, ok := span(i)
			if !ok {
				continue
			}
			idx, spans, size = append(idx, i), append(spans, sp), size+sp.Len()
			if chunkRunes > 0 && size >= chunkRunes {
				if ok, err := flush(); !ok || err != nil {
					return false, err
				}
			}
		}
		return flush()
	}
	passages := passagesOf(d)
	more, err := chunks(len(passages), func(i int) (qda.Span, bool) {
		return passages[i].Span, only == nil || only.hasPassage(i)
	}, func(i int, text string) *document.Document {
		p := passages[i]
		doc := document.NewDocument(passageID(d.ID, i))
		addKeyword(doc, fType, unitPassage, optFilter)
		addText(doc, text, 0)
		shared(doc)
		if p.Speaker != "" {
			addKeyword(doc, fSpeaker, strings.ToLower(p.Speaker), optFilter)
		}
		seen := map[string]bool{}
		for _, c := range in.Codings {
			if c.Span.Overlaps(p.Span) && !seen[c.CodePath] {
				seen[c.CodePath] = true
				addKeyword(doc, fCode, c.CodePath, optFacet)
				addKeyword(doc, fCodeI, strings.ToLower(c.CodePath), optFilter)
			}
			if c.Span.Overlaps(p.Span) && c.Coder != "" && !seen["\x00"+c.Coder] {
				seen["\x00"+c.Coder] = true // coder: finds the passages a coder coded
				addKeyword(doc, fCoderI, strings.ToLower(c.Coder), optFilter)
			}
		}
		return doc
	})
	if !more || err != nil {
		return err
	}
	_, err = chunks(len(in.Codings), func(i int) (qda.Span, bool) {
		c := &in.Codings[i]
		return c.Span, only == nil || only.hasCoding(c.ID)
	}, func(i int, text string) *document.Document {
		c := &in.Codings[i]
		doc := document.NewDocument(segmentID(c.ID))
		addKeyword(doc, fType, unitSegment, optFilter)
		addText(doc, text, 0)
		if c.Memo != "" {
			addText(doc, c.Memo, 1)
			addKeyword(doc, fBody, c.Memo, optStored)
		}
		shared(doc)
		addKeyword(doc, fCode, c.CodePath, optFacet)
		addKeyword(doc, fCodeI, strings.ToLower(c.CodePath), optFilter)
		addKeyword(doc, fCoder, c.Coder, optStoreIx)
		addKeyword(doc, fCoderI, strings.ToLower(c.Coder), optFilter)
		addKeyword(doc, fSpan, c.Span.String(), optStored)
		return doc
	})
	return err
}

// memoUnit turns a memo into an index document. A memo on a document, case or
// code carries that target in the matching filter field, so doc:, case: and
// code: narrow memos too.
func memoUnit(m *MemoInput) *document.Document {
	doc := document.NewDocument(memoID(m.ID))
	addKeyword(doc, fType, unitMemo, optFilter)
	addText(doc, m.Text, 0)
	if m.Title != "" {
		addText(doc, m.Title, 1)
		addKeyword(doc, fTitle, m.Title, optStored)
	}
	addKeyword(doc, fBody, m.Text, optStored)
	addKeyword(doc, fOn, string(m.On), optStored)
	if m.Target != "" {
		addKeyword(doc, fTarget, string(m.Target), optStored)
	}
	if m.TargetName != "" {
		addKeyword(doc, fTargetName, m.TargetName, optStored)
	}
	if m.Coder != "" {
		addKeyword(doc, fCoder, m.Coder, optStoreIx)
		addKeyword(doc, fCoderI, strings.ToLower(m.Coder), optFilter)
	}
	switch m.On {
	case qda.OnDocument:
		addKeyword(doc, fDoc, string(m.Target), optFacet)
		addKeyword(doc, fDocName, strings.ToLower(m.TargetName), optFilter)
	case qda.OnCase:
		addKeyword(doc, fCase, m.TargetName, optFacet)
		addKeyword(doc, fCaseI, strings.ToLower(m.TargetName), optFilter)
	case qda.OnCode:
		addKeyword(doc, fCode, m.TargetName, optFacet)
		addKeyword(doc, fCodeI, strings.ToLower(m.TargetName), optFilter)
	}
	return doc
}

func attrTerm(name, value string) string {
	return strings.ToLower(strings.TrimSpace(name)) + "=" + strings.ToLower(strings.TrimSpace(value))
}

// textAnalyzerInstance is shared by every text field; it holds no state.
var textAnalyzerInstance = textAnalyzer{}

func addText(doc *document.Document, text string, arrayPos uint64) {
	doc.AddField(document.NewTextFieldCustom(fText, []uint64{arrayPos}, []byte(text), optText, textAnalyzerInstance))
}

// addKeyword adds an unanalysed field: bleve indexes a field without an
// analyzer as one token, which is exactly a keyword.
func addKeyword(doc *document.Document, field, value string, opts index.FieldIndexingOptions) {
	doc.AddField(document.NewTextFieldCustom(field, nil, []byte(value), opts, nil))
}

// runeMap converts rune offsets to byte offsets in one text. It remembers the
// byte offset of every 64th rune, so a conversion walks at most 63 runes and
// the table costs an eighth of the text's rune count in ints.
type runeMap struct {
	s     string
	ascii bool
	cp    []int
	n     int // runes
}

const runeMapStep = 64

func newRuneMap(s string) *runeMap {
	m := &runeMap{s: s, ascii: true}
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			m.ascii = false
			break
		}
	}
	if m.ascii {
		m.n = len(s)
		return m
	}
	m.cp = make([]int, 0, len(s)/runeMapStep+1)
	r := 0
	for i := range s {
		if r%runeMapStep == 0 {
			m.cp = append(m.cp, i)
		}
		r++
	}
	m.n = r
	return m
}

// byteAt returns the byte offset of rune r, clamped to the text.
func (m *runeMap) byteAt(r int) int {
	if r <= 0 {
		return 0
	}
	if r >= m.n {
		return len(m.s)
	}
	if m.ascii {
		return r
	}
	b := m.cp[r/runeMapStep]
	for k := r % runeMapStep; k > 0; k-- {
		_, n := utf8.DecodeRuneInString(m.s[b:])
		b += n
	}
	return b
}

// slice returns the text of a rune span.
func (m *runeMap) slice(sp qda.Span) string { return m.s[m.byteAt(sp.Start):m.byteAt(sp.End)] }
