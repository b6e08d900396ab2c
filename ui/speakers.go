package ui

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"coder/qda"
)

const (
	scopeAll = "All documents"
	scopeDoc = "This document"
)

// speakerChoice is one speaker as the dialog offers it: the name and the
// label with its number of turns.
type speakerChoice struct {
	name, label string
}

// speakerChoices lists speakers with their turn counts, most turns first:
// across the project, or in one document when doc is not nil.
func (ws *workspace) speakerChoices(doc *qda.Document) ([]speakerChoice, error) {
	counts := map[string]int{}
	if doc != nil {
		for _, pa := range doc.Passages {
			if s := strings.TrimSpace(pa.Speaker); s != "" {
				counts[s]++
			}
		}
	} else {
		all, err := ws.p.Speakers()
		if err != nil {
			return nil, err
		}
		counts = all
	}
	out := make([]speakerChoice, 0, len(counts))
	for name, n := range counts {
		out = append(out, speakerChoice{name: name, label: fmt.Sprintf("%s (%s)", name, qda.Plural(n, "turn", "turns"))})
	}
	sort.Slice(out, func(i, j int) bool {
		if ci, cj := counts[out[i].name], counts[out[j].name]; ci != cj {
			return ci > cj
		}
		return out[i].name < out[j].name
	})
	return out, nil
}

// codeSpeakerDialog codes every turn of a speaker with a code, in every
// document or only the open one, and can also make a case per speaker.
// speaker, when not empty, is chosen to begin with.
func (ws *workspace) codeSpeakerDialog(speaker string) {
	all, err := ws.speakerChoices(nil)
	if !ws.try(err) {
		return
	}
	if len(all) == 0 {
		ws.notice("No document has speaker turns. Transcripts whose lines begin with a name and a colon (“Interviewer: …”) are split into turns when imported.")
		return
	}
	who := widget.NewSelect(nil, nil)
	byLabel := map[string]string{}
	setSpeakers := func(list []speakerChoice) {
		keep := byLabel[who.Selected]
		if keep == "" {
			keep = speaker
		}
		byLabel = map[string]string{}
		var labels []string
		selected := ""
		for _, c := range list {
			labels = append(labels, c.label)
			byLabel[c.label] = c.name
			if strings.EqualFold(c.name, keep) {
				selected = c.label
			}
		}
		who.Options = labels
		who.Selected = ""
		if selected != "" {
			who.SetSelected(selected)
		} else {
			who.ClearSelected()
		}
		who.Refresh()
	}
	setSpeakers(all)

	paths, ids := ws.codeChoices("", false)
	code := widget.NewSelectEntry(paths)
	code.SetPlaceHolder("a code, or a new code's name")
	if c, ok := ws.tree.Code(ws.codes.selected); ok && !c.Folder {
		code.SetText(ws.tree.Path(c.ID))
	}

	scopes := []string{scopeAll}
	if mine, err := ws.speakerChoices(ws.doc); ws.doc != nil && err == nil && len(mine) > 0 {
		scopes = append(scopes, scopeDoc+" ("+ws.doc.Name+")")
	}
	scope := widget.NewRadioGroup(scopes, func(s string) {
		list := all
		if s != scopeAll && ws.doc != nil {
			if mine, err := ws.speakerChoices(ws.doc); err == nil {
				list = mine
			}
		}
		setSpeakers(list)
	})
	scope.Required = true
	scope.SetSelected(scopeAll)
	cases := widget.NewCheck("Also make a case for each speaker in these documents", nil)

	d := dialog.NewForm("Code a speaker's turns", "Code", "Cancel", []*widget.FormItem{
		widget.NewFormItem("Speaker", who),
		widget.NewFormItem("Code", code),
		widget.NewFormItem("In", scope),
		widget.NewFormItem("", cases),
	}, func(ok bool) {
		if !ok {
			return
		}
		var docs []qda.ID
		if scope.Selected != scopeAll && ws.doc != nil {
			docs = []qda.ID{ws.doc.ID}
		}
		ws.codeSpeaker(byLabel[who.Selected], strings.TrimSpace(code.Text), ids, docs, cases.Checked)
	}, ws.win)
	d.Resize(fyne.NewSize(560, 340))
	d.Show()
}

