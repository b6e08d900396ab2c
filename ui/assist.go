package ui

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"coder/assist"
	"coder/project"
	"coder/qda"
)

// contextRunes is how much text the review queue shows around a suggestion.
const contextRunes = 240

// suggestQueue is Code ▸ Suggest codings…: the assistant's suggestions for
// one code, shown one at a time in their context with the words that drove
// them marked, reviewed with the keyboard: A accepts (a coding by
// "assistant, accepted by NAME"), R rejects (remembered, never suggested
// again), S skips, ← and → move.
type suggestQueue struct {
	ws     *workspace
	code   qda.ID
	name   string
	corpus *assist.Corpus
	items  []assist.Suggestion
	at     int

	d      dialog.Dialog
	where  *widget.Label
	text   *widget.RichText
	why    *widget.Label
	status *widget.Label
	// The queue's buttons: off when there is nothing for them to do.
	prev, acceptB, rejectB, skip, next *widget.Button
}

// suggestCodings learns from the selected code's codings in the background
// (with progress and Cancel) and opens the review queue.
func (ws *workspace) suggestCodings() {
	code := ws.codes.selected
	c, ok := ws.tree.Code(code)
	if code == "" || !ok {
		ws.try(qda.Errorf("Suggest codings", "no code is selected", "select a code in the codebook first"))
		return
	}
	var corpus *assist.Corpus
	var out []assist.Suggestion
	var err error
	p := ws.p
	ws.runLong("Learning from the codings of "+c.Name, "Cancelling: nothing will be changed.", func(ctx context.Context, progress func(project.Progress)) {
		if corpus, err = p.AssistCorpus(ctx, progress); err != nil {
			return
		}
		progress(project.Progress{Item: "training on " + qda.Plural(len(corpus.Units), "passage", "passages")})
		out, err = p.Suggest(ctx, corpus, code, 0)
	}, func() {
		if errors.Is(err, context.Canceled) || !ws.try(err) {
			return
		}
		q := &suggestQueue{ws: ws, code: code, name: c.Name, corpus: corpus, items: out}
		q.show()
	})
}

func (q *suggestQueue) show() {
	ws := q.ws
	q.where = widget.NewLabel("")
	q.where.TextStyle = fyne.TextStyle{Bold: true}
	q.text = widget.NewRichText()
	q.text.Wrapping = fyne.TextWrapWord
	q.why = widget.NewLabel("")
	q.why.Wrapping = fyne.TextWrapWord
	q.status = widget.NewLabel("")
	q.status.Wrapping = fyne.TextWrapWord
	keys := widget.NewLabel("A accept · R reject · S skip · ← → move · Esc close. Accepted passages are coded as \"" +
		project.AssistantCoder(ws.p.Coder().Name) + "\"; rejected ones are remembered and not suggested again. Learnt on this computer from your codings only.")
	keys.Wrapping = fyne.TextWrapWord
	q.prev = widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { q.move(-1) })
	q.acceptB = widget.NewButton("Accept (A)", q.accept)
	q.rejectB = widget.NewButton("Reject (R)", q.reject)
	q.skip = widget.NewButton("Skip (S)", func() { q.move(1) })
	q.next = widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { q.move(1) })
	buttons := container.NewHBox(q.prev, q.acceptB, q.rejectB, q.skip, q.next)
	top := container.NewVBox(q.where, q.why)
	bottom := container.NewVBox(container.NewCenter(buttons), q.status, keys)
	body := container.NewBorder(top, bottom, nil, nil, container.NewVScroll(q.text))
	q.d = dialog.NewCustom("Suggested codings for "+q.name, "Close", body, ws.win)
	q.d.Resize(fyne.NewSize(min(ws.win.Canvas().Size().Width-40, 900), min(ws.win.Canvas().Size().Height-40, 600)))
	c := ws.win.Canvas()
	prev := c.OnTypedKey()
	c.SetOnTypedKey(q.key)
	q.d.SetOnClosed(func() { c.SetOnTypedKey(prev) })
	q.draw()
	q.d.Show()
}

