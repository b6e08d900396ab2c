package ui

import (
	"errors"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	fynelayout "fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Who is coding: the researcher gives a name (and initials) once, Coder
// keeps them in its preferences, records the name on every coding and memo
// (what inter-coder agreement stands on) and shows it in the status bar.

// coderName is the name the open project records: the one given to this
// window, else the one in the preferences.
func (a *App) coderName() string {
	if a.opts.Coder != "" {
		return a.opts.Coder
	}
	name, _ := a.prefs.coder()
	return name
}

// setCoder makes name (with its initials) the coder from now on: in the
// preferences, for every project this window opens, and for the open one.
func (a *App) setCoder(name, initials string) error {
	name, initials = strings.TrimSpace(name), strings.TrimSpace(initials)
	if initials == "" {
		initials = initialsOf(name)
	}
	if a.ws != nil {
		if err := a.ws.p.SetCoder(name); err != nil {
			return err
		}
		defer a.ws.showCoder()
	}
	a.prefs.setCoder(name, initials)
	a.opts.Coder = name
	return nil
}

// initialsOf makes initials from a name: the first letter of each word, or
// the first character of a name written without spaces (李伟 -> 李).
func initialsOf(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		r := []rune(w)[0]
		b.WriteRune(unicode.ToUpper(r))
	}
	return b.String()
}

// statusBar is the line at the foot of the window: who is coding, which
// opens "Coder name…" when clicked.
func (ws *workspace) statusBar() fyne.CanvasObject {
	ws.coderLink = newStatusLink(ws.app.coderDialog)
	ws.showCoder()
	return container.NewHBox(layoutSpacer(), ws.coderLink)
}

// statusLink is a line of small text that does something when clicked,
// for the status bar: lower than a button or a hyperlink, since every
// pixel of height it takes is taken from the text.
type statusLink struct {
	widget.BaseWidget
	text  *canvas.Text
	onTap func()
}

func newStatusLink(onTap func()) *statusLink {
	l := &statusLink{text: canvas.NewText("", theme.Color(theme.ColorNamePrimary)), onTap: onTap}
	l.text.TextSize = theme.CaptionTextSize()
	l.ExtendBaseWidget(l)
	return l
}

// SetText changes the link's text.
func (l *statusLink) SetText(s string) {
	l.text.Text = s
	l.text.Refresh()
	l.Refresh()
}

// Tapped runs the link's action.
func (l *statusLink) Tapped(*fyne.PointEvent) { l.onTap() }

// Cursor shows the link can be clicked.
func (l *statusLink) Cursor() desktop.Cursor { return desktop.PointerCursor }

// CreateRenderer pads the text a little.
func (l *statusLink) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.New(fynelayout.NewCustomPaddedLayout(2, 2, theme.Padding()*2, theme.Padding()*2), l.text))
}

// showCoder writes who is coding into the status bar.
func (ws *workspace) showCoder() {
	c := ws.p.Coder()
	_, initials := ws.app.prefs.coder()
	text := "Coding as " + c.Name
	if initials != "" && initials != c.Name {
		text += " (" + initials + ")"
	}
	ws.coderLink.SetText(text)
}

// coderDialog asks for the researcher's name and initials ("Coder name…",
// and on the first run).
func (a *App) coderDialog() {
	// On the first run the field is empty, not the computer's user name,
	// which is rarely how a researcher signs their work.
	name, initials := a.prefs.coder()
	// Escape in either field is Cancel, as in the other dialogs: the
	// window stays usable, coding under the name the status bar shows
	// (which, clicked, asks again).
	var d *dialog.FormDialog
	cancel := func() { d.Hide() }
	nameEntry := newEscEntry(false, cancel)
	nameEntry.SetText(name)
	nameEntry.SetPlaceHolder("e.g. Li Wei")
	initEntry := newEscEntry(false, cancel)
	initEntry.SetText(initials)
	initEntry.SetPlaceHolder("e.g. LW")
	note := wrapped("Every coding and memo you make records this name, so that codings by different researchers can be told apart and compared.")
	items := []*widget.FormItem{
		widget.NewFormItem("Name", nameEntry),
		widget.NewFormItem("Initials", initEntry),
		widget.NewFormItem("", note),
	}
	d = dialog.NewForm("Who is coding?", "Save", "Cancel", items, func(ok bool) {
		if ok {
			if err := a.setCoder(nameEntry.Text, initEntry.Text); err != nil {
				a.showError(err)
			}
		}
	}, a.win)
	nameEntry.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New("type the name your codings should carry")
		}
		return nil
	}
	d.Resize(fyne.NewSize(460, d.MinSize().Height))
	d.Show()
	closeOnEscape(d, a.win)
	nameEntry.OnSubmitted = func(string) { d.Submit() }
	initEntry.OnSubmitted = func(string) { d.Submit() }
	a.win.Canvas().Focus(nameEntry)
	a.coderPrompt = d
}

// askCoderOnce asks for the researcher's name the first time a project is
// open and none was given. A project open read-only records nothing, so it
// is not asked there (the note saying read-only is enough), but at the
// next project that can be changed.
func (a *App) askCoderOnce() {
	if a.coderName() != "" || a.coderPrompt != nil || a.ws != nil && a.ws.p.ReadOnly() {
		return
	}
	a.coderDialog()
}
