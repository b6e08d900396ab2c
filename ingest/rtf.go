package ingest

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"coder/qda"
)

// rtfSkip lists destinations whose content is not document text: tables of
// fonts, colours and styles (read separately where useful), metadata,
// pictures and embedded objects, headers and footers (they repeat on every
// page), field instructions (the field's result is kept) and bookmarks.
var rtfSkip = map[string]bool{
	"colortbl": true, "info": true, "pict": true, "object": true, "objdata": true,
	"header": true, "headerl": true, "headerr": true, "headerf": true,
	"footer": true, "footerl": true, "footerr": true, "footerf": true,
	"listtable": true, "listoverridetable": true, "rsidtbl": true, "generator": true,
	"themedata": true, "colorschememapping": true, "latentstyles": true, "datastore": true,
	"xmlnstbl": true, "filetbl": true, "revtbl": true, "pgdsctbl": true, "fldinst": true,
	"bkmkstart": true, "bkmkend": true, "nonshppict": true, "shpinst": true, "mmathPr": true,
	"wgrffmtfilter": true, "docvar": true, "template": true, "userprops": true,
	"atnid": true, "atndate": true, "atnref": true, "fldtype": true, "listtext": true,
	"pntext": true, "pntxta": true, "pntxtb": true, "xe": true, "tc": true, "txe": true,
	"private": true, "protusertbl": true, "passwordhash": true, "ftnsep": true, "ftnsepc": true,
	"ftncn": true, "aftnsep": true, "aftnsepc": true, "aftncn": true,
}

// rtfCharsetPage maps \fcharset values to Windows code pages.
var rtfCharsetPage = map[int]int{
	0: 1252, 77: 10000, 128: 932, 129: 949, 134: 936, 136: 950, 161: 1253, 162: 1254,
	163: 1258, 177: 1255, 178: 1256, 186: 1257, 204: 1251, 222: 874, 238: 1250,
}

// rtfGroup is the state RTF saves and restores with each { }.
type rtfGroup struct {
	dest    string // "" for the body; "fonttbl", "footnote", "annotation", "atnauthor", "stylesheet"
	uc      int    // characters to skip after \uN
	font    int
	heading bool
	table   bool
}

type rtfReader struct {
	p        *parser
	data     []byte
	i        int
	g        rtfGroup
	stack    []rtfGroup
	codepage int
	deff     int         // the default font
	fonts    map[int]int // font number -> code page
	styles   map[int]bool
	pending  []byte // \'xx bytes not yet decoded
	skipN    int    // fallback characters still to skip after \uN
	high     rune   // a high surrogate waiting for its pair

	para     strings.Builder
	cells    []string
	note     strings.Builder
	author   strings.Builder
	lastAuth string
	entry    strings.Builder // a font or style table entry's name
	entryNum int
	entryCS  int
	entryHd  bool

	footnotes, comments int
}

// parseRTF reads a Rich Text Format document: paragraphs (\par), table rows
// (\cell, \row), headings (\outlinelevel or a "heading" style), Unicode
// escapes with their fallback skipped (\uN, \ucN), and \'xx bytes in the
// document's or the font's code page (GBK for \ansicpg936 or
// \fcharset134, Big5 for 950 or 136, and the Windows code pages). Footnotes
// and comments are appended as notes.
func parseRTF(p *parser, data []byte) error {
	if !bytes.HasPrefix(bytes.TrimLeft(data, " \t\r\n\ufeff"), []byte(`{\rtf`)) {
		if bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF, '{', '\\', 'r', 't', 'f'}) {
			data = data[3:]
		} else {
			return &qda.Error{What: p.name, Why: "this is not an RTF file (it does not start with {\\rtf)", Fix: "check the file's extension, or save it again as RTF"}
		}
	}
	r := &rtfReader{p: p, data: data, codepage: 1252, fonts: map[int]int{}, styles: map[int]bool{}, g: rtfGroup{uc: 1, font: -1}}
	if err := r.run(); err != nil {
		return err
	}
	p.encoding = codePageName(r.codepage)
	return nil
}

func (r *rtfReader) run() error {
	for r.i < len(r.data) {
		c := r.data[r.i]
		switch c {
		case '{':
			r.i++
			r.flushBytes()
			if len(r.stack) >= MaxDepth {
				return depthError(r.p, "RTF")
			}
			r.stack = append(r.stack, r.g)
		case '}':
			r.i++
			r.flushBytes()
			r.endGroup()
		case '\\':
			if err := r.control(); err != nil {
				return err
			}
		case '\r', '\n':
			r.i++
		default:
			r.i++
			r.literal(c)
		}
	}
	r.flushBytes()
	r.endParagraph()
	r.endRow()
	// Unclosed groups end with the file; a note opened outside any group
	// (damaged files do this) is finished all the same.
	for len(r.stack) > 0 {
		r.endGroup()
	}
	r.finishDest(r.g.dest)
	return nil
}

// endGroup restores the enclosing group's state, finishing any note or
// table entry the group held.
func (r *rtfReader) endGroup() {
	if len(r.stack) == 0 {
		return
	}
	prev := r.g
	r.g = r.stack[len(r.stack)-1]
	r.stack = r.stack[:len(r.stack)-1]
	r.skipN = 0
	if prev.dest != r.g.dest {
		r.finishDest(prev.dest)
	}
}

