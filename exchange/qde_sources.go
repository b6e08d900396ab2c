package exchange

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"coder/qda"
)

func (r *qdeReader) readSources(s *xSources) {
	for i := range s.Text {
		x := &s.Text[i]
		r.readTextSource(x, x.Name)
	}
	for _, x := range s.PDF {
		name := cleanName(x.Name)
		if x.Representation == nil {
			r.rep.warnf("PDF source %q skipped: it has no text representation, and Coder works with text", name)
			r.rep.Counts["skipped sources"]++
			continue
		}
		rep := *x.Representation
		// The representation is the PDF's text. The document stands for the
		// PDF, under its name and GUID, so cases and sets listing it find it.
		rep.GUID = x.GUID
		rep.Created = x.Created
		rep.NoteRefs = append(rep.NoteRefs, x.NoteRefs...)
		rep.Values = append(rep.Values, x.Values...)
		if n := len(x.Selections); n > 0 {
			r.rep.warnf("PDF source %q: %s skipped (its text selections are read)", name, qda.Plural(n, "area selection", "area selections"))
		}
		r.readTextSource(&rep, name)
	}
	skip := func(kind string, xs []xMediaSource) {
		for _, x := range xs {
			r.rep.warnf("%s source %q skipped: Coder works with text", kind, cleanName(x.Name))
			r.rep.Counts["skipped sources"]++
		}
	}
	skip("picture", s.Picture)
	skip("audio", s.Audio)
	skip("video", s.Video)
}

// readTextSource turns one text source and its selections into a document
// and codings. A source whose text is not in the file is reported by name and
// not created: a document without its text would be an invention.
func (r *qdeReader) readTextSource(x *xTextSource, name string) {
	name = cleanName(name)
	if name == "" {
		name = "Untitled source"
	}
	name = r.uniqueDocName(name)
	what := fmt.Sprintf("source %q", name)
	id := r.id(x.GUID, what)
	var raw string
	var data []byte
	ok := false
	if x.PlainTextContent != nil {
		raw, data, ok = strings.TrimPrefix(*x.PlainTextContent, "\uFEFF"), []byte(*x.PlainTextContent), true
	} else {
		raw, data, ok = r.loadText(x.PlainTextPath, id, what)
	}
	if !ok {
		// Reported once, by name, in MissingSources: not also as a warning.
		r.rep.MissingSources = append(r.rep.MissingSources, name)
		r.rep.LostSelections[name] = len(x.Selections)
		return
	}
	text, m := normalizeWithMap(raw)
	sum := sha256.Sum256(data)
	file := path.Base(strings.ReplaceAll(stripScheme(x.PlainTextPath), "\\", "/"))
	if file == "." || file == "/" || file == "" {
		file = sourceFileName(id)
	}
	doc := qda.Document{
		ID:       id,
		Name:     name,
		Kind:     qda.KindOther,
		Text:     text,
		Passages: passagesOf(text),
		Source:   qda.Source{FileName: file, Format: "txt", Encoding: "UTF-8", SHA256: hex.EncodeToString(sum[:]), Size: int64(len(data))},
		Imported: parseTime(x.Created),
		Chars:    utf8.RuneCountInString(text),
	}
	r.docs[id] = len(r.b.Documents)
	r.b.Documents = append(r.b.Documents, doc)

	pos := newPositioner(raw, r.unit, m)
	bad, clamped, moved, uncoded := 0, 0, 0, 0
	for _, s := range x.Selections {
		a, okA := atoi(s.Start)
		b, okB := atoi(s.End)
		sp, fromStart, cutEnd, okS := pos.span(a, b)
		if !okA || !okB || !okS {
			bad++
			continue
		}
		if fromStart {
			moved++
		}
		if cutEnd {
			clamped++
		}
		r.rep.Counts["selections"]++
		sel := ref(s.GUID)
		memo := s.Description
		if strings.TrimSpace(memo) == "" {
			memo = ""
		}
		for _, c := range s.Codings {
			cid := r.addCoding(c, id, sp, memo, s.CreatingUser, s.Created, what)
			if cid != "" && sel != "" && r.selCoding[sel] == "" {
				r.selCoding[sel] = cid
			}
		}
		first := r.selCoding[sel]
		for _, n := range s.NoteRefs {
			if first != "" {
				r.attachNote(n, qda.OnCoding, first)
			} else {
				r.attachNote(n, qda.OnDocument, id)
			}
		}
		if len(s.Codings) == 0 {
			if memo != "" {
				r.b.Memos = append(r.b.Memos, r.selectionMemo(s, id, sp, memo))
			} else {
				uncoded++
			}
		}
	}
	whole := qda.Span{Start: 0, End: doc.Chars}
	for _, c := range x.Codings {
		if whole.Empty() {
			bad++
			continue
		}
		r.addCoding(c, id, whole, "", x.CreatingUser, x.Created, what)
	}
	for _, n := range x.NoteRefs {
		r.attachNote(n, qda.OnDocument, id)
	}
	for _, v := range x.Values {
		r.values = append(r.values, pendingValue{x: v, owner: id, scope: qda.ScopeDocument, what: what})
	}
	if bad > 0 {
		r.rep.warnf("%s: %s skipped: positions unreadable, empty or past the end of the text", what, qda.Plural(bad, "selection", "selections"))
	}
	if moved > 0 {
		r.rep.warnf("%s: %s started before the text (a negative position) and now start%s at its beginning", what, qda.Plural(moved, "selection", "selections"), map[bool]string{true: "s", false: ""}[moved == 1])
	}
	if clamped > 0 {
		r.rep.warnf("%s: %s ran past the text and %s cut at its end", what, qda.Plural(clamped, "selection", "selections"), map[bool]string{true: "was", false: "were"}[clamped == 1])
	}
	if uncoded > 0 {
		r.rep.warnf("%s: %s without codes or comments skipped", what, qda.Plural(uncoded, "selection", "selections"))
	}
}

