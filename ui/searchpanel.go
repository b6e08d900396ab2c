package ui

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"coder/project"
	"coder/qda"
)

// maxHits is how many hits one search lists. The list draws only the rows
// in view, so this bounds the work of making snippets, not the window.
const maxHits = 100000

// searchHelp explains the query syntax in the panel's help dialog.
const searchHelp = `Words
  mobilise village        passages with both words; English words also match
                          their other forms (mobilised, villages)
  "land transfer"         the exact phrase
  quota OR target         either word
  cadre -party            cadre but not party
  mobili*                 words starting with mobili
  organise~  organise~2   words within one (or two) letters' edits; not for Chinese
  (quota OR target) -tax  brackets group

Chinese
  征地                        passages with exactly these characters in this order

Filters (combine them with words, or use them alone)
  code:"Political logic"  coded with that code or any code below it
  case:"G Community"      in a document of that case
  kind:interview          in documents of that kind
  speaker:Resident        in that speaker's turns
  doc:NAME                in that document
  attr:role=cadre         in documents (or their cases) with that attribute value
  coder:"Researcher A"    in passages that coder coded (segments and memos: theirs)`

// searchPanel runs queries over the project's passages and lists the hits
// in context, grouped by case; clicking a hit opens its document with every
// match marked, and "Code all hits" codes them in one step.
type searchPanel struct {
	ws      *workspace
	query   *widget.Entry
	summary *widget.Label
	caret   *widget.Label // the query with a caret under a syntax error, in monospace so they line up
	facets  *widget.Label
	busy    *widget.ProgressBarInfinite
	results *cardList
	rows    []hitRow                      // the list's rows: case headings and hits
	parts   map[*fyne.Container]*hitParts // the widgets inside each row the list made
	codeAll *widget.Button
	content fyne.CanvasObject

	result *project.SearchResult
	ran    string // the query result answers
	cancel context.CancelFunc
	// waiting is set while a search waits for the index to be built.
	waiting bool
	// done is called after each search has been shown; tests wait on it.
	done func()
	// onCoded, when set, hears how each "code all hits" ended (tests).
	onCoded func(project.CodedHits, error)
}

func newSearchPanel(ws *workspace) *searchPanel {
	s := &searchPanel{ws: ws, parts: map[*fyne.Container]*hitParts{}}
	s.query = widget.NewEntry()
	s.query.SetPlaceHolder(`Search: words, "a phrase", 征地, code:"Political logic", case:…`)
	s.query.OnSubmitted = func(string) { s.run() }
	help := widget.NewButtonWithIcon("", theme.QuestionIcon(), ws.showSearchHelp)
	go_ := widget.NewButtonWithIcon("Search", theme.SearchIcon(), s.run)
	s.codeAll = widget.NewButtonWithIcon("Code all hits with…", theme.ContentAddIcon(), s.codeAllDialog)
	s.codeAll.Disable()
	s.summary = widget.NewLabel("Type a query and press Enter. The ? button explains the syntax.")
	s.summary.Wrapping = fyne.TextWrapWord
	s.caret = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	s.caret.Hide()
	s.facets = widget.NewLabel("")
	s.facets.Wrapping = fyne.TextWrapWord
	s.facets.TextStyle.Italic = true
	s.facets.Hide()
	s.busy = widget.NewProgressBarInfinite()
	s.busy.Stop()
	s.busy.Hide()
	s.results = newCardList(func() int { return len(s.rows) }, s.newRow, s.updateRow, s.rowHeight)
	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewHBox(go_, help), s.query),
		container.NewBorder(nil, nil, nil, container.NewVBox(s.codeAll), s.summary),
		s.caret, s.facets, s.busy,
	)
	s.content = container.NewBorder(top, nil, nil, nil, s.results)
	return s
}

// focus brings the panel forward with the keyboard in the query box.
func (s *searchPanel) focus() {
	s.ws.centre.Select(s.ws.searchTab)
	s.ws.win.Canvas().Focus(s.query)
}

