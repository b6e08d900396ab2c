package ingest

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
)

// numbering is what a DOCX's numbering.xml says about lists: for each list
// (numId) and level, whether it shows bullets or numbers, and the counters
// that number items as the body is read.
type numbering struct {
	abstract map[string]string         // numId -> abstractNumId
	formats  map[string]map[int]string // abstractNumId -> level -> numFmt
	counters map[string][]int          // numId -> count per level
}

func readNumbering(p *parser, data []byte) (*numbering, error) {
	n := &numbering{abstract: map[string]string{}, formats: map[string]map[int]string{}, counters: map[string][]int{}}
	x := p.newXML(data, "word/numbering.xml")
	absID, numID, level := "", "", 0
	for {
		t, err := x.next()
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return nil, err
		}
		e, ok := t.(xml.StartElement)
		if !ok {
			continue
		}
		switch e.Name.Local {
		case "abstractNum":
			absID, numID = attr(e, "abstractNumId"), ""
			n.formats[absID] = map[int]string{}
		case "lvl":
			level, _ = strconv.Atoi(attr(e, "ilvl"))
		case "numFmt":
			if f := n.formats[absID]; f != nil && numID == "" {
				f[level] = attr(e, "val")
			}
		case "num":
			numID = attr(e, "numId")
		case "abstractNumId":
			if numID != "" {
				n.abstract[numID] = attr(e, "val")
			}
		}
	}
}

// label returns the prefix for the next item of list numID at level: a
// bullet, or the item's number ("3. ") counted from the items read so far.
func (n *numbering) label(numID string, level int) string {
	if level < 0 || level > 8 {
		level = 0
	}
	format := "bullet"
	if n != nil {
		if f, ok := n.formats[n.abstract[numID]][level]; ok {
			format = f
		}
	}
	switch format {
	case "bullet", "none", "":
		return "• "
	}
	c := n.counters[numID]
	if len(c) < 9 {
		c = make([]int, 9)
	}
	c[level]++
	for i := level + 1; i < len(c); i++ {
		c[i] = 0 // a new item restarts the levels below it
	}
	n.counters[numID] = c
	switch format {
	case "lowerLetter":
		return fmt.Sprintf("%s. ", letters(c[level], 'a'))
	case "upperLetter":
		return fmt.Sprintf("%s. ", letters(c[level], 'A'))
	}
	return fmt.Sprintf("%d. ", c[level])
}

// letters writes n as a, b, ..., z, aa, bb, ... the way Word letters lists.
func letters(n int, base rune) string {
	r := string(base + rune((n-1)%26))
	out := ""
	for i := 0; i <= (n-1)/26 && i < 10; i++ {
		out += r
	}
	return out
}
