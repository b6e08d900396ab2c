package ui

import (
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"coder/assets"
	"coder/codebook"
	"coder/project"
	"coder/qda"
)

// showWelcome shows the start screen: new, open, the demo project and the
// recent projects.
func (a *App) showWelcome() {
	a.win.SetTitle("Coder")
	a.win.SetMainMenu(a.welcomeMenu())
	a.win.SetContent(a.welcomeContent())
}

func (a *App) welcomeContent() fyne.CanvasObject {
	icon := canvas.NewImageFromResource(fyne.NewStaticResource("icon.png", assets.Icon))
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSize(96, 96))
	title := widget.NewLabelWithStyle("Coder", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameHeadingText
	sub := widget.NewLabelWithStyle("Code, retrieve and search the material of a case study — offline, in one file.", fyne.TextAlignCenter, fyne.TextStyle{})

	newBtn := widget.NewButtonWithIcon("New project…", theme.ContentAddIcon(), a.newProjectDialog)
	newBtn.Importance = widget.HighImportance
	openBtn := widget.NewButtonWithIcon("Open project…", theme.FolderOpenIcon(), a.openDialog)
	demoBtn := widget.NewButtonWithIcon("Open the demo project", theme.HelpIcon(), a.openDemo)

	recent := container.NewVBox()
	paths := a.prefs.recent()
	if len(paths) > 0 {
		recent.Add(widget.NewLabelWithStyle("Recent projects", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		for _, p := range paths {
			p := p
			b := widget.NewButtonWithIcon(strings.TrimSuffix(filepath.Base(p), ".coder")+"   ("+filepath.Dir(p)+")", theme.FileIcon(), func() { a.open(p) })
			b.Alignment = widget.ButtonAlignLeading
			b.Importance = widget.LowImportance
			recent.Add(b)
		}
	}
	body := container.NewVBox(
		container.NewCenter(icon), title, sub, widget.NewSeparator(),
		container.NewGridWithColumns(3, newBtn, openBtn, demoBtn),
		a.tourOffer(),
		recent,
	)
	return container.NewCenter(container.NewPadded(container.NewGridWrap(fyne.NewSize(640, body.MinSize().Height), body)))
}

// newProjectDialog asks for a name, a starting codebook and a file, then
// creates the project and opens it.
func (a *App) newProjectDialog() {
	name := widget.NewEntry()
	name.SetPlaceHolder("e.g. G Community study")
	location := widget.NewEntry()
	location.SetPlaceHolder("where the project file goes")
	edited := false
	name.OnChanged = func(s string) {
		if !edited {
			location.SetText(filepath.Join(documentsDir(), safeFileName(s)+".coder"))
		}
	}
	location.OnChanged = func(string) {
		edited = location.Text != filepath.Join(documentsDir(), safeFileName(name.Text)+".coder")
	}
	name.SetText("New project")

	qdc := widget.NewEntry()
	qdc.SetPlaceHolder("path to a .qdc codebook")
	qdc.Disable()
	labels := []string{"Multiple institutional logics (built in)", "An empty codebook", "A REFI-QDA codebook file (.qdc)"}
	choice := widget.NewRadioGroup(labels, func(s string) {
		if s == labels[2] {
			qdc.Enable()
		} else {
			qdc.Disable()
		}
	})
	choice.SetSelected(labels[0])
	chooseQDC := widget.NewButton("Choose…", func() {
		openFileDialog(a.win, []string{".qdc"}, a.showError, func(path string) {
			choice.SetSelected(labels[2])
			qdc.SetText(path)
		}).Show()
	})
	chooseLoc := widget.NewButton("Choose…", func() {
		d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
			if err != nil {
				a.showError(&qda.Error{Why: "cannot make the project file there: " + err.Error(), Fix: "choose a folder that exists and that you can write to", Err: err})
				return
			}
			if w == nil {
				return
			}
			w.Close()
			// The save dialog has created (or emptied) the file; the store
			// makes its own, so take the name and let the empty file go.
			os.Remove(w.URI().Path())
			p := w.URI().Path()
			if filepath.Ext(p) != ".coder" {
				p += ".coder"
			}
			location.SetText(p)
		}, a.win)
		d.SetFileName(safeFileName(name.Text) + ".coder")
		if l, err := storage.ListerForURI(storage.NewFileURI(documentsDir())); err == nil {
			d.SetLocation(l)
		}
		d.Resize(fileDialogSize(a.win))
		d.Show()
	})
	enc := newEncryptFields()
	items := []*widget.FormItem{
		widget.NewFormItem("Name", name),
		widget.NewFormItem("Codebook", choice),
		widget.NewFormItem("", container.NewBorder(nil, nil, nil, chooseQDC, qdc)),
		widget.NewFormItem("Project file", container.NewBorder(nil, nil, nil, chooseLoc, location)),
	}
	items = append(items, enc.items()...)
	d := dialog.NewForm("New project", "Create", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		cb := codebook.TemplateLogics
		switch choice.Selected {
		case labels[1]:
			cb = codebook.TemplateEmpty
		case labels[2]:
			cb = qdc.Text
		}
		a.createProject(location.Text, name.Text, cb, enc.passphrase())
	}, a.win)
	enc.refresh = d.Refresh
	d.Resize(fyne.NewSize(640, 480))
	d.Show()
	// The name is what the user types first: ready to be overtyped, and
	// Enter creates the project.
	name.OnSubmitted = func(string) { d.Submit() }
	a.win.Canvas().Focus(name)
	name.TypedShortcut(&fyne.ShortcutSelectAll{})
}