// uniqueDocName returns name, or name with " (2)", " (3)"... when an earlier
// source of the file took it: tools such as QualCoder leave sources unnamed
// or give two sources one name, and a document's name must be unique.
func (r *qdeReader) uniqueDocName(name string) string {
	candidate := name
	for n := 2; r.docNames[strings.ToLower(candidate)]; n++ {
		candidate = fmt.Sprintf("%s (%d)", name, n)
	}
	r.docNames[strings.ToLower(candidate)] = true
	return candidate
}

// selectionMemo keeps the comment on an uncoded selection (an ATLAS.ti
// quotation with a comment) as a memo on its document, saying where it was.
func (r *qdeReader) selectionMemo(s xSelection, doc qda.ID, sp qda.Span, text string) qda.Memo {
	id := r.id(s.GUID, "selection comment")
	m := qda.Memo{
		ID:       id,
		On:       qda.OnDocument,
		Target:   doc,
		Title:    fmt.Sprintf("Comment on characters %d-%d", sp.Start, sp.End),
		Text:     NormalizeText(text),
		Coder:    r.coder(s.CreatingUser),
		Created:  parseTime(s.Created),
		Modified: parseTime(s.Modified),
	}
	if m.Modified.IsZero() {
		m.Modified = m.Created
	}
	return m
}

// addCoding adds one coding of a selection; the selection's user and time
// stand in for the coding's when it has none.
func (r *qdeReader) addCoding(c xCoding, doc qda.ID, sp qda.Span, memo, user, created, what string) qda.ID {
	var code qda.ID
	if c.CodeRef != nil {
		code = ref(c.CodeRef.id())
	}
	if !r.codes[code] {
		r.rep.warnf("%s: a coding refers to a code that is not in the codebook; skipped", what)
		return ""
	}
	id := r.id(c.GUID, "a coding in "+what)
	if c.CreatingUser != "" {
		user = c.CreatingUser
	}
	if c.Created != "" {
		created = c.Created
	}
	r.b.Codings = append(r.b.Codings, qda.Coding{
		ID:       id,
		Document: doc,
		Code:     code,
		Span:     sp,
		Coder:    r.coder(user),
		Created:  parseTime(created),
		Memo:     memo,
	})
	for _, n := range c.NoteRefs {
		r.attachNote(n, qda.OnCoding, id)
	}
	return id
}

