package ui

import (
	"fmt"
	"image/color"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	fynelayout "fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The guided tour: a few overlays over the real workspace, each outlining
// the part of the window it talks about (import, select and code, retrieve,
// search). The welcome screen offers it on the demo project until it has
// been shown once; Help ▸ Guided tour replays it over any open project.

const prefTourShown = "tour.shown"

// tourShown reports whether the guided tour has been shown on this machine.
func (s prefs) tourShown() bool { return s.p.Bool(prefTourShown) }

func (s prefs) setTourShown() { s.p.SetBool(prefTourShown, true) }

// tourStep is one overlay: what it says, the part of the window it outlines,
// and what it does first so that part is in view.
type tourStep struct {
	title, text string
	target      func(ws *workspace) fyne.CanvasObject
	enter       func(ws *workspace)
}

var tourSteps = []tourStep{{
	title: "Import your material",
	text: "Your interviews, field notes and documents are listed here.\n" +
		"File ▸ Import a file… (Ctrl+I) or Import a folder… brings them in, and so\n" +
		"does dropping files on the window: Word, PDF, text (Chinese GBK too), HTML,\n" +
		"subtitles. Everything stays in this one project file, on this computer.",
	target: func(ws *workspace) fyne.CanvasObject { return ws.left },
	enter: func(ws *workspace) {
		if ws.panes.hidden[0] {
			ws.togglePane(0)
		}
		ws.left.Select(ws.leftDocs)
	},
}, {
	title: "Select and code",
	text: "Select a passage with the mouse, then click a code in the\n" +
		"Codebook on the right (or drag the selection onto it). The passage\n" +
		"is painted in the code's colour. Right-click for more.",
	target: func(ws *workspace) fyne.CanvasObject { return ws.centre },
	enter:  func(ws *workspace) { ws.centre.Select(ws.docTab) },
}, {
	title: "Retrieve",
	text: "Retrieve gathers every passage coded with a code, across all\n" +
		"documents, and narrows it by case, document, coder or attribute.\n" +
		"Export… saves what it shows for Word, Excel, a web page or CSV.",
	target: func(ws *workspace) fyne.CanvasObject { return ws.centre },
	enter:  func(ws *workspace) { ws.centre.Select(ws.retrieveTab) },
}, {
	title: "Search",
	text: "Search finds words and phrases in English and Chinese in every\n" +
		"document and memo: \"yard meeting\" for a phrase, -fence to leave a\n" +
		"word out, code:\"Community logic\" for coded passages only.",
	target: func(ws *workspace) fyne.CanvasObject { return ws.centre },
	enter:  func(ws *workspace) { ws.centre.Select(ws.searchTab) },
}}

// tour is the guided tour while it is on screen.
type tour struct {
	ws      *workspace
	step    int
	overlay *fyne.Container
	layout  *tourLayout
	title   *widget.Label
	text    *widget.Label
	count   *widget.Label
	back    *widget.Button
	next    *widget.Button
	keys    func(*fyne.KeyEvent) // the canvas's key handler before the tour
	stop    chan struct{}        // closed when the tour ends
	then    func()               // runs when the tour ends
}

// holeCheck is how often the tour looks whether the part it outlines has
// moved (the window resized, a panel dragged) to follow it.
const holeCheck = 150 * time.Millisecond

// startTour shows the guided tour over the workspace from its first step and
// remembers that it has been shown.
func (ws *workspace) startTour() { ws.runTour(nil) }

// runTour starts the tour; then runs when it ends, if not nil.
func (ws *workspace) runTour(then func()) {
	ws.app.prefs.setTourShown()
	t := &tour{ws: ws, then: then}
	t.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.title.SizeName = theme.SizeNameSubHeadingText
	t.text = widget.NewLabel("")
	t.count = widget.NewLabel("")
	t.back = widget.NewButtonWithIcon("Back", theme.NavigateBackIcon(), func() { t.show(t.step - 1) })
	t.next = widget.NewButtonWithIcon("Next", theme.NavigateNextIcon(), func() { t.show(t.step + 1) })
	t.next.Importance = widget.HighImportance
	skip := widget.NewButton("Skip tour", t.end)
	skip.Importance = widget.LowImportance
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	bg.CornerRadius = theme.InputRadiusSize()
	bg.StrokeColor = theme.Color(theme.ColorNamePrimary)
	bg.StrokeWidth = 2
	card := container.NewStack(bg, container.NewPadded(container.NewVBox(
		t.title, t.text,
		container.NewHBox(t.count, fynelayout.NewSpacer(), skip, t.back, t.next))))

	dim := color.NRGBA{A: 0x80}
	t.layout = &tourLayout{card: card}
	var shades []fyne.CanvasObject
	for range 4 {
		shades = append(shades, canvas.NewRectangle(dim))
	}
	outline := canvas.NewRectangle(color.Transparent)
	outline.StrokeColor = theme.Color(theme.ColorNamePrimary)
	outline.StrokeWidth = 3
	t.overlay = container.New(t.layout, append(shades, outline, card)...)

	c := ws.win.Canvas()
	t.keys = c.OnTypedKey()
	c.SetOnTypedKey(t.typedKey)
	c.Overlays().Add(t.overlay)
	t.overlay.Resize(c.Size())
	t.show(0)
	t.stop = make(chan struct{})
	go t.follow(t.stop)
}

// follow lays the tour out again whenever its target has moved, until stop
// is closed or the overlay has gone (the project was closed under it). The
// window lays out its overlays before its content, so a resize alone would
// leave the outline one step behind.
func (t *tour) follow(stop chan struct{}) {
	tick := time.NewTicker(holeCheck)
	defer tick.Stop()
	for {
		select {
		case <-stop:
			return
		case <-tick.C:
		}
		gone := false
		fyne.DoAndWait(func() {
			if !slices.Contains(t.ws.win.Canvas().Overlays().List(), fyne.CanvasObject(t.overlay)) {
				gone = true
				return
			}
			if pos, size := t.layout.hole(t.overlay.Size()); pos != t.layout.pos || size != t.layout.size {
				t.layout.Layout(t.overlay.Objects, t.overlay.Size())
			}
		})
		if gone {
			return
		}
	}
}

// show moves the tour to step i; past the last step it ends.
func (t *tour) show(i int) {
	if i < 0 {
		return
	}
	if i >= len(tourSteps) {
		t.end()
		return
	}
	t.step = i
	s := tourSteps[i]
	s.enter(t.ws)
	t.title.SetText(s.title)
	t.text.SetText(s.text)
	t.count.SetText(fmt.Sprintf("%d of %d", i+1, len(tourSteps)))
	if i == 0 {
		t.back.Disable()
	} else {
		t.back.Enable()
	}
	if i == len(tourSteps)-1 {
		t.next.SetText("Done")
		t.next.SetIcon(theme.ConfirmIcon())
	} else {
		t.next.SetText("Next")
		t.next.SetIcon(theme.NavigateNextIcon())
	}
	t.layout.target = s.target(t.ws)
	t.overlay.Refresh()
	t.layout.Layout(t.overlay.Objects, t.overlay.Size())
}

// end takes the tour off the screen and brings back the document.
func (t *tour) end() {
	if t.stop == nil {
		return // already ended
	}
	close(t.stop)
	t.stop = nil
	c := t.ws.win.Canvas()
	c.Overlays().Remove(t.overlay)
	c.SetOnTypedKey(t.keys)
	t.ws.centre.Select(t.ws.docTab)
	if t.then != nil {
		t.then()
	}
}

// typedKey lets the keyboard drive the tour: Right, Return or Space go on,
// Left goes back, Escape ends it.
func (t *tour) typedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyRight, fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace:
		t.show(t.step + 1)
	case fyne.KeyLeft:
		t.show(t.step - 1)
	case fyne.KeyEscape:
		t.end()
	}
}

