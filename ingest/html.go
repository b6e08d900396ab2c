package ingest

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"coder/qda"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// parseHTMLFile reads a web page saved to disk. A byte-order mark wins;
// then valid UTF-8; then a meta tag's declared character set; otherwise the
// bytes are detected like a text file's, since pages saved from Chinese
// sites often declare nothing (x/net/html then guesses Windows-1252).
func parseHTMLFile(p *parser, data []byte) error {
	enc, name, certain := charset.DetermineEncoding(data, "text/html")
	var s string
	if certain || (!utf8.Valid(data) && name != "windows-1252") {
		out, err := enc.NewDecoder().Bytes(data)
		if err != nil {
			return err
		}
		s = string(out)
		p.encoding = encodingName(name)
		if isBinary(s, binaryShare) {
			return p.binaryError()
		}
	} else {
		var err error
		if s, err = p.decodeText(data); err != nil {
			return err
		}
	}
	p.readHTML([]byte(s))
	return nil
}

// encodingName spells a WHATWG encoding label the way Source.Encoding
// records encodings elsewhere.
func encodingName(label string) string {
	switch label {
	case "utf-8":
		return encUTF8
	case "big5":
		return encBig5
	case "utf-16le":
		return encUTF16LE
	case "utf-16be":
		return encUTF16BE
	}
	return strings.ToUpper(label)
}

// Elements whose content is never text for the researcher.
var htmlSkip = map[string]bool{
	"script": true, "style": true, "template": true, "noscript": true, "svg": true,
	"iframe": true, "object": true, "select": true, "head": true, "title": true, "canvas": true,
}

// Elements that start and end a block of text.
var htmlBlock = map[string]bool{
	"p": true, "div": true, "section": true, "article": true, "header": true, "footer": true,
	"aside": true, "nav": true, "main": true, "blockquote": true, "pre": true, "ul": true,
	"ol": true, "li": true, "dl": true, "dt": true, "dd": true, "figure": true, "figcaption": true,
	"address": true, "center": true, "form": true, "fieldset": true, "legend": true,
	"details": true, "summary": true, "caption": true, "hr": true, "body": true, "html": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"table": true, "thead": true, "tbody": true, "tfoot": true,
}

// htmlReader turns a stream of HTML tokens into blocks. It keeps counters,
// not a tree, so deep or unclosed nesting costs nothing: the tokenizer
// streams and no element is remembered beyond the list counters (capped).
type htmlReader struct {
	p       *parser
	buf     strings.Builder
	heading int
	pre     int
	skip    int
	inHead  bool
	lists   []int // item counters of open lists; -1 for bullets
	tables  int
	row     []string
	inRow   bool
	cell    *strings.Builder
	prefix  string // a list item's bullet or number, written once it has text
}

// readHTML emits the blocks of an HTML or XHTML document.
func (p *parser) readHTML(data []byte) {
	h := &htmlReader{p: p}
	z := html.NewTokenizer(bytes.NewReader(data))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		tok := z.Token()
		name := strings.ToLower(tok.Data)
		switch tt {
		case html.TextToken:
			if h.skip == 0 && !h.inHead {
				h.text(tok.Data)
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			if h.inHead && !inHeadElement(name) {
				// Pages without </head> or <body> start their body with
				// the first element a head cannot hold.
				h.inHead = false
			}
			if name == "head" {
				h.inHead = tt == html.StartTagToken
				continue
			}
			if htmlSkip[name] {
				if tt == html.StartTagToken && !voidElement(name) {
					h.skip++
				}
				continue
			}
			if h.skip > 0 || h.inHead {
				continue
			}
			h.start(name, tt == html.SelfClosingTagToken)
		case html.EndTagToken:
			if name == "head" {
				h.inHead = false
				continue
			}
			if htmlSkip[name] {
				if h.skip > 0 {
					h.skip--
				}
				continue
			}
			if h.skip > 0 || h.inHead {
				continue
			}
			h.end(name)
		}
	}
	h.endRow()
	h.flush()
}

func inHeadElement(name string) bool {
	switch name {
	case "meta", "link", "base", "title", "style", "script", "noscript", "template", "head":
		return true
	}
	return false
}