// codeSpeaker codes a speaker's turns with the code at path (made when it
// does not exist yet), then makes the speaker cases if asked, and says what
// it did.
func (ws *workspace) codeSpeaker(speaker, path string, ids map[string]qda.ID, docs []qda.ID, makeCases bool) {
	if speaker == "" || path == "" {
		ws.notice("Choose a speaker and a code, then press Code.")
		return
	}
	id, found := ids[path]
	if !found {
		if c, ok := ws.tree.Find(path); ok {
			id, found = c.ID, true
		}
	}
	if !found {
		c, err := ws.p.AddCode(path, "", "Turns of "+speaker+".")
		if !ws.try(err) {
			return
		}
		id = c.ID
	}
	n, err := ws.p.CodeSpeaker(speaker, id, docs...)
	if !ws.try(err) {
		return
	}
	msg := fmt.Sprintf("Coded %s of %s with “%s”.", qda.Plural(n, "turn", "turns"), speaker, path)
	if makeCases {
		m, err := ws.p.CasesFromSpeakers(docs...)
		if !ws.try(err) {
			return
		}
		msg += fmt.Sprintf(" Made or extended %s, one per speaker.", qda.Plural(m, "case", "cases"))
	}
	ws.notice(msg + " Edit ▸ Undo takes back one step at a time.")
}

// speakerAt returns the speaker of the open document's passage that holds
// the rune at offset, or "".
func (ws *workspace) speakerAt(offset int) string {
	if ws.doc == nil || offset < 0 {
		return ""
	}
	i := ws.doc.PassageAt(offset)
	if i < 0 {
		return ""
	}
	return strings.TrimSpace(ws.doc.Passages[i].Speaker)
}

// turnsMenuItem is "Speaker turns ▸ Detect turns / Remove turns" for the
// open document. In the document's context menu (context), Remove turns
// is offered only when it has turns; the main menu's items stay enabled
// and say why when there is nothing to do.
func (ws *workspace) turnsMenuItem(context bool) *fyne.MenuItem {
	detect := fyne.NewMenuItem("Detect turns", func() { ws.setTurns(true) })
	remove := fyne.NewMenuItem("Remove turns", func() { ws.setTurns(false) })
	item := fyne.NewMenuItem("Speaker turns", nil)
	item.ChildMenu = fyne.NewMenu("", detect, remove)
	if context {
		remove.Disabled = ws.doc == nil || turnCount(ws.doc) == 0
		item.Disabled = ws.doc == nil
	}
	return item
}

// setTurns detects speaker turns in the open document again (on) or
// removes them, leaving paragraphs, as one action Edit ▸ Undo takes back.
// The document redraws with or without its speaker labels when the change
// arrives (see passagesChanged).
func (ws *workspace) setTurns(on bool) {
	d := ws.doc
	if d == nil {
		ws.notice("Open a document first: speaker turns are detected or removed in the open document.")
		return
	}
	if !on && turnCount(d) == 0 {
		ws.notice("“" + d.Name + "” has no speaker turns to remove.")
		return
	}
	n, err := ws.p.DetectTurns(d.ID, on)
	if !ws.try(err) {
		return
	}
	if on && n == 0 {
		ws.notice("No speaker turns found in “" + d.Name + "”: it does not read as a transcript. Turns are found where most paragraphs open with a short name and a colon (“Interviewer: …”), from a few speakers who take turns.")
	}
}

// turnCount is how many of a document's passages are speaker turns.
func turnCount(d *qda.Document) int {
	n := 0
	for _, pa := range d.Passages {
		if pa.Kind == qda.PassageTurn {
			n++
		}
	}
	return n
}

// passagesChanged reads the open document again after a change that may
// have touched it and, when its passages (speaker turns, say) differ from
// the ones drawn, lays it out anew where it is scrolled to.
func (ws *workspace) passagesChanged() {
	if ws.doc == nil {
		return
	}
	d, err := ws.p.Document(ws.doc.ID)
	if err != nil {
		return // it is gone; the change's Removed list closes it
	}
	if d.Text != ws.doc.Text {
		ws.showDocument(d)
		return
	}
	if !slices.Equal(d.Passages, ws.doc.Passages) {
		ws.doc.Passages = d.Passages
		ws.view.PassagesChanged()
	}
}