// tourLayout darkens the window around the target, outlines it, and puts
// the card beside it where there is room (right, left, below, above, else
// over its lower part). Objects: four shades, the outline, the card.
type tourLayout struct {
	target fyne.CanvasObject
	card   fyne.CanvasObject
	// pos and size are the hole as last laid out.
	pos  fyne.Position
	size fyne.Size
}

// hole is the target's place in the window, or an empty one at the centre.
func (l *tourLayout) hole(size fyne.Size) (fyne.Position, fyne.Size) {
	if l.target == nil || !l.target.Visible() || l.target.Size().IsZero() {
		return fyne.NewPos(size.Width/2, size.Height/2), fyne.Size{}
	}
	d := fyne.CurrentApp().Driver()
	pos := d.AbsolutePositionForObject(l.target)
	if c := d.CanvasForObject(l.target); c != nil {
		inset, _ := c.InteractiveArea() // positions are within it, the overlay is not
		pos = pos.Add(inset)
	}
	return pos, l.target.Size()
}

func (l *tourLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pos, hs := l.hole(size)
	l.pos, l.size = pos, hs
	right, bottom := pos.X+hs.Width, pos.Y+hs.Height
	place := func(o fyne.CanvasObject, x, y, w, h float32) {
		o.Move(fyne.NewPos(x, y))
		o.Resize(fyne.NewSize(max(w, 0), max(h, 0)))
	}
	place(objs[0], 0, 0, size.Width, pos.Y)                   // above
	place(objs[1], 0, bottom, size.Width, size.Height-bottom) // below
	place(objs[2], 0, pos.Y, pos.X, hs.Height)                // left
	place(objs[3], right, pos.Y, size.Width-right, hs.Height) // right
	place(objs[4], pos.X, pos.Y, hs.Width, hs.Height)         // outline
	card := l.card.MinSize()
	const gap = 16
	x, y := pos.X+(hs.Width-card.Width)/2, pos.Y+(hs.Height-card.Height)/2
	switch {
	case size.Width-right >= card.Width+2*gap:
		x = right + gap
	case pos.X >= card.Width+2*gap:
		x = pos.X - gap - card.Width
	case size.Height-bottom >= card.Height+2*gap:
		y = bottom + gap
	case pos.Y >= card.Height+2*gap:
		y = pos.Y - gap - card.Height
	default:
		y = bottom - gap - card.Height
	}
	x = min(max(x, gap), size.Width-card.Width-gap)
	y = min(max(y, gap), size.Height-card.Height-gap)
	place(objs[5], x, y, card.Width, card.Height)
}

