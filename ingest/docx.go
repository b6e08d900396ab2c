package ingest

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"coder/qda"
)

// parseDOCX reads a Word document: the body's paragraphs, headings, list
// items and table rows in order, then its footnotes, endnotes and comments
// appended as notes. Deleted tracked changes and field codes are left out;
// text boxes are kept, once (their fallback copies are skipped).
func parseDOCX(p *parser, data []byte) error {
	a, err := p.openArchive(data, "DOCX")
	if err != nil {
		return err
	}
	body, err := a.read("word/document.xml")
	if err != nil {
		return err
	}
	w := &docxWalker{p: p, headings: map[string]bool{}, notes: map[string]int{}}
	if styles, err := a.read("word/styles.xml"); err == nil {
		if err := w.readStyles(styles); err != nil {
			return err
		}
	}
	if numbering, err := a.read("word/numbering.xml"); err == nil {
		w.lists, err = readNumbering(p, numbering)
		if err != nil {
			return err
		}
	}
	if err := w.walk(p.newXML(body, "word/document.xml"), func(kind qda.PassageKind, s string) { p.block(kind, s) }); err != nil {
		return err
	}
	for _, part := range []struct{ file, element, marker string }{
		{"word/footnotes.xml", "footnote", "Footnote"},
		{"word/endnotes.xml", "endnote", "Endnote"},
		{"word/comments.xml", "comment", "Comment"},
	} {
		refs := w.refs[part.element]
		if len(refs) == 0 || !a.has(part.file) {
			continue
		}
		data, err := a.read(part.file)
		if err != nil {
			return err
		}
		texts, authors, err := w.readNotes(data, part.file, part.element)
		if err != nil {
			return err
		}
		for i, id := range refs {
			if t := strings.TrimSpace(texts[id]); t != "" {
				marker := fmt.Sprintf("[%s %d]", part.marker, i+1)
				if authors[id] != "" {
					marker = fmt.Sprintf("[%s %d, %s]", part.marker, i+1, authors[id])
				}
				p.addNote(marker, t)
			}
		}
	}
	return nil
}

// docxWalker carries what the body needs from the other parts, and the
// references to notes in the order the body makes them.
type docxWalker struct {
	p        *parser
	headings map[string]bool // paragraph style IDs that are headings
	lists    *numbering
	notes    map[string]int      // "footnote:3" -> reference number shown in the body
	refs     map[string][]string // element -> note IDs in order of reference
}

// readStyles learns which paragraph styles are headings: by their
// language-independent name ("heading 1", "Title") or an outline level.
func (w *docxWalker) readStyles(data []byte) error {
	x := w.p.newXML(data, "word/styles.xml")
	id, heading := "", false
	for {
		t, err := x.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch e := t.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "style":
				id, heading = attr(e, "styleId"), false
			case "name":
				n := strings.ToLower(attr(e, "val"))
				if strings.HasPrefix(n, "heading") || n == "title" || n == "subtitle" {
					heading = true
				}
			case "outlineLvl":
				if v, err := strconv.Atoi(attr(e, "val")); err == nil && v < 9 {
					heading = true
				}
			}
		case xml.EndElement:
			if e.Name.Local == "style" && heading && id != "" {
				w.headings[id] = true
			}
		}
	}
}

// docxPara is a w:p being read.
type docxPara struct {
	text    strings.Builder
	style   string
	outline bool
	numID   string
	level   int
	listed  bool
}

