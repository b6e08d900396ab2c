package ingest

import (
	"fmt"
	"strings"
	"unicode/utf16"

	"coder/qda"
)

// word acts on one control word.
func (r *rtfReader) word(w string, n int, hasNum bool) {
	if rtfSkip[w] {
		r.skipGroup()
		return
	}
	switch w {
	case "bin":
		if hasNum && n > 0 {
			r.i = min(len(r.data), r.i+n)
		}
	case "ansicpg":
		if n > 0 {
			r.codepage = n
		}
	case "fonttbl", "stylesheet":
		r.g.dest = w
		r.entry.Reset()
		r.entryNum, r.entryCS, r.entryHd = -1, -1, false
	case "footnote":
		r.footnotes++
		r.text(fmt.Sprintf("[%d]", r.footnotes))
		r.g.dest = "footnote"
	case "annotation":
		r.g.dest = "annotation"
	case "atnauthor":
		r.g.dest = "atnauthor"
	case "chftn":
		// The footnote number: written by the footnote reader itself.
	case "deff":
		r.deff = n
		r.g.font = n
	case "plain":
		r.g.font = r.deff
	case "f":
		if r.g.dest == "fonttbl" {
			r.entryNum = n
		} else {
			r.g.font = n
		}
	case "fcharset":
		r.entryCS = n
	case "cpg":
		if r.g.dest == "fonttbl" && n > 0 {
			r.entryCS = -n // a code page given directly
		}
	case "s":
		if r.g.dest == "stylesheet" {
			r.entryNum = n
		} else if r.g.dest == "" && r.styles[n] {
			r.g.heading = true
		}
	case "outlinelevel":
		if r.g.dest == "" || r.g.dest == "stylesheet" {
			if r.g.dest == "stylesheet" {
				r.entryHd = n < 9
			} else {
				r.g.heading = n < 9
			}
		}
	case "uc":
		if n >= 0 && n < 10 {
			r.g.uc = n
		}
	case "u":
		r.unicode(n)
	case "par":
		if r.g.table && r.g.dest == "" {
			r.text(" ")
		} else {
			r.endParagraph()
		}
	case "sect", "page", "column":
		r.endParagraph()
	case "pard":
		r.g.heading, r.g.table = false, false
	case "intbl":
		r.g.table = true
	case "cell", "nestcell":
		r.endCell()
	case "row", "nestrow":
		r.endRow()
	case "line":
		r.text("\n")
	case "tab":
		r.text("\t")
	case "emdash":
		r.text("—")
	case "endash":
		r.text("–")
	case "bullet":
		r.text("•")
	case "lquote":
		r.text("‘")
	case "rquote":
		r.text("’")
	case "ldblquote":
		r.text("“")
	case "rdblquote":
		r.text("”")
	case "emspace", "enspace", "qmspace":
		r.text(" ")
	}
}

// unicode writes \uN, pairing surrogates, and arranges to skip the
// fallback characters that follow it.
func (r *rtfReader) unicode(n int) {
	if n < 0 {
		n += 65536
	}
	c := rune(n)
	r.skipN = r.g.uc
	switch {
	case utf16.IsSurrogate(c) && c < 0xDC00:
		r.high = c
		return
	case utf16.IsSurrogate(c):
		if r.high != 0 {
			c = utf16.DecodeRune(r.high, c)
		}
		r.high = 0
		if c == '\uFFFD' || utf16.IsSurrogate(c) {
			return
		}
	default:
		r.high = 0
	}
	r.text(string(c))
}

// text routes decoded text to the destination being read.
func (r *rtfReader) text(s string) {
	switch r.g.dest {
	case "":
		r.para.WriteString(s)
	case "footnote", "annotation":
		r.note.WriteString(s)
	case "atnauthor":
		r.author.WriteString(s)
	case "fonttbl", "stylesheet":
		r.entry.WriteString(s)
	}
}

// endEntry records a font's code page or a style's heading-ness.
func (r *rtfReader) endEntry(table string) {
	name := strings.ToLower(strings.TrimSpace(r.entry.String()))
	switch table {
	case "fonttbl":
		if r.entryNum >= 0 {
			if r.entryCS < -1 {
				r.fonts[r.entryNum] = -r.entryCS
			} else if cp, ok := rtfCharsetPage[r.entryCS]; ok && r.entryCS != 0 {
				r.fonts[r.entryNum] = cp
			}
		}
	case "stylesheet":
		if r.entryNum >= 0 && (r.entryHd || strings.HasPrefix(name, "heading") || name == "title") {
			r.styles[r.entryNum] = true
		}
	}
	r.entry.Reset()
	r.entryNum, r.entryCS, r.entryHd = -1, -1, false
}

func (r *rtfReader) endParagraph() {
	r.flushBytes()
	kind := qda.PassageParagraph
	if r.g.heading {
		kind = qda.PassageHeading
	}
	if r.g.dest != "" {
		if r.g.dest == "footnote" || r.g.dest == "annotation" {
			r.note.WriteByte(' ')
		}
		return
	}
	r.p.block(kind, r.para.String())
	r.para.Reset()
}

func (r *rtfReader) endCell() {
	r.flushBytes()
	if r.g.dest != "" {
		r.text(" ")
		return
	}
	r.cells = append(r.cells, collapseSpace(r.para.String()))
	r.para.Reset()
}

func (r *rtfReader) endRow() {
	r.flushBytes()
	if len(r.cells) == 0 {
		return
	}
	if rest := collapseSpace(r.para.String()); rest != "" {
		r.cells = append(r.cells, rest)
	}
	r.para.Reset()
	r.p.block(qda.PassageRow, strings.Join(r.cells, "\t"))
	r.cells = nil
}
