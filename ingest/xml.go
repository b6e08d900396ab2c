package ingest

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"

	"coder/qda"
	"golang.org/x/net/html/charset"
)

// xmlReader reads XML tokens while refusing nesting deeper than MaxDepth, so
// a crafted file cannot make the parsers' stacks grow without bound.
type xmlReader struct {
	p     *parser
	part  string // the part being read, for messages
	d     *xml.Decoder
	depth int
}

func (p *parser) newXML(data []byte, part string) *xmlReader {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	d.CharsetReader = charset.NewReaderLabel
	return &xmlReader{p: p, part: part, d: d}
}

// next returns the next token, io.EOF at the end, or a *qda.Error.
func (x *xmlReader) next() (xml.Token, error) {
	t, err := x.d.Token()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, io.EOF
		}
		return nil, &qda.Error{What: x.p.name, Why: fmt.Sprintf("the %s part is not well-formed XML (%v)", x.part, err), Fix: "open the file in the program that made it, save a fresh copy and import that", Err: err}
	}
	switch t.(type) {
	case xml.StartElement:
		x.depth++
		if x.depth > MaxDepth {
			return nil, depthError(x.p, x.part)
		}
	case xml.EndElement:
		x.depth--
	}
	return t, nil
}

// skip consumes tokens to the end of the element just started.
func (x *xmlReader) skip() error {
	for level := 1; level > 0; {
		t, err := x.next()
		if err != nil {
			return err
		}
		switch t.(type) {
		case xml.StartElement:
			level++
		case xml.EndElement:
			level--
		}
	}
	return nil
}

func depthError(p *parser, part string) error {
	return &qda.Error{What: p.name, Why: fmt.Sprintf("the %s part nests more than %d levels deep, more than any real document does", part, MaxDepth), Fix: "open the file in the program that made it, save a fresh copy and import that"}
}

// attr returns the value of the attribute with the given local name.
func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
