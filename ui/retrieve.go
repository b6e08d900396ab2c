package ui

import (
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"coder/project"
	"coder/qda"
)

// retrievePanel answers "show me every passage coded X": codes are ticked
// on the left, narrowed by case or attribute value, and every coded segment
// is listed with its source; clicking one opens it in its document.
type retrievePanel struct {
	ws      *workspace
	codes   *fyne.Container // a codeChoice per code, indented as in the tree
	chosen  map[qda.ID]bool
	caseSel *widget.Select
	attrRow *attrFilterRow // narrows by one attribute (retrieve_attrs.go)
	coder   *coderChoice   // narrows to one coder's codings
	context *widget.Check  // shows a few lines around each segment
	summary *widget.Label
	results *cardList
	content fyne.CanvasObject
	rows    []project.CodingRow
	parts   map[*tapCard]*segmentParts // the widgets inside each row the list made
}

const allCases = "All cases"

func newRetrievePanel(ws *workspace) *retrievePanel {
	r := &retrievePanel{ws: ws, chosen: map[qda.ID]bool{}, codes: container.NewVBox(), parts: map[*tapCard]*segmentParts{}}
	r.caseSel = widget.NewSelect(nil, func(string) { r.run() })
	r.attrRow = newAttrFilterRow(func() { r.run() })
	r.coder = newCoderChoice(ws, func() { r.run() })
	r.summary = widget.NewLabel("Tick one or more codes to read every segment coded with them.")
	r.summary.Wrapping = fyne.TextWrapWord
	r.results = newCardList(func() int { return len(r.rows) }, r.newRow, r.updateRow, r.rowHeight)
	clear := widget.NewButton("Clear", func() { r.choose(nil) })
	export := widget.NewButtonWithIcon("Export…", theme.DownloadIcon(), func() { ws.exportExcerptsDialog(r.filter()) })
	r.context = widget.NewCheck("Context", func(bool) { r.run() })
	left := container.NewBorder(
		container.NewBorder(nil, nil, widget.NewLabelWithStyle("Codes", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), clear),
		container.NewVBox(widget.NewLabel("Only in"), r.caseSel, r.attrRow.content, r.coder.sel),
		// Only up and down: long code names end in an ellipsis rather than
		// pushing the list sideways.
		nil, nil, container.NewVScroll(r.codes))
	// The VBox keeps Export at its own height beside a hint that wraps.
	right := container.NewBorder(container.NewBorder(nil, nil, nil, container.NewVBox(export, r.context), r.summary), nil, nil, nil, r.results)
	split := container.NewHSplit(left, right)
	split.Offset = 0.4 // in a small window a third was too narrow for the code names
	r.content = split
	r.refreshChoices()
	return r
}

// refreshChoices rebuilds the code, case and attribute choices, keeping
// what is still valid of the current ones.
func (r *retrievePanel) refreshChoices() {
	ws := r.ws
	var choices []fyne.CanvasObject
	chosen := map[qda.ID]bool{}
	ws.tree.Walk(func(c *qda.Code, depth int) {
		id := c.ID
		chosen[id] = r.chosen[id]
		choices = append(choices, newCodeChoice(c, depth, r.chosen[id], func(on bool) {
			r.chosen[id] = on
			r.run()
		}))
	})
	r.chosen = chosen
	r.codes.Objects = choices
	r.codes.Refresh()

	cases := []string{allCases}
	for _, c := range ws.cases {
		cases = append(cases, c.Name)
	}
	r.caseSel.Options = cases
	if !containsString(cases, r.caseSel.Selected) {
		r.caseSel.Selected = allCases
	}
	r.caseSel.Refresh()

	vars, err := ws.p.Variables()
	if err != nil {
		vars = nil
	}
	r.attrRow.setChoices(vars, ws.attributeValues())
	r.coder.refresh()
}

// attributeValues lists, by attribute name, the values documents and cases
// carry, sorted: the choices of Retrieve's attribute row.
func (ws *workspace) attributeValues() map[string][]string {
	out := map[string][]string{}
	add := func(owner qda.ID) {
		vals, err := ws.p.Attributes(owner)
		if err != nil {
			return
		}
		for name, v := range vals {
			if v != "" && !containsString(out[name], v) {
				out[name] = append(out[name], v)
			}
		}
	}
	for _, d := range ws.docs {
		add(d.ID)
	}
	for _, c := range ws.cases {
		add(c.ID)
	}
	for _, vs := range out {
		sort.Strings(vs)
	}
	return out
}

