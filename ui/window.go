package ui

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	fynelayout "fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"coder/codebook"
	"coder/project"
	"coder/qda"
)

// workspace is an open project in the window: the project panel on the
// left, the document, retrieve and search tabs in the centre and the
// codebook on the right. It caches what several panels read (the codebook,
// counts, documents, cases) and refreshes them when the project changes.
type workspace struct {
	app  *App
	win  fyne.Window
	p    *project.Project
	info qda.Project

	tree   *codebook.Tree
	counts map[qda.ID]int
	docs   []project.DocInfo
	cases  []qda.Case

	doc     *qda.Document                // the document open in the view, or nil
	codings map[qda.ID]project.CodingRow // the open document's codings by ID
	view    *TranscriptView
	header  *widget.RichText

	centre                         *container.AppTabs
	docTab, retrieveTab, searchTab *container.TabItem
	documents                      *documentsPanel
	casesPanel                     *casesPanel
	codes                          *codebookPanel
	retrieve                       *retrievePanel
	search                         *searchPanel
	memos                          *memosPanel
	indexer                        *indexer
	jobs                           jobs
	menus                          *menus
	analysis                       *analysisView   // the Analysis tab, made when first opened
	attributes                     *attributesView // the Attributes tab, made when first opened
	editors                        editors         // open editors, consulted before the project closes
	pinned                         [9]qda.ID
	popup                          *widget.PopUp
	// onImported, when set, hears about every finished import (tests wait on it).
	onImported                     func(*project.ImportReport, error)
	content                        fyne.CanvasObject
	left                           *container.AppTabs
	leftDocs, leftCases, leftMemos *container.TabItem
	panes                          *panes      // the columns: left panel, centre, codebook
	coderLink                      *statusLink // who is coding, in the status bar
	focusSaved                     *[2]bool    // which side panels were hidden before focus mode
}

func newWorkspace(a *App, p *project.Project) (*workspace, error) {
	info, err := p.Info()
	if err != nil {
		return nil, err
	}
	ws := &workspace{app: a, win: a.win, p: p, info: info}
	if err := ws.reload(); err != nil {
		return nil, err
	}
	ws.pinned = a.prefs.pinned(info.ID)

	ws.view = NewTranscriptView()
	ws.header = widget.NewRichText()
	ws.header.Wrapping = fyne.TextWrapWord
	ws.setupCoding()

	ws.documents = newDocumentsPanel(ws)
	ws.casesPanel = newCasesPanel(ws)
	ws.memos = newMemosPanel(ws)
	ws.codes = newCodebookPanel(ws)
	ws.retrieve = newRetrievePanel(ws)
	ws.search = newSearchPanel(ws)
	ws.indexer = newIndexer(ws)
	ws.menus = newMenus(ws)
	ws.registerForms()

	ws.leftDocs = container.NewTabItem("Documents", ws.documents.content)
	ws.leftCases = container.NewTabItem("Cases", ws.casesPanel.content)
	ws.leftMemos = container.NewTabItem("Memos", ws.memos.content)
	ws.left = container.NewAppTabs(ws.leftDocs, ws.leftCases, ws.leftMemos)

	ws.docTab = container.NewTabItemWithIcon("Document", theme.DocumentIcon(), container.NewBorder(
		container.NewVBox(ws.header, widget.NewSeparator()), nil, nil, nil, ws.view))
	ws.retrieveTab = container.NewTabItemWithIcon("Retrieve", theme.ListIcon(), ws.retrieve.content)
	ws.searchTab = container.NewTabItemWithIcon("Search", theme.SearchIcon(), ws.search.content)
	ws.centre = container.NewAppTabs(ws.docTab, ws.retrieveTab, ws.searchTab)
	ws.centre.OnSelected = func(t *container.TabItem) {
		// Opening the Search tab is a request to type a query.
		if t == ws.searchTab {
			ws.win.Canvas().Focus(ws.search.query)
		}
	}

	// The panels reach the window's edges: a padded window takes 8 px of
	// width from the text.
	a.win.SetPadded(false)
	ws.panes = newPanes(ws.left, ws.centre, ws.codes.content)
	// Every tab stays a tab rather than going behind a "…" button.
	ws.panes.floor = [2]float32{tabBarWidth(ws.left), 0}
	ws.panes.centreFloor = tabBarWidth(ws.centre)
	a.prefs.restorePanes(ws.panes)
	ws.panes.onChanged = func() { a.prefs.setPanes(ws.panes) }
	ws.menus.checkPanes()
	ws.content = container.NewBorder(nil, container.NewVBox(ws.indexer.content, ws.statusBar()), nil, nil, ws.panes)
	ws.showDocument(nil)

	p.Watch(func(c project.Change) { fyne.Do(func() { ws.changed(c) }) })
	return ws, nil
}