// run searches in the background. A search waits for the search index
// when it is being built (saying how far that has got), and starts a build
// when a previous one was cancelled or failed.
func (s *searchPanel) run() {
	q := strings.TrimSpace(s.query.Text)
	if q == "" {
		return
	}
	if s.cancel != nil {
		s.cancel()
	}
	ctx, cancel := context.WithCancel(context.Background())
	s.cancel = cancel
	ix := s.ws.indexer.ensure()
	s.waiting = !ix.over
	if s.waiting {
		// The status bar at the foot of the window shows the progress.
		s.indexProgress(s.ws.indexer.latestShown())
		s.busy.Stop()
		s.busy.Hide()
	} else {
		s.summary.SetText("Searching…")
		s.busy.Show()
		s.busy.Start()
	}
	p := s.ws.p
	go func() {
		var res *project.SearchResult
		var err error
		select {
		case <-ix.done:
		case <-ctx.Done():
			return // a newer search replaced this one while both waited
		}
		if err = ix.err; err == nil {
			res, err = p.Search(ctx, q, project.SearchOptions{Limit: maxHits, Facets: true})
		} else if errors.Is(err, context.Canceled) {
			err = errors.New("the search index was not built, because indexing was cancelled; search again to build it")
		}
		fyne.Do(func() {
			if ctx.Err() != nil {
				return // a newer search replaced this one
			}
			s.waiting = false
			s.busy.Stop()
			s.busy.Hide()
			s.show(q, res, err)
			if s.done != nil {
				s.done()
			}
		})
	}()
}

// projectChanged searches again for the results shown, so that after any
// change (an undo or redo among them) the hits carry the codes they now
// have and deleted documents drop out.
func (s *searchPanel) projectChanged() {
	if s.ran != "" && s.ran == strings.TrimSpace(s.query.Text) {
		s.run()
	}
}

// indexProgress tells a search that waits for the index how far that has
// got.
func (s *searchPanel) indexProgress(pr project.Progress) {
	if s.waiting {
		s.summary.SetText(fmt.Sprintf("Waiting for the search index (%d%% indexed); the search runs when it is ready.", percent(pr)))
	}
}

// show lists a search's hits grouped by case, or explains its error.
func (s *searchPanel) show(q string, res *project.SearchResult, err error) {
	s.rows = nil
	s.result, s.ran = nil, ""
	s.codeAll.Disable()
	s.facets.SetText("")
	s.facets.Hide()
	s.caret.Hide()
	if err != nil {
		var syn *project.QueryError
		if errors.As(err, &syn) {
			s.summary.SetText("The query does not parse: " + syn.Error())
			s.caret.SetText(syn.Caret())
			s.caret.Show()
		} else {
			s.summary.SetText("Search failed: " + err.Error())
		}
		s.results.Reload()
		return
	}
	s.result, s.ran = res, q
	msg := qda.Plural(res.Total, "passage matches", "passages match")
	if res.Total > len(res.Hits) {
		msg += fmt.Sprintf(" (showing the best %d)", len(res.Hits))
	}
	if res.Total == 0 {
		msg += s.ws.unknownCodeHint(q)
	}
	s.summary.SetText(msg)
	if res.Total > 0 {
		s.codeAll.Enable()
	}
	if f := res.Facets; f != nil {
		var parts []string
		for _, c := range f.Cases {
			parts = append(parts, fmt.Sprintf("%s %d", c.Name, c.Count))
		}
		if f.Uncased > 0 {
			parts = append(parts, fmt.Sprintf("no case %d", f.Uncased))
		}
		if len(parts) > 0 {
			s.facets.SetText("By case: " + strings.Join(parts, " · "))
			s.facets.Show()
		}
	}
	groups := map[string][]project.SearchHit{}
	var names []string
	for _, h := range res.Hits {
		g := h.Case
		if g == "" {
			g = noCase
		}
		if _, ok := groups[g]; !ok {
			names = append(names, g)
		}
		groups[g] = append(groups[g], h)
	}
	// Within a case, hits read in document order, as the researcher would
	// go through the transcripts.
	for _, hits := range groups {
		sort.SliceStable(hits, func(i, j int) bool {
			if hits[i].Document != hits[j].Document {
				return hits[i].Document < hits[j].Document
			}
			return hits[i].Passage.Start < hits[j].Passage.Start
		})
	}
	sort.Slice(names, func(i, j int) bool {
		if (names[i] == noCase) != (names[j] == noCase) {
			return names[j] == noCase
		}
		return names[i] < names[j]
	})
	for _, g := range names {
		s.rows = append(s.rows, hitRow{head: fmt.Sprintf("%s (%d)", g, len(groups[g]))})
		for i := range groups[g] {
			s.rows = append(s.rows, hitRow{hit: &groups[g][i]})
		}
	}
	s.results.Reload()
}

