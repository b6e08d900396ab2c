package ingest

import (
	"strconv"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// codePages maps the Windows code pages RTF names to decoders.
var codePages = map[int]encoding.Encoding{
	437: charmap.CodePage437, 850: charmap.CodePage850, 866: charmap.CodePage866,
	874: charmap.Windows874, 932: japanese.ShiftJIS, 936: simplifiedchinese.GBK,
	949: korean.EUCKR, 950: traditionalchinese.Big5,
	1250: charmap.Windows1250, 1251: charmap.Windows1251, 1252: charmap.Windows1252,
	1253: charmap.Windows1253, 1254: charmap.Windows1254, 1255: charmap.Windows1255,
	1256: charmap.Windows1256, 1257: charmap.Windows1257, 1258: charmap.Windows1258,
	10000: charmap.Macintosh, 54936: simplifiedchinese.GB18030,
}

// decodeCodePage decodes bytes in a Windows code page, falling back to
// Windows-1252 for pages Coder does not know.
func decodeCodePage(cp int, b []byte) string {
	e, ok := codePages[cp]
	if !ok {
		e = charmap.Windows1252
	}
	out, _ := e.NewDecoder().Bytes(b) // bad bytes become U+FFFD
	return string(out)
}

// dbcsAwaitingTrail reports whether bytes in a double-byte code page end
// with a lead byte whose trail has not come yet. RTF writers escape lead
// bytes as \'xx but may write a trail byte in the ASCII range literally.
func dbcsAwaitingTrail(cp int, b []byte) bool {
	switch cp {
	case 932, 936, 949, 950, 54936:
	default:
		return false
	}
	i := 0
	for i < len(b) {
		if b[i] >= 0x81 && b[i] != 0xFF && !(cp == 932 && b[i] >= 0xA0 && b[i] <= 0xDF) {
			i += 2
		} else {
			i++
		}
	}
	return i > len(b)
}

// codePageName names a code page for Source.Encoding.
func codePageName(cp int) string {
	switch cp {
	case 936:
		return "GBK"
	case 950:
		return encBig5
	case 54936:
		return encGB18030
	case 932:
		return "Shift_JIS"
	case 949:
		return "EUC-KR"
	case 10000:
		return "Macintosh"
	}
	if cp >= 1250 && cp <= 1258 || cp == 874 {
		return "Windows-" + strconv.Itoa(cp)
	}
	return "CP" + strconv.Itoa(cp)
}
