// Package ui is Coder's desktop interface, built with Fyne: the welcome
// screen, the project window with its document list, the TranscriptView
// coding widget, the codebook and the retrieval and search panels. It talks
// only to package project; it never touches the store or the index.
package ui

import (
	"errors"
	"io/fs"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"coder/assets"
	"coder/project"
)

// AppID is Coder's application ID, used for preferences and the desktop file.
const AppID = "org.coder.qda"

// App is Coder's one window: the welcome screen until a project is open,
// then the workspace for that project.
type App struct {
	fyne  fyne.App
	win   fyne.Window
	ws    *workspace
	prefs prefs
	fonts fontCheck
	// opts are passed to every project this window opens or creates.
	opts project.Options
	// indexOnOpen starts opening (or building) the search index as soon as
	// a project opens. Tests turn it off so that background work does not
	// race their own taps; the first search then starts it.
	indexOnOpen bool
	// onIndexed, when set, hears about every indexing run that ends (tests
	// wait on it).
	onIndexed func(err error)
	// coderPrompt is the "Who is coding?" dialog once it has been shown.
	coderPrompt dialog.Dialog
}

// Create fills w with Coder: the project at path or, when path is empty, the
// project that was open when Coder last quit, or else the welcome screen.
// The window's size is restored from the last session and saved when it
// closes.
func Create(a fyne.App, w fyne.Window, path string) *App {
	app := &App{fyne: a, win: w, prefs: prefs{a.Preferences()}, indexOnOpen: true}
	app.opts = project.Options{BackupOnClose: true, Holder: "the Coder app"}
	app.opts.Coder, _ = app.prefs.coder()
	w.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	w.Resize(app.prefs.windowSize())
	w.SetOnDropped(func(_ fyne.Position, uris []fyne.URI) { app.dropped(uris) })
	w.SetCloseIntercept(app.quit)
	guardFiles(func() string { // filesguard.go
		if app.ws == nil {
			return ""
		}
		return app.ws.p.Path()
	})
	if path == "" {
		path = app.prefs.reopen()
	}
	if path == "" {
		app.showWelcome()
	} else {
		app.open(path)
	}
	return app
}

// FitScreen shrinks the window to fit a screen of the given size in pixels
// (the remembered size is in device-independent units, which a larger
// scale makes more pixels than the screen has). Call it once the window is
// shown, when its scale is known.
func (a *App) FitScreen(pixels fyne.Size) {
	scale := a.win.Canvas().Scale()
	if scale <= 0 {
		scale = 1
	}
	size := a.win.Canvas().Size()
	if fit := fitScreen(size, fyne.NewSize(pixels.Width/scale, pixels.Height/scale)); fit != size {
		a.win.Resize(fit)
	}
}

// quit remembers the window's size and open project, closes the project
// and then the window, once nothing typed can be lost (see leaveProject).
func (a *App) quit() {
	a.leaveProject(func() {
		a.prefs.setWindowSize(a.win.Canvas().Size())
		reopen := ""
		if a.ws != nil {
			reopen = a.ws.p.Path()
		}
		a.prefs.setReopen(reopen)
		a.closeProject()
		a.win.Close()
	}, nil)
}

// closeToWelcome closes the project, once nothing typed can be lost, and
// shows the welcome screen.
func (a *App) closeToWelcome() {
	a.leaveProject(func() {
		a.closeProject()
		a.showWelcome()
	}, nil)
}

// Project returns the open project, or nil on the welcome screen.
func (a *App) Project() *project.Project {
	if a.ws == nil {
		return nil
	}
	return a.ws.p
}

// open opens the project file at path and shows it, or says why it cannot
// and stays on the welcome screen. An encrypted project asks for its
// passphrase first.
func (a *App) open(path string) { a.openWith(path, "") }

// openWith opens path with a passphrase ("" for none); a missing or wrong
// one asks for it (again).
func (a *App) openWith(path, passphrase string) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	opts := a.opts
	opts.Passphrase = passphrase
	if passphrase != "" {
		a.unlocking(func() (*project.Project, error) { return project.Open(path, opts) }, func(p *project.Project, err error) { a.opened(path, p, err) })
		return
	}
	p, err := project.Open(path, opts)
	a.opened(path, p, err)
}

