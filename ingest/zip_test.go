package ingest_test

import (
	"archive/zip"
	"bytes"
	"reflect"
	"strings"
	"testing"

	"coder/qda"
)

// zipOf builds a zip archive from name, content pairs, in order.
func zipOf(t testing.TB, parts ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for i := 0; i+1 < len(parts); i += 2 {
		method := zip.Deflate
		if parts[i] == "mimetype" {
			method = zip.Store
		}
		f, err := w.CreateHeader(&zip.FileHeader{Name: parts[i], Method: method})
		if err != nil {
			t.Fatal(err)
		}
		f.Write([]byte(parts[i+1]))
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

type kindText struct {
	kind qda.PassageKind
	text string
}

func kindTexts(d *qda.Document) []kindText {
	texts := passages(d)
	out := make([]kindText, len(texts))
	for i, p := range d.Passages {
		out[i] = kindText{p.Kind, texts[i]}
	}
	return out
}

const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"`

func wordPara(style, runs string) string {
	ppr := ""
	if style != "" {
		ppr = `<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`
	}
	return `<w:p>` + ppr + runs + `</w:p>`
}

func wordRun(text string) string { return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>` }

// fictionalDOCX is a small Word file exercising every structure the reader keeps.
func fictionalDOCX(t testing.TB) []byte {
	body := wordPara("Kop1", wordRun("Field notes: G Community")) +
		wordPara("", wordRun("The residents met in the yard")+`<w:r><w:footnoteReference w:id="2"/></w:r>`+wordRun(" on Tuesday.")+
			`<w:commentRangeStart w:id="0"/><w:r><w:tab/></w:r>`+wordRun("Chairs came from every flat.")+
			`<w:del w:id="9"><w:r><w:delText>deleted words</w:delText></w:r></w:del>`) +
		`<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>` + wordRun("first point") + `</w:p>` +
		`<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>` + wordRun("second point") + `</w:p>` +
		`<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr>` + wordRun("a bullet") + `</w:p>` +
		`<w:tbl><w:tblPr/><w:tr><w:tc>` + wordPara("", wordRun("Role")) + `</w:tc><w:tc>` + wordPara("", wordRun("Count")) + `</w:tc></w:tr>` +
		`<w:tr><w:tc>` + wordPara("", wordRun("cadre")) + `</w:tc><w:tc>` + wordPara("", wordRun("3")) + wordPara("", wordRun("(estimated)")) + `</w:tc></w:tr></w:tbl>` +
		wordPara("", wordRun("Line one")+`<w:r><w:br/></w:r>`+wordRun("line two")+
			`<w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent>`+wordPara("", wordRun("Text box"))+`</w:txbxContent></w:drawing></mc:Choice>`+
			`<mc:Fallback><w:pict><w:txbxContent>`+wordPara("", wordRun("Text box"))+`</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>`) +
		wordPara("", `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>`+wordRun("End &amp; done."))
	return zipOf(t,
		"[Content_Types].xml", `<?xml version="1.0"?><Types/>`,
		"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document `+wordNS+`><w:body>`+body+`<w:sectPr/></w:body></w:document>`,
		"word/styles.xml", `<w:styles `+wordNS+`><w:style w:type="paragraph" w:styleId="Kop1"><w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>`,
		"word/numbering.xml", `<w:numbering `+wordNS+`><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum>`+
			`<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum>`+
			`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>`,
		"word/footnotes.xml", `<w:footnotes `+wordNS+`><w:footnote w:type="separator" w:id="-1">`+wordPara("", `<w:r><w:separator/></w:r>`)+`</w:footnote>`+
			`<w:footnote w:id="2">`+wordPara("", wordRun("Observed by the second author."))+wordPara("", wordRun("Notes typed the same day."))+`</w:footnote></w:footnotes>`,
		"word/comments.xml", `<w:comments `+wordNS+`><w:comment w:id="0" w:author="Chen Yu">`+wordPara("", wordRun("Check the date."))+`</w:comment></w:comments>`,
	)
}

// Ensure that a Word file keeps its structure as passages: headings, lists,
// table rows, notes appended with markers.
func TestImport_DOCX(t *testing.T) {
	res := mustImport(t, "notes.docx", fictionalDOCX(t))
	d := res.Document
	want := []kindText{
		{qda.PassageHeading, "Field notes: G Community"},
		{qda.PassageParagraph, "The residents met in the yard[1] on Tuesday.\tChairs came from every flat."},
		{qda.PassageParagraph, "1. first point"},
		{qda.PassageParagraph, "2. second point"},
		{qda.PassageParagraph, "• a bullet"},
		{qda.PassageRow, "Role\tCount"},
		{qda.PassageRow, "cadre\t3 (estimated)"},
		{qda.PassageParagraph, "Text box"},
		{qda.PassageParagraph, "Line one\nline two"},
		{qda.PassageParagraph, "End & done."},
		{qda.PassageNote, "[Footnote 1] Observed by the second author. Notes typed the same day."},
		{qda.PassageNote, "[Comment 1, Chen Yu] Check the date."},
	}
	if got := kindTexts(&d); !reflect.DeepEqual(got, want) {
		t.Errorf("passages:\n got %q\nwant %q", got, want)
	}
	if d.Source.Format != "docx" || d.Kind != qda.KindOther {
		t.Errorf("format %q kind %q", d.Source.Format, d.Kind)
	}
	if strings.Contains(d.Text, "deleted") || strings.Contains(d.Text, "PAGE") {
		t.Errorf("deleted text or field code leaked into %q", d.Text)
	}
}

// Ensure that an interview typed in Word becomes speaker turns.
func TestImport_DOCXTranscriptHasTurns(t *testing.T) {
	body := wordPara("", wordRun("Interviewer: When did the meetings start?")) + wordPara("", wordRun("Ms Zhao: In spring.")) +
		wordPara("", wordRun("It was still cold.")) + wordPara("", wordRun("Interviewer: Who came?")) + wordPara("", wordRun("Ms Zhao: Everyone."))
	data := zipOf(t, "word/document.xml", `<w:document `+wordNS+`><w:body>`+body+`</w:body></w:document>`)
	d := mustImport(t, "interview.docx", data).Document
	want := []turn{
		{"Interviewer", "Interviewer: When did the meetings start?", -1},
		{"Ms Zhao", "Ms Zhao: In spring.\n\nIt was still cold.", -1},
		{"Interviewer", "Interviewer: Who came?", -1},
		{"Ms Zhao", "Ms Zhao: Everyone.", -1},
	}
	if got := turnsOf(&d); !reflect.DeepEqual(got, want) {
		t.Errorf("turns:\n got %+v\nwant %+v", got, want)
	}
	if d.Kind != qda.KindInterview {
		t.Errorf("kind = %q", d.Kind)
	}
}

const odtNS = `xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"`

func fictionalODT(t testing.TB) []byte {
	content := `<?xml version="1.0" encoding="UTF-8"?><office:document-content ` + odtNS + `><office:body><office:text>` +
		`<text:sequence-decls><text:sequence-decl text:name="Figure"/></text:sequence-decls>` +
		`<text:h text:outline-level="1">社区议事会</text:h>` +
		`<text:p>居民在院子里开会<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>根据第二次访谈。</text:p></text:note-body></text:note>。<text:s text:c="2"/>大家<text:tab/>都来了。</text:p>` +
		`<text:p>第一行<text:line-break/>第二行<office:annotation><dc:creator>陈老师</dc:creator><text:p>核对日期</text:p></office:annotation></text:p>` +
		`<text:list><text:list-item><text:p>清理楼道</text:p></text:list-item><text:list-item><text:p>修理路灯</text:p></text:list-item></text:list>` +
		`<table:table><table:table-row><table:table-cell><text:p>角色</text:p></table:table-cell><table:table-cell><text:p>人数</text:p></table:table-cell></table:table-row>` +
		`<table:table-row><table:table-cell><text:p>干部</text:p></table:table-cell><table:table-cell><text:p>3</text:p></table:table-cell></table:table-row></table:table>` +
		`<text:tracked-changes><text:changed-region><text:deletion><text:p>删掉的字</text:p></text:deletion></text:changed-region></text:tracked-changes>` +
		`</office:text></office:body></office:document-content>`
	return zipOf(t, "mimetype", "application/vnd.oasis.opendocument.text", "content.xml", content)
}

// Ensure that an OpenDocument text keeps headings, lists, rows and notes.
func TestImport_ODT(t *testing.T) {
	d := mustImport(t, "会议.odt", fictionalODT(t)).Document
	want := []kindText{
		{qda.PassageHeading, "社区议事会"},
		{qda.PassageParagraph, "居民在院子里开会[1]。  大家\t都来了。"},
		{qda.PassageParagraph, "第一行\n第二行"},
		{qda.PassageParagraph, "• 清理楼道"},
		{qda.PassageParagraph, "• 修理路灯"},
		{qda.PassageRow, "角色\t人数"},
		{qda.PassageRow, "干部\t3"},
		{qda.PassageNote, "[Footnote 1] 根据第二次访谈。"},
		{qda.PassageNote, "[Comment 1, 陈老师] 核对日期"},
	}
	if got := kindTexts(&d); !reflect.DeepEqual(got, want) {
		t.Errorf("passages:\n got %q\nwant %q", got, want)
	}
	if d.Name != "会议" || d.Source.Format != "odt" {
		t.Errorf("name %q format %q", d.Name, d.Source.Format)
	}
}

func fictionalEPUB(t testing.TB) []byte {
	chapter := func(title, body string) string {
		return `<?xml version="1.0" encoding="utf-8"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"><head><title>` + title +
			`</title><style>p{color:red}</style></head><body><h1>` + title + `</h1>` + body + `</body></html>`
	}
	return zipOf(t,
		"mimetype", "application/epub+zip",
		"META-INF/container.xml", `<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>`,
		"OEBPS/content.opf", `<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0"><manifest>`+
			`<item id="c2" href="text/ch%202.xhtml" media-type="application/xhtml+xml"/><item id="c1" href="text/ch1.xhtml" media-type="application/xhtml+xml"/>`+
			`<item id="cover" href="cover.xhtml" media-type="application/xhtml+xml"/></manifest>`+
			`<spine><itemref idref="cover" linear="no"/><itemref idref="c1"/><itemref idref="c2"/></spine></package>`,
		"OEBPS/text/ch1.xhtml", chapter("Chapter One", `<p>The yard was quiet &amp; cold.</p>`),
		"OEBPS/text/ch 2.xhtml", chapter("Chapter Two", `<p>The meeting began.</p>`),
		"OEBPS/cover.xhtml", chapter("Cover", ""),
	)
}

// Ensure that an e-book is read in spine order, through the HTML reader.
func TestImport_EPUB(t *testing.T) {
	d := mustImport(t, "book.epub", fictionalEPUB(t)).Document
	want := []kindText{
		{qda.PassageHeading, "Chapter One"},
		{qda.PassageParagraph, "The yard was quiet & cold."},
		{qda.PassageHeading, "Chapter Two"},
		{qda.PassageParagraph, "The meeting began."},
		{qda.PassageHeading, "Cover"},
	}
	if got := kindTexts(&d); !reflect.DeepEqual(got, want) {
		t.Errorf("passages:\n got %q\nwant %q", got, want)
	}
}

// Ensure that zip-based files that would exhaust memory or nest without end
// are refused.
func TestImport_ZipRefusals(t *testing.T) {
	t.Run("ZipBomb", func(t *testing.T) {
		huge := strings.Repeat("<w:p/>", 12<<20) // 72 MB of XML that compresses to a few hundred KB
		data := zipOf(t, "word/document.xml", `<w:document `+wordNS+`><w:body>`+huge+`</w:body></w:document>`)
		_, err := ingestBytes("bomb.docx", data)
		wantError(t, err, "bomb.docx", "zip bomb")
	})
	t.Run("TooManyEntries", func(t *testing.T) {
		parts := []string{"content.xml", "<office:document-content/>"}
		for i := 0; i < 10001; i++ {
			parts = append(parts, "Pictures/"+strings.Repeat("x", 3)+string(rune('a'+i%26))+itoa(i), "")
		}
		_, err := ingestBytes("many.odt", zipOf(t, parts...))
		wantError(t, err, "many.odt", "parts")
	})
	t.Run("NestedTooDeep", func(t *testing.T) {
		deep := strings.Repeat("<w:sdt><w:sdtContent>", 200) + wordPara("", wordRun("x")) + strings.Repeat("</w:sdtContent></w:sdt>", 200)
		data := zipOf(t, "word/document.xml", `<w:document `+wordNS+`><w:body>`+deep+`</w:body></w:document>`)
		_, err := ingestBytes("deep.docx", data)
		wantError(t, err, "deep.docx", "levels deep")
	})
	t.Run("NotAZip", func(t *testing.T) {
		_, err := ingestBytes("broken.docx", []byte("this is not a zip file at all"))
		wantError(t, err, "broken.docx", "not a valid DOCX")
	})
	t.Run("MissingPart", func(t *testing.T) {
		_, err := ingestBytes("empty.epub", zipOf(t, "mimetype", "application/epub+zip"))
		wantError(t, err, "empty.epub", "container.xml")
	})
	t.Run("NoText", func(t *testing.T) {
		_, err := ingestBytes("blank.docx", zipOf(t, "word/document.xml", `<w:document `+wordNS+`><w:body><w:p/></w:body></w:document>`))
		wantError(t, err, "blank.docx", "no text")
	})
}
