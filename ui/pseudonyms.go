package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"coder/project"
	"coder/qda"
)

// pseudonymsDialog is Tools ▸ Pseudonyms…: the project's pseudonym table,
// a form to add or change a row, the names Coder suggests, and a button to
// save a pseudonymised copy of the project.
type pseudonymsDialog struct {
	ws          *workspace
	table       []qda.Pseudonym
	suggestions []qda.NameSuggestion
	rows, sugg  *widget.List
	real, repl  *widget.Entry
	status      *widget.Label
	d           dialog.Dialog
	gen         int // the latest reload; older suggestions are dropped
}

// suggestionsShown, when set (by tests), hears each time the dialog has
// shown the suggestions of its latest reload.
var suggestionsShown func()

func (ws *workspace) showPseudonyms() {
	pd := &pseudonymsDialog{ws: ws}
	pd.real = widget.NewEntry()
	pd.real.SetPlaceHolder("real name, e.g. Zhang Wei or 凤山村")
	pd.repl = widget.NewEntry()
	pd.repl.SetPlaceHolder("replacement, e.g. Resident A")
	pd.repl.OnSubmitted = func(string) { pd.add() }
	pd.status = widget.NewLabel("")
	pd.status.Wrapping = fyne.TextWrapWord
	pd.rows = widget.NewList(func() int { return len(pd.table) }, func() fyne.CanvasObject {
		return container.NewBorder(nil, nil, nil, widget.NewButton("Remove", nil), widget.NewLabel(""))
	}, func(i widget.ListItemID, o fyne.CanvasObject) {
		c := o.(*fyne.Container)
		r := pd.table[i]
		c.Objects[0].(*widget.Label).SetText(r.Real + "  →  " + r.Replacement)
		c.Objects[1].(*widget.Button).OnTapped = func() { pd.remove(r.Real) }
	})
	pd.rows.OnSelected = func(i widget.ListItemID) {
		pd.real.SetText(pd.table[i].Real)
		pd.repl.SetText(pd.table[i].Replacement)
		pd.rows.UnselectAll()
	}
	pd.sugg = widget.NewList(func() int { return len(pd.suggestions) }, func() fyne.CanvasObject {
		return container.NewBorder(nil, nil, nil, widget.NewButton("Add", nil), widget.NewLabel(""))
	}, func(i widget.ListItemID, o fyne.CanvasObject) {
		c := o.(*fyne.Container)
		s := pd.suggestions[i]
		c.Objects[0].(*widget.Label).SetText(fmt.Sprintf("%s  (%s, %d×)", s.Name, s.Kind, s.Count))
		b := c.Objects[1].(*widget.Button)
		b.SetText("Add as " + s.Replacement)
		b.OnTapped = func() { pd.set(s.Name, s.Replacement) }
	})
	pd.sugg.OnSelected = func(i widget.ListItemID) {
		pd.real.SetText(pd.suggestions[i].Name)
		pd.repl.SetText(pd.suggestions[i].Replacement)
		pd.sugg.UnselectAll()
	}
	form := container.NewBorder(nil, nil, nil, widget.NewButton("Add or change", pd.add), container.NewGridWithColumns(2, pd.real, pd.repl))
	left := container.NewBorder(container.NewVBox(widget.NewLabelWithStyle("Pseudonym table", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), form), nil, nil, nil, pd.rows)
	right := container.NewBorder(widget.NewLabelWithStyle("Names found in the documents", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, pd.sugg)
	split := container.NewHSplit(left, right)
	about := widget.NewLabel("Every export (File ▸ Export) can replace these names: tick Pseudonymise when it asks. Codings stay on the same words. The table is kept in the project, encrypted with it when the project is; a pseudonymised copy leaves it out.")
	about.Wrapping = fyne.TextWrapWord
	copyBtn := widget.NewButton("Save a pseudonymised copy…", pd.saveCopy)
	body := container.NewBorder(about, container.NewBorder(nil, nil, nil, copyBtn, pd.status), nil, nil, split)
	pd.d = dialog.NewCustom("Pseudonyms", "Close", body, ws.win)
	pd.d.Resize(fyne.NewSize(min(ws.win.Canvas().Size().Width-40, 980), min(ws.win.Canvas().Size().Height-40, 620)))
	pd.reload()
	pd.d.Show()
	ws.win.Canvas().Focus(pd.real)
}

// reload reads the table now and the suggestions in the background (they
// read every document's text).
func (pd *pseudonymsDialog) reload() {
	table, err := pd.ws.p.Pseudonyms()
	if !pd.ws.try(err) {
		return
	}
	pd.table = table
	pd.rows.Refresh()
	pd.status.SetText("Looking for names in the documents…")
	p := pd.ws.p
	pd.gen++
	gen := pd.gen
	inBackground(func() {
		ss, err := p.SuggestPseudonyms()
		fyne.Do(func() {
			if gen != pd.gen {
				return
			}
			if err != nil {
				pd.status.SetText("Could not look for names: " + err.Error())
				return
			}
			pd.suggestions = ss
			pd.sugg.Refresh()
			pd.status.SetText(fmt.Sprintf("%s in the table; %s found that are not.", qda.Plural(len(pd.table), "name", "names"), qda.Plural(len(ss), "name", "names")))
			if suggestionsShown != nil {
				suggestionsShown()
			}
		})
	})
}

func (pd *pseudonymsDialog) add() { pd.set(pd.real.Text, pd.repl.Text) }

func (pd *pseudonymsDialog) set(real, repl string) {
	if pd.ws.try(pd.ws.p.SetPseudonym(real, repl)) {
		pd.real.SetText("")
		pd.repl.SetText("")
		pd.reload()
	}
}

func (pd *pseudonymsDialog) remove(real string) {
	if pd.ws.try(pd.ws.p.RemovePseudonym(real)) {
		pd.reload()
	}
}

// saveCopy asks where to write the pseudonymised copy and writes it in the
// background. The copy is made for sharing, so it is in clear; from an
// encrypted project it first says so, and offers a passphrase for it.
func (pd *pseudonymsDialog) saveCopy() {
	ws := pd.ws
	name := safeFileName(ws.info.Name+" pseudonymised") + ".coder"
	if !ws.p.Encrypted() {
		ws.chooseNewFile(name, func(path string) { pd.writeCopy(path, "") })
		return
	}
	f := newEncryptFields()
	warn := widget.NewLabel("")
	warn.Wrapping = fyne.TextWrapWord
	f.note.SetText("The copy is unreadable without this passphrase (it may differ from the project's): give it to the people you share the copy with by another way. A forgotten passphrase cannot be recovered.")
	items := append([]*widget.FormItem{widget.NewFormItem("", warn)}, f.items()...)
	d := dialog.NewForm("Save a pseudonymised copy", "Choose where…", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		pass := f.passphrase()
		if pass != "" {
			name = safeFileName(ws.info.Name+" pseudonymised encrypted") + ".coder"
		}
		ws.chooseNewFile(name, func(path string) { pd.writeCopy(path, pass) })
	}, ws.win)
	f.refresh = func() {
		if f.check.Checked {
			warn.SetText("This project is encrypted. The copy will be encrypted too, under the passphrase typed here.")
		} else {
			warn.SetText("This project is encrypted. The copy will not be encrypted: anyone who can read its file can read its documents, codings and memos, with the names of the table replaced. Tick the box to encrypt it under a passphrase.")
		}
		d.Refresh()
	}
	f.refresh()
	f.confirm.OnSubmitted = func(string) { d.Submit() }
	d.Resize(fyne.NewSize(600, 400))
	d.Show()
}