// createProject makes the project file, encrypted when passphrase is not
// empty, and opens it.
func (a *App) createProject(path, name, codebookChoice, passphrase string) {
	if filepath.Ext(path) != ".coder" {
		path += ".coder"
	}
	os.MkdirAll(filepath.Dir(path), 0o755)
	opts := a.opts
	opts.Passphrase = passphrase
	create := func() (*project.Project, error) {
		return project.Create(path, project.CreateOptions{Options: opts, Name: strings.TrimSpace(name), Codebook: codebookChoice})
	}
	created := func(p *project.Project, err error) {
		if err != nil {
			a.showError(err)
			return
		}
		a.show(p)
	}
	if passphrase != "" {
		a.unlocking(create, created)
		return
	}
	created(create())
}

func (a *App) openDialog() {
	d := openFileDialog(a.win, []string{".coder"}, a.showError, a.open)
	if recent := a.prefs.recent(); len(recent) > 0 {
		if l, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(recent[0]))); err == nil {
			d.SetLocation(l)
		}
	}
	d.Show()
}

// openDemo opens the fictional demo project, writing it first if this
// machine has none yet.
func (a *App) openDemo() {
	path := demoPath()
	if _, err := os.Stat(path); err == nil {
		a.open(path)
		return
	}
	os.MkdirAll(filepath.Dir(path), 0o755)
	p, err := project.WriteDemo(path, a.opts)
	if err != nil {
		a.showError(err)
		return
	}
	a.show(p)
}

// demoPath is where the demo project lives: in the user's config directory,
// so it never clutters their documents.
func demoPath() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		dir = os.TempDir()
	}
	return filepath.Join(dir, "Coder", "G Community demo.coder")
}

// documentsDir is where new projects go by default.
func documentsDir() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return os.TempDir()
	}
	if d := filepath.Join(home, "Documents"); isDir(d) {
		return d
	}
	return home
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

// safeFileName turns a project name into a file name that every system
// accepts.
func safeFileName(s string) string {
	s = strings.TrimSpace(s)
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < ' ' {
			return '-'
		}
		return r
	}, s)
	if s == "" {
		return "project"
	}
	return s
}