func (l *tourLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.Size{} }

// tourOffer is the welcome screen's invitation to the tour: prominent until
// the tour has been shown once, then a quiet button.
func (a *App) tourOffer() fyne.CanvasObject {
	take := widget.NewButtonWithIcon("Take the guided tour", theme.MediaPlayIcon(), a.tourOnDemo)
	if a.prefs.tourShown() {
		take.Importance = widget.LowImportance
		return container.NewCenter(take)
	}
	take.Importance = widget.HighImportance
	later := widget.NewButton("Not now", nil)
	later.Importance = widget.LowImportance
	offer := container.NewVBox(
		widget.NewLabelWithStyle("New to Coder? A four-step tour on the demo project shows how to import, code, retrieve and search.",
			fyne.TextAlignCenter, fyne.TextStyle{}),
		container.NewCenter(container.NewHBox(take, later)))
	later.OnTapped = func() {
		a.prefs.setTourShown()
		a.showWelcome()
	}
	return offer
}

// tourOnDemo opens the demo project and starts the tour over it. On the
// first run "Who is coding?" waits until the tour is over, rather than
// sitting in the middle of what the tour outlines.
func (a *App) tourOnDemo() {
	ask := a.coderName() == "" && a.coderPrompt == nil
	a.openDemo()
	if a.ws == nil {
		return
	}
	var then func()
	if ask && a.coderPrompt != nil {
		a.coderPrompt.Hide()
		a.coderPrompt = nil
		then = a.askCoderOnce
	}
	a.ws.runTour(then)
}
