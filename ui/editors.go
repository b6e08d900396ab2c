package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// editor is one place in the window where the researcher types text that an
// action saves: a memo dialog, a code's definition, a case's or document's
// form. The workspace keeps a registry of the open ones, and closing the
// project, quitting or opening another project consults it first, so
// nothing typed is lost: forms save what they hold, as they do when another
// item is selected; dialogs holding unsaved text ask.
type editor struct {
	// what names the text, for the question: "the memo on code Gates".
	what string
	// unsaved reports typed text that is not saved. A form leaves it nil:
	// its save is called always and saves only what changed.
	unsaved func() bool
	// save saves the text and reports whether it could (it says why not).
	save func() bool
	// discard closes a dialog without saving; nil for a form.
	discard func()
}

// editors is the registry of open editors, in the order they opened.
type editors struct{ open []*editor }

// add registers e and returns the function that takes it off again.
func (r *editors) add(e *editor) (remove func()) {
	r.open = append(r.open, e)
	return func() {
		for i, x := range r.open {
			if x == e {
				r.open = append(r.open[:i], r.open[i+1:]...)
				return
			}
		}
	}
}

// flushForms saves what every form holds and reports whether all saves
// went through.
func (r *editors) flushForms() bool {
	ok := true
	for _, e := range append([]*editor(nil), r.open...) {
		if e.discard == nil && !e.save() {
			ok = false
		}
	}
	return ok
}

// dialogsUnsaved lists the dialogs holding text that is not saved.
func (r *editors) dialogsUnsaved() []*editor {
	var out []*editor
	for _, e := range r.open {
		if e.discard != nil && e.unsaved != nil && e.unsaved() {
			out = append(out, e)
		}
	}
	return out
}

// leaveProject runs then once nothing typed in the open project can be
// lost: forms are saved and, when a dialog holds unsaved text, the
// researcher chooses to save it, not to save it, or to stay (then
// cancelled runs, if set). With no project open, then runs at once.
func (a *App) leaveProject(then, cancelled func()) {
	ws := a.ws
	if ws == nil {
		then()
		return
	}
	stay := func() {
		if cancelled != nil {
			cancelled()
		}
	}
	if !ws.editors.flushForms() {
		stay()
		return
	}
	open := ws.editors.dialogsUnsaved()
	if len(open) == 0 {
		then()
		return
	}
	var names []string
	for _, e := range open {
		names = append(names, e.what)
	}
	body := wrappedBlock("You have typed text that is not saved yet in "+strings.Join(names, " and ")+".\nSave it before the project closes?", 440)
	var d *dialog.CustomDialog
	save := widget.NewButton("Save", func() {
		d.Hide()
		for _, e := range open {
			if !e.save() {
				stay() // the editor stays open and says why
				return
			}
		}
		then()
	})
	save.Importance = widget.HighImportance
	drop := widget.NewButton("Don't save", func() {
		d.Hide()
		for _, e := range open {
			e.discard()
		}
		then()
	})
	cancel := widget.NewButton("Cancel", func() {
		d.Hide()
		stay()
	})
	d = dialog.NewCustomWithoutButtons("Unsaved text", container.NewBorder(nil, container.NewHBox(layoutSpacer(), cancel, drop, save), nil, nil, body), a.win)
	d.Show()
}

// closeOverlays takes every dialog and pop-up off the window, so none
// outlives the project it belongs to.
func closeOverlays(w fyne.Window) {
	c := w.Canvas()
	for _, o := range c.Overlays().List() {
		if p, ok := o.(*widget.PopUp); ok {
			p.Hide()
		} else {
			c.Overlays().Remove(o)
		}
	}
	c.SetOnTypedKey(nil)
	c.Unfocus()
}

// wrappedBlock is text wrapped to width, as tall as its lines: a dialog's
// message that neither stretches the dialog nor leaves empty space below.
func wrappedBlock(text string, width float32) fyne.CanvasObject {
	l := wrapped(text)
	l.Resize(fyne.NewSize(width, l.MinSize().Height))
	return container.NewGridWrap(fyne.NewSize(width, l.MinSize().Height), l)
}
