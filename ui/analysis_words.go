package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"coder/analysis"
	"coder/project"
	"coder/qda"
)

const (
	allDocuments = "All documents"
	allText      = "All text"
	kwicWidth    = 40 // characters of context on each side of a KWIC line
)

// wordsPage is the Analysis view's Words tab: the word list of the text
// chosen (all, a case, a code's segments); a word opens its lines in context
// (KWIC) below, and a line opens its place in the document.
type wordsPage struct {
	v                *analysisView
	caseSel, codeSel *widget.Select
	stem             *widget.Check
	g                *analysisGrid
	words            []analysis.WordCount
	sel              project.TextSelection // what words holds the list of
	stemmed          bool
	last             *project.Table
}

func newWordsPage(v *analysisView) analysisPage {
	p := &wordsPage{v: v, g: newAnalysisGrid()}
	p.caseSel = widget.NewSelect(caseChoices(v.ws, allDocuments), func(string) { v.run() })
	p.caseSel.SetSelected(allDocuments)
	p.codeSel = widget.NewSelect(codeChoices(v.ws, allText), func(string) { v.run() })
	p.codeSel.SetSelected(allText)
	p.stem = widget.NewCheck("Join English word forms", func(bool) { v.run() })
	p.g.onTap = p.tap
	return p
}

func (p *wordsPage) title() string         { return "Words" }
func (p *wordsPage) grid() *analysisGrid   { return p.g }
func (p *wordsPage) table() *project.Table { return p.last }
func (p *wordsPage) controls() fyne.CanvasObject {
	stop := widget.NewButtonWithIcon("Stop words…", theme.DocumentCreateIcon(), p.editStopWords)
	return container.NewHBox(widget.NewLabel("Case"), p.caseSel, widget.NewLabel("Code"), p.codeSel, p.stem, stop)
}

// caseChoices lists "all" and the case names, for a Select.
func caseChoices(ws *workspace, all string) []string {
	out := []string{all}
	for _, c := range ws.cases {
		out = append(out, c.Name)
	}
	return out
}

// codeChoices lists "all" and every code path in codebook order.
func codeChoices(ws *workspace, all string) []string {
	out := []string{all}
	ws.tree.Walk(func(c *qda.Code, _ int) { out = append(out, ws.tree.Path(c.ID)) })
	return out
}

// textSelection turns a case name and a code path into a selection.
func textSelection(ws *workspace, caseName, codePath string) project.TextSelection {
	var sel project.TextSelection
	for _, c := range ws.cases {
		if c.Name == caseName {
			sel.Case = c.ID
		}
	}
	if c, ok := ws.tree.Find(codePath); ok {
		sel.Code = c.ID
		if ws.analysis != nil { // a code's segments by the coder chosen, as every table counts
			sel.Coders = ws.analysis.coder.ids()
		}
	}
	return sel
}

func (p *wordsPage) work() func(d *analysis.Data) (func(), error) {
	sel, stem := textSelection(p.v.ws, p.caseSel.Selected, p.codeSel.Selected), p.stem.Checked
	ws := p.v.ws
	return func(*analysis.Data) (func(), error) {
		words, err := ws.p.Words(sel, project.WordOptions{Stem: stem})
		if err != nil {
			return nil, err
		}
		cells := [][]string{{"#", "Word", "Occurrences", "Documents"}}
		t := &project.Table{Title: "Words", Header: []string{"Word", "Occurrences", "Documents"}}
		for i, w := range words {
			cells = append(cells, []string{strconv.Itoa(i + 1), w.Word, strconv.Itoa(w.Count), strconv.Itoa(w.Documents)})
			t.Rows = append(t.Rows, []any{w.Word, w.Count, w.Documents})
		}
		return func() {
			p.words, p.sel, p.stemmed, p.last = words, sel, stem, t
			p.g.set(cells, 60, 150)
			p.v.status.SetText(fmt.Sprintf("%s. Click a word to read it in context; click a line to open its place.", qda.Plural(len(words), "different word", "different words")))
		}, nil
	}
}

// tap lists the word's lines in context below the list.
func (p *wordsPage) tap(r, _ int) {
	if r >= len(p.words) {
		return
	}
	word, sel, stem, ws := p.words[r].Word, p.sel, p.stemmed, p.v.ws
	p.v.evidence.show(fmt.Sprintf("%q in context", word), func() ([]evidenceItem, int, error) {
		lines, err := ws.p.KWIC(sel, word, kwicWidth, project.WordOptions{Stem: stem})
		if err != nil {
			return nil, 0, err
		}
		return kwicItems(lines), len(lines), nil
	})
}

// kwicItems shows KWIC lines as evidence cards: the match marked in its
// context, opening the match itself in the document.
func kwicItems(lines []analysis.KWICLine) []evidenceItem {
	out := make([]evidenceItem, 0, min(len(lines), maxEvidence))
	for _, l := range lines[:min(len(lines), maxEvidence)] {
		left := len([]rune(l.Left))
		out = append(out, evidenceItem{
			doc: l.Doc, span: qda.Span{Start: l.Start, End: l.End},
			head: fmt.Sprintf("%s  %d–%d", l.DocName, l.Start, l.End),
			text: "…" + l.Left + l.Match + l.Right + "…",
			mark: qda.Span{Start: left + 1, End: left + 1 + len([]rune(l.Match))},
		})
	}
	return out
}

// editStopWords lets the researcher edit the project's stop-word lists.
func (p *wordsPage) editStopWords() {
	ws := p.v.ws
	s, err := ws.p.StopWords()
	if !ws.try(err) {
		return
	}
	// One word a line, unwrapped: Home, End and the arrows then move
	// within a word's line, as they look to, not within a wrapped row.
	s = s.Clean()
	en, zh := widget.NewMultiLineEntry(), widget.NewMultiLineEntry()
	en.Wrapping, zh.Wrapping = fyne.TextWrapOff, fyne.TextWrapOff
	en.SetText(strings.Join(s.English, "\n"))
	zh.SetText(strings.Join(s.Chinese, "\n"))
	form := container.NewGridWithColumns(2,
		container.NewBorder(widget.NewLabel("English (one word a line)"), nil, nil, nil, en),
		container.NewBorder(widget.NewLabel("Chinese (one word a line)"), nil, nil, nil, zh))
	d := dialog.NewCustomConfirm("Stop words", "Save", "Cancel", form, func(ok bool) {
		if ok && ws.try(ws.p.SetStopWords(analysis.StopWords{English: strings.Fields(en.Text), Chinese: strings.Fields(zh.Text)})) {
			p.v.run()
		}
	}, ws.win)
	d.Resize(fyne.NewSize(560, 460))
	d.Show()
}
