package ui

import (
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"coder/analysis"
	"coder/project"
	"coder/qda"
)

// analysisPage is one tab of the Analysis view: its controls, a table, and
// the computation behind it.
type analysisPage interface {
	title() string
	controls() fyne.CanvasObject
	// work reads the page's settings, on the UI goroutine, and returns the
	// computation to run off it on a fresh snapshot; that returns what shows
	// the result, to run on the UI goroutine again.
	work() func(d *analysis.Data) (func(), error)
	// table is what Export writes; nil before a result is shown.
	table() *project.Table
	grid() *analysisGrid
}

// analysisPages are the Analysis view's tabs, in order: a new table is one
// more line here.
var analysisPages = []func(v *analysisView) analysisPage{
	newFreqPage,
	newCoocPage,
	newMatrixPage,
	newQueryPage,
	newWordsPage, newTimelinePage, // analysis_words.go, analysis_timeline.go
	newAgreePage, // analysis_agree.go
}

// analysisView is the Analysis tab of the centre: frequencies,
// co-occurrence, the framework matrix and coding queries, each number
// opening the passages behind it below the table.
type analysisView struct {
	ws       *workspace
	tab      *container.TabItem
	tabs     *container.AppTabs
	pages    []analysisPage
	busy     *widget.ProgressBarInfinite
	status   *widget.Label
	evidence *evidencePanel
	gen      int  // the latest computation; older results are dropped
	stale    bool // the project changed since the shown results

	coder    *coderChoice // counts one coder's codings (analysis_agree.go)
	narrowed narrowedData // the last snapshot narrowed to that coder
}

// showAnalysis opens the Analysis tab (Tools ▸ Analysis…).
func (ws *workspace) showAnalysis() {
	if ws.analysis == nil {
		ws.analysis = newAnalysisView(ws)
	}
	v := ws.analysis
	found := false
	for _, t := range ws.centre.Items {
		found = found || t == v.tab
	}
	if !found {
		ws.centre.Append(v.tab)
	}
	ws.centre.Select(v.tab)
	v.run()
}

func newAnalysisView(ws *workspace) *analysisView {
	v := &analysisView{ws: ws, busy: widget.NewProgressBarInfinite(), status: widget.NewLabel("")}
	v.busy.Hide()
	v.status.Truncation = fyne.TextTruncateEllipsis
	v.evidence = newEvidencePanel(ws)
	v.coder = newCoderChoice(ws, func() { v.evidence.clear(); v.run() })
	var items []*container.TabItem
	for _, mk := range analysisPages {
		p := mk(v)
		v.pages = append(v.pages, p)
		// A scroll keeps a row of controls from widening the window.
		top := container.NewHScroll(p.controls())
		var body fyne.CanvasObject = p.grid().table
		if b, ok := p.(interface {
			body(table fyne.CanvasObject) fyne.CanvasObject
		}); ok { // a page with more than a table (the timeline's chart)
			body = b.body(body)
		}
		items = append(items, container.NewTabItem(p.title(), container.NewBorder(top, nil, nil, nil, body)))
	}
	v.tabs = container.NewAppTabs(items...)
	v.tabs.OnSelected = func(*container.TabItem) { v.evidence.clear(); v.run() }
	split := container.NewVSplit(v.tabs, v.evidence.content)
	split.Offset = 0.55
	close := widget.NewButtonWithIcon("", theme.CancelIcon(), func() { ws.centre.Remove(v.tab) })
	close.Importance = widget.LowImportance
	export := container.NewHBox(
		widget.NewButtonWithIcon("Table as CSV…", theme.DownloadIcon(), func() { v.exportTable(v.current(), "csv") }),
		widget.NewButtonWithIcon("Table as Excel…", theme.DownloadIcon(), func() { v.exportTable(v.current(), "xlsx") }),
		close)
	bar := container.NewBorder(nil, nil, nil, container.NewHBox(fixedWidth(v.coder.sel, 170), export), container.NewStack(v.busy, v.status))
	v.tab = container.NewTabItemWithIcon("Analysis", theme.GridIcon(), container.NewBorder(bar, nil, nil, nil, split))
	ws.p.Watch(func(project.Change) {
		fyne.Do(func() {
			v.stale = true
			if ws.centre.Selected() == v.tab {
				v.run()
			}
		})
	})
	return v
}