// registerForms puts the forms that save what they hold when left (a code's
// definition, a document's and a case's form) in the registry that closing
// the project and quitting consult.
func (ws *workspace) registerForms() {
	ws.editors.add(&editor{what: "the code's definition", save: ws.codes.keepDefinition})
	for _, pending := range []*func(){&ws.documents.pending, &ws.casesPanel.pending} {
		ws.editors.add(&editor{what: "the form", save: func() bool {
			if f := *pending; f != nil {
				f() // saves only what changed, so it may run again
			}
			return true
		}})
	}
}

// reload reads the codebook, counts, documents and cases.
func (ws *workspace) reload() error {
	t, err := ws.p.Codebook()
	if err != nil {
		return err
	}
	counts, err := ws.p.CodeCounts()
	if err != nil {
		return err
	}
	docs, err := ws.p.Documents()
	if err != nil {
		return err
	}
	cases, err := ws.p.Cases()
	if err != nil {
		return err
	}
	ws.tree, ws.counts, ws.docs, ws.cases = t, counts, docs, cases
	return nil
}

// restore reopens the document that was open when the project was last
// closed, or the first document.
func (ws *workspace) restore() {
	last := ws.app.prefs.lastDocument(ws.info.ID)
	for _, d := range ws.docs {
		if d.ID == last {
			ws.openDocument(last)
			return
		}
	}
	if len(ws.docs) > 0 {
		ws.openDocument(ws.docs[0].ID)
	}
}

// save remembers per-project state before the project closes.
func (ws *workspace) save() {
	if ws.doc != nil {
		ws.app.prefs.setLastDocument(ws.info.ID, ws.doc.ID)
	}
	ws.app.prefs.setPinned(ws.info.ID, ws.pinned)
}

// changed brings every panel up to date after a committed change.
func (ws *workspace) changed(c project.Change) {
	if ws.app.ws != ws {
		return // the project was closed while the change was on its way
	}
	if c.Codings && !c.All && !c.Codebook && !c.Cases && !c.Memos && len(c.Removed) == 0 {
		ws.codingsChanged(c)
		return
	}
	oldDocs := ws.docs
	if err := ws.reload(); err != nil {
		ws.showError(err)
		return
	}
	if ws.doc != nil {
		for _, id := range c.Removed {
			if id == ws.doc.ID {
				ws.showDocument(nil)
			}
		}
	}
	if ws.doc != nil && (c.All || containsID(c.Documents, ws.doc.ID)) {
		ws.passagesChanged()
	}
	if ws.doc != nil && (c.All || c.Codebook || containsID(c.Documents, ws.doc.ID)) {
		ws.refreshDocument()
	}
	ws.codes.refresh()
	// Coding a passage touches its document but not the lists; refresh them
	// only when what they show changed.
	if c.All || c.Cases || len(c.Removed) > 0 || !sameListing(oldDocs, ws.docs) {
		ws.documents.refresh()
		ws.casesPanel.refresh()
	}
	// The memo list names codes, documents and cases, and loses the memos
	// of what is deleted.
	if c.All || c.Memos || c.Codebook || c.Cases || len(c.Removed) > 0 {
		ws.memos.refresh()
	}
	ws.retrieve.changed(c.All || c.Codebook || c.Cases)
	ws.search.projectChanged()
	ws.menus.update()
}

// codingsChanged follows a change that only added or removed codings: the
// open document's highlights when it was touched, the counts of the codes
// that gained or lost codings, and the retrieval when it shows one of them.
// When only the open document changed, the difference in its codings gives
// the counts, which spares reading every coding of the project.
func (ws *workspace) codingsChanged(c project.Change) {
	// A change that names no documents may have touched any of them.
	touchedOpen := ws.doc != nil && (len(c.Documents) == 0 || containsID(c.Documents, ws.doc.ID))
	var touched []qda.ID
	if ws.doc != nil && len(c.Documents) == 1 && c.Documents[0] == ws.doc.ID {
		before := ws.codings
		ws.refreshDocument()
		delta := map[qda.ID]int{}
		for _, r := range before {
			delta[r.Code]--
		}
		for _, r := range ws.codings {
			delta[r.Code]++
		}
		for id, d := range delta {
			if d != 0 {
				ws.counts[id] += d
				touched = append(touched, id)
			}
		}
	} else {
		if touchedOpen {
			ws.refreshDocument()
		}
		counts, err := ws.p.CodeCounts()
		if err != nil {
			ws.showError(err)
			return
		}
		for id, n := range counts {
			if ws.counts[id] != n {
				touched = append(touched, id)
			}
		}
		for id := range ws.counts {
			if _, ok := counts[id]; !ok {
				touched = append(touched, id)
			}
		}
		ws.counts = counts
	}
	ws.codes.countsChanged(touched)
	ws.retrieve.codingsChanged(touched)
	ws.search.projectChanged()
	ws.menus.update()
}