// opened shows the project Open returned, or says why it could not open.
func (a *App) opened(path string, p *project.Project, err error) {
	if errors.Is(err, project.ErrPassphraseNeeded) || errors.Is(err, project.ErrWrongPassphrase) {
		if a.ws == nil {
			a.showWelcome()
		}
		a.askPassphrase(path, errors.Is(err, project.ErrWrongPassphrase))
		return
	}
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			a.prefs.forgetRecent(path) // moved or deleted: stop offering it
		}
		if a.ws == nil { // an open project stays on screen
			a.showWelcome()
		}
		if !a.offerBackups(path, err) {
			a.showError(err)
		}
		return
	}
	a.show(p)
}

// show replaces whatever the window shows with the workspace for p, once
// nothing typed in the project open now can be lost; when the researcher
// chooses to stay, p is closed again.
func (a *App) show(p *project.Project) {
	a.leaveProject(func() { a.showNow(p) }, func() { p.Close() })
}

func (a *App) showNow(p *project.Project) {
	a.closeProject()
	a.prefs.addRecent(p.Path())
	ws, err := newWorkspace(a, p)
	if err != nil {
		p.Close()
		a.showWelcome()
		a.showError(err)
		return
	}
	a.ws = ws
	a.win.SetTitle(ws.info.Name + " — Coder")
	a.noteReadOnly(p)
	a.win.SetMainMenu(ws.menus.main)
	a.win.SetContent(ws.content)
	ws.restore()
	if a.indexOnOpen {
		ws.indexer.start(false)
	}
	a.askCoderOnce()
}

// closeProject closes the open project, if any, keeping the window.
func (a *App) closeProject() {
	if a.ws == nil {
		return
	}
	// Reached without leaveProject (a test, say), it still keeps what was
	// typed as far as it can; then no dialog outlives the project.
	a.ws.editors.flushForms()
	for _, e := range a.ws.editors.dialogsUnsaved() {
		e.save()
	}
	closeOverlays(a.win)
	a.ws.save()
	a.ws.jobs.stop()
	a.ws.indexer.stop()
	a.ws.p.Close()
	a.ws = nil
}

// dropped imports files dropped on the window, or opens a dropped project
// file.
func (a *App) dropped(uris []fyne.URI) {
	var paths []string
	for _, u := range uris {
		if u.Scheme() == "file" {
			paths = append(paths, u.Path())
		}
	}
	if len(paths) == 0 {
		return
	}
	if len(paths) == 1 && filepath.Ext(paths[0]) == ".coder" {
		a.open(paths[0])
		return
	}
	if a.ws == nil {
		a.showError(errors.New("open or create a project first, then drop files on it to import them"))
		return
	}
	a.ws.askImport(paths)
}

func (a *App) showError(err error) { showError(err, a.win) }

// showError tells the user what went wrong. Fyne's own error dialog
// capitalises the message, which misspells the file names ours begin with.
func showError(err error, w fyne.Window) {
	msg := widget.NewLabel(err.Error())
	msg.Wrapping = fyne.TextWrapWord
	line := fyne.MeasureText(err.Error(), theme.TextSize(), fyne.TextStyle{}).Width + 4*theme.Padding()
	width := min(line, 520)
	msg.Resize(fyne.NewSize(width, msg.MinSize().Height))
	body := container.NewBorder(nil, nil, container.NewCenter(widget.NewIcon(theme.ErrorIcon())), nil,
		container.NewGridWrap(fyne.NewSize(width, msg.MinSize().Height), msg))
	showMessage(dialog.NewCustom("Error", "OK", body, w), w)
}

// fileDialogSize is the size of the open and save dialogs: Fyne's default
// shows only a handful of files, too few to find one transcript among
// hundreds, so they take most of the window.
func fileDialogSize(w fyne.Window) fyne.Size {
	c := w.Canvas().Size()
	return fyne.NewSize(min(900, c.Width-48), min(620, c.Height-48))
}

// openFileDialog makes the dialog that asks for one file ending in one of
// exts and calls then with its path; an error choosing it goes to showErr.
// The caller shows it.
func openFileDialog(win fyne.Window, exts []string, showErr func(error), then func(path string)) *dialog.FileDialog {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			showErr(err)
			return
		}
		if r == nil {
			return
		}
		r.Close()
		then(r.URI().Path())
	}, win)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	d.Resize(fileDialogSize(win))
	return d
}
