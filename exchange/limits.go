package exchange

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"

	"coder/qda"
)

// Limits bounds what an import will read, so that a hostile or broken file
// (a zip bomb, an entry claiming to be tiny and inflating to gigabytes, XML
// nested a million levels deep) is refused with a message instead of
// exhausting the machine.
type Limits struct {
	// MaxXML is the largest project.qde or .qdc, in bytes after
	// decompression.
	MaxXML int64
	// MaxSource is the largest single source text file, in bytes after
	// decompression.
	MaxSource int64
	// MaxTotal is the most an archive may decompress to in all.
	MaxTotal int64
	// MaxEntries is the most entries an archive may list.
	MaxEntries int
	// MaxDepth is the deepest element nesting an XML file may have; code
	// trees rarely pass ten levels.
	MaxDepth int
	// MaxElements is the most elements an XML file may hold.
	MaxElements int
}

// DefaultLimits are the limits imports use. They are far beyond any real
// project (the largest exports seen are tens of megabytes) and far below what
// would hurt a laptop.
var DefaultLimits = Limits{
	MaxXML:      256 << 20,
	MaxSource:   64 << 20,
	MaxTotal:    1 << 30,
	MaxEntries:  100000,
	MaxDepth:    256,
	MaxElements: 5000000,
}

// errTooBig marks a read that hit its limit.
var errTooBig = errors.New("larger than the import limit")

// readLimited reads all of r, failing with errTooBig past max bytes. The limit
// is enforced on the bytes actually produced, never on what a zip header
// claims.
func readLimited(r io.Reader, max int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, errTooBig
	}
	return b, nil
}

// decodeXML parses data into v after checking its shape, so a bad file fails
// before anything is built from it. name is the file name for messages.
func decodeXML(data []byte, name string, v any, lim Limits) error {
	data, transcoded, err := toUTF8(data)
	if err != nil {
		return xmlError(name, err)
	}
	if err := checkXMLShape(data, transcoded, lim); err != nil {
		return xmlError(name, err)
	}
	d := newXMLDecoder(data, transcoded)
	if err := d.Decode(v); err != nil {
		var want string
		switch v.(type) {
		case *xProject:
			want = "Project"
		case *xCodeBookFile:
			want = "CodeBook"
		}
		if root := rootName(data); want != "" && root != want {
			hint := map[string]string{"Project": "project", "CodeBook": "codebook"}[want]
			return wrongRoot(name, root, want, hint)
		}
		return xmlError(name, err)
	}
	return nil
}

func xmlError(name string, err error) *qda.Error {
	return &qda.Error{
		What: name,
		Why:  "is not a readable REFI-QDA XML file: " + err.Error(),
		Fix:  "export it again from the program that made it; nothing was imported",
		Err:  err,
	}
}

// toUTF8 strips a UTF-8 byte order mark and transcodes UTF-16 (recognised by
// its byte order mark), which some Windows tools write.
func toUTF8(data []byte) ([]byte, bool, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return data[3:], false, nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		out, err := dec.Bytes(data)
		if err != nil {
			return nil, false, fmt.Errorf("bad UTF-16: %w", err)
		}
		return out, true, nil
	}
	return data, false, nil
}

func newXMLDecoder(data []byte, transcoded bool) *xml.Decoder {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		if transcoded {
			return in, nil // already UTF-8 whatever the declaration says
		}
		enc, err := htmlindex.Get(label)
		if err != nil {
			return nil, fmt.Errorf("unknown encoding %q", label)
		}
		return enc.NewDecoder().Reader(in), nil
	}
	return d
}

// checkXMLShape walks the tokens once, refusing deep nesting and element
// floods before the real decode builds anything. encoding/xml never expands
// entities declared in a DTD, so "billion laughs" files fail on the unknown
// entity; the walk reports that too.
func checkXMLShape(data []byte, transcoded bool, lim Limits) error {
	d := newXMLDecoder(data, transcoded)
	depth, elements, roots := 0, 0, 0
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			elements++
			if depth == 1 {
				roots++
			}
			if depth > lim.MaxDepth {
				return fmt.Errorf("elements nested more than %d deep", lim.MaxDepth)
			}
			if elements > lim.MaxElements {
				return fmt.Errorf("more than %d elements", lim.MaxElements)
			}
		case xml.EndElement:
			depth--
		case xml.Directive:
			if bytes.Contains(bytes.ToUpper(t), []byte("ENTITY")) {
				return errors.New("it declares entities, which REFI-QDA files never need")
			}
		}
	}
	if roots == 0 {
		return errors.New("no root element")
	}
	if depth != 0 {
		return errors.New("unexpected end of file")
	}
	return nil
}

// xmlText makes s safe to write as XML character data or an attribute: runes
// XML 1.0 cannot carry (NUL and other C0 controls, unpaired surrogates,
// U+FFFE, U+FFFF) are dropped rather than breaking the file.
func xmlText(s string) string {
	ok := true
	for _, r := range s {
		if !xmlChar(r) {
			ok = false
			break
		}
	}
	if ok && utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if xmlChar(r) && !(r == utf8.RuneError && size == 1) {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func xmlChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' ||
		(r >= 0x20 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF)
}
