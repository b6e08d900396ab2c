package ui

import (
	"errors"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"coder/project"
)

// askPassphrase asks for the passphrase of the encrypted project at path,
// then opens it; wrong says the last one did not unlock it.
func (a *App) askPassphrase(path string, wrong bool) {
	askPassphraseFor(a.win, "Open “"+filepath.Base(path)+"”", "This project is encrypted. Type its passphrase to open it.", "Open", wrong, func(pass string) {
		a.openWith(path, pass)
	})
}

// askPassphraseFor asks for a passphrase under title, saying why (or, when
// wrong, that the last one typed did not unlock the file), and hands it to
// then when ok is pressed or Enter typed.
func askPassphraseFor(win fyne.Window, title, why, ok string, wrong bool, then func(passphrase string)) {
	if wrong {
		why = "Wrong passphrase: it does not unlock this file. Letter case and spaces count; type it again."
	}
	msg := widget.NewLabel(why)
	msg.Wrapping = fyne.TextWrapWord
	entry := widget.NewPasswordEntry()
	d := dialog.NewForm(title, ok, "Cancel", []*widget.FormItem{
		widget.NewFormItem("", msg),
		widget.NewFormItem("Passphrase", entry),
	}, func(ok bool) {
		if ok {
			then(entry.Text)
		}
	}, win)
	entry.OnSubmitted = func(string) { d.Submit() }
	d.Resize(fyne.NewSize(520, 240))
	d.Show()
	win.Canvas().Focus(entry)
}

// encryptFields are the New project dialog's "Encrypt with a passphrase"
// checkbox and its passphrase, typed twice. The dialog's Create button stays
// off while the box is ticked and the two differ or are empty.
type encryptFields struct {
	check         *widget.Check
	pass, confirm *widget.Entry
	note          *widget.Label
	// refresh redraws the form around the fields, whose labels grey out
	// with them (set once the dialog exists).
	refresh func()
}

func newEncryptFields() *encryptFields {
	f := &encryptFields{pass: widget.NewPasswordEntry(), confirm: widget.NewPasswordEntry()}
	f.pass.SetPlaceHolder("passphrase")
	f.confirm.SetPlaceHolder("the same again")
	f.note = widget.NewLabel("The project file, its backups and its search index are then unreadable without it. A forgotten passphrase cannot be recovered: keep it somewhere safe.")
	f.note.Wrapping = fyne.TextWrapWord
	f.pass.Validator = func(s string) error {
		if f.check.Checked && s == "" {
			return errors.New("type a passphrase")
		}
		return nil
	}
	f.confirm.Validator = func(s string) error {
		if f.check.Checked && s != f.pass.Text {
			return errors.New("the two passphrases differ")
		}
		return nil
	}
	f.pass.OnChanged = func(string) { f.confirm.Validate() }
	f.check = widget.NewCheck("Encrypt with a passphrase", func(on bool) {
		for _, e := range []*widget.Entry{f.pass, f.confirm} {
			if on {
				e.Enable()
			} else {
				e.Disable()
			}
		}
		if on {
			f.note.Show()
		} else {
			f.note.Hide()
		}
		f.pass.Validate()
		f.confirm.Validate()
		if f.refresh != nil {
			f.refresh()
		}
	})
	f.check.OnChanged(false)
	return f
}

func (f *encryptFields) items() []*widget.FormItem {
	return []*widget.FormItem{
		widget.NewFormItem("", f.check),
		widget.NewFormItem("Passphrase", f.pass),
		widget.NewFormItem("Again", f.confirm),
		widget.NewFormItem("", f.note),
	}
}

// passphrase is what was typed when the box is ticked, else "".
func (f *encryptFields) passphrase() string {
	if !f.check.Checked {
		return ""
	}
	return f.pass.Text
}

// unlocking runs open, which derives a key from a passphrase (a good part of
// a second, on purpose), off the event goroutine, with a note on screen, and
// hands its result to then on the event goroutine.
func (a *App) unlocking(open func() (*project.Project, error), then func(*project.Project, error)) {
	bar := widget.NewProgressBarInfinite()
	d := dialog.NewCustomWithoutButtons("Unlocking the project…", bar, a.win)
	d.Show()
	go func() {
		p, err := open()
		fyne.Do(func() {
			d.Hide()
			bar.Stop()
			then(p, err)
			if unlockedHook != nil {
				unlockedHook()
			}
		})
	}()
}

// unlockedHook, when set (by tests), is called after unlocking has handed
// on its result.
var unlockedHook func()