// key is the queue's keyboard while it is open.
func (q *suggestQueue) key(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyA:
		q.accept()
	case fyne.KeyR:
		q.reject()
	case fyne.KeyS, fyne.KeyRight, fyne.KeyDown:
		q.move(1)
	case fyne.KeyLeft, fyne.KeyUp:
		q.move(-1)
	case fyne.KeyEscape:
		q.d.Hide()
	}
}

func (q *suggestQueue) move(by int) {
	if len(q.items) == 0 {
		return
	}
	q.at = max(0, min(len(q.items)-1, q.at+by))
	q.draw()
}

// accept codes the current suggestion and takes it off the queue.
func (q *suggestQueue) accept() {
	s, ok := q.current()
	if !ok {
		return
	}
	if _, err := q.ws.p.AcceptSuggestion(s.Document, s.Span(), q.code); !q.ws.try(err) {
		return
	}
	q.drop(fmt.Sprintf("Coded %s with %s.", q.docName(s.Document)+" "+s.Span().String(), q.name))
}

// reject remembers that the current suggestion is not the code's.
func (q *suggestQueue) reject() {
	s, ok := q.current()
	if !ok {
		return
	}
	if !q.ws.try(q.ws.p.RejectSuggestion(s.Document, s.Span(), q.code)) {
		return
	}
	q.drop(fmt.Sprintf("Rejected %s: it will not be suggested again.", q.docName(s.Document)+" "+s.Span().String()))
}

func (q *suggestQueue) current() (assist.Suggestion, bool) {
	if q.at < 0 || q.at >= len(q.items) {
		return assist.Suggestion{}, false
	}
	return q.items[q.at], true
}

func (q *suggestQueue) drop(said string) {
	q.items = append(q.items[:q.at], q.items[q.at+1:]...)
	q.at = min(q.at, max(0, len(q.items)-1))
	q.status.SetText(said)
	q.draw()
}

func (q *suggestQueue) docName(id qda.ID) string {
	for _, d := range q.ws.docs {
		if d.ID == id {
			return d.Name
		}
	}
	return string(id)
}

// draw shows the current suggestion: where it is, its score and words,
// and its text in context with the driving words marked.
func (q *suggestQueue) draw() {
	s, ok := q.current()
	enable(q.acceptB, ok)
	enable(q.rejectB, ok)
	enable(q.prev, ok && q.at > 0)
	enable(q.skip, ok && q.at < len(q.items)-1)
	enable(q.next, ok && q.at < len(q.items)-1)
	if !ok {
		q.where.SetText("No more suggestions for " + q.name + ".")
		q.why.SetText("")
		q.text.Segments = nil
		q.text.Refresh()
		return
	}
	q.where.SetText(fmt.Sprintf("%d of %d · %s %s · score %.2f", q.at+1, len(q.items), q.docName(s.Document), s.Span(), s.Score))
	q.why.SetText("Suggested for the words: " + strings.Join(s.Words, ", "))
	before, after := q.corpus.Context(s.Document, s.Span(), contextRunes)
	q.text.Segments = suggestionSegments(before, s, after)
	q.text.Refresh()
}

// newlines are shown as one pilcrow between paragraphs.
var newlines = regexp.MustCompile(`\s*\n\s*`)

// suggestionSegments lays out a suggestion between its context (greyed),
// its driving words bold in the primary colour.
func suggestionSegments(before string, s assist.Suggestion, after string) []widget.RichTextSegment {
	grey := widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePlaceHolder}
	plain := widget.RichTextStyle{Inline: true}
	mark := widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePrimary, TextStyle: fyne.TextStyle{Bold: true}}
	var segs []widget.RichTextSegment
	add := func(text string, st widget.RichTextStyle) {
		if text != "" {
			segs = append(segs, &widget.TextSegment{Text: newlines.ReplaceAllString(text, " ¶ "), Style: st})
		}
	}
	add("…"+before, grey)
	r := []rune(s.Text)
	at := 0
	for _, m := range s.Marks {
		a, b := m.Start-s.Start, m.End-s.Start
		if a < at || b > len(r) {
			continue
		}
		add(string(r[at:a]), plain)
		add(string(r[a:b]), mark)
		at = b
	}
	add(string(r[at:]), plain)
	add(after+"…", grey)
	return segs
}

// enable turns b on or off.
func enable(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}
