package ingest_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"coder/qda"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// rtfHex writes s in a code page as \'xx escapes, the way word processors
// store non-ASCII text in RTF.
func rtfHex(t *testing.T, e encoding.Encoding, s string) string {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	trail := false
	for _, c := range b {
		if c < 0x80 && !trail {
			out.WriteByte(c)
			continue
		}
		fmt.Fprintf(&out, "\\'%02x", c)
		trail = !trail && c >= 0x81
	}
	return out.String()
}

// Ensure that an RTF document's text, structure and escapes come through,
// with the font table, colours, metadata and pictures left out.
func TestImport_RTF(t *testing.T) {
	doc := `{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss\fcharset0 Arial;}{\f1\froman Times;}}` +
		`{\colortbl;\red255\green0\blue0;}{\stylesheet{\s0 Normal;}{\s1\outlinelevel0 heading 1;}}` +
		`{\info{\title Secret title}{\author Nobody}}{\*\generator Writer;}` + "\r\n" +
		`\pard\s1 Yard meeting\par` + "\r\n" +
		`\pard The residents met in the yard{\footnote\pard {\super\chftn} Observed on site.} on Tuesday.\par ` +
		`Caf\'e9 \u8220\'93quoted\u8221? and \uc2\u20013\'d6\'d0 \uc1 done\emdash end.\par ` +
		`Tab\tab here\line next line\par` +
		`{\pict\pngblip 89504e470d0a1a0a}` +
		`\trowd\cellx1000\cellx2000\intbl Role\cell Count\cell\row` +
		`\trowd\intbl cadre\cell 3\cell\row` +
		`\pard Escaped \{braces\} and \\backslash.\par` +
		`{\*\atnid CY}{\*\atnauthor Chen Yu}\chatn{\*\annotation\pard Check the date.}` +
		`\pard Emoji \u-10179?\u-8704? here.\par}`
	d := mustImport(t, "notes.rtf", []byte(doc)).Document
	want := []kindText{
		{qda.PassageHeading, "Yard meeting"},
		{qda.PassageParagraph, "The residents met in the yard[1] on Tuesday."},
		{qda.PassageParagraph, "Café “quoted” and 中 done—end."},
		{qda.PassageParagraph, "Tab\there\nnext line"},
		{qda.PassageRow, "Role\tCount"},
		{qda.PassageRow, "cadre\t3"},
		{qda.PassageParagraph, "Escaped {braces} and \\backslash."},
		{qda.PassageParagraph, "Emoji \U0001F600 here."},
		{qda.PassageNote, "[Footnote 1] Observed on site."},
		{qda.PassageNote, "[Comment 1, Chen Yu] Check the date."},
	}
	if got := kindTexts(&d); !reflect.DeepEqual(got, want) {
		t.Errorf("passages:\n got %q\nwant %q", got, want)
	}
	if strings.Contains(d.Text, "Secret") || strings.Contains(d.Text, "Arial") || strings.Contains(d.Text, "8950") {
		t.Errorf("skipped destinations leaked into %q", d.Text)
	}
	if d.Source.Format != "rtf" || d.Source.Encoding != "Windows-1252" {
		t.Errorf("format %q encoding %q", d.Source.Format, d.Source.Encoding)
	}
}

// Ensure that \'xx bytes are decoded in the document's Chinese code page,
// or in a font's charset, including trail bytes written literally.
func TestImport_RTFChineseCodePages(t *testing.T) {
	t.Run("ANSICodePage936IsGBK", func(t *testing.T) {
		doc := `{\rtf1\ansi\ansicpg936\deff0{\fonttbl{\f0\fnil\fcharset134 ` + rtfHex(t, simplifiedchinese.GBK, "宋体") + `;}}` +
			`\pard ` + rtfHex(t, simplifiedchinese.GBK, "张主任：院子里的事情，大家商量着办。") + `\par ` +
			rtfHex(t, simplifiedchinese.GBK, "访谈者：最开始有人反对吗？") + `\par ` +
			rtfHex(t, simplifiedchinese.GBK, "张主任：有，但是慢慢就好了。") + `\par}`
		d := mustImport(t, "访谈.rtf", []byte(doc)).Document
		want := []string{"张主任：院子里的事情，大家商量着办。", "访谈者：最开始有人反对吗？", "张主任：有，但是慢慢就好了。"}
		if got := passages(&d); !reflect.DeepEqual(got, want) {
			t.Errorf("passages = %q, want %q", got, want)
		}
		if d.Source.Encoding != "GBK" || d.Kind != qda.KindInterview {
			t.Errorf("encoding %q kind %q", d.Source.Encoding, d.Kind)
		}
	})
	t.Run("ANSICodePage950IsBig5", func(t *testing.T) {
		doc := `{\rtf1\ansi\ansicpg950 ` + rtfHex(t, traditionalchinese.Big5, "居民議事會在院子裡召開。") + `\par}`
		d := mustImport(t, "a.rtf", []byte(doc)).Document
		if d.Text != "居民議事會在院子裡召開。" || d.Source.Encoding != "Big5" {
			t.Errorf("text %q encoding %q", d.Text, d.Source.Encoding)
		}
	})
	t.Run("FontCharset136IsBig5", func(t *testing.T) {
		doc := `{\rtf1\ansi\ansicpg1252{\fonttbl{\f0 Arial;}{\f1\fcharset136 MingLiU;}}\pard\f0 Name: {\f1 ` + rtfHex(t, traditionalchinese.Big5, "陳主任") + `}\par}`
		d := mustImport(t, "a.rtf", []byte(doc)).Document
		if d.Text != "Name: 陳主任" {
			t.Errorf("text %q", d.Text)
		}
	})
	t.Run("LiteralTrailByte", func(t *testing.T) {
		// 一 is A4 40 in Big5: its trail byte is '@', which writers may
		// leave unescaped.
		doc := `{\rtf1\ansi\ansicpg950 \'a4@\'a4\'40\par}`
		d := mustImport(t, "a.rtf", []byte(doc)).Document
		if d.Text != "一一" {
			t.Errorf("text %q", d.Text)
		}
	})
}

// Ensure that broken RTF is refused or read without harm.
func TestImport_RTFRefusals(t *testing.T) {
	t.Run("NotRTF", func(t *testing.T) {
		_, err := ingestBytes("a.rtf", []byte("plain words"))
		wantError(t, err, "a.rtf", "not an RTF file")
	})
	t.Run("GroupsTooDeep", func(t *testing.T) {
		_, err := ingestBytes("deep.rtf", []byte(`{\rtf1 `+strings.Repeat("{", 300)+"x"+strings.Repeat("}", 300)+"}"))
		wantError(t, err, "deep.rtf", "levels deep")
	})
	t.Run("Unbalanced", func(t *testing.T) {
		d := mustImport(t, "a.rtf", []byte(`{\rtf1 text }}} more {{ end`)).Document
		if d.Text != "text  more  end" {
			t.Errorf("text %q", d.Text)
		}
	})
}
