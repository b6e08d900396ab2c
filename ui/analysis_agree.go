package ui

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"coder/analysis"
	"coder/project"
	"coder/qda"
)

// agreePage is Analysis ▸ Agreement: how far two coders agree, per code and
// overall, and below it the stretches where they differ side by side, from
// which the lead accepts one version into the consensus coder.
type agreePage struct {
	v      *analysisView
	a, b   *widget.Select
	agreed *widget.Button
	g      *analysisGrid
	last   *analysis.Agreement
	coders []qda.Coder // a and b as chosen for the table on show
}

func newAgreePage(v *analysisView) analysisPage {
	p := &agreePage{v: v, g: newAnalysisGrid()}
	p.a = widget.NewSelect(nil, func(string) { v.run() })
	p.b = widget.NewSelect(nil, func(string) { v.run() })
	p.agreed = widget.NewButtonWithIcon("Accept what both coded alike", theme.ConfirmIcon(), p.acceptAgreed)
	p.g.onTap = p.tap
	p.refreshCoders()
	return p
}

func (p *agreePage) title() string       { return "Agreement" }
func (p *agreePage) grid() *analysisGrid { return p.g }
func (p *agreePage) controls() fyne.CanvasObject {
	return container.NewHBox(widget.NewLabel("Compare"), fixedWidth(p.a, 180), widget.NewLabel("with"), fixedWidth(p.b, 180), p.agreed)
}

// refreshCoders offers the project's coders, keeping the choices made.
func (p *agreePage) refreshCoders() {
	coders, err := p.v.ws.p.Coders()
	if err != nil {
		return
	}
	var names []string
	for _, c := range coders {
		names = append(names, c.Name)
	}
	p.a.Options, p.b.Options = names, names
	p.a.Refresh()
	p.b.Refresh()
}

// pickCoders resolves the two chosen names; when they are not two coders
// of the project (at first), it picks the two with the most codings, the
// consensus coder last.
func pickCoders(pr *project.Project, d *analysis.Data, a, b string) ([]qda.Coder, error) {
	all, err := pr.Coders()
	if err != nil {
		return nil, err
	}
	if a != "" && b != "" && a != b {
		if cs, err := pr.FindCoders([]string{a, b}); err == nil {
			return cs, nil
		}
	}
	n := map[qda.ID]int{}
	for _, c := range d.Snapshot().Codings {
		n[c.Coder]++
	}
	sort.SliceStable(all, func(i, j int) bool {
		ci, cj := all[i].Name == project.ConsensusCoder, all[j].Name == project.ConsensusCoder
		if ci != cj {
			return cj
		}
		return n[all[i].ID] > n[all[j].ID]
	})
	if len(all) < 2 || n[all[1].ID] == 0 {
		return nil, fmt.Errorf("agreement compares two coders, and this project has codings by fewer than two (a coder's name is set in Edit ▸ Coder name…)")
	}
	return all[:2], nil
}

func (p *agreePage) work() func(d *analysis.Data) (func(), error) {
	p.refreshCoders()
	a, b := p.a.Selected, p.b.Selected
	if a != "" && a == b {
		return func(*analysis.Data) (func(), error) { return nil, fmt.Errorf("choose two different coders to compare") }
	}
	return func(d *analysis.Data) (func(), error) {
		coders, err := pickCoders(p.v.ws.p, d, a, b)
		if err != nil {
			return nil, err
		}
		ag, err := d.Agree(analysis.AgreeOptions{Coders: []qda.ID{coders[0].ID, coders[1].ID}})
		if err != nil {
			return nil, err
		}
		cells := [][]string{{"Code", "Agreement", "Kappa", "Alpha", coders[0].Name, coders[1].Name, "Both"}}
		for _, r := range ag.Codes {
			cells = append(cells, []string{strings.Repeat("    ", r.Depth) + shortPath(r.Path), analysis.PercentText(r.Percent), analysis.MeasureText(r.Kappa), analysis.MeasureText(r.Alpha),
				fmt.Sprint(r.Chars[0]), fmt.Sprint(r.Chars[1]), fmt.Sprint(r.CharsBoth)})
		}
		cells = append(cells, []string{"Overall", analysis.PercentText(ag.Overall.Percent), analysis.MeasureText(ag.Overall.Kappa), analysis.MeasureText(ag.Overall.Alpha), "", "", ""})
		return func() {
			p.coders = coders
			p.a.Selected, p.b.Selected = coders[0].Name, coders[1].Name
			p.a.Refresh()
			p.b.Refresh()
			p.g.set(cells, 280, 96)
			p.v.status.SetText(fmt.Sprintf("%s and %s over the %s both coded (%s); click a row for the passages where they differ.",
				coders[0].Name, coders[1].Name, qda.Plural(len(ag.Documents), "document", "documents"), qda.Plural(ag.Chars, "character", "characters")))
			p.last = ag // last: the table is whole once this is set
		}, nil
	}
}

// tap lists the disagreements on a code (the overall row: on every code).
func (p *agreePage) tap(r, _ int) {
	a := p.last
	if a == nil || r > len(a.Codes) {
		return
	}
	opt := analysis.AgreeOptions{Coders: a.Coders, Documents: a.Documents}
	title := "Where " + p.coders[0].Name + " and " + p.coders[1].Name + " differ"
	if r < len(a.Codes) {
		opt.Codes = []qda.ID{a.Codes[r].Code}
		title += " on " + a.Codes[r].Path
	}
	p.showDisagreements(title, opt, p.coders)
}

