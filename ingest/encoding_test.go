package ingest_test

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// Fictional interview lines, one per script, used as fixture text.
const (
	simplifiedText  = "王书记：我们社区的环境以前很差，居民意见很大。\n\n李大姐：后来大家一起开会，商量怎么改造院子。\n"
	traditionalText = "陳主任：我們社區的環境以前很差，居民意見很大。\n\n林先生：後來大家一起開會，商量怎麼改造院子。\n"
	englishText     = "The residents met in the yard on Tuesday.\n\nThey agreed to repaint the stairwell together.\n"
)

func encode(t *testing.T, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode fixture: %v", err)
	}
	return b
}

// Ensure that every encoding researchers' files arrive in is detected from
// real bytes and becomes the same UTF-8 text.
func TestImport_EncodingsBecomeUTF8(t *testing.T) {
	utf16le := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	utf16be := unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
	cases := []struct {
		name, text, encoding string
		bytes                func(t *testing.T, s string) []byte
	}{
		{"UTF8", simplifiedText, "UTF-8", func(t *testing.T, s string) []byte { return []byte(s) }},
		{"UTF8WithBOM", simplifiedText, "UTF-8 with BOM", func(t *testing.T, s string) []byte { return append([]byte("\xEF\xBB\xBF"), s...) }},
		{"UTF16LEWithBOM", simplifiedText, "UTF-16LE", func(t *testing.T, s string) []byte { return encode(t, utf16le, s) }},
		{"UTF16BEWithBOM", traditionalText, "UTF-16BE", func(t *testing.T, s string) []byte { return encode(t, utf16be, s) }},
		{"UTF16LEWithoutBOM", englishText, "UTF-16LE", func(t *testing.T, s string) []byte {
			return encode(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), s)
		}},
		{"GB18030", simplifiedText, "GB18030", func(t *testing.T, s string) []byte { return encode(t, simplifiedchinese.GB18030, s) }},
		{"GBK", simplifiedText, "GB18030", func(t *testing.T, s string) []byte { return encode(t, simplifiedchinese.GBK, s) }},
		{"Big5", traditionalText, "Big5", func(t *testing.T, s string) []byte { return encode(t, traditionalchinese.Big5, s) }},
		{"ShortBig5", "社區會議", "Big5", func(t *testing.T, s string) []byte { return encode(t, traditionalchinese.Big5, s) }},
		{"ShortGBK", "社区会议", "GB18030", func(t *testing.T, s string) []byte { return encode(t, simplifiedchinese.GBK, s) }},
		{"Windows1252", "Café meeting in the Hôtel de Ville.\n", "Windows-1252", func(t *testing.T, s string) []byte { return encode(t, charmap.Windows1252, s) }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := mustImport(t, "interview.txt", c.bytes(t, c.text))
			d := res.Document
			if d.Text != c.text {
				t.Errorf("text = %q, want %q", d.Text, c.text)
			}
			if d.Source.Encoding != c.encoding {
				t.Errorf("encoding = %q, want %q", d.Source.Encoding, c.encoding)
			}
		})
	}
}

// Ensure that a GB18030 file with characters outside GBK (four-byte
// sequences) keeps them.
func TestImport_GB18030FourByteCharactersSurvive(t *testing.T) {
	text := "社区的名字里有一个生僻字：㐀，还有表情😀。\n"
	res := mustImport(t, "notes.txt", encode(t, simplifiedchinese.GB18030, text))
	if res.Document.Text != text {
		t.Errorf("text = %q, want %q", res.Document.Text, text)
	}
}

// Ensure that line ends of every platform become LF and that text is NFC.
func TestImport_LineEndsAndNormalisation(t *testing.T) {
	t.Run("CRLF", func(t *testing.T) {
		d := mustImport(t, "a.txt", []byte("one\r\ntwo\r\n\r\nthree")).Document
		if d.Text != "one\ntwo\n\nthree" {
			t.Errorf("text = %q", d.Text)
		}
	})
	t.Run("LoneCR", func(t *testing.T) {
		d := mustImport(t, "a.txt", []byte("one\rtwo\r\rthree")).Document
		if d.Text != "one\ntwo\n\nthree" {
			t.Errorf("text = %q", d.Text)
		}
	})
	t.Run("NFC", func(t *testing.T) {
		d := mustImport(t, "a.txt", []byte("Cafe\u0301 in Ha\u0300 No\u0323i")).Document
		if d.Text != "Café in Hà Nọi" {
			t.Errorf("text = %q, want composed characters", d.Text)
		}
		if d.Chars != 14 {
			t.Errorf("chars = %d, want 14", d.Chars)
		}
	})
}

// Ensure that characters XML cannot carry are dropped and the researcher is
// told how many went.
func TestImport_ControlCharactersRemovedWithWarning(t *testing.T) {
	t.Run("NUL", func(t *testing.T) {
		res := mustImport(t, "a.txt", []byte("\x00The residents met in the yard on Tuesday\x00 and agreed to repaint the stairwell.\x00"))
		if res.Document.Text != "The residents met in the yard on Tuesday and agreed to repaint the stairwell." {
			t.Errorf("text = %q", res.Document.Text)
		}
		if len(res.Warnings) != 1 || res.Warnings[0] != "removed 3 NUL characters, which XML cannot carry" {
			t.Errorf("warnings = %q", res.Warnings)
		}
	})
	t.Run("Mixed", func(t *testing.T) {
		res := mustImport(t, "a.txt", []byte("The\x00 residents\x07 met in the\x1b yard\ton Tuesday and agreed to repaint the stairwell.\uffff"))
		if res.Document.Text != "The residents met in the yard\ton Tuesday and agreed to repaint the stairwell." {
			t.Errorf("text = %q", res.Document.Text)
		}
		if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0], "removed 4 characters") {
			t.Errorf("warnings = %q", res.Warnings)
		}
	})
	t.Run("CleanTextHasNoWarning", func(t *testing.T) {
		res := mustImport(t, "a.txt", []byte(englishText))
		if len(res.Warnings) != 0 {
			t.Errorf("warnings = %q", res.Warnings)
		}
	})
}