// writeCopy writes the pseudonymised copy to path in the background, under
// passphrase ("" for in clear), and says what it holds.
func (pd *pseudonymsDialog) writeCopy(path, passphrase string) {
	ws := pd.ws
	var rep *project.AnonymiseReport
	var werr error
	ws.runLong("Saving a pseudonymised copy", "Finishing…", func(context.Context, func(project.Progress)) {
		rep, werr = ws.p.WriteAnonymisedWith(path, passphrase)
	}, func() {
		if !ws.try(werr) {
			return
		}
		msg := fmt.Sprintf("Saved %s: %s and %s, with %s replaced. The copy has no pseudonym table.", filepath.Base(rep.Path),
			qda.Plural(rep.Documents, "document", "documents"), qda.Plural(rep.Codings, "coding", "codings"), qda.Plural(rep.Replaced, "name", "names"))
		switch {
		case rep.Encrypted:
			msg += " It is encrypted: it opens only with the passphrase you typed."
		case ws.p.Encrypted():
			msg += " It is in clear, unlike this project: anyone who can read the file can read it."
		}
		ws.notice(msg)
	})
}

// askPseudonymise asks, before an export, whether to replace the names of
// the pseudonym table (ticked by default); with an empty table it goes on
// at once without pseudonymising.
func (ws *workspace) askPseudonymise(what string, then func(pseudonymise bool)) {
	table, err := ws.p.Pseudonyms()
	if !ws.try(err) {
		return
	}
	if len(table) == 0 {
		then(false)
		return
	}
	check := widget.NewCheck(fmt.Sprintf("Pseudonymise: replace the %s of the pseudonym table", qda.Plural(len(table), "name", "names")), nil)
	check.SetChecked(true)
	names := make([]string, 0, 3)
	for i, r := range table {
		if i == 3 {
			names = append(names, "…")
			break
		}
		names = append(names, r.Real+" → "+r.Replacement)
	}
	hint := widget.NewLabel(strings.Join(names, ", "))
	hint.Truncation = fyne.TextTruncateEllipsis
	body := container.NewVBox(check, hint)
	d := dialog.NewCustomConfirm("Export "+what, "Choose the file…", "Cancel", body, func(ok bool) {
		if ok {
			then(check.Checked)
		}
	}, ws.win)
	d.Resize(fyne.NewSize(520, 200))
	d.Show()
}
