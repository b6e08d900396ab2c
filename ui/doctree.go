package ui

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"coder/project"
)

// docTree is the document list: a tree of groups (cases or kinds) and
// their documents that the keyboard reaches fully. Up and Down move a
// focus ring over the rows, Left and Right close and open a group, Space
// opens the document under the ring and Enter opens it and puts the
// keyboard in its text; Tab goes to the text too, so the list, the text and
// the codebook are a few key presses apart.
type docTree struct {
	widget.Tree
	panel   *documentsPanel
	focus   widget.TreeNodeID // the row under the focus ring
	focused bool              // the list has the keyboard
}

func newDocTree(d *documentsPanel) *docTree {
	t := &docTree{panel: d}
	t.ChildUIDs = d.childUIDs
	t.IsBranch = d.isBranch
	t.CreateNode = func(bool) fyne.CanvasObject {
		ring := canvas.NewRectangle(color.Transparent)
		ring.StrokeWidth = 2
		ring.CornerRadius = theme.SelectionRadiusSize()
		ring.Hide()
		// A long name ends in an ellipsis at the pane's edge instead of
		// being cut through a letter.
		l := widget.NewLabel("document name")
		l.Truncation = fyne.TextTruncateEllipsis
		return newDocRow(d, container.NewStack(ring, container.NewBorder(nil, nil, widget.NewIcon(theme.DocumentIcon()), nil, l)))
	}
	t.UpdateNode = d.updateNode
	t.ExtendBaseWidget(t)
	return t
}

// rows lists the rows the tree shows, top to bottom.
func (t *docTree) rows() []widget.TreeNodeID {
	var out []widget.TreeNodeID
	for _, g := range t.panel.childUIDs("") {
		out = append(out, g)
		if t.IsBranchOpen(g) {
			out = append(out, t.panel.childUIDs(g)...)
		}
	}
	return out
}

// setFocus moves the focus ring to a row and scrolls it into view.
func (t *docTree) setFocus(uid widget.TreeNodeID) {
	if uid == t.focus {
		return
	}
	old := t.focus
	t.focus = uid
	if old != "" {
		t.RefreshItem(old)
	}
	if uid != "" {
		t.ScrollTo(uid)
		t.RefreshItem(uid)
	}
}

// showRing draws the focus ring on the row that has it.
func (t *docTree) showRing(uid widget.TreeNodeID, ring *canvas.Rectangle) {
	if t.focused && uid == t.focus {
		ring.StrokeColor = theme.Color(theme.ColorNamePrimary) // the focus colour is too faint to find
		ring.FillColor = color.Transparent
		ring.Show()
	} else {
		ring.Hide()
	}
	ring.Refresh()
}

// FocusGained puts the ring on the open document, or the first row.
func (t *docTree) FocusGained() {
	t.focused = true
	rows := t.rows()
	if !containsString(rows, t.focus) {
		t.focus = ""
		if sel := t.selectedRow(); sel != "" {
			t.focus = sel
		} else if len(rows) > 0 {
			t.focus = rows[0]
		}
	}
	if t.focus != "" {
		t.ScrollTo(t.focus)
	}
	t.Refresh()
}

// selectedRow returns the row of the document the panel shows, if listed.
func (t *docTree) selectedRow() widget.TreeNodeID {
	for _, g := range t.panel.childUIDs("") {
		for _, uid := range t.panel.childUIDs(g) {
			if t.panel.selected != "" && docOfNode(uid) == t.panel.selected {
				return uid
			}
		}
	}
	return ""
}

// FocusLost hides the ring.
func (t *docTree) FocusLost() {
	t.focused = false
	t.Refresh()
}

// AcceptsTab lets the list send Tab to the text rather than through every
// field of the form below it.
func (t *docTree) AcceptsTab() bool { return true }

// TypedKey moves the ring, opens and closes groups and opens documents.
func (t *docTree) TypedKey(e *fyne.KeyEvent) {
	rows := t.rows()
	at := -1
	for i, uid := range rows {
		if uid == t.focus {
			at = i
		}
	}
	switch e.Name {
	case fyne.KeyDown:
		if at+1 < len(rows) {
			t.setFocus(rows[at+1])
		}
	case fyne.KeyUp:
		if at > 0 {
			t.setFocus(rows[at-1])
		}
	case fyne.KeyHome:
		if len(rows) > 0 {
			t.setFocus(rows[0])
		}
	case fyne.KeyEnd:
		if len(rows) > 0 {
			t.setFocus(rows[len(rows)-1])
		}
	case fyne.KeyLeft:
		if t.panel.isBranch(t.focus) {
			t.CloseBranch(t.focus)
		} else if at >= 0 {
			for i := at; i >= 0; i-- {
				if t.panel.isBranch(rows[i]) {
					t.setFocus(rows[i])
					break
				}
			}
		}
	case fyne.KeyRight:
		if t.panel.isBranch(t.focus) {
			t.OpenBranch(t.focus)
		}
	case fyne.KeySpace:
		t.open(false)
	case fyne.KeyReturn, fyne.KeyEnter:
		t.open(true)
	case fyne.KeyTab:
		t.panel.ws.focusText()
	case fyne.KeyDelete:
		if id := docOfNode(t.focus); id != "" {
			t.panel.deleteDialog(id)
		}
	}
}

// open opens the document under the ring (or opens or closes the group),
// and with toText puts the keyboard in the document's text.
func (t *docTree) open(toText bool) {
	if t.focus == "" {
		return
	}
	if t.panel.isBranch(t.focus) {
		t.ToggleBranch(t.focus)
		return
	}
	id := docOfNode(t.focus)
	t.panel.ws.openDocument(id)
	if toText {
		t.panel.ws.focusText()
	}
}

// TypedRune starts filtering the list with the letter typed.
func (t *docTree) TypedRune(r rune) {
	if r == ' ' {
		return
	}
	f := t.panel.filter
	t.panel.ws.win.Canvas().Focus(f)
	f.TypedRune(r)
}

// focusList gives the keyboard to the document list, with the ring on its
// first document.
func (d *documentsPanel) focusList() {
	for _, uid := range d.tree.rows() {
		if !d.isBranch(uid) {
			d.tree.focus = uid
			break
		}
	}
	d.ws.win.Canvas().Focus(d.tree)
}

// matchesFilter reports whether a document's name, kind or one of its
// cases contains the filter's text, ignoring case.
func matchesFilter(doc project.DocInfo, filter string) bool {
	f := strings.ToLower(strings.TrimSpace(filter))
	if f == "" {
		return true
	}
	if strings.Contains(strings.ToLower(doc.Name), f) || strings.Contains(strings.ToLower(string(doc.Kind)), f) {
		return true
	}
	for _, c := range doc.Cases {
		if strings.Contains(strings.ToLower(c), f) {
			return true
		}
	}
	return false
}