// walk reads paragraphs and tables, calling emit for each block, until the
// end of the part or of the element whose start was read last.
func (w *docxWalker) walk(x *xmlReader, emit func(qda.PassageKind, string)) error {
	start := x.depth
	var paras []*docxPara // nested paragraphs (text boxes) stack up
	var rows [][]string   // open table rows, innermost last
	var cells []*strings.Builder
	inText, inPPr := false, 0
	if w.refs == nil {
		w.refs = map[string][]string{}
	}
	cur := func() *docxPara {
		if len(paras) == 0 {
			return nil
		}
		return paras[len(paras)-1]
	}
	for {
		t, err := x.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch e := t.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "Fallback", "del", "moveFrom", "instrText", "delText", "delInstrText":
				if err := x.skip(); err != nil {
					return err
				}
			case "p":
				paras = append(paras, &docxPara{})
			case "pPr":
				inPPr++
			case "pStyle":
				if p := cur(); p != nil && inPPr > 0 {
					p.style = attr(e, "val")
				}
			case "outlineLvl":
				if p := cur(); p != nil && inPPr > 0 {
					if v, err := strconv.Atoi(attr(e, "val")); err == nil && v < 9 {
						p.outline = true
					}
				}
			case "numId":
				if p := cur(); p != nil && inPPr > 0 {
					p.numID, p.listed = attr(e, "val"), attr(e, "val") != "0"
				}
			case "ilvl":
				if p := cur(); p != nil && inPPr > 0 {
					p.level, _ = strconv.Atoi(attr(e, "val"))
				}
			case "t":
				inText = true
			case "tab", "ptab":
				if p := cur(); p != nil && inPPr == 0 {
					p.text.WriteByte('\t')
				}
			case "br", "cr":
				if p := cur(); p != nil {
					p.text.WriteByte('\n')
				}
			case "noBreakHyphen":
				if p := cur(); p != nil {
					p.text.WriteByte('-')
				}
			case "footnoteReference", "endnoteReference":
				kind := strings.TrimSuffix(e.Name.Local, "Reference")
				n := w.reference(kind, attr(e, "id"))
				if p := cur(); p != nil && n > 0 {
					fmt.Fprintf(&p.text, "[%d]", n)
				}
			case "commentRangeStart", "commentReference":
				w.reference("comment", attr(e, "id"))
			case "tr":
				rows = append(rows, nil)
			case "tc":
				cells = append(cells, &strings.Builder{})
			}
		case xml.CharData:
			if inText {
				if p := cur(); p != nil {
					p.text.Write(e)
				}
			}
		case xml.EndElement:
			if x.depth < start {
				return nil
			}
			switch e.Name.Local {
			case "t":
				inText = false
			case "pPr":
				inPPr--
			case "p":
				if len(paras) == 0 {
					break
				}
				para := paras[len(paras)-1]
				paras = paras[:len(paras)-1]
				text := para.text.String()
				if len(cells) > 0 {
					c := cells[len(cells)-1]
					if c.Len() > 0 && strings.TrimSpace(text) != "" {
						c.WriteByte(' ')
					}
					c.WriteString(collapseSpace(text))
					break
				}
				kind := qda.PassageParagraph
				if para.outline || w.headings[para.style] || isHeadingStyleID(para.style) {
					kind = qda.PassageHeading
				} else if para.listed && strings.TrimSpace(text) != "" {
					text = w.lists.label(para.numID, para.level) + text
				}
				emit(kind, text)
			case "tc":
				if len(cells) == 0 || len(rows) == 0 {
					break
				}
				c := cells[len(cells)-1]
				cells = cells[:len(cells)-1]
				rows[len(rows)-1] = append(rows[len(rows)-1], strings.TrimSpace(c.String()))
			case "tr":
				if len(rows) == 0 {
					break
				}
				row := rows[len(rows)-1]
				rows = rows[:len(rows)-1]
				if len(cells) > 0 {
					// A table inside a cell: its rows become text in the outer cell.
					c := cells[len(cells)-1]
					if c.Len() > 0 {
						c.WriteByte(' ')
					}
					c.WriteString(strings.Join(row, " "))
					break
				}
				emit(qda.PassageRow, strings.Join(row, "\t"))
			}
		}
	}
}

// reference records a reference to a note and returns its number in the
// body (footnotes and endnotes are numbered in order of first reference).
func (w *docxWalker) reference(kind, id string) int {
	if id == "" {
		return 0
	}
	key := kind + ":" + id
	if n, ok := w.notes[key]; ok {
		return n
	}
	w.refs[kind] = append(w.refs[kind], id)
	n := len(w.refs[kind])
	w.notes[key] = n
	return n
}

// readNotes reads footnotes.xml, endnotes.xml or comments.xml into the text
// (paragraphs joined by spaces) and author of each note by ID.
func (w *docxWalker) readNotes(data []byte, part, element string) (map[string]string, map[string]string, error) {
	texts, authors := map[string]string{}, map[string]string{}
	x := w.p.newXML(data, part)
	for {
		t, err := x.next()
		if err == io.EOF {
			return texts, authors, nil
		}
		if err != nil {
			return nil, nil, err
		}
		e, ok := t.(xml.StartElement)
		if !ok || e.Name.Local != element {
			continue
		}
		id := attr(e, "id")
		authors[id] = strings.TrimSpace(attr(e, "author"))
		var parts []string
		// A fresh walker, so references inside notes do not renumber the body's.
		sub := &docxWalker{p: w.p, headings: w.headings, lists: w.lists, notes: map[string]int{}, refs: map[string][]string{}}
		if err := sub.walk(x, func(_ qda.PassageKind, s string) {
			if s = collapseSpace(s); s != "" {
				parts = append(parts, s)
			}
		}); err != nil {
			return nil, nil, err
		}
		texts[id] = strings.Join(parts, " ")
	}
}

// isHeadingStyleID catches documents without styles.xml that still use
// Word's default heading style IDs.
func isHeadingStyleID(id string) bool {
	id = strings.ToLower(id)
	return strings.HasPrefix(id, "heading") || id == "title" || id == "subtitle"
}
