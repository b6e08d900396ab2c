package ingest

import (
	"bytes"
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode"

	"coder/qda"
	"github.com/ledongthuc/pdf"
)

// pdfReadBudget is how many bytes the PDF library may read from a file of
// size n in total. Honest files are read about once over (the shared
// Federal Register PDF: 1.1 times), a little more where objects are looked
// up again for each page; a cross-reference chain that points back
// at itself would be read for ever, and the budget turns that into a
// panic, which the import recovers as "the file is damaged".
func pdfReadBudget(n int64) int64 {
	return max(16<<20, 32*n)
}

// budgetReaderAt is an io.ReaderAt that panics once its budget is spent.
type budgetReaderAt struct {
	r      *bytes.Reader
	budget int64
}

func (b *budgetReaderAt) ReadAt(p []byte, off int64) (int, error) {
	n, err := b.r.ReadAt(p, off)
	b.budget -= int64(n) + 1
	if b.budget < 0 {
		panic("it loops back on itself")
	}
	return n, err
}

// maxPDFPages bounds the page tree walk, so a crafted tree that loops on
// itself ends.
const maxPDFPages = 100000

// parsePDF reads a PDF's text layer in reading order. ledongthuc/pdf gives
// each glyph with its position; Coder lays the page out itself: glyphs
// join into runs along a baseline, runs split at wide gaps, and a page
// whose runs leave a vertical gutter free is read column by column, band
// by band (a full-width title or footnote separates bands). Lines become
// paragraphs at a wider gap, an indent or a change of font size, and
// headings set in bold start passages of their own; words hyphenated
// across lines are joined. Heads, footers and printers' lines that recur
// at the same height on many pages are dropped, and so is text turned on
// its side or coming out of a font with no map to Unicode as symbols.
func parsePDF(p *parser, data []byte) error {
	ra := &budgetReaderAt{r: bytes.NewReader(data), budget: pdfReadBudget(int64(len(data)))}
	r, err := pdf.NewReader(ra, int64(len(data)))
	if err != nil {
		why := "the PDF could not be opened (it is damaged or not a PDF)"
		if strings.Contains(strings.ToLower(err.Error()), "encrypt") || strings.Contains(strings.ToLower(err.Error()), "password") {
			why = "the PDF is encrypted"
		}
		return &qda.Error{What: p.name, Why: why, Fix: "open it in a PDF reader and save or print it to a new, unprotected PDF", Err: err}
	}
	pages := pdfPages(r)
	var laid [][]pdfBlock
	failed, turned := 0, 0
	damage := ""
	for _, pg := range pages {
		if why := pdfPageDamage(pg); why != "" {
			damage = why
			failed++
			continue
		}
		blocks, skipped, ok := layoutPDFPage(pg)
		turned += skipped
		if !ok {
			failed++
			continue
		}
		laid = append(laid, blocks)
	}
	dropRepeatedLines(laid)
	body := medianFontSize(laid)
	for _, b := range mergeContinued(laid) {
		kind := qda.PassageParagraph
		if b.heading || body > 0 && b.size > body*1.2 && len([]rune(b.text)) < 200 {
			kind = qda.PassageHeading
		}
		p.block(kind, b.text)
	}
	if failed > 0 && p.runes > 0 {
		p.warn(fmt.Sprintf("%d of %d pages could not be read and were left out", failed, len(pages)))
	}
	if p.runes == 0 && failed > 0 {
		if damage == "" {
			damage = "its pages cannot be read"
		}
		return &qda.Error{What: p.name, Why: "the PDF is damaged: " + damage, Fix: "open it in a PDF reader and save or print it to a new PDF, then import that"}
	}
	if p.runes == 0 && turned > 0 {
		return &qda.Error{What: p.name, Why: "the PDF's text is drawn turned on its side, which Coder cannot read in order", Fix: "rotate the pages upright in a PDF reader and print them to a new PDF, then import that"}
	}
	if p.runes == 0 && len(pages) > 0 {
		return &qda.Error{What: p.name, Why: "the PDF has no text layer (it is probably scanned pages)", Fix: "run text recognition (OCR) on it first, for example with ocrmypdf, then import the result"}
	}
	return nil
}

// pdfPages walks the page tree, guarding against loops and absurd depth.
func pdfPages(r *pdf.Reader) []pdf.Page {
	var out []pdf.Page
	visits := 0
	var walk func(v pdf.Value, depth int)
	walk = func(v pdf.Value, depth int) {
		if depth > 64 || visits > maxPDFPages {
			return
		}
		visits++
		switch v.Key("Type").Name() {
		case "Pages":
			kids := v.Key("Kids")
			for i := 0; i < kids.Len() && visits <= maxPDFPages; i++ {
				walk(kids.Index(i), depth+1)
			}
		case "Page":
			out = append(out, pdf.Page{V: v})
		}
	}
	walk(r.Trailer().Key("Root").Key("Pages"), 0)
	return out
}

