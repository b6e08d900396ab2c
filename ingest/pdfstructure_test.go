package ingest_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"coder/ingest"
	"coder/qda"
)

// Ensure that headings set in bold start passages of their own, as
// heading passages, whether they stand on their own line or run into the
// paragraph they head ("Sec. 2. Rules. The committee ..."), even when the
// line spacing around them is the body's.
func TestImport_PDFBoldHeadingsStartTheirOwnPassages(t *testing.T) {
	page := pdfLines(72, 720, 14, 11,
		"F1|The residents of Yard 3 met on Tuesday evening in the",
		"F1|courtyard and talked until the lights came on.",
		"F2|Sec. 2. Rules.|F1| The committee agreed that bicycles go in",
		"F1|the shed and that the gate stays open until ten.",
		"F2|Sec. 3. The Stairwell Lights",
		"F1|The street office promised new lamps before winter,",
		"F1|and nobody believed it.",
		"F1|A line that opens in bold mid-sentence stays put: the",
		"F2|committee|F1| said so twice.",
	)
	d := mustImport(t, "yard-rules.pdf", pagesPDF(page)).Document
	want := []string{
		"The residents of Yard 3 met on Tuesday evening in the courtyard and talked until the lights came on.",
		"Sec. 2. Rules.",
		"The committee agreed that bicycles go in the shed and that the gate stays open until ten.",
		"Sec. 3. The Stairwell Lights",
		"The street office promised new lamps before winter, and nobody believed it. A line that opens in bold mid-sentence stays put: the committee said so twice.",
	}
	if got := passages(&d); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("passages:\n got %q\nwant %q", got, want)
	}
	for i, kind := range []qda.PassageKind{qda.PassageParagraph, qda.PassageHeading, qda.PassageParagraph, qda.PassageHeading, qda.PassageParagraph} {
		if d.Passages[i].Kind != kind {
			t.Errorf("passage %d (%q) is a %q, want %q", i, want[i], d.Passages[i].Kind, kind)
		}
	}
}

// Ensure that a running head with the page number, and a printer's line
// at the foot of every page, are dropped, while the same words inside the
// body text (elsewhere on a page) are kept, as are body paragraphs that
// differ only in their numbers.
func TestImport_PDFRunningHeadsAndPrinterLinesDropped(t *testing.T) {
	var pages []string
	for i := 1; i <= 3; i++ {
		page := pdfLines(72, 760, 12, 9, fmt.Sprintf("F1|Yard Notes, Spring %d / page %d", 2031, i)) +
			pdfLines(72, 640, 14, 11,
				fmt.Sprintf("F1|Meeting %d of the residents' committee was short.", i),
				"F1|Everyone agreed to meet again next week.") +
			pdfLines(72, 560, 14, 11, fmt.Sprintf("F1|Page %d of the minutes ends here.", i)) +
			pdfLines(30, 20, 8, 6, fmt.Sprintf("F1|Job 0042 Proof 3 Frm 0000%d Fmt 4705 E:\\\\YARD\\\\14MAY0.SGM 14MAY0", i))
		if i == 2 {
			page += pdfLines(72, 500, 14, 11, "F1|Yard Notes, Spring 2031 / page 2")
		}
		pages = append(pages, page)
	}
	d := mustImport(t, "yard-notes.pdf", pagesPDF(pages...)).Document
	got := passages(&d)
	want := []string{
		"Meeting 1 of the residents' committee was short. Everyone agreed to meet again next week.",
		"Page 1 of the minutes ends here.",
		"Meeting 2 of the residents' committee was short. Everyone agreed to meet again next week.",
		"Page 2 of the minutes ends here.",
		"Yard Notes, Spring 2031 / page 2",
		"Meeting 3 of the residents' committee was short. Everyone agreed to meet again next week.",
		"Page 3 of the minutes ends here.",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("passages:\n got %q\nwant %q", got, want)
	}
}

// Ensure that text turned on its side in the margin (a printer's stamp)
// and text in a font with no usable map to Unicode that comes out as
// symbols are not imported as garbage, while symbols in an ordinary font
// ("* * *") are kept; and that a PDF whose only text is turned on its
// side is refused with a message that says so.
func TestImport_PDFGarbageTextLeftOut(t *testing.T) {
	page := pdfLines(72, 720, 14, 11,
		"F1|The committee met in the yard.") +
		"BT 0 1 -1 0 594 18 Tm /F1 10 Tf (<GPH> SIG.EPS Trump) Tj ET\n" +
		pdfLines(72, 680, 14, 11, "F3|!#$%&'()*+,-./") +
		pdfLines(72, 640, 14, 11, "F1|* * *") +
		pdfLines(72, 600, 14, 11, "F1|The gate stayed open.")
	d := mustImport(t, "stamped.pdf", pagesPDF(page)).Document
	want := []string{"The committee met in the yard.", "* * *", "The gate stayed open."}
	if got := passages(&d); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("passages:\n got %q\nwant %q", got, want)
	}

	_, err := ingestBytes("sideways.pdf", pagesPDF("BT 0 1 -1 0 300 100 Tm /F1 12 Tf (The whole page is turned.) Tj ET"))
	wantError(t, err, "sideways.pdf", "turned on its side")
}

// Ensure that in the shared executive order PDF every section heading
// ("Sec. 2. Objectives.", "Sec. 10. General Provisions.") is a heading
// passage of its own, and that no printer's line, page head or signature
// garbage is left in the text.
func TestCorpus_PDFSectionHeadingsAndNoPrinterLines(t *testing.T) {
	dir := sharedDir(t, "corpus", "en")
	res, err := ingest.File(filepath.Join(dir, "policy_us-eo-13859_ai-leadership_2019.pdf"), ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	d := res.Document
	checkDocument(t, &d)
	headings := map[string]bool{}
	for i, text := range passages(&d) {
		if d.Passages[i].Kind == qda.PassageHeading {
			headings[text] = true
		}
	}
	for _, h := range []string{
		"Section 1. Policy and Principles.",
		"Sec. 2. Objectives.",
		"Sec. 3. Roles and Responsibilities.",
		"Sec. 4. Federal Investment in AI Research and Development.",
		"Sec. 5. Data and Computing Resources for AI Research and Development.",
		"Sec. 6. Guidance for Regulation of AI Applications.",
		"Sec. 7. AI and the American Workforce.",
		"Sec. 8. Action Plan for Protection of the United States Advantage in AI Technologies.",
		"Sec. 9. Definitions.",
		"Sec. 10. General Provisions.",
	} {
		if !headings[h] {
			t.Errorf("no heading passage %q", h)
		}
	}
	for _, junk := range []string{"VerDate", "Frm 0000", "14FEE0", "EP mp", "Tru", "/ Presidential Documents"} {
		if strings.Contains(d.Text, junk) {
			t.Errorf("text still holds %q", junk)
		}
	}
	if !strings.HasSuffix(strings.TrimSpace(d.Text), "Billing code 3295–F9–P") {
		t.Errorf("text ends %q, want the filing line", d.Text[max(0, len(d.Text)-80):])
	}
}
