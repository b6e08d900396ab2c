package ui

import (
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

// queryPage runs coding queries (A AND B, A OR B, A NOT B, A NEAR B,
// A FOLLOWED BY B), limited to a case; results open in their documents and
// can be coded with a new code, which then opens in Retrieve.
type queryPage struct {
	v     *analysisView
	expr  *widget.Entry
	near  *widget.Entry
	cases *widget.Select
	g     *analysisGrid
	last  []project.SegmentRow
	segs  []analysis.Segment
}

func newQueryPage(v *analysisView) analysisPage {
	p := &queryPage{v: v, g: newAnalysisGrid()}
	p.expr = widget.NewEntry()
	p.expr.SetPlaceHolder(`"Political logic" AND "Community logic"   (OR, NOT, NEAR, NEAR/50, FOLLOWED BY, brackets)`)
	p.expr.OnSubmitted = func(string) { v.run() }
	p.near = widget.NewEntry()
	p.near.SetText(strconv.Itoa(analysis.DefaultNear))
	p.near.OnSubmitted = func(string) { v.run() }
	names := []string{allCases}
	for _, c := range v.ws.cases {
		names = append(names, c.Name)
	}
	p.cases = widget.NewSelect(names, func(string) { v.run() })
	p.cases.SetSelected(allCases)
	p.g.onTap = p.tap
	return p
}

func (p *queryPage) title() string       { return "Coding query" }
func (p *queryPage) grid() *analysisGrid { return p.g }
func (p *queryPage) controls() fyne.CanvasObject {
	run := widget.NewButtonWithIcon("Run", theme.MediaPlayIcon(), p.v.run)
	run.Importance = widget.HighImportance
	code := widget.NewButtonWithIcon("Code results…", theme.ContentAddIcon(), p.codeResults)
	n := container.NewGridWrap(fyne.NewSize(70, p.near.MinSize().Height), p.near)
	return container.NewVBox(p.expr, container.NewHBox(widget.NewLabel("NEAR ="), n, fixedWidth(p.cases, 200), run, code))
}

func (p *queryPage) work() func(d *analysis.Data) (func(), error) {
	expr, nearText, caseName := strings.TrimSpace(p.expr.Text), p.near.Text, p.cases.Selected
	return func(d *analysis.Data) (func(), error) {
		if expr == "" {
			return func() {
				p.last, p.segs = nil, nil
				p.g.set([][]string{{"Write a query above and press Enter."}}, 600, 100)
			}, nil
		}
		near, err := strconv.Atoi(strings.TrimSpace(nearText))
		if err != nil || near < 0 {
			return nil, &qda.Error{What: "NEAR", Why: "the distance must be a number of characters", Fix: "write e.g. 100"}
		}
		var filter qda.Filter
		if c := caseName; c != "" && c != allCases {
			if k, err := p.v.ws.p.FindCase(c); err == nil {
				filter.Cases = []qda.ID{k.ID}
			}
		}
		segs, err := d.Query(expr, analysis.QueryOptions{Near: near, Filter: filter})
		if err != nil {
			return nil, err
		}
		rows, err := p.v.ws.p.SegmentRows(segs)
		if err != nil {
			return nil, err
		}
		cells := [][]string{{"Document", "Position", "Codes", "Text"}}
		for _, r := range rows {
			cells = append(cells, []string{r.DocName, r.Span.String(), segCodes(r.Segment, "; "), oneLine(r.Text)})
		}
		return func() {
			p.last, p.segs = rows, segs
			p.g.set(cells, 260, 140)
			if len(cells[0]) > 3 {
				p.g.table.SetColumnWidth(2, 260)
				p.g.table.SetColumnWidth(3, 600)
			}
			p.v.status.SetText(qda.Plural(len(rows), "passage matches", "passages match"))
		}, nil
	}
}

func segCodes(s analysis.Segment, sep string) string {
	var out []string
	for _, c := range s.Codes {
		out = append(out, c.Path)
	}
	return strings.Join(out, sep)
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// tap opens a result in its document, and lists the codings behind it.
func (p *queryPage) tap(r, _ int) {
	if r >= len(p.last) {
		return
	}
	s := p.last[r]
	ids := s.Codings
	p.v.evidence.show(s.DocName+" "+s.Span.String(), func() ([]evidenceItem, int, error) { return codingItems(p.v.ws.p, ids) })
	p.v.ws.jumpTo(s.Document, s.Span)
	p.v.ws.centre.Select(p.v.tab)
}

// codeResults codes every result with a new code (one undo step) and opens
// it in Retrieve.
func (p *queryPage) codeResults() {
	segs := p.segs
	if len(segs) == 0 {
		p.v.ws.notice("Run a query that finds passages first.")
		return
	}
	name := widget.NewEntry()
	name.SetText("Query: " + strings.TrimSpace(p.expr.Text))
	d := dialog.NewForm("Code the results with a new code", "Code", "Cancel", []*widget.FormItem{widget.NewFormItem("New code", name)}, func(ok bool) {
		if !ok {
			return
		}
		code, err := p.v.ws.p.CodeSegments(segs, strings.ReplaceAll(name.Text, "/", "∕"), "Coded from the query "+p.expr.Text)
		if p.v.ws.try(err) {
			p.v.ws.retrieve.show([]qda.ID{code.ID})
			p.v.ws.centre.Select(p.v.ws.retrieveTab)
		}
	}, p.v.ws.win)
	d.Resize(fyne.NewSize(520, 160))
	d.Show()
}

func (p *queryPage) table() *project.Table {
	if p.last == nil {
		return nil
	}
	t := &project.Table{Title: "Coding query", Header: []string{"Document", "Start", "End", "Codes", "Text"}}
	for _, r := range p.last {
		t.Rows = append(t.Rows, []any{r.DocName, r.Span.Start, r.Span.End, segCodes(r.Segment, "; "), r.Text})
	}
	return t
}