// hitRow is one row of the hit list: a case's heading, or a hit.
type hitRow struct {
	head string
	hit  *project.SearchHit
}

// hitParts are the widgets of one row: the heading, or a card with the
// hit's source and its snippet with the matches in bold, wrapped as the
// document view wraps text.
type hitParts struct {
	head    *widget.Label
	card    *tapCard
	meta    *widget.Label
	snippet *snippetText
}

// newRow makes an empty row for the list to fill with updateRow.
func (s *searchPanel) newRow() fyne.CanvasObject {
	p := &hitParts{}
	p.head = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.meta = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	p.meta.Wrapping = fyne.TextWrapWord
	p.snippet = newSnippetText()
	p.card = newTapCard(container.NewVBox(p.meta, p.snippet), nil)
	row := container.NewStack(p.head, p.card)
	s.parts[row] = p
	return row
}

// updateRow shows row id: a heading, or a hit that opens its document when
// tapped.
func (s *searchPanel) updateRow(id int, o fyne.CanvasObject) {
	if id >= len(s.rows) {
		return
	}
	p := s.parts[o.(*fyne.Container)]
	r := s.rows[id]
	if r.hit == nil {
		p.head.SetText(r.head)
		p.head.Show()
		p.card.Hide()
		return
	}
	p.head.Hide()
	p.card.Show()
	p.meta.SetText(hitSource(r.hit))
	p.snippet.SetExcerpt(r.hit.Excerpt.Text, r.hit.Excerpt.Marks)
	hit := *r.hit
	p.card.onTap = func() { s.open(hit) }
}

// hitCodesNamed is how many of a hit's codes its card names; the rest are
// counted, so a passage under dozens of codes keeps its text in view.
const hitCodesNamed = 3

// hitSource names a hit's document, speaker and codes.
func hitSource(h *project.SearchHit) string {
	src := h.Document
	if h.Speaker != "" {
		src += " · " + h.Speaker
	}
	if n := len(h.Codes); n > hitCodesNamed {
		src += " · coded " + strings.Join(h.Codes[:hitCodesNamed], "; ") + fmt.Sprintf(" and %d more", n-hitCodesNamed)
	} else if n > 0 {
		src += " · coded " + strings.Join(h.Codes, "; ")
	}
	return src
}

// rowHeight estimates the height of row id in a list of the given width,
// from the lengths of its texts.
func (s *searchPanel) rowHeight(id int, listWidth float32) float32 {
	r := s.rows[id]
	bold := widthsFor(fyne.TextStyle{Bold: true})
	if r.hit == nil {
		return bold.base + bold.line
	}
	pad := theme.Padding()
	avail := listWidth - 2*pad - 2*theme.InnerPadding()
	h := widthsFor(fyne.TextStyle{Italic: true}).height(hitSource(r.hit), avail)
	h += pad + snippetHeight(r.hit.Excerpt.Text, r.hit.Excerpt.Marks, avail)
	return h + 2*pad
}

