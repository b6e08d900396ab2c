package ingest_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"coder/ingest"
	"coder/qda"
)

// comparable reduces text to what a PDF and a plain-text rendition of the
// same document share: typographic quotes and dashes unified, white space
// and NULs removed (line wrapping and hyphenation differ between them).
func comparable(s string) string {
	s = strings.NewReplacer("``", `"`, "''", `"`, "‘‘", `"`, "’’", `"`, "“", `"`, "”", `"`,
		"’", "'", "‘", "'", "--", "-", "—", "-", "–", "-").Replace(s)
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == 0 {
			return -1
		}
		return r
	}, s)
}

// Ensure that the two-column Federal Register PDF comes out in reading
// order with its sentences intact: most sentences of the plain-text
// rendition appear in the extracted text, in the same order.
func TestCorpus_PDFSentencesIntactInOrder(t *testing.T) {
	dir := sharedDir(t, "corpus", "en")
	txt, err := os.ReadFile(filepath.Join(dir, "policy_us-eo-13859_ai-leadership_2019.txt"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := ingest.File(filepath.Join(dir, "policy_us-eo-13859_ai-leadership_2019.pdf"), ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	d := res.Document
	checkDocument(t, &d)
	if d.Source.Format != "pdf" || len(d.Passages) < 40 {
		t.Errorf("format %q, %d passages", d.Source.Format, len(d.Passages))
	}
	// Sentences of the order itself: the text between "Executive Order"
	// and "THE WHITE HOUSE", split at sentence ends, long enough to be
	// telling.
	body := string(txt)
	body = body[strings.Index(body, "By the authority"):strings.Index(body, "THE WHITE HOUSE")]
	body = regexp.MustCompile(`\[\[Page \d+\]\]`).ReplaceAllString(body, " ")
	var sentences []string
	for _, s := range regexp.MustCompile(`[^.;:]+[.;:]`).FindAllString(strings.Join(strings.Fields(body), " "), -1) {
		if len(s) >= 40 {
			sentences = append(sentences, comparable(s))
		}
	}
	pdfText := comparable(d.Text)
	found, inOrder, pos := 0, 0, 0
	var missing []string
	for _, s := range sentences {
		i := strings.Index(pdfText, s)
		if i < 0 {
			missing = append(missing, s)
			continue
		}
		found++
		if j := strings.Index(pdfText[pos:], s); j >= 0 {
			inOrder++
			pos += j + len(s)
		}
	}
	t.Logf("%d sentences: %d found, %d in order", len(sentences), found, inOrder)
	if len(sentences) < 80 {
		t.Fatalf("only %d sentences taken from the text rendition", len(sentences))
	}
	if found*100 < len(sentences)*90 || inOrder*100 < len(sentences)*90 {
		t.Errorf("%d of %d sentences found, %d in order; want 90%%; missing e.g. %q", found, len(sentences), inOrder, missing[:min(5, len(missing))])
	}
}

// Ensure that damaged or text-less PDFs are refused with a clear message.
func TestImport_PDFRefusals(t *testing.T) {
	t.Run("Damaged", func(t *testing.T) {
		_, err := ingestBytes("scan.pdf", []byte("%PDF-1.4\nthis is not really a pdf\n%%EOF"))
		wantError(t, err, "scan.pdf", "PDF")
	})
	t.Run("NoTextLayer", func(t *testing.T) {
		_, err := ingestBytes("blank.pdf", minimalPDF(""))
		wantError(t, err, "blank.pdf", "no text")
	})
}

// Ensure that a simple one-column PDF (built here byte by byte) imports
// its lines as paragraphs and joins hyphenated words.
func TestImport_PDFSimple(t *testing.T) {
	content := "BT /F1 12 Tf 72 720 Td (The residents met in the yard every Tues-) Tj 0 -14 Td (day and agreed on new rules.) Tj 0 -40 Td (A second paragraph.) Tj ET"
	d := mustImport(t, "notes.pdf", minimalPDF(content)).Document
	want := []string{"The residents met in the yard every Tuesday and agreed on new rules.", "A second paragraph."}
	got := passages(&d)
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("passages = %q, want %q", got, want)
	}
	if d.Passages[0].Kind != qda.PassageParagraph {
		t.Errorf("kind %q", d.Passages[0].Kind)
	}
}

// Ensure that a two-column page drawn baseline by baseline across both
// columns (the order that interleaves columns in naive extractors) is read
// column by column, under a full-width title.
func TestImport_PDFTwoColumnsReadColumnByColumn(t *testing.T) {
	left := []string{"The committee met in the", "yard on Tuesday and the", "residents agreed on rules", "for the bicycle shed and", "the stairwell lights."}
	right := []string{"In May the street office", "sent a cadre who listened", "more than he spoke, and", "the second meeting went", "on until dark."}
	var c strings.Builder
	c.WriteString("BT /F1 16 Tf 72 740 Td (Notes from G Community) Tj ET\n")
	for i := range left {
		y := 700 - i*14
		fmt.Fprintf(&c, "BT /F1 11 Tf 72 %d Td (%s) Tj ET\nBT /F1 11 Tf 330 %d Td (%s) Tj ET\n", y, left[i], y, right[i])
	}
	d := mustImport(t, "two-columns.pdf", minimalPDF(c.String())).Document
	want := []string{
		"Notes from G Community",
		strings.Join(left, " "),
		strings.Join(right, " "),
	}
	if got := passages(&d); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("passages:\n got %q\nwant %q", got, want)
	}
	if d.Passages[0].Kind != qda.PassageHeading {
		t.Errorf("title kind %q, want heading", d.Passages[0].Kind)
	}
}

// Ensure that a PDF whose cross-reference chain points back at itself
// (which would make the PDF library read for ever) is refused as damaged.
func TestImport_PDFLoopingCrossReferencesRefused(t *testing.T) {
	data := string(minimalPDF("BT /F1 12 Tf 72 720 Td (Loop) Tj ET"))
	xref := data[strings.LastIndex(data, "startxref\n")+len("startxref\n"):]
	xref = xref[:strings.IndexByte(xref, '\n')]
	data = strings.Replace(data, "/Root 1 0 R >>", "/Root 1 0 R /Prev "+xref+" >>", 1)
	_, err := ingestBytes("loop.pdf", []byte(data))
	wantError(t, err, "loop.pdf", "damaged")
}