// openDocument shows a document in the centre.
func (ws *workspace) openDocument(id qda.ID) {
	if ws.doc != nil && ws.doc.ID == id {
		ws.centre.Select(ws.docTab)
		return
	}
	d, err := ws.p.Document(id)
	if err != nil {
		ws.showError(err)
		return
	}
	ws.showDocument(d)
	ws.centre.Select(ws.docTab)
	ws.app.fonts.check(ws.win, d.Text)
}

// showDocument puts doc (nil for none) in the view with its codings.
func (ws *workspace) showDocument(d *qda.Document) {
	ws.doc = d
	ws.view.SetDocument(d)
	ws.documents.selectDocument(d)
	if d == nil {
		ws.codings = nil
		ws.header.Segments = []widget.RichTextSegment{&widget.TextSegment{Text: "No document open: choose one on the left, or import files (File ▸ Import, or drop them on the window).", Style: widget.RichTextStyleInline}}
		ws.header.Refresh()
		return
	}
	ws.refreshDocument()
}

// refreshDocument repaints the open document's header and codings, keeping
// the selection and scroll position.
func (ws *workspace) refreshDocument() {
	d := ws.doc
	rows, err := ws.p.DocumentCodings(d.ID)
	if err != nil {
		ws.showError(err)
		return
	}
	ws.codings = make(map[qda.ID]project.CodingRow, len(rows))
	hs := make([]Highlight, 0, len(rows))
	for _, r := range rows {
		ws.codings[r.ID] = r
		hs = append(hs, Highlight{ID: r.ID, Span: r.Span, Color: parseColor(r.CodeColor), Label: r.CodePath, Memo: r.Memo != "" || r.Memos > 0})
	}
	ws.view.SetHighlights(hs)
	for _, info := range ws.docs {
		if info.ID == d.ID {
			d.Name, d.Kind = info.Name, info.Kind
			ws.setHeader(info)
		}
	}
}

func (ws *workspace) setHeader(info project.DocInfo) {
	cases := "no case"
	if len(info.Cases) > 0 {
		cases = strings.Join(info.Cases, ", ")
	}
	ws.header.Segments = []widget.RichTextSegment{
		&widget.TextSegment{Text: info.Name, Style: widget.RichTextStyle{TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText, Inline: true}},
		&widget.TextSegment{Text: fmt.Sprintf("   %s · %s · %s · %s", info.Kind, cases, qda.Plural(info.Chars, "character", "characters"), qda.Plural(len(ws.codings), "coding", "codings")), Style: widget.RichTextStyle{ColorName: theme.ColorNamePlaceHolder, Inline: true}},
	}
	ws.header.Refresh()
}

// jumpTo opens a document and selects a span in it.
func (ws *workspace) jumpTo(doc qda.ID, span qda.Span) {
	ws.openDocument(doc)
	if ws.doc == nil || ws.doc.ID != doc {
		return
	}
	ws.view.Select(span)
	ws.view.ScrollTo(span)
	ws.win.Canvas().Focus(ws.view)
}

// focusText shows the open document and gives its text the keyboard
// (View ▸ Document, Ctrl+D; Enter or Tab in the document list).
func (ws *workspace) focusText() {
	ws.centre.Select(ws.docTab)
	ws.win.Canvas().Focus(ws.view)
}

func (ws *workspace) showError(err error) { showError(err, ws.win) }

// docName returns a document's name from the cached list.
func (ws *workspace) docName(id qda.ID) string {
	for _, d := range ws.docs {
		if d.ID == id {
			return d.Name
		}
	}
	return string(id)
}

func containsID(ids []qda.ID, id qda.ID) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// parseColor reads #RRGGBB, falling back to grey.
func parseColor(s string) color.Color {
	var r, g, b uint8
	if _, err := fmt.Sscanf(s, "#%02x%02x%02x", &r, &g, &b); err != nil {
		return color.NRGBA{R: 0x99, G: 0x99, B: 0x99, A: 0xff}
	}
	return color.NRGBA{R: r, G: g, B: b, A: 0xff}
}

// hexColor writes a colour as #RRGGBB.
func hexColor(c color.Color) string {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	return fmt.Sprintf("#%02X%02X%02X", n.R, n.G, n.B)
}

// layoutSpacer pushes what follows it to the far end of a box.
func layoutSpacer() fyne.CanvasObject { return fynelayout.NewSpacer() }

// wrapped is a label that wraps at word boundaries, for sentences in panels
// that must not widen the window.
func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// sameListing reports whether two document lists show the same names,
// kinds and cases.
func sameListing(a, b []project.DocInfo) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].ID != b[i].ID || a[i].Name != b[i].Name || a[i].Kind != b[i].Kind || strings.Join(a[i].Cases, "\x00") != strings.Join(b[i].Cases, "\x00") {
			return false
		}
	}
	return true
}
