package ingest

import (
	"bytes"
	"fmt"
	"unicode/utf8"
	"unsafe"

	"coder/qda"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// Encoding names recorded in qda.Source.Encoding.
const (
	encUTF8    = "UTF-8"
	encUTF8BOM = "UTF-8 with BOM"
	encUTF16LE = "UTF-16LE"
	encUTF16BE = "UTF-16BE"
	encGB18030 = "GB18030"
	encBig5    = "Big5"
	encWindows = "Windows-1252"
	// A file is binary when more than this share of its characters are
	// control characters. Text files do carry a few (the shared English
	// corpus file has NUL bytes from its source); binaries carry them by the
	// thousand: random bytes are about 10% C0 controls. Bytes that are not
	// UTF-8 get the stricter share, because legacy Chinese text has no
	// controls and compressed data would otherwise read as GB18030.
	binaryShare       = 0.10
	binaryShareLegacy = 0.02
)

// decodeText turns the bytes of a text file into a Go string, recording the
// encoding it found. It refuses binary data.
//
// The order matters: a byte-order mark is certain; valid UTF-8 is almost
// certain (legacy Chinese text is practically never valid UTF-8); UTF-16
// without a mark shows itself by zero bytes in every other position; only
// then are GB18030 and Big5 compared, by how plausible each reading is.
func (p *parser) decodeText(data []byte) (string, error) {
	var s string
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		p.encoding = encUTF8BOM
		s = p.ownText(data[3:])
		if !utf8.ValidString(s) {
			p.warn("some bytes were not valid UTF-8 and show as \uFFFD")
		}
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		p.encoding = encUTF16LE
		s = decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), data)
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		p.encoding = encUTF16BE
		s = decodeWith(unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), data)
	default:
		// UTF-16 text of Latin script is valid UTF-8 too (its zero bytes are
		// NUL characters), so look for it first.
		if order, ok := utf16WithoutBOM(data); ok {
			p.encoding = encUTF16BE
			if order == unicode.LittleEndian {
				p.encoding = encUTF16LE
			}
			p.warn("the file has no byte-order mark; it was read as " + p.encoding)
			s = decodeWith(unicode.UTF16(order, unicode.IgnoreBOM), data)
			break
		}
		if utf8.Valid(data) {
			p.encoding = encUTF8
			s = p.ownText(data)
			break
		}
		if isBinary(string(data), binaryShareLegacy) {
			return "", p.binaryError()
		}
		s = p.decodeLegacy(data)
	}
	if isBinary(s, binaryShare) {
		return "", p.binaryError()
	}
	return s, nil
}

// ownText returns UTF-8 bytes as a string: sharing their memory when the
// parser owns them (see parseBytes), a copy otherwise.
func (p *parser) ownText(data []byte) string {
	if p.owned && len(data) > 0 {
		return unsafe.String(&data[0], len(data))
	}
	return string(data)
}

func (p *parser) binaryError() error {
	return &qda.Error{What: p.name, Why: "this looks like a binary file, not text", Fix: supportedHint}
}

func decodeWith(e encoding.Encoding, data []byte) string {
	// x/text decoders replace bad input rather than fail; whatever error
	// remains, what decoded is still the best text there is.
	out, _ := e.NewDecoder().Bytes(data)
	return string(out)
}

// isBinary reports whether more than share of the characters of s are
// control characters other than the white space text files use.
func isBinary(s string, share float64) bool {
	ctl, n := 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1A {
			ctl++
		}
		if c < utf8.RuneSelf || c >= 0xC0 {
			n++
		}
	}
	return n > 0 && float64(ctl) > share*float64(n)
}

