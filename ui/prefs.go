package ui

import (
	"os"

	"fyne.io/fyne/v2"

	"coder/qda"
)

// prefs keeps what Coder remembers between sessions in the app's
// preferences: window size, the widths of the side panels and which are
// hidden, recent projects, how documents are grouped, each project's pinned
// codes, and who is coding.
type prefs struct{ p fyne.Preferences }

const (
	prefRecent  = "recent"
	prefWidth   = "window.width"
	prefHeight  = "window.height"
	prefGroupBy = "documents.groupBy"
	prefReopen  = "reopen"
	maxRecent   = 10

	prefLeftWidth   = "layout.leftWidth"
	prefRightWidth  = "layout.rightWidth"
	prefHideLeft    = "layout.hideLeft"
	prefHideRight   = "layout.hideRight"
	prefCoderName   = "coder.name"
	prefCoderLetter = "coder.initials"
)

// windowSize is the window's size when Coder last closed, in
// device-independent units (as fyne.Canvas.Size measures), so the window
// keeps its size on the screen whatever the scale.
func (s prefs) windowSize() fyne.Size {
	w := s.p.FloatWithFallback(prefWidth, 1280)
	h := s.p.FloatWithFallback(prefHeight, 820)
	return fyne.NewSize(float32(max(w, minWindowWidth)), float32(max(h, minWindowHeight)))
}

// The smallest window Coder restores, and the room it leaves free on a
// screen it would not fit (for panels, a task bar and the title bar).
const (
	minWindowWidth, minWindowHeight = 640, 480
	screenMarginX, screenMarginY    = 40, 80
)

// fitScreen shrinks a window size to fit a screen of the given size (both
// in device-independent units), keeping a margin for the desktop's panels;
// a screen too small for Coder's smallest window gets all of it.
func fitScreen(size, screen fyne.Size) fyne.Size {
	if screen.Width <= 0 || screen.Height <= 0 {
		return size
	}
	fit := func(want, room, margin, least float32) float32 {
		most := max(room-margin, min(least, room))
		return min(want, most)
	}
	return fyne.NewSize(
		fit(size.Width, screen.Width, screenMarginX, minWindowWidth),
		fit(size.Height, screen.Height, screenMarginY, minWindowHeight))
}

func (s prefs) setWindowSize(size fyne.Size) {
	if size.Width > 0 && size.Height > 0 {
		s.p.SetFloat(prefWidth, float64(size.Width))
		s.p.SetFloat(prefHeight, float64(size.Height))
	}
}

// recent returns the recently opened project files that still exist, most
// recent first; the first is the last project opened.
func (s prefs) recent() []string {
	var out []string
	for _, p := range s.p.StringList(prefRecent) {
		if _, err := os.Stat(p); err == nil {
			out = append(out, p)
		}
	}
	return out
}

func (s prefs) addRecent(path string) {
	list := []string{path}
	for _, p := range s.p.StringList(prefRecent) {
		if p != path && len(list) < maxRecent {
			list = append(list, p)
		}
	}
	s.p.SetStringList(prefRecent, list)
}

func (s prefs) forgetRecent(path string) {
	var list []string
	for _, p := range s.p.StringList(prefRecent) {
		if p != path {
			list = append(list, p)
		}
	}
	s.p.SetStringList(prefRecent, list)
}

// groupByKind reports whether the document list groups by kind rather than
// by case.
func (s prefs) groupByKind() bool { return s.p.String(prefGroupBy) == "kind" }

func (s prefs) setGroupByKind(byKind bool) {
	v := "case"
	if byKind {
		v = "kind"
	}
	s.p.SetString(prefGroupBy, v)
}

// pinned returns the codes on quick keys 1-9 for a project.
func (s prefs) pinned(project qda.ID) [9]qda.ID {
	var out [9]qda.ID
	for i, id := range s.p.StringList("pinned." + string(project)) {
		if i < len(out) {
			out[i] = qda.ID(id)
		}
	}
	return out
}

func (s prefs) setPinned(project qda.ID, pins [9]qda.ID) {
	list := make([]string, len(pins))
	for i, id := range pins {
		list[i] = string(id)
	}
	s.p.SetStringList("pinned."+string(project), list)
}

// lastDocument remembers which document was open in a project.
func (s prefs) lastDocument(project qda.ID) qda.ID {
	return qda.ID(s.p.String("lastDocument." + string(project)))
}

func (s prefs) setLastDocument(project, doc qda.ID) {
	s.p.SetString("lastDocument."+string(project), string(doc))
}

// reopen returns the project that was open when Coder last quit, if it
// still exists.
func (s prefs) reopen() string {
	p := s.p.String(prefReopen)
	if p == "" {
		return ""
	}
	if _, err := os.Stat(p); err != nil {
		return ""
	}
	return p
}

func (s prefs) setReopen(path string) { s.p.SetString(prefReopen, path) }

// restorePanes gives the panes the widths and visibility remembered from
// the last session.
func (s prefs) restorePanes(p *panes) {
	p.width[0] = float32(s.p.FloatWithFallback(prefLeftWidth, defaultLeftWidth))
	p.width[1] = float32(s.p.FloatWithFallback(prefRightWidth, defaultRightWidth))
	p.hidden[0] = s.p.Bool(prefHideLeft)
	p.hidden[1] = s.p.Bool(prefHideRight)
}

func (s prefs) setPanes(p *panes) {
	s.p.SetFloat(prefLeftWidth, float64(p.width[0]))
	s.p.SetFloat(prefRightWidth, float64(p.width[1]))
	s.p.SetBool(prefHideLeft, p.hidden[0])
	s.p.SetBool(prefHideRight, p.hidden[1])
}

// coder returns the researcher's name and initials, "" until they are given.
func (s prefs) coder() (name, initials string) {
	return s.p.String(prefCoderName), s.p.String(prefCoderLetter)
}

func (s prefs) setCoder(name, initials string) {
	s.p.SetString(prefCoderName, name)
	s.p.SetString(prefCoderLetter, initials)
}
