package ui

import (
	"io"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"coder/analysis"
	"coder/chart"
	"coder/project"
	"coder/qda"
)

const timelineAllCodes = "All codes"

// timelinePage is the Analysis view's Timeline tab: a case's coded events in
// date order, drawn as a chart coloured by logic (top-level code) above the
// table of events. An event opens its passage below, can be given a date of
// its own, and the chart exports as PNG (the table as CSV or Excel).
type timelinePage struct {
	v                *analysisView
	caseSel, codeSel *widget.Select
	view             *fitImage // the chart, as wide as the tab, scrolling
	img              *canvas.Image
	dateBtn          *widget.Button
	g                *analysisGrid

	events   []analysis.Event
	chart    *chart.Chart
	name     string // the case (and code) shown, for file names
	selected int    // the event chosen, -1 for none
	last     *project.Table
}

func newTimelinePage(v *analysisView) analysisPage {
	p := &timelinePage{v: v, g: newAnalysisGrid(), selected: -1}
	cases := caseChoices(v.ws, allDocuments)
	p.caseSel = widget.NewSelect(cases, func(string) { v.run() })
	p.caseSel.SetSelected(cases[min(1, len(cases)-1)]) // timelines are read case by case
	p.codeSel = widget.NewSelect(codeChoices(v.ws, timelineAllCodes), func(string) { v.run() })
	p.codeSel.SetSelected(timelineAllCodes)
	p.view = newFitImage()
	p.img = p.view.img
	p.dateBtn = widget.NewButtonWithIcon("Event date…", theme.HistoryIcon(), p.editEventDate)
	p.dateBtn.Disable()
	p.g.onTap = p.tap
	return p
}

func (p *timelinePage) title() string         { return "Timeline" }
func (p *timelinePage) grid() *analysisGrid   { return p.g }
func (p *timelinePage) table() *project.Table { return p.last }
func (p *timelinePage) controls() fyne.CanvasObject {
	png := widget.NewButtonWithIcon("PNG…", theme.DownloadIcon(), p.exportPNG)
	row := container.NewHBox(widget.NewLabel("Case"), p.caseSel, widget.NewLabel("Code"), p.codeSel, p.dateBtn, png)
	return row
}

// body puts the chart above the table, each scrolling on its own.
func (p *timelinePage) body(table fyne.CanvasObject) fyne.CanvasObject {
	split := container.NewVSplit(p.view.scroll, table)
	split.Offset = 0.6
	return split
}

func (p *timelinePage) work() func(d *analysis.Data) (func(), error) {
	ws := p.v.ws
	var f project.TimelineFilter
	name := p.caseSel.Selected
	for _, c := range ws.cases {
		if c.Name == p.caseSel.Selected {
			f.Case = c.ID
		}
	}
	if c, ok := ws.tree.Find(p.codeSel.Selected); ok {
		f.Codes = []qda.ID{c.ID}
		name += " · " + p.codeSel.Selected
	}
	if f.Coders = p.v.coder.ids(); f.Coders != nil { // the view's coder choice, as every table takes it
		name += " · " + p.v.coder.sel.Selected
	}
	return func(*analysis.Data) (func(), error) {
		events, undated, err := ws.p.Timeline(f)
		if err != nil {
			return nil, err
		}
		c := chart.Timeline("Timeline: "+name, events)
		img := c.Image()
		cells := [][]string{{"#", "Date", "Code", "Document", "Text"}}
		t := &project.Table{Title: "Timeline " + name, Header: []string{"Date", "Date from", "Document", "Code", "Logic", "Start", "End", "Text"}}
		for i, e := range events {
			date, from := e.Date, "event"
			if e.FromDocument {
				date, from = e.Date+" (doc)", "document"
			}
			cells = append(cells, []string{strconv.Itoa(i + 1), date, e.Code, e.DocName, oneLine(e.Text)})
			t.Rows = append(t.Rows, []any{e.Date, from, e.DocName, e.Code, e.Logic, e.Start, e.End, e.Text})
			t.Colors = append(t.Colors, e.Color)
		}
		return func() {
			p.events, p.chart, p.name, p.last, p.selected = events, c, name, t, -1
			p.dateBtn.Disable()
			p.view.set(img)
			p.g.set(cells, 50, 190)
			msg := qda.Plural(len(events), "coded event", "coded events") + " in date order; click one to read it, then open it or give it its own date."
			if undated > 0 {
				msg += " " + qda.Plural(undated, "coded passage has", "coded passages have") + " no date (give documents a Date attribute)."
			}
			p.v.status.SetText(msg)
		}, nil
	}
}

// tap shows the event's passage below and lets it be dated.
func (p *timelinePage) tap(r, _ int) {
	if r >= len(p.events) {
		return
	}
	p.selected = r
	p.dateBtn.Enable()
	e := p.events[r]
	p.v.evidence.show(e.Date+" · "+e.Code, func() ([]evidenceItem, int, error) {
		return []evidenceItem{{doc: e.Doc, span: qda.Span{Start: e.Start, End: e.End}, head: e.DocName, color: e.Color, text: e.Text}}, 1, nil
	})
}

// editEventDate gives the chosen event a date of its own, suggesting one
// written in its text; an empty date gives it back its document's date.
func (p *timelinePage) editEventDate() {
	if p.selected < 0 || p.selected >= len(p.events) {
		return
	}
	ws, e := p.v.ws, p.events[p.selected]
	entry := widget.NewEntry()
	entry.SetPlaceHolder("YYYY-MM-DD (empty: the document's date)")
	if !e.FromDocument {
		entry.SetText(e.Date)
	}
	hint := widget.NewLabel("No date is written in the coded text.")
	if date, ok, err := ws.p.SuggestEventDate(e.Coding); err == nil && ok {
		hint.SetText("Suggested from the text: " + date)
		if e.FromDocument {
			entry.SetText(date)
		}
	}
	text := widget.NewLabel(oneLine(e.Text))
	text.Wrapping = fyne.TextWrapWord
	entry.Validator = func(s string) error { // Save stays off, saying why, until it is a date
		if s == "" {
			return nil
		}
		_, err := project.NormalizeEventDate(s)
		return err
	}
	d := dialog.NewForm("Event date", "Save", "Cancel", []*widget.FormItem{
		widget.NewFormItem("", text),
		widget.NewFormItem("Date", entry),
		widget.NewFormItem("", hint),
	}, func(ok bool) {
		if ok && ws.try(ws.p.SetEventDate(e.Coding, entry.Text)) {
			p.v.run()
		}
	}, ws.win)
	entry.OnSubmitted = func(string) { d.Submit() }
	d.Resize(fyne.NewSize(520, 280))
	d.Show()
	ws.win.Canvas().Focus(entry)
}

// exportPNG saves the chart on show.
func (p *timelinePage) exportPNG() {
	if p.chart == nil {
		p.v.ws.notice("Nothing to export yet.")
		return
	}
	c := p.chart
	// A chart draws code names and dates, not the coded text: it is saved
	// without the pseudonymise question.
	p.v.saveFileAs(safeFileName(p.v.ws.info.Name+" Timeline "+p.name)+".png", "png", project.ExportOptions{}, func(w io.Writer, _ project.ExportOptions) error {
		data, err := c.PNG()
		if err == nil {
			_, err = w.Write(data)
		}
		return err
	})
}
