package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// showMessage shows d, a message with a single button, and lets the
// keyboard close it as well as the mouse.
func showMessage(d dialog.Dialog, w fyne.Window) {
	d.Show()
	closeOnKeys(d, w)
}

// closeOnKeys lets Escape, Return, Enter or Space close an open message
// dialog. Fyne's dialogs answer only to the mouse; while a dialog is up and
// nothing in it has the keyboard, keys go to the window's canvas, so the
// handler sits there for as long as d is open.
func closeOnKeys(d dialog.Dialog, w fyne.Window) {
	routeKeys(d, w, fyne.KeyEscape, fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace)
}

// closeOnEscape lets Escape close an open dialog whose fields do not have
// the keyboard (a choice, a question), as Cancel does.
func closeOnEscape(d dialog.Dialog, w fyne.Window) { routeKeys(d, w, fyne.KeyEscape) }

// routeKeys closes d on any of keys while it is open, and on closing gives
// the keys back to whatever listened before: a message shown over another
// dialog hands Escape back to that dialog.
func routeKeys(d dialog.Dialog, w fyne.Window, keys ...fyne.KeyName) {
	c := w.Canvas()
	prev := c.OnTypedKey()
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		for _, k := range keys {
			if ev.Name == k {
				d.Hide()
				return
			}
		}
	})
	d.SetOnClosed(func() { c.SetOnTypedKey(prev) })
}

// confirm asks a yes-or-no question and runs yes on Yes. Yes is drawn as
// the default, so Return or Enter answers it, and Escape answers No, as in
// every desktop dialog; keys reach the canvas while the dialog is up, since
// nothing in it takes the keyboard.
func confirm(title, msg string, yes func(), w fyne.Window) *dialog.ConfirmDialog {
	d := dialog.NewConfirm(title, msg, func(ok bool) {
		if ok {
			yes()
		}
	}, w)
	d.Show()
	c := w.Canvas()
	prev := c.OnTypedKey()
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		switch ev.Name {
		case fyne.KeyEscape:
			d.Hide()
		case fyne.KeyReturn, fyne.KeyEnter:
			d.Confirm()
		}
	})
	d.SetOnClosed(func() { c.SetOnTypedKey(prev) })
	return d
}

// enterSubmits shows d with the keyboard in first, and makes Enter in any
// of the entries submit it, as in every desktop form. Call it instead of
// d.Show.
func enterSubmits(d *dialog.FormDialog, w fyne.Window, first *widget.Entry, more ...*widget.Entry) {
	d.Show()
	for _, e := range append([]*widget.Entry{first}, more...) {
		e.OnSubmitted = func(string) { d.Submit() }
	}
	w.Canvas().Focus(first)
}

// escEntry is a text field in a dialog that hands Escape to the dialog.
// Fyne gives every key to the focused widget and an entry ignores Escape,
// so without it a dialog with the keyboard in a text field would not close
// with Escape as the other dialogs do.
type escEntry struct {
	widget.Entry
	onEscape func()
	// onSave, when set, is what Ctrl+S (Cmd+S on a Mac) does in the field:
	// save the memo it holds, as in every editor.
	onSave func()
}

func newEscEntry(multiLine bool, onEscape func()) *escEntry {
	e := &escEntry{onEscape: onEscape}
	e.MultiLine = multiLine
	if multiLine {
		e.Wrapping = fyne.TextWrapWord
	}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey hands Escape to the dialog and every other key to the entry.
func (e *escEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && e.onEscape != nil {
		e.onEscape()
		return
	}
	e.Entry.TypedKey(ev)
}

// TypedShortcut hands Ctrl+S to onSave and every other shortcut to the
// entry (copy, paste, select all).
func (e *escEntry) TypedShortcut(sc fyne.Shortcut) {
	if cs, ok := sc.(*desktop.CustomShortcut); ok && e.onSave != nil && cs.KeyName == fyne.KeyS && cs.Modifier == fyne.KeyModifierShortcutDefault {
		e.onSave()
		return
	}
	e.Entry.TypedShortcut(sc)
}
