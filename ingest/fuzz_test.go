package ingest_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"coder/ingest"
	"coder/qda"
)

// fuzzImport is the invariant every parser keeps on any input: no panic, and
// either a valid document or a *qda.Error that names the file.
func fuzzImport(t *testing.T, name string, data []byte) {
	res, err := ingest.Bytes(name, data, ingest.Options{})
	if err != nil {
		var qe *qda.Error
		if !errors.As(err, &qe) || qe.What != name || qe.Why == "" {
			t.Fatalf("error %v (%T) is not a *qda.Error naming %s", err, err, name)
		}
		return
	}
	checkDocument(t, &res.Document)
}

// addSeedFiles adds the real files with the given extension found in
// testdata/seed (drop files there to seed the fuzzers with them) and, when
// present, in the shared corpus.
func addSeedFiles(f *testing.F, ext string) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "seed", "*"+ext))
	for _, p := range paths {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	corpus, err := findShared("corpus")
	if err != nil {
		return
	}
	for _, dir := range []string{"en", "zh"} {
		paths, _ := filepath.Glob(filepath.Join(corpus, dir, "*"+ext))
		for _, p := range paths {
			if data, err := os.ReadFile(p); err == nil {
				f.Add(data)
			}
		}
	}
}

func FuzzText(f *testing.F) {
	f.Add([]byte(simplifiedText))
	f.Add([]byte(englishText))
	f.Add([]byte("Q: one\r\nA: two\r\nQ: three\r\nA: four"))
	f.Add([]byte("Speaker 1  00:13\nhello\n\nSpeaker 2  00:15\nhi"))
	f.Add([]byte("[id1] a\n[id2]: b\n[id1] c"))
	f.Add([]byte("\xEF\xBB\xBFtext\x00with\x01controls"))
	f.Add([]byte("\xFF\xFEh\x00i\x00"))
	f.Add([]byte("\xd6\xd0\xce\xc4\xb2\xe2\xca\xd4"))
	f.Add([]byte("\xa4\xa4\xa4\xe5"))
	addSeedFiles(f, ".txt")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzImport(t, "fuzz.txt", data) })
}

func FuzzMarkdown(f *testing.F) {
	f.Add([]byte("# Title\n\nSome *text* with [a link](x).\n\nSub\n---\n\n- a\n- b\n\n```\ncode\n"))
	f.Add([]byte("**Q:** a\n\n**A:** b\n\n**Q:** c\n\n**A:** d"))
	addSeedFiles(f, ".md")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzImport(t, "fuzz.md", data) })
}

func FuzzHTML(f *testing.F) {
	f.Add([]byte(`<html><head><title>t</title></head><body><h1>A</h1><p>b<br>c</p><ul><li>d</li></ul><table><tr><td>e</td><td>f</td></tr></table></body></html>`))
	f.Add([]byte(`<p>unclosed <div><table><td>cell<tr><td><table><tr><td>inner</td></tr></table>`))
	f.Add([]byte(`<script>x</script><style>y</style><pre>  z  </pre>`))
	addSeedFiles(f, ".html")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzImport(t, "fuzz.html", data) })
}

// The zip fuzzers take either a whole file or the text of its main XML
// part: mutating a compressed archive rarely gets past its checksums, so
// the XML is also wrapped in a fresh zip to reach the XML readers.

func FuzzDOCX(f *testing.F) {
	f.Add(fictionalDOCX(f))
	f.Add([]byte(`<w:document ` + wordNS + `><w:body>` + wordPara("Heading1", wordRun("T")) + `<w:tbl><w:tr><w:tc>` + wordPara("", wordRun("a")) +
		`</w:tc></w:tr></w:tbl><w:p><w:r><w:footnoteReference w:id="1"/></w:r></w:p></w:body></w:document>`))
	addSeedFiles(f, ".docx")
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzImport(t, "fuzz.docx", data)
		fuzzImport(t, "fuzz.docx", zipOf(t, "word/document.xml", string(data), "word/footnotes.xml", string(data), "word/comments.xml", string(data)))
	})
}

func FuzzODT(f *testing.F) {
	f.Add(fictionalODT(f))
	f.Add([]byte(`<office:document-content ` + odtNS + `><office:body><office:text><text:h>T</text:h><text:p>a<text:note><text:note-body><text:p>n</text:p></text:note-body></text:note></text:p></office:text></office:body></office:document-content>`))
	addSeedFiles(f, ".odt")
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzImport(t, "fuzz.odt", data)
		fuzzImport(t, "fuzz.odt", zipOf(t, "content.xml", string(data)))
	})
}

func FuzzEPUB(f *testing.F) {
	f.Add(fictionalEPUB(f))
	f.Add([]byte(`<package><manifest><item id="a" href="a.xhtml"/><item id="b" href="../b.xhtml#x"/></manifest><spine><itemref idref="a"/><itemref idref="b" linear="no"/></spine></package>`))
	addSeedFiles(f, ".epub")
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzImport(t, "fuzz.epub", data)
		fuzzImport(t, "fuzz.epub", zipOf(t,
			"META-INF/container.xml", `<container><rootfiles><rootfile full-path="OPS/p.opf"/></rootfiles></container>`,
			"OPS/p.opf", string(data), "OPS/a.xhtml", "<p>chapter</p>", "b.xhtml", string(data)))
	})
}

func FuzzRTF(f *testing.F) {
	f.Add([]byte(`{\rtf1\ansi\ansicpg936{\fonttbl{\f0\fcharset134 x;}}\pard\s1 Title\par \'d6\'d0\u20013?{\footnote x}\trowd\intbl a\cell b\cell\row{\*\atnauthor A}{\*\annotation c}\bin3 abc}`))
	f.Add([]byte(`{\rtf1\uc2\u-10179\'00\'00\u-8704\'01\'02{\*\unknown skip}\'a4@}`))
	addSeedFiles(f, ".rtf")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzImport(t, "fuzz.rtf", data) })
}

func FuzzSRT(f *testing.F) {
	f.Add([]byte("1\r\n00:00:01,000 --> 00:00:04,500\r\nInterviewer: <i>hi</i>\r\n\r\n2\r\n00:00:05,000 --> 00:00:07,250\r\nMs Zhao: {\\an8}yes\r\n"))
	f.Add([]byte("1\n99:59:59,999 --> 00:00:00,000\n\n\ntext without timing\n"))
	addSeedFiles(f, ".srt")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzImport(t, "fuzz.srt", data) })
}

func FuzzVTT(f *testing.F) {
	f.Add([]byte("WEBVTT\n\nNOTE x\n\nid\n00:01.000 --> 00:04.000 align:start\n<v Ms Zhao>We met.</v>\n\n00:05.000 --> 00:06.000\n<v.a B>x &amp; <00:05.500>y\n"))
	addSeedFiles(f, ".vtt")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzImport(t, "fuzz.vtt", data) })
}

func FuzzPDF(f *testing.F) {
	f.Add(minimalPDF("BT /F1 12 Tf 72 720 Td (Hello) Tj 0 -14 Td (world) Tj ET"))
	f.Add(minimalPDF("BT /F1 12 Tf 300 700 Td (right column) Tj -250 0 Td (left column) Tj ET"))
	addSeedFiles(f, ".pdf")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzImport(t, "fuzz.pdf", data) })
}