// utf16WithoutBOM recognises UTF-16 text that lacks a byte-order mark by the
// zero high bytes of its ASCII characters (spaces, digits, line ends), which
// every real text has many of.
func utf16WithoutBOM(data []byte) (unicode.Endianness, bool) {
	if len(data) < 8 || len(data)%2 != 0 {
		return unicode.BigEndian, false
	}
	var even, odd int
	for i := 0; i < len(data); i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	pairs := len(data) / 2
	switch {
	case odd*10 >= pairs*3 && even*50 < pairs:
		return unicode.LittleEndian, true
	case even*10 >= pairs*3 && odd*50 < pairs:
		return unicode.BigEndian, true
	}
	return unicode.BigEndian, false
}

// decodeLegacy reads bytes that are not UTF-8 as GB18030 or Big5, whichever
// reading is more plausible, falling back to Windows-1252 for Western text.
func (p *parser) decodeLegacy(data []byte) string {
	gb := scoreGB(data)
	big5 := scoreBig5(data)
	best, name, enc := gb, encGB18030, encoding.Encoding(simplifiedchinese.GB18030)
	if big5.better(gb) {
		best, name, enc = big5, encBig5, traditionalchinese.Big5
	}
	if best.pairs == 0 || best.bad*5 > best.pairs {
		// Neither Chinese reading holds together: high bytes stand alone
		// between ASCII, as accented letters do in Western files.
		p.encoding = encWindows
		p.warn("the file is not UTF-8 and does not read as Chinese; it was read as Windows-1252, so check accented letters")
		return decodeWith(charmap.Windows1252, data)
	}
	p.encoding = name
	if best.bad > 0 {
		p.warn(fmt.Sprintf("%s could not be read as %s and show as \uFFFD", qda.Plural(best.bad, "byte sequence", "byte sequences"), name))
	}
	return decodeWith(enc, data)
}

// dbcsScore is how well bytes read under one double-byte encoding: pairs
// read, pairs among the encoding's frequent characters, and bytes that fit
// no character at all.
type dbcsScore struct {
	pairs, common, bad int
}

// better reports whether s is a more plausible reading than o. Frequent
// characters decide: GB2312's first level holds the 3,755 characters of
// everyday simplified text and Big5's first block the 5,401 of traditional
// text, and reading one encoding as the other lands half its characters
// outside those blocks or on invalid bytes. Ties go to GB18030.
func (s dbcsScore) better(o dbcsScore) bool {
	return s.common-3*s.bad > o.common-3*o.bad
}

// scoreGB walks data as GBK/GB18030.
func scoreGB(data []byte) dbcsScore {
	var s dbcsScore
	for i := 0; i < len(data); {
		c := data[i]
		switch {
		case c < 0x80:
			i++
		case c == 0x80 || c == 0xFF || i+1 >= len(data):
			s.bad++
			i++
		default:
			t := data[i+1]
			switch {
			case t >= 0x30 && t <= 0x39: // four-byte GB18030 sequence
				if i+3 < len(data) && data[i+2] >= 0x81 && data[i+2] <= 0xFE && data[i+3] >= 0x30 && data[i+3] <= 0x39 {
					s.pairs++
					i += 4
				} else {
					s.bad++
					i++
				}
			case t >= 0x40 && t <= 0xFE && t != 0x7F:
				s.pairs++
				if t >= 0xA1 && ((c >= 0xB0 && c <= 0xD7) || (c >= 0xA1 && c <= 0xA3)) {
					s.common++
				}
				i += 2
			default:
				s.bad++
				i++
			}
		}
	}
	return s
}

// scoreBig5 walks data as Big5.
func scoreBig5(data []byte) dbcsScore {
	var s dbcsScore
	for i := 0; i < len(data); {
		c := data[i]
		switch {
		case c < 0x80:
			i++
		case c < 0x81 || c == 0xFF || i+1 >= len(data):
			s.bad++
			i++
		default:
			t := data[i+1]
			if (t >= 0x40 && t <= 0x7E) || (t >= 0xA1 && t <= 0xFE) {
				s.pairs++
				code := int(c)<<8 | int(t)
				if code >= 0xA140 && code <= 0xC67E {
					s.common++
				}
				i += 2
			} else {
				s.bad++
				i++
			}
		}
	}
	return s
}