// show ticks exactly these codes and brings the panel forward.
func (r *retrievePanel) show(codes []qda.ID) {
	r.ws.centre.Select(r.ws.retrieveTab)
	r.choose(codes)
}

// choose ticks exactly these codes and retrieves.
func (r *retrievePanel) choose(codes []qda.ID) {
	r.chosen = map[qda.ID]bool{}
	for _, id := range codes {
		r.chosen[id] = true
	}
	r.refreshChoices()
	r.run()
}

// changed reruns the retrieval after the project changed, rebuilding the
// choices first when codes or cases changed.
func (r *retrievePanel) changed(choices bool) {
	if choices {
		r.refreshChoices()
	}
	r.run()
}

// codingsChanged reruns the retrieval when codings of one of the codes
// (or of codes below them) it shows were added or removed. A coding may
// be its coder's first (a colleague's, the consensus coder's), so the
// coder choice looks again.
func (r *retrievePanel) codingsChanged(codes []qda.ID) {
	r.coder.refresh()
	for id, on := range r.chosen {
		if !on {
			continue
		}
		for _, sub := range r.ws.tree.Subtree(id) {
			if containsID(codes, sub) {
				r.run()
				return
			}
		}
	}
}

// filter is the current choice as a project filter.
func (r *retrievePanel) filter() project.CodingFilter {
	var f project.CodingFilter
	r.ws.tree.Walk(func(c *qda.Code, _ int) {
		if r.chosen[c.ID] {
			f.Codes = append(f.Codes, c.ID)
		}
	})
	for _, c := range r.ws.cases {
		if c.Name == r.caseSel.Selected {
			f.Cases = []qda.ID{c.ID}
		}
	}
	if c, ok := r.attrRow.cond(); ok {
		f.Attrs = []qda.AttrCond{c}
	}
	f.Coders = r.coder.ids()
	return f
}

// run retrieves the segments for the current choice and lists them.
func (r *retrievePanel) run() {
	f := r.filter()
	if len(f.Codes) == 0 {
		r.rows = nil
		r.summary.SetText("Tick one or more codes to read every segment coded with them.")
		r.results.Reload()
		return
	}
	rows, err := r.ws.p.Codings(f)
	if err != nil {
		r.ws.showError(err)
		return
	}
	if r.context.Checked {
		if err := r.ws.p.AddContext(rows, contextLines); err != nil {
			r.ws.showError(err)
			return
		}
	}
	r.rows = rows
	docs := map[qda.ID]bool{}
	for _, row := range rows {
		docs[row.Document] = true
	}
	r.summary.SetText(qda.Plural(len(rows), "segment", "segments") + " in " + qda.Plural(len(docs), "document", "documents"))
	r.results.Reload()
}

// segmentParts are the widgets of one row: the code's colour, a heading
// with the code and the source, the coded text and the coding's memo.
type segmentParts struct {
	bar    *canvas.Rectangle
	head   *widget.RichText
	before *widget.Label // context above the segment, when shown
	text   *widget.Label
	after  *widget.Label // context below it
	memo   *widget.Label
}

// contextLines is how many lines around a segment its context shows.
const contextLines = 2

// newRow makes an empty row for the list to fill with updateRow.
func (r *retrievePanel) newRow() fyne.CanvasObject {
	p := &segmentParts{bar: canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))}
	p.bar.SetMinSize(fyne.NewSize(segmentBar, segmentBar))
	// The code's path is a block of its own and the source starts on the
	// next line: run inline, the source got what was left of the path's
	// last line and was drawn one letter per line.
	p.head = widget.NewRichText(
		&widget.TextSegment{Style: widget.RichTextStyle{TextStyle: fyne.TextStyle{Bold: true}}},
		&widget.TextSegment{Style: widget.RichTextStyle{ColorName: theme.ColorNamePlaceHolder, Inline: true}},
	)
	p.head.Wrapping = fyne.TextWrapWord
	p.text = widget.NewLabel("")
	p.text.Wrapping = fyne.TextWrapWord
	p.before, p.after = widget.NewLabel(""), widget.NewLabel("")
	for _, l := range []*widget.Label{p.before, p.after} {
		l.Wrapping = fyne.TextWrapWord
		l.Importance = widget.LowImportance
		l.Hide()
	}
	p.memo = widget.NewLabel("")
	p.memo.Wrapping = fyne.TextWrapWord
	p.memo.TextStyle.Italic = true
	card := newTapCard(container.NewBorder(nil, nil, p.bar, nil, container.NewVBox(p.head, p.before, p.text, p.after, p.memo)), nil)
	r.parts[card] = p
	return card
}

