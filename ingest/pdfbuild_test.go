package ingest_test

import (
	"bytes"
	"fmt"
	"strings"
)

// minimalPDF writes a one-page PDF whose page draws content with the
// standard Helvetica font, with a correct cross-reference table.
func minimalPDF(content string) []byte {
	return buildPDF(minimalPDFObjects(content))
}

// minimalPDFObjects are the objects of minimalPDF, numbered from 1, for
// tests that break one of them.
func minimalPDFObjects(content string) []string {
	return []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
	}
}

// buildPDF writes objects (numbered from 1; the first is the catalog) with
// a correct cross-reference table.
func buildPDF(objects []string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objects))
	for i, o := range objects {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, xref)
	return b.Bytes()
}

// pagesPDF writes a PDF with one page per content stream. Its fonts are
// /F1 Helvetica, /F2 Helvetica-Bold and /F3 a Type3 font without a
// ToUnicode map whose codes 33 to 47 name glyphs no reader knows (what a
// broken or pictorial font looks like from outside).
func pagesPDF(pages ...string) []byte {
	// Every character of F1 and F2 half an em wide, so lines have lengths.
	widths := " /FirstChar 32 /LastChar 255 /Widths [" + strings.Repeat("500 ", 224) + "]"
	kids := make([]string, len(pages))
	for i := range pages {
		kids[i] = fmt.Sprintf("%d 0 R", 6+2*i)
	}
	objects := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(pages)),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding" + widths + " >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding" + widths + " >>",
		"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << >> " +
			"/Encoding << /Type /Encoding /Differences [33 /g1 /g2 /g3 /g4 /g5 /g6 /g7 /g8 /g9 /g10 /g11 /g12 /g13 /g14 /g15] >> " +
			"/FirstChar 33 /LastChar 47 /Widths [600 600 600 600 600 600 600 600 600 600 600 600 600 600 600] >>",
	}
	for i, content := range pages {
		objects = append(objects,
			fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R /Resources << /Font << /F1 3 0 R /F2 4 0 R /F3 5 0 R >> >> >>", 7+2*i),
			fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content))
	}
	return buildPDF(objects)
}

// pdfLines draws lines of text at x from baseline y down, spacing apart,
// at size. A line is "FONT|text", or several such pairs ("F2|Sec. 2.
// Rules.|F1| The yard ...") drawn one after the other on the line.
func pdfLines(x, y, spacing, size int, lines ...string) string {
	var b strings.Builder
	for i, l := range lines {
		fmt.Fprintf(&b, "BT %d %d Td", x, y-i*spacing)
		parts := strings.Split(l, "|")
		for j := 0; j+1 < len(parts); j += 2 {
			fmt.Fprintf(&b, " /%s %d Tf (%s) Tj", parts[j], size, parts[j+1])
		}
		b.WriteString(" ET\n")
	}
	return b.String()
}