// current is the page on show.
func (v *analysisView) current() analysisPage {
	i := v.tabs.SelectedIndex()
	if i < 0 || i >= len(v.pages) {
		return v.pages[0]
	}
	return v.pages[i]
}

// run recomputes the page on show off the UI goroutine.
func (v *analysisView) run() {
	if v.tabs == nil {
		return // a control set its first value while the view was being made
	}
	work := v.current().work()
	coders := v.coderFilter()
	v.gen++
	gen := v.gen
	v.busy.Show()
	v.busy.Start()
	v.status.SetText("")
	inBackground(func() {
		d, err := v.ws.p.Analysis()
		var show func()
		if err == nil {
			show, err = work(v.narrowed.to(d, coders))
		}
		fyne.Do(func() {
			if gen != v.gen {
				return
			}
			v.busy.Stop()
			v.busy.Hide()
			v.stale = false
			if err != nil {
				v.status.SetText(err.Error())
				return
			}
			show()
		})
	})
}

// exportTable saves the page's table as CSV or XLSX.
func (v *analysisView) exportTable(p analysisPage, format string) {
	t := p.table()
	if t == nil {
		v.ws.notice("Nothing to export yet.")
		return
	}
	v.saveFile(safeFileName(v.ws.info.Name+" "+p.title())+"."+format, format, func(w io.Writer, opts project.ExportOptions) error {
		return v.ws.p.ExportTable(w, format, t, opts)
	})
}

// saveFile asks whether to pseudonymise (when the project has a pseudonym
// table) and where to save, and writes there off the UI goroutine.
func (v *analysisView) saveFile(name, ext string, write func(io.Writer, project.ExportOptions) error) {
	v.ws.askPseudonymise(name, func(pseudo bool) { v.saveFileAs(name, ext, project.ExportOptions{Pseudonymise: pseudo}, write) })
}

func (v *analysisView) saveFileAs(name, ext string, opts project.ExportOptions, write func(io.Writer, project.ExportOptions) error) {
	ws := v.ws
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			ws.showError(err)
			return
		}
		if w == nil {
			return
		}
		go func() {
			err := write(w, opts)
			if cerr := w.Close(); err == nil {
				err = cerr
			}
			fyne.Do(func() {
				if ws.try(err) {
					ws.notice(fmt.Sprintf("Saved %s.", w.URI().Path()))
				}
			})
		}()
	}, ws.win)
	d.SetFileName(name)
	d.SetFilter(storage.NewExtensionFileFilter([]string{"." + ext}))
	d.Resize(fileDialogSize(ws.win))
	d.Show()
}

// topCodes lists the top-level codes, the default columns of the
// co-occurrence table and the matrix.
func topCodes(d *analysis.Data) []qda.ID {
	var out []qda.ID
	for _, c := range d.Tree().Children("") {
		out = append(out, c.ID)
	}
	return out
}

// codeChoice is the choice of columns shared by co-occurrence and matrix.
const (
	colsTop = "Top-level codes"
	colsAll = "All codes"
)

func chosenCodes(d *analysis.Data, choice string) []qda.ID {
	if choice == colsAll {
		return nil
	}
	return topCodes(d)
}

// dimensionChoices lists the row choices: cases, documents and each attribute.
func (v *analysisView) dimensionChoices(none string) []string {
	var out []string
	if none != "" {
		out = append(out, none)
	}
	out = append(out, "Cases", "Documents")
	vars, _ := v.ws.p.Variables()
	seen := map[string]bool{}
	for _, x := range vars {
		if !seen[strings.ToLower(x.Name)] {
			seen[strings.ToLower(x.Name)] = true
			out = append(out, "Attribute: "+x.Name)
		}
	}
	return out
}

func dimensionOf(choice string) analysis.Dimension {
	switch {
	case choice == "Cases":
		return analysis.Dimension{Kind: "case"}
	case choice == "Documents":
		return analysis.Dimension{Kind: "doc"}
	case strings.HasPrefix(choice, "Attribute: "):
		return analysis.Dimension{Kind: "attr", Attr: strings.TrimPrefix(choice, "Attribute: ")}
	}
	return analysis.Dimension{}
}

// shortPath is a code path's last name, for narrow column headers.
func shortPath(path string) string { return path[strings.LastIndex(path, "/")+1:] }

// fixedWidth gives a control a width that fits its longest choice.
func fixedWidth(o fyne.CanvasObject, width float32) fyne.CanvasObject {
	return container.NewGridWrap(fyne.NewSize(width, o.MinSize().Height), o)
}