// segmentBar is the width of the code's colour bar on a row.
const segmentBar = 5

// updateRow shows segment id in a row; tapping it opens the segment.
func (r *retrievePanel) updateRow(id int, o fyne.CanvasObject) {
	if id >= len(r.rows) {
		return
	}
	card := o.(*tapCard)
	p := r.parts[card]
	row := r.rows[id]
	p.bar.FillColor = parseColor(row.CodeColor)
	p.bar.Refresh()
	p.head.Segments[0].(*widget.TextSegment).Text = row.CodePath
	p.head.Segments[1].(*widget.TextSegment).Text = r.source(row)
	p.head.Refresh()
	p.text.TextStyle.Bold = r.context.Checked
	p.text.SetText(strings.TrimSpace(row.Text))
	for _, c := range []struct {
		l    *widget.Label
		text string
	}{{p.before, row.Before}, {p.after, row.After}} {
		if t := strings.TrimSpace(c.text); r.context.Checked && t != "" {
			c.l.SetText(t)
			c.l.Show()
		} else {
			c.l.Hide()
		}
	}
	if row.Memo != "" {
		p.memo.SetText("Memo: " + row.Memo)
		p.memo.Show()
	} else {
		p.memo.Hide()
	}
	doc, span := row.Document, row.Span
	card.onTap = func() { r.ws.jumpTo(doc, span) }
}

// source names where a segment comes from.
func (r *retrievePanel) source(row project.CodingRow) string {
	src := row.DocName
	if len(row.Cases) > 0 {
		src += " · " + strings.Join(row.Cases, ", ")
	}
	// "characters 14–22", not "14:22", which reads as a time of day.
	return src + " · " + fmt.Sprintf("characters %d–%d", row.Span.Start, row.Span.End) + " · " + row.CoderName
}

// rowHeight estimates the height of segment id's row in a list of the
// given width, from the lengths of its texts.
func (r *retrievePanel) rowHeight(id int, listWidth float32) float32 {
	row := r.rows[id]
	pad := theme.Padding()
	avail := listWidth - 2*pad - segmentBar - pad - 2*theme.InnerPadding()
	bold := widthsFor(fyne.TextStyle{Bold: true})
	plain := widthsFor(fyne.TextStyle{})
	// The source starts a new paragraph, which Fyne spaces by LineSpacing.
	h := bold.height(row.CodePath, avail) + theme.LineSpacing() + float32(plain.lines(r.source(row), avail))*plain.line
	h += pad + widthsFor(fyne.TextStyle{Bold: r.context.Checked}).height(strings.TrimSpace(row.Text), avail)
	if r.context.Checked {
		for _, t := range []string{row.Before, row.After} {
			if t = strings.TrimSpace(t); t != "" {
				h += pad + widthsFor(fyne.TextStyle{}).height(t, avail)
			}
		}
	}
	if row.Memo != "" {
		h += pad + widthsFor(fyne.TextStyle{Italic: true}).height("Memo: "+row.Memo, avail)
	}
	return h + 2*pad
}

// tapCard makes a block of labels clickable as one, like a list row that
// may wrap to any height.
type tapCard struct {
	widget.BaseWidget
	content fyne.CanvasObject
	onTap   func()
	bg      *canvas.Rectangle
}

func newTapCard(content fyne.CanvasObject, onTap func()) *tapCard {
	c := &tapCard{content: content, onTap: onTap, bg: canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))}
	c.bg.CornerRadius = theme.InputRadiusSize()
	c.ExtendBaseWidget(c)
	return c
}

func (c *tapCard) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(c.bg, container.NewPadded(c.content)))
}

// Tapped opens what the card stands for.
func (c *tapCard) Tapped(*fyne.PointEvent) {
	if c.onTap != nil {
		c.onTap()
	}
}

// MouseIn, MouseMoved and MouseOut show that the card can be clicked.
func (c *tapCard) MouseIn(*desktop.MouseEvent) {
	c.bg.FillColor = theme.Color(theme.ColorNameHover)
	c.bg.Refresh()
}

// MouseMoved is part of desktop.Hoverable.
func (c *tapCard) MouseMoved(*desktop.MouseEvent) {}

// MouseOut is part of desktop.Hoverable.
func (c *tapCard) MouseOut() {
	c.bg.FillColor = theme.Color(theme.ColorNameInputBackground)
	c.bg.Refresh()
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
