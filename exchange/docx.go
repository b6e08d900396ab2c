package exchange

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"coder/qda"
)

// A DOCX is written by hand as the smallest package Word and LibreOffice
// open: content types, relationships, styles, core properties and the
// document. The built-in style names (Title, Heading1, Quote) make headings
// show in the navigation pane and let a researcher restyle the report with
// their journal's template.

const docxContentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>
`

const docxRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>
`

const docxDocumentRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
`

const docxStyles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="SimSun" w:cs="Calibri"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="240"/></w:pPr><w:rPr><w:sz w:val="40"/><w:szCs w:val="40"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="30"/><w:szCs w:val="30"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="200" w:after="60"/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading4"><w:name w:val="heading 4"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="160" w:after="40"/><w:outlineLvl w:val="3"/></w:pPr><w:rPr><w:b/><w:i/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/><w:next w:val="Source"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="160" w:after="40"/><w:ind w:left="567" w:right="567"/></w:pPr><w:rPr><w:i/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Source"><w:name w:val="Source"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:spacing w:after="120"/><w:ind w:left="567"/></w:pPr><w:rPr><w:color w:val="555555"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Memo"><w:name w:val="Memo"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="567"/></w:pPr><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>
</w:styles>
`

// docx collects the body of a document.
type docx struct{ body strings.Builder }

// para writes one paragraph in style; a run is text, optionally coloured.
func (d *docx) para(style string, runs ...docxRun) {
	d.body.WriteString(`<w:p>`)
	if style != "" {
		d.body.WriteString(`<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`)
	}
	for _, r := range runs {
		d.run(r)
	}
	d.body.WriteString(`</w:p>`)
}

type docxRun struct {
	text   string
	color  string // RRGGBB without '#', or ""
	italic bool
}

func (d *docx) run(r docxRun) {
	d.body.WriteString(`<w:r>`)
	if r.color != "" || r.italic {
		d.body.WriteString(`<w:rPr>`)
		if r.italic {
			d.body.WriteString(`<w:i/>`)
		}
		if r.color != "" {
			d.body.WriteString(`<w:color w:val="` + r.color + `"/>`)
		}
		d.body.WriteString(`</w:rPr>`)
	}
	// Line ends become breaks and tabs become tabs, so a quoted transcript
	// keeps its shape inside one paragraph.
	for i, line := range strings.Split(xmlText(r.text), "\n") {
		if i > 0 {
			d.body.WriteString(`<w:br/>`)
		}
		for j, part := range strings.Split(line, "\t") {
			if j > 0 {
				d.body.WriteString(`<w:tab/>`)
			}
			if part != "" {
				d.body.WriteString(`<w:t xml:space="preserve">`)
				xml.EscapeText(&d.body, []byte(part))
				d.body.WriteString(`</w:t>`)
			}
		}
	}
	d.body.WriteString(`</w:r>`)
}

// swatch is a square in the code's colour before a heading.
func swatch(color string) docxRun {
	if !qda.ValidColor(color) {
		return docxRun{}
	}
	return docxRun{text: "■ ", color: strings.ToUpper(color[1:])}
}

// write packages the document: entries in a fixed order with a fixed time.
func (d *docx) write(w io.Writer, b *qda.Bundle, title string) error {
	mod := exportTime(b)
	stamp := mod.Format("2006-01-02T15:04:05Z")
	var doc bytes.Buffer
	doc.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	doc.WriteString(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	doc.WriteString(d.body.String())
	// A4 with 2.5 cm margins.
	doc.WriteString(`<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1418" w:right="1418" w:bottom="1418" w:left="1418" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr></w:body></w:document>` + "\n")
	var core bytes.Buffer
	core.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	core.WriteString(`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>`)
	xml.EscapeText(&core, []byte(xmlText(title)))
	core.WriteString(`</dc:title><dc:creator>` + Origin + `</dc:creator>`)
	core.WriteString(`<dcterms:created xsi:type="dcterms:W3CDTF">` + stamp + `</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">` + stamp + `</dcterms:modified></cp:coreProperties>` + "\n")
	zw := zip.NewWriter(w)
	for _, part := range []struct {
		name string
		data []byte
	}{
		{"[Content_Types].xml", []byte(docxContentTypes)},
		{"_rels/.rels", []byte(docxRels)},
		{"docProps/core.xml", core.Bytes()},
		{"word/_rels/document.xml.rels", []byte(docxDocumentRels)},
		{"word/document.xml", doc.Bytes()},
		{"word/styles.xml", []byte(docxStyles)},
	} {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: part.name, Method: zip.Deflate, Modified: mod})
		if err != nil {
			return err
		}
		if _, err := f.Write(part.data); err != nil {
			return fmt.Errorf("writing document: %w", err)
		}
	}
	return zw.Close()
}

func writeExcerptsDOCX(w io.Writer, b *qda.Bundle, ex []Excerpt, title string) error {
	var d docx
	groups := groupByCode(b, ex)
	d.para("Title", docxRun{text: title})
	d.para("", docxRun{text: fmt.Sprintf("%s: %s under %s.", projectName(b), qda.Plural(len(ex), "excerpt", "excerpts"), qda.Plural(len(groups), "code", "codes"))})
	if len(groups) == 0 {
		d.para("", docxRun{text: "No coded excerpts match."})
	}
	for _, g := range groups {
		d.para("Heading1", swatch(g.Color), docxRun{text: g.Path})
		if desc := strings.TrimSpace(g.Description); desc != "" {
			d.para("", docxRun{text: desc, italic: true})
		}
		for _, e := range g.Excerpts {
			d.para("Quote", docxRun{text: strings.TrimRight(e.Text, "\n")})
			src := e.Document + ", " + e.position()
			if e.Coder != "" {
				src += " · coded by " + e.Coder
			}
			if len(e.Cases) > 0 {
				src += " · " + casesLabel(e.Cases)
			}
			d.para("Source", docxRun{text: src})
			if m := strings.TrimSpace(e.Memo); m != "" {
				d.para("Memo", docxRun{text: "Memo: ", italic: true}, docxRun{text: m})
			}
		}
	}
	return d.write(w, b, title)
}

func writeCodebookDOCX(w io.Writer, b *qda.Bundle, rows []codeRow, title string) error {
	var d docx
	d.para("Title", docxRun{text: title})
	d.para("", docxRun{text: fmt.Sprintf("%s.", qda.Plural(len(rows), "code", "codes"))})
	for _, r := range rows {
		name := r.Name
		if r.Folder {
			name += " (folder)"
		}
		d.para(fmt.Sprintf("Heading%d", min(r.Depth+1, 4)), swatch(r.Color), docxRun{text: name})
		if desc := strings.TrimSpace(r.Description); desc != "" {
			d.para("", docxRun{text: desc})
		} else {
			d.para("", docxRun{text: "No definition yet.", italic: true})
		}
		d.para("Source", docxRun{text: fmt.Sprintf("%s · colour %s · %s", r.Path, r.Color, qda.Plural(r.Codings, "coding", "codings"))})
	}
	return d.write(w, b, title)
}
