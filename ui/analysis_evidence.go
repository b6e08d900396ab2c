package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"coder/analysis"
	"coder/project"
	"coder/qda"
)

// maxEvidence is how many passages the panel lists under a number; the
// heading says when there are more.
const maxEvidence = 200

// evidenceItem is one passage behind a number: a coding, or two codings
// that co-occur with the characters they share marked.
type evidenceItem struct {
	doc   qda.ID
	span  qda.Span
	head  string
	color string
	text  string
	mark  qda.Span // relative to span; empty for none
}

// evidencePanel lists the passages behind the number last clicked; clicking
// one opens it in its document.
type evidencePanel struct {
	ws      *workspace
	title   *widget.Label
	extra   *fyne.Container // e.g. the matrix cell's memo editor
	list    *fyne.Container
	scroll  *container.Scroll
	content fyne.CanvasObject
	gen     int
}

func newEvidencePanel(ws *workspace) *evidencePanel {
	e := &evidencePanel{ws: ws, title: widget.NewLabel("Click a number to read the passages behind it."), extra: container.NewVBox(), list: container.NewVBox()}
	e.title.Wrapping = fyne.TextWrapWord
	e.title.TextStyle.Bold = true
	e.scroll = container.NewVScroll(e.list)
	e.content = container.NewBorder(container.NewVBox(e.title, e.extra), nil, nil, nil, e.scroll)
	return e
}

func (e *evidencePanel) clear() {
	e.gen++
	e.title.SetText("Click a number to read the passages behind it.")
	e.extra.RemoveAll()
	e.list.RemoveAll()
}

// show lists the items build returns, built off the UI goroutine.
func (e *evidencePanel) show(title string, build func() ([]evidenceItem, int, error)) {
	e.gen++
	gen := e.gen
	e.title.SetText(title + " …")
	e.list.RemoveAll()
	go func() {
		items, total, err := build()
		fyne.Do(func() {
			if gen != e.gen {
				return
			}
			if !e.ws.try(err) {
				return
			}
			head := fmt.Sprintf("%s: %s", title, qda.Plural(total, "passage", "passages"))
			if total > len(items) {
				head += fmt.Sprintf(" (the first %d shown)", len(items))
			}
			e.title.SetText(head)
			for _, it := range items {
				e.list.Add(e.card(it))
			}
			e.scroll.ScrollToTop()
		})
	}()
}

func (e *evidencePanel) card(it evidenceItem) fyne.CanvasObject {
	bar := canvas.NewRectangle(parseColor(it.color))
	bar.SetMinSize(fyne.NewSize(segmentBar, segmentBar))
	head := widget.NewLabel(it.head)
	head.TextStyle.Bold = true
	head.Wrapping = fyne.TextWrapWord
	body := widget.NewRichText()
	body.Wrapping = fyne.TextWrapWord
	r := []rune(it.text)
	plain := widget.RichTextStyle{Inline: true}
	marked := widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePrimary, TextStyle: fyne.TextStyle{Bold: true}}
	if m := it.mark; !m.Empty() && m.End <= len(r) {
		body.Segments = []widget.RichTextSegment{
			&widget.TextSegment{Text: string(r[:m.Start]), Style: plain},
			&widget.TextSegment{Text: "⟦" + string(r[m.Start:m.End]) + "⟧", Style: marked},
			&widget.TextSegment{Text: string(r[m.End:]), Style: plain},
		}
	} else {
		body.Segments = []widget.RichTextSegment{&widget.TextSegment{Text: it.text, Style: plain}}
	}
	body.Refresh()
	doc, span := it.doc, it.span
	return newTapCard(container.NewBorder(nil, nil, bar, nil, container.NewVBox(head, body)), func() { e.ws.jumpTo(doc, span) })
}

// codingItems describes codings, at most maxEvidence of them.
func codingItems(p *project.Project, ids []qda.ID) ([]evidenceItem, int, error) {
	total := len(ids)
	if len(ids) > maxEvidence {
		ids = ids[:maxEvidence]
	}
	rows, err := p.CodingRows(ids)
	if err != nil {
		return nil, 0, err
	}
	out := make([]evidenceItem, 0, len(rows))
	for _, r := range rows {
		out = append(out, evidenceItem{doc: r.Document, span: r.Span, color: r.CodeColor, text: strings.TrimSpace(r.Text),
			head: fmt.Sprintf("%s · %s · %s", r.CodePath, r.DocName, r.Span)})
	}
	return out, total, nil
}

// coocItems describes co-occurrences: both codings (or every coding in the
// passage) named in the heading, the shared characters marked in the text.
func coocItems(p *project.Project, ev []analysis.Evidence) ([]evidenceItem, int, error) {
	total := len(ev)
	if len(ev) > maxEvidence {
		ev = ev[:maxEvidence]
	}
	var ids []qda.ID
	for _, e := range ev {
		ids = append(ids, e.Codings...)
	}
	rows, err := p.CodingRows(ids)
	if err != nil {
		return nil, 0, err
	}
	byID := map[qda.ID]project.CodingRow{}
	for _, r := range rows {
		byID[r.ID] = r
	}
	var out []evidenceItem
	for _, e := range ev {
		text, err := p.SpanText(e.Document, e.Span)
		if err != nil {
			return nil, 0, err
		}
		it := evidenceItem{doc: e.Document, span: e.Span, text: text}
		var parts []string
		doc := ""
		for _, id := range e.Codings {
			if r, ok := byID[id]; ok {
				parts = append(parts, r.CodePath+" "+r.Span.String())
				doc = r.DocName
				if it.color == "" {
					it.color = r.CodeColor
				}
			}
		}
		it.head = strings.Join(parts, "  ×  ") + " · " + doc
		if !e.Overlap.Empty() {
			it.mark = qda.Span{Start: e.Overlap.Start - e.Span.Start, End: e.Overlap.End - e.Span.Start}
			it.head += " · shared " + e.Overlap.String()
		}
		out = append(out, it)
	}
	return out, total, nil
}