// open shows a hit's document with every hit in it marked, and selects the
// first match of this hit.
func (s *searchPanel) open(h project.SearchHit) {
	if h.DocumentID == "" {
		return
	}
	ws := s.ws
	ws.openDocument(h.DocumentID)
	if ws.doc == nil || ws.doc.ID != h.DocumentID {
		return
	}
	var marks []qda.Span
	if s.result != nil {
		for _, o := range s.result.Hits {
			if o.DocumentID == h.DocumentID {
				marks = append(marks, o.Matches...)
			}
		}
	}
	ws.view.SetMarks(marks)
	target := h.Passage
	if len(h.Matches) > 0 {
		target = h.Matches[0]
	}
	ws.view.Select(target)
	ws.view.ScrollTo(target)
	ws.win.Canvas().Focus(ws.view)
}

// codeAllDialog codes every hit of the last query with a chosen code: the
// matched words, or the whole passages. It says how many of each it codes,
// and the count it shows is the count it codes. A code is picked from the
// codes whose name holds what is typed; a new one is made only when
// "Create new code" is picked.
func (s *searchPanel) codeAllDialog() {
	ws := s.ws
	if s.ran == "" || s.result == nil {
		return
	}
	q := s.ran
	plan := project.PlanHits(q, s.result)
	complete := s.result.Total <= len(s.result.Hits)
	paths, ids := ws.codeChoices("", false)
	start := ""
	if _, ok := ws.tree.Code(ws.codes.selected); ok {
		start = ws.tree.Path(ws.codes.selected)
	}
	picker := newCodePicker(paths, ids, start)
	words := fmt.Sprintf("The matching words (%d)", plan.Matches())
	passages := fmt.Sprintf("The whole passages (%d)", plan.Passages())
	if !complete {
		words, passages = "The matching words", fmt.Sprintf("The whole passages (%d)", s.result.Total)
	}
	what := widget.NewRadioGroup([]string{words, passages}, nil)
	what.SetSelected(passages)
	unit := func() project.HitUnit {
		if what.Selected == words {
			return project.HitMatches
		}
		return project.HitPassages
	}
	found := fmt.Sprintf("“%s” found %s in %s of %s.", q, qda.Plural(plan.Matches(), "matching word", "matching words"),
		qda.Plural(plan.Passages(), "passage", "passages"), qda.Plural(plan.Documents, "document", "documents"))
	if !complete {
		found = fmt.Sprintf("“%s” found %s.", q, qda.Plural(s.result.Total, "passage", "passages"))
	}
	msg := widget.NewLabel(found)
	msg.Wrapping = fyne.TextWrapWord
	will := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	will.Wrapping = fyne.TextWrapWord
	say := func() {
		n := codeAllCount(plan, unit(), complete, s.result.Total)
		_, path, ok := picker.chosen()
		switch {
		case !ok:
			will.SetText(fmt.Sprintf("Choose the code for %s.", n))
		case picker.createName != "" && path == picker.createName:
			will.SetText(fmt.Sprintf("Makes the new code “%s” and codes %s with it.", path, n))
		default:
			will.SetText(fmt.Sprintf("Codes %s with “%s”.", n, path))
		}
	}
	picker.onChosen = say
	what.OnChanged = func(string) { say() }
	say()
	d := dialog.NewForm("Code all hits", "Code", "Cancel", []*widget.FormItem{
		widget.NewFormItem("", msg), widget.NewFormItem("Code", what), widget.NewFormItem("With", picker), widget.NewFormItem("", will),
	}, func(ok bool) {
		id, path, chosen := picker.chosen()
		if !ok || !chosen {
			return
		}
		if !complete {
			plan = nil // the list holds only some of the hits: plan them all in the background
		}
		with := project.HitCode{ID: id}
		if id == "" {
			with.NewPath = path
		}
		s.codeHits(q, plan, unit(), with, path)
	}, ws.win)
	d.Resize(fyne.NewSize(560, 460))
	enterSubmits(d, ws.win, picker.entry)
	picker.onEscape = d.Hide
	ws.win.Canvas().Focus(picker.input)
}