// showDisagreements fills the panel below the table with the stretches
// where the coders differ, each with both versions side by side.
func (p *agreePage) showDisagreements(title string, opt analysis.AgreeOptions, coders []qda.Coder) {
	e := p.v.evidence
	e.gen++
	gen := e.gen
	e.title.SetText(title + " …")
	e.extra.RemoveAll()
	e.list.RemoveAll()
	go func() {
		rows, err := p.v.ws.p.Disagreements(opt)
		fyne.Do(func() {
			if gen != e.gen || !p.v.ws.try(err) {
				return
			}
			head := fmt.Sprintf("%s: %s", title, qda.Plural(len(rows), "passage", "passages"))
			if len(rows) > maxEvidence {
				head += fmt.Sprintf(" (the first %d shown)", maxEvidence)
				rows = rows[:maxEvidence]
			}
			for _, r := range rows {
				e.list.Add(p.disagreementCard(r, coders))
			}
			e.title.SetText(head) // last: the list is whole once the count shows
			e.scroll.ScrollToTop()
		})
	}()
}

// disagreementCard shows one stretch: where it is, its text, and each
// coder's codes beside a button that accepts that version.
func (p *agreePage) disagreementCard(r project.DisagreementRow, coders []qda.Coder) fyne.CanvasObject {
	ws := p.v.ws
	head := widget.NewLabel(fmt.Sprintf("%s · %s", r.DocName, r.Span))
	head.TextStyle.Bold = true
	text := widget.NewLabel(strings.TrimSpace(r.Text))
	text.Wrapping = fyne.TextWrapWord
	done := widget.NewLabel("")
	var buttons []*widget.Button
	side := func(c qda.Coder, codes []analysis.Column) fyne.CanvasObject {
		var names []string
		for _, col := range codes {
			names = append(names, col.Path)
		}
		list := "(nothing)"
		if len(names) > 0 {
			list = strings.Join(names, "\n")
		}
		l := widget.NewLabel(list)
		l.Wrapping = fyne.TextWrapWord
		who := widget.NewLabel(c.Name)
		who.TextStyle.Italic = true
		b := widget.NewButton("Accept "+c.Name+"'s version", nil)
		b.OnTapped = func() {
			if !ws.try(ws.p.AcceptVersion(r.Disagreement, codes)) {
				return
			}
			done.SetText("✓ " + c.Name + "'s version is in " + project.ConsensusCoder + " (Ctrl+Z undoes it)")
			for _, x := range buttons {
				x.Disable()
			}
		}
		buttons = append(buttons, b)
		return container.NewBorder(who, b, nil, nil, l)
	}
	sides := container.NewGridWithColumns(2, side(coders[0], r.A), side(coders[1], r.B))
	doc, span := r.Document, r.Span
	return newTapCard(container.NewVBox(head, text, sides, done), func() { ws.jumpTo(doc, span) })
}

// acceptAgreed copies what both coders coded alike into the consensus coder.
func (p *agreePage) acceptAgreed() {
	a := p.last
	if a == nil {
		return
	}
	n, err := p.v.ws.p.AcceptAgreed(analysis.AgreeOptions{Coders: a.Coders})
	if !p.v.ws.try(err) {
		return
	}
	p.v.ws.notice(fmt.Sprintf("%s now holds %s more where %s and %s coded alike. Accept either version of the passages where they differ, one by one, from the list below the table.",
		project.ConsensusCoder, qda.Plural(n, "coding", "codings"), p.coders[0].Name, p.coders[1].Name))
}

func (p *agreePage) table() *project.Table {
	a := p.last
	if a == nil {
		return nil
	}
	num := func(x float64) any {
		if math.IsNaN(x) {
			return nil // undefined, as the table writers take it
		}
		return x
	}
	t := &project.Table{Title: "Agreement", Header: []string{"Code", "Percent agreement", "Cohen's kappa", "Krippendorff's alpha", p.coders[0].Name, p.coders[1].Name, "Both"}}
	for _, r := range a.Codes {
		t.Rows = append(t.Rows, []any{r.Path, num(r.Percent), num(r.Kappa), num(r.Alpha), r.Chars[0], r.Chars[1], r.CharsBoth})
		t.Colors = append(t.Colors, r.Color)
	}
	t.Rows = append(t.Rows, []any{"Overall", num(a.Overall.Percent), num(a.Overall.Kappa), num(a.Overall.Alpha), "", "", ""})
	t.Colors = append(t.Colors, "")
	return t
}

// coderFilter is the coders the page on show counts (nil: all). Agreement
// chooses its own two coders, so the view's coder choice is not for it.
func (v *analysisView) coderFilter() []qda.ID {
	v.coder.refresh()
	if _, ok := v.current().(*agreePage); ok {
		return nil
	}
	return v.coder.ids()
}

// narrowedData keeps the last snapshot narrowed to some coders, so paging
// through the tables does not narrow it again.
type narrowedData struct {
	mu     sync.Mutex
	src    *analysis.Data
	coders []qda.ID
	out    *analysis.Data
}

func (n *narrowedData) to(d *analysis.Data, coders []qda.ID) *analysis.Data {
	if len(coders) == 0 {
		return d
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.src != d || !slices.Equal(n.coders, coders) {
		out, err := d.Only(qda.Filter{Coders: coders})
		if err != nil {
			return d // only attribute conditions can fail, and there are none
		}
		n.src, n.coders, n.out = d, coders, out
	}
	return n.out
}