// pdfRun is text along one baseline without a wide gap.
type pdfRun struct {
	x0, x1, y, size float64
	text            strings.Builder
	bold, italic    bool // it starts in a bold face; in a bold or italic one
	emph            int  // bytes of its bold or italic lead-in
	glyphs, bad     int  // characters drawn, and those that cannot be text
}

// pdfLine is one line of a column.
type pdfLine struct {
	x0, x1, y, size float64
	text            string
	bold, italic    bool // it starts in a bold face; in a bold or italic one
	emph            int  // bytes of text's bold or italic lead-in
}

// pdfBlock is a paragraph (or heading) of a page.
type pdfBlock struct {
	text    string
	size    float64
	y       float64 // baseline of its first line
	heading bool    // set in bold (or bold and italic) as a heading
	column  bool    // first block after a jump to a new column or band
	dropped bool
}

// layoutPDFPage returns a page's paragraphs in reading order and how many
// characters were drawn turned or at no size and left out; ok is false
// when the page's content could not be interpreted.
func layoutPDFPage(pg pdf.Page) (blocks []pdfBlock, turned int, ok bool) {
	defer func() {
		if recover() != nil {
			blocks, turned, ok = nil, 0, false
		}
	}()
	glyphs := pg.Content().Text
	runs, skipped := pdfRuns(glyphs, pdfUnmappedFonts(pg.Resources()))
	if len(runs) == 0 {
		return nil, skipped, true
	}
	lines := orderColumns(runs)
	return paragraphs(lines), skipped, true
}

// dropRepeatedLines marks the blocks at the top or bottom of a page (in
// the outer tenth of the height its text covers) that
// recur, digits aside, at the same height on at least half the pages (two
// at least): running heads and footers, page numbers, printers' lines
// ("VerDate … Frm 00003 …"). A bare number there goes too.
func dropRepeatedLines(pages [][]pdfBlock) {
	if len(pages) < 2 {
		return
	}
	key := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsDigit(r) || unicode.IsSpace(r) {
				return -1
			}
			return r
		}, s)
	}
	// Pages on which each text (digits aside) stands at each height,
	// heights taken in bands of 3 points.
	type at struct {
		key  string
		band int
	}
	band := func(y float64) int { return int(math.Floor(y / 3)) }
	pagesAt := map[at]map[int]bool{}
	for p, blocks := range pages {
		for _, b := range blocks {
			if len(b.text) > maxPDFRepeated {
				continue
			}
			k := at{key(b.text), band(b.y)}
			if pagesAt[k] == nil {
				pagesAt[k] = map[int]bool{}
			}
			pagesAt[k][p] = true
		}
	}
	for _, blocks := range pages {
		top, bottom := math.Inf(-1), math.Inf(1)
		for _, b := range blocks {
			top, bottom = math.Max(top, b.y), math.Min(bottom, b.y)
		}
		margin := (top - bottom) / 10
		for i := range blocks {
			b := &blocks[i]
			edge := b.y >= top-margin || b.y <= bottom+margin
			if len(b.text) > maxPDFRepeated || !edge {
				continue
			}
			k := key(b.text)
			if k == "" {
				b.dropped = true // a page number
				continue
			}
			n := 0
			for d := -1; d <= 1; d++ {
				n += len(pagesAt[at{k, band(b.y) + d}])
			}
			if n >= 2 && n*2 >= len(pages) {
				b.dropped = true
			}
		}
	}
}

// maxPDFRepeated is the longest block, in bytes, taken for a running head
// or footer.
const maxPDFRepeated = 300

// medianFontSize is the font size of most of the text, by characters.
func medianFontSize(pages [][]pdfBlock) float64 {
	weight := map[float64]int{}
	total := 0
	for _, blocks := range pages {
		for _, b := range blocks {
			s := math.Round(b.size*2) / 2
			n := len(b.text)
			weight[s] += n
			total += n
		}
	}
	sizes := make([]float64, 0, len(weight))
	for s := range weight {
		sizes = append(sizes, s)
	}
	sort.Float64s(sizes)
	acc := 0
	for _, s := range sizes {
		acc += weight[s]
		if acc*2 >= total {
			return s
		}
	}
	return 0
}