// finishDest completes what a destination gathered: a note, a comment's
// author, a table entry.
func (r *rtfReader) finishDest(dest string) {
	switch dest {
	case "footnote":
		if t := collapseSpace(r.note.String()); t != "" {
			r.p.addNote(fmt.Sprintf("[Footnote %d]", r.footnotes), t)
		}
		r.note.Reset()
	case "annotation":
		r.comments++
		if t := collapseSpace(r.note.String()); t != "" {
			m := fmt.Sprintf("[Comment %d]", r.comments)
			if r.lastAuth != "" {
				m = fmt.Sprintf("[Comment %d, %s]", r.comments, r.lastAuth)
			}
			r.p.addNote(m, t)
		}
		r.note.Reset()
		r.lastAuth = ""
	case "atnauthor":
		r.lastAuth = collapseSpace(r.author.String())
		r.author.Reset()
	case "fonttbl", "stylesheet":
		r.endEntry(dest)
	}
}

// control reads one control word or symbol at r.i (a backslash).
func (r *rtfReader) control() error {
	r.i++
	if r.i >= len(r.data) {
		return nil
	}
	c := r.data[r.i]
	if !isASCIILetter(c) {
		r.i++
		switch c {
		case '\'':
			if r.i+2 <= len(r.data) {
				if b, err := strconv.ParseUint(string(r.data[r.i:r.i+2]), 16, 8); err == nil {
					r.i += 2
					if r.skipN > 0 {
						r.skipN--
						return nil
					}
					r.pending = append(r.pending, byte(b))
					return nil
				}
			}
		case '{', '}', '\\':
			r.literal(c)
		case '~':
			r.text("\u00a0")
		case '_':
			r.text("-")
		case '*':
			// An ignorable destination: skip it unless it is one we read.
			if word, _, _ := r.peekWord(); !rtfKeep(word) {
				r.skipGroup()
			}
		case '\r', '\n':
			r.endParagraph()
		case '-':
			// An optional hyphen: invisible unless a line breaks there.
		default:
			r.skipFallback()
		}
		return nil
	}
	word, num, hasNum := r.readWord()
	r.flushBytes()
	r.word(word, num, hasNum)
	return nil
}

// rtfKeep names the \* destinations whose content is read.
func rtfKeep(word string) bool {
	return word == "atnauthor" || word == "annotation" || word == "footnote"
}

// peekWord reads the control word after "\*" without consuming it.
func (r *rtfReader) peekWord() (string, int, bool) {
	save := r.i
	for r.i < len(r.data) && (r.data[r.i] == ' ' || r.data[r.i] == '\r' || r.data[r.i] == '\n') {
		r.i++
	}
	if r.i >= len(r.data) || r.data[r.i] != '\\' {
		r.i = save
		return "", 0, false
	}
	r.i++
	w, n, ok := r.readWord()
	r.i = save
	return w, n, ok
}

// readWord reads a control word's letters, optional signed number and the
// one space that may end it.
func (r *rtfReader) readWord() (string, int, bool) {
	start := r.i
	for r.i < len(r.data) && isASCIILetter(r.data[r.i]) && r.i-start < 32 {
		r.i++
	}
	word := string(r.data[start:r.i])
	numStart := r.i
	if r.i < len(r.data) && r.data[r.i] == '-' {
		r.i++
	}
	for r.i < len(r.data) && r.data[r.i] >= '0' && r.data[r.i] <= '9' && r.i-numStart < 11 {
		r.i++
	}
	num, hasNum := 0, false
	if r.i > numStart {
		if n, err := strconv.Atoi(string(r.data[numStart:r.i])); err == nil {
			num, hasNum = n, true
		}
	}
	if r.i < len(r.data) && r.data[r.i] == ' ' {
		r.i++
	}
	return word, num, hasNum
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// skipGroup skips to the end of the current group, which the caller has
// just opened, honouring escaped braces and \bin data.
func (r *rtfReader) skipGroup() {
	depth := 1
	for r.i < len(r.data) && depth > 0 {
		switch r.data[r.i] {
		case '{':
			depth++
		case '}':
			depth--
		case '\\':
			r.i++
			if r.i < len(r.data) && isASCIILetter(r.data[r.i]) {
				word, n, ok := r.readWord()
				if word == "bin" && ok && n > 0 {
					r.i = min(len(r.data), r.i+n)
				}
				continue
			}
		}
		r.i++
	}
	if depth == 0 && len(r.stack) > 0 {
		r.g = r.stack[len(r.stack)-1]
		r.stack = r.stack[:len(r.stack)-1]
	}
	r.skipN = 0
}

func (r *rtfReader) skipFallback() {
	if r.skipN > 0 {
		r.skipN--
	}
}

// literal handles a plain byte of the file.
func (r *rtfReader) literal(c byte) {
	if r.skipN > 0 {
		r.skipN--
		return
	}
	if c >= 0x80 || (len(r.pending) > 0 && dbcsAwaitingTrail(r.page(), r.pending)) {
		r.pending = append(r.pending, c)
		return
	}
	r.flushBytes()
	if r.g.dest == "fonttbl" || r.g.dest == "stylesheet" {
		if c == ';' {
			r.endEntry(r.g.dest)
			return
		}
	}
	r.text(string(rune(c)))
}

// page is the code page \'xx bytes are in: the current font's, if it names
// one, else the document's.
func (r *rtfReader) page() int {
	if cp, ok := r.fonts[r.g.font]; ok && cp > 0 {
		return cp
	}
	return r.codepage
}

func (r *rtfReader) flushBytes() {
	if len(r.pending) == 0 {
		return
	}
	b := r.pending
	r.pending = r.pending[:0]
	r.text(decodeCodePage(r.page(), b))
}