// stripScheme removes internal:// and similar prefixes; tools differ in
// whether they write one at all.
func stripScheme(p string) string {
	p = strings.TrimSpace(p)
	if i := strings.Index(p, "://"); i >= 0 {
		p = p[i+3:]
	} else if strings.HasPrefix(strings.ToLower(p), "internal:") {
		p = p[len("internal:"):]
	}
	return p
}

// loadText reads a source's plain text through the SourceFS. It returns the
// text with any byte order mark removed, and the file's bytes.
func (r *qdeReader) loadText(ref string, id qda.ID, what string) (string, []byte, bool) {
	if r.src == nil {
		return "", nil, false
	}
	scheme := strings.ToLower(ref)
	if strings.HasPrefix(scheme, "relative:") || strings.HasPrefix(scheme, "absolute:") || strings.HasPrefix(scheme, "file:") {
		r.rep.warnf("%s: its text is outside the project file (%s); Coder reads only texts inside it", what, ref)
		return "", nil, false
	}
	rel := strings.TrimLeft(strings.ReplaceAll(stripScheme(ref), "\\", "/"), "/")
	if rel == "" {
		rel = sourceFileName(id)
	}
	if i := strings.Index(rel, "/"); i >= 0 && strings.EqualFold(rel[:i], "sources") {
		rel = rel[i+1:]
	}
	for _, part := range strings.Split(rel, "/") {
		if part == ".." {
			r.rep.warnf("%s: its text path %q points outside the project; ignored", what, ref)
			return "", nil, false
		}
	}
	data, err := r.src.ReadSource(rel)
	if errors.Is(err, fs.ErrNotExist) && strings.Contains(rel, "/") {
		data, err = r.src.ReadSource(path.Base(rel))
	}
	if errors.Is(err, fs.ErrNotExist) && id != "" {
		// The file named by the source's own GUID, as the standard lays
		// the archive out, whatever the path attribute says.
		data, err = r.src.ReadSource(sourceFileName(id))
	}
	if err != nil {
		return "", nil, false
	}
	utf, _, err := toUTF8(data)
	if err != nil || !utf8.Valid(utf) {
		dec, derr := charmap.Windows1252.NewDecoder().Bytes(data)
		if derr != nil {
			return "", nil, false
		}
		r.rep.warnf("%s: its text is not UTF-8 as REFI-QDA requires; it was read as Windows-1252", what)
		utf = dec
	}
	return string(utf), data, true
}

// passagesOf splits a text into paragraphs: blocks between blank lines when
// the text has any, else single lines. Whitespace-only stretches belong to no
// passage.
func passagesOf(text string) []qda.Passage {
	sep := "\n"
	if strings.Contains(text, "\n\n") {
		sep = "\n\n"
	}
	var out []qda.Passage
	runes, off := 0, 0
	for off <= len(text) {
		end := strings.Index(text[off:], sep)
		if end < 0 {
			end = len(text) - off
		}
		block := text[off : off+end]
		n := utf8.RuneCountInString(block)
		lead := utf8.RuneCountInString(block) - utf8.RuneCountInString(strings.TrimLeft(block, " \t\n"))
		trail := utf8.RuneCountInString(block) - utf8.RuneCountInString(strings.TrimRight(block, " \t\n"))
		if lead < n {
			out = append(out, qda.Passage{Span: qda.Span{Start: runes + lead, End: runes + n - trail}, Kind: qda.PassageParagraph})
		}
		runes += n + utf8.RuneCountInString(sep)
		off += end + len(sep)
	}
	return out
}