// codeAllCount says how many spans coding with unit codes, in its unit.
func codeAllCount(plan *project.HitPlan, unit project.HitUnit, complete bool, total int) string {
	if unit == project.HitPassages {
		if !complete {
			return qda.Plural(total, "passage", "passages")
		}
		return qda.Plural(plan.Passages(), "passage", "passages")
	}
	if !complete {
		return fmt.Sprintf("the matching words in %s", qda.Plural(total, "passage", "passages"))
	}
	return qda.Plural(plan.Matches(), "matching word", "matching words")
}

// codeHits codes what plan holds (or, when plan is nil, every hit of q)
// with the code, in the background behind a progress dialog. Cancel leaves
// the project as it was.
func (s *searchPanel) codeHits(q string, plan *project.HitPlan, unit project.HitUnit, with project.HitCode, path string) {
	ws := s.ws
	p := ws.p
	var done project.CodedHits
	var err error
	ws.runLong("Coding search hits", "Cancelling; nothing will be coded…", func(ctx context.Context, progress func(project.Progress)) {
		if plan == nil {
			if plan, err = p.PlanCodeHits(ctx, q); err != nil {
				return
			}
		}
		done, err = p.CodeHits(ctx, plan, unit, with, progress)
	}, func() {
		if errors.Is(err, context.Canceled) {
			ws.notice("Cancelled: nothing was coded.")
		} else if !ws.try(err) {
			return
		} else {
			ws.notice(codedHitsText(done, unit, path))
		}
		if s.onCoded != nil {
			s.onCoded(done, err)
		}
		// The change reruns the search (projectChanged), so the hits show
		// the code they now carry.
	})
}

// codedHitsText says what coding the hits did, in the unit the dialog
// promised.
func codedHitsText(done project.CodedHits, unit project.HitUnit, path string) string {
	what := qda.Plural(done.Coded, "matching word", "matching words")
	if unit == project.HitPassages {
		what = qda.Plural(done.Coded, "passage", "passages")
	}
	msg := fmt.Sprintf("Coded %s with “%s”", what, path)
	if already := done.Coded - done.Made; already > 0 {
		msg += fmt.Sprintf(" (%s new; %d had the code already)", qda.Plural(done.Made, "coding", "codings"), already)
	}
	return msg + ". Edit ▸ Undo takes them all back."
}

// showSearchHelp shows the query syntax.
func (ws *workspace) showSearchHelp() {
	t := widget.NewLabelWithStyle(searchHelp, fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	scroll := container.NewScroll(t)
	scroll.SetMinSize(fyne.NewSize(760, 420))
	showMessage(dialog.NewCustom("Search syntax", "Close", scroll, ws.win), ws.win)
}

// unknownCodeHint explains an empty result whose code: filter names no
// code. The filter takes a code's whole path, so a researcher who types a
// sub-code's name alone finds nothing; the hint gives the path to use.
func (ws *workspace) unknownCodeHint(q string) string {
	filters, err := project.QueryFilters(q)
	if err != nil {
		return ""
	}
	for _, f := range filters {
		if f.Field != "code" {
			continue
		}
		want := strings.TrimSpace(f.Value)
		known := false
		var named []string
		ws.tree.Walk(func(c *qda.Code, _ int) {
			path := ws.tree.Path(c.ID)
			if strings.EqualFold(path, want) {
				known = true
			}
			if strings.EqualFold(c.Name, want) {
				named = append(named, path)
			}
		})
		switch {
		case known:
		case len(named) > 0:
			return fmt.Sprintf(". code: takes a code's whole path: code:%q", named[0])
		default:
			return fmt.Sprintf(". No code is called %q; code: takes a code's whole path, parent first, as in code:\"Parent/Child\"", want)
		}
	}
	return ""
}
