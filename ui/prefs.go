package ui

import (
	"os"

	"fyne.io/fyne/v2"

	"coder/qda"
)

// prefs keeps what Coder remembers between sessions in the app's
// preferences: window size, recent projects, how documents are grouped and
// each project's pinned codes.
type prefs struct{ p fyne.Preferences }

const (
	prefRecent  = "recent"
	prefWidth   = "window.width"
	prefHeight  = "window.height"
	prefGroupBy = "documents.groupBy"
	prefReopen  = "reopen"
	maxRecent   = 10
)

func (s prefs) windowSize() fyne.Size {
	w := s.p.FloatWithFallback(prefWidth, 1280)
	h := s.p.FloatWithFallback(prefHeight, 820)
	return fyne.NewSize(float32(max(w, 640)), float32(max(h, 480)))
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