func voidElement(name string) bool {
	switch name {
	case "br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr":
		return true
	}
	return false
}

func (h *htmlReader) text(s string) {
	if h.pre == 0 {
		s = strings.Map(func(r rune) rune {
			if r == '\n' || r == '\r' || r == '\t' || r == '\f' {
				return ' '
			}
			return r
		}, s)
	}
	if h.cell != nil {
		h.cell.WriteString(s)
		return
	}
	h.buf.WriteString(s)
}

func (h *htmlReader) start(name string, selfClosing bool) {
	switch {
	case name == "br":
		if h.cell != nil {
			h.cell.WriteByte(' ')
		} else {
			h.buf.WriteByte('\n')
		}
	case name == "tr":
		if h.tables <= 1 {
			h.endRow()
			h.flush()
			h.inRow = true
		}
	case name == "td" || name == "th":
		if h.tables > 1 && h.cell != nil {
			h.cell.WriteByte(' ')
			return
		}
		h.endCell()
		if !h.inRow {
			h.flush()
			h.inRow = true
		}
		h.cell = &strings.Builder{}
	case name == "table":
		h.tables++
		if h.tables == 1 {
			h.flush()
		}
	case h.cell != nil:
		// Blocks inside a table cell become spaces within the cell.
		if htmlBlock[name] {
			h.cell.WriteByte(' ')
		}
	case htmlBlock[name]:
		h.flush()
		switch name {
		case "h1", "h2", "h3", "h4", "h5", "h6":
			h.heading++
		case "pre":
			h.pre++
		case "ul", "ol":
			if len(h.lists) < MaxDepth && !selfClosing {
				c := -1
				if name == "ol" {
					c = 0
				}
				h.lists = append(h.lists, c)
			}
		case "li":
			if n := len(h.lists); n > 0 && h.lists[n-1] >= 0 {
				h.lists[n-1]++
				h.prefix = fmt.Sprintf("%d. ", h.lists[n-1])
			} else {
				h.prefix = "• "
			}
		}
	}
}

func (h *htmlReader) end(name string) {
	switch {
	case name == "td" || name == "th":
		if h.tables <= 1 {
			h.endCell()
		}
	case name == "tr":
		if h.tables <= 1 {
			h.endRow()
		}
	case name == "table":
		if h.tables > 0 {
			h.tables--
		}
		if h.tables == 0 {
			h.endRow()
		}
	case h.cell != nil:
	case htmlBlock[name]:
		h.flush()
		switch name {
		case "h1", "h2", "h3", "h4", "h5", "h6":
			if h.heading > 0 {
				h.heading--
			}
		case "pre":
			if h.pre > 0 {
				h.pre--
			}
		case "ul", "ol":
			if n := len(h.lists); n > 0 {
				h.lists = h.lists[:n-1]
			}
			h.prefix = ""
		}
	}
}

func (h *htmlReader) endCell() {
	if h.cell != nil {
		h.row = append(h.row, collapseSpace(h.cell.String()))
		h.cell = nil
	}
}

func (h *htmlReader) endRow() {
	h.endCell()
	if h.inRow {
		h.p.block(qda.PassageRow, strings.Join(h.row, "\t"))
		h.row, h.inRow = nil, false
	}
}

// flush emits the text gathered so far as a block: a heading inside h1-h6,
// a paragraph otherwise. Outside pre, spaces collapse but line breaks from
// <br> stay.
func (h *htmlReader) flush() {
	s := h.buf.String()
	h.buf.Reset()
	if h.pre == 0 {
		lines := strings.Split(s, "\n")
		for i, l := range lines {
			lines[i] = collapseSpace(l)
		}
		s = strings.Join(lines, "\n")
	}
	if strings.TrimSpace(s) == "" {
		return
	}
	if h.pre > 0 {
		s = strings.Trim(s, "\n")
	}
	kind := qda.PassageParagraph
	if h.heading > 0 {
		kind = qda.PassageHeading
	}
	h.p.block(kind, h.prefix+strings.TrimLeft(s, " "))
	h.prefix = ""
}
