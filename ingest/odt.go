package ingest

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"coder/qda"
)

// parseODT reads an OpenDocument text: headings (text:h), paragraphs, list
// items, table rows, with footnotes and endnotes (text:note) and comments
// (office:annotation) appended as notes. Deleted tracked changes are left out.
func parseODT(p *parser, data []byte) error {
	a, err := p.openArchive(data, "ODT")
	if err != nil {
		return err
	}
	content, err := a.read("content.xml")
	if err != nil {
		return err
	}
	o := &odtWalker{p: p}
	return o.walk(p.newXML(content, "content.xml"))
}

type odtWalker struct {
	p         *parser
	footnotes int
	endnotes  int
	comments  int
}

// odtBlock is a paragraph or heading being read.
type odtBlock struct {
	text    strings.Builder
	heading bool
}

func (o *odtWalker) walk(x *xmlReader) error {
	var blocks []*odtBlock
	var rows [][]string
	var cells []*strings.Builder
	listDepth := 0
	inBody := false
	for {
		t, err := x.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		var cur *odtBlock
		if len(blocks) > 0 {
			cur = blocks[len(blocks)-1]
		}
		switch e := t.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "body":
				inBody = true
			case "tracked-changes", "note-citation", "sequence-decls", "forms":
				if err := x.skip(); err != nil {
					return err
				}
			case "p", "h":
				if inBody {
					blocks = append(blocks, &odtBlock{heading: e.Name.Local == "h"})
				}
			case "list":
				listDepth++
			case "s":
				if cur != nil {
					n, err := strconv.Atoi(attr(e, "c"))
					if err != nil || n < 1 {
						n = 1
					}
					cur.text.WriteString(strings.Repeat(" ", min(n, 100)))
				}
			case "tab":
				if cur != nil {
					cur.text.WriteByte('\t')
				}
			case "line-break":
				if cur != nil {
					cur.text.WriteByte('\n')
				}
			case "note":
				marker, text, err := o.note(x, attr(e, "note-class"))
				if err != nil {
					return err
				}
				if cur != nil {
					cur.text.WriteString(marker)
				}
				if text != "" {
					o.p.addNote(o.noteMarker(attr(e, "note-class")), text)
				}
			case "annotation":
				author, text, err := o.annotation(x)
				if err != nil {
					return err
				}
				if text != "" {
					o.comments++
					m := fmt.Sprintf("[Comment %d]", o.comments)
					if author != "" {
						m = fmt.Sprintf("[Comment %d, %s]", o.comments, author)
					}
					o.p.addNote(m, text)
				}
			case "table-row":
				rows = append(rows, nil)
			case "table-cell", "covered-table-cell":
				cells = append(cells, &strings.Builder{})
			}
		case xml.CharData:
			if cur != nil {
				// ODF collapses white space in text content; text:s,
				// text:tab and text:line-break carry the meaningful ones.
				cur.text.WriteString(strings.Map(func(r rune) rune {
					if r == '\n' || r == '\r' || r == '\t' {
						return ' '
					}
					return r
				}, string(e)))
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "list":
				listDepth--
			case "p", "h":
				if cur == nil {
					break
				}
				blocks = blocks[:len(blocks)-1]
				text := cur.text.String()
				if len(cells) > 0 {
					c := cells[len(cells)-1]
					if c.Len() > 0 && strings.TrimSpace(text) != "" {
						c.WriteByte(' ')
					}
					c.WriteString(collapseSpace(text))
					break
				}
				if len(blocks) > 0 {
					// A paragraph inside another (a frame's text): keep it
					// as its own block.
					o.p.block(qda.PassageParagraph, text)
					break
				}
				kind := qda.PassageParagraph
				if cur.heading {
					kind = qda.PassageHeading
				} else if listDepth > 0 && strings.TrimSpace(text) != "" {
					text = "• " + text
				}
				o.p.block(kind, text)
			case "table-cell", "covered-table-cell":
				if len(cells) == 0 || len(rows) == 0 {
					break
				}
				c := cells[len(cells)-1]
				cells = cells[:len(cells)-1]
				if e.Name.Local == "table-cell" {
					rows[len(rows)-1] = append(rows[len(rows)-1], strings.TrimSpace(c.String()))
				}
			case "table-row":
				if len(rows) == 0 {
					break
				}
				row := rows[len(rows)-1]
				rows = rows[:len(rows)-1]
				if len(cells) > 0 {
					c := cells[len(cells)-1]
					if c.Len() > 0 {
						c.WriteByte(' ')
					}
					c.WriteString(strings.Join(row, " "))
					break
				}
				o.p.block(qda.PassageRow, strings.Join(row, "\t"))
			}
		}
	}
}

func (o *odtWalker) noteMarker(class string) string {
	if class == "endnote" {
		return fmt.Sprintf("[Endnote %d]", o.endnotes)
	}
	return fmt.Sprintf("[Footnote %d]", o.footnotes)
}

// note reads a text:note element: it returns the reference marker for the
// body and the note's text.
func (o *odtWalker) note(x *xmlReader, class string) (string, string, error) {
	n := 0
	if class == "endnote" {
		o.endnotes++
		n = o.endnotes
	} else {
		o.footnotes++
		n = o.footnotes
	}
	text, err := o.innerText(x, map[string]bool{"note-citation": true})
	return fmt.Sprintf("[%d]", n), text, err
}

// annotation reads an office:annotation: its author and text.
func (o *odtWalker) annotation(x *xmlReader) (string, string, error) {
	var author strings.Builder
	var parts []string
	var cur *strings.Builder
	inCreator := false
	start := x.depth
	for {
		t, err := x.next()
		if err != nil {
			return "", "", err
		}
		switch e := t.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "creator":
				inCreator = true
			case "p", "h":
				cur = &strings.Builder{}
			case "s", "tab", "line-break":
				if cur != nil {
					cur.WriteByte(' ')
				}
			}
		case xml.CharData:
			if inCreator {
				author.Write(e)
			} else if cur != nil {
				cur.Write(e)
			}
		case xml.EndElement:
			if x.depth < start {
				return collapseSpace(author.String()), strings.Join(parts, " "), nil
			}
			switch e.Name.Local {
			case "creator":
				inCreator = false
			case "p", "h":
				if cur != nil {
					if s := collapseSpace(cur.String()); s != "" {
						parts = append(parts, s)
					}
					cur = nil
				}
			}
		}
	}
}

// innerText collects the text of the element just started, paragraphs
// joined by spaces, skipping the named child elements.
func (o *odtWalker) innerText(x *xmlReader, skip map[string]bool) (string, error) {
	var b strings.Builder
	start := x.depth
	for {
		t, err := x.next()
		if err != nil {
			return "", err
		}
		switch e := t.(type) {
		case xml.StartElement:
			if skip[e.Name.Local] {
				if err := x.skip(); err != nil {
					return "", err
				}
				continue
			}
			switch e.Name.Local {
			case "p", "h", "s", "tab", "line-break":
				b.WriteByte(' ')
			}
		case xml.CharData:
			b.Write(e)
		case xml.EndElement:
			if x.depth < start {
				return collapseSpace(b.String()), nil
			}
		}
	}
}
