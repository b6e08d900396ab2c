package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// Keys for the selected code while the code tree has the keyboard. They
// are shown beside the actions in the code's menu and in Help ▸ Keyboard
// shortcuts.
var (
	keyRenameCode = &desktop.CustomShortcut{KeyName: fyne.KeyF2}
	keyMoveCode   = &desktop.CustomShortcut{KeyName: fyne.KeyM}
	keyMergeCode  = &desktop.CustomShortcut{KeyName: fyne.KeyM, Modifier: fyne.KeyModifierShift}
	keyColourCode = &desktop.CustomShortcut{KeyName: fyne.KeyC}
	keyDeleteCode = &desktop.CustomShortcut{KeyName: fyne.KeyDelete}
)

// codeTree is the codebook's tree. The arrow keys move the selection (not
// only the tree's focus ring, so the definition follows), and keys act on
// the selected code: its menu, rename, move, merge, colour, delete and pin.
type codeTree struct {
	widget.Tree
	panel *codebookPanel
	shift bool // Shift is down, as far as the tree heard (see shifted)
}

func newCodeTree(c *codebookPanel) *codeTree {
	t := &codeTree{panel: c}
	t.ChildUIDs, t.IsBranch = c.childUIDs, c.isBranch
	t.CreateNode = func(bool) fyne.CanvasObject { return newCodeRow(c) }
	t.UpdateNode = func(uid widget.TreeNodeID, _ bool, o fyne.CanvasObject) { o.(*codeRow).set(uid) }
	t.ExtendBaseWidget(t)
	return t
}

// shifted reports whether Shift is held. The tree hears Shift+F10 as a
// plain F10. The desktop driver knows the modifiers; the tree's own record
// of Shift, kept for drivers that do not, goes stale when a dialog opened
// by a key takes the Shift's release.
func (t *codeTree) shifted() bool {
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok {
		return d.CurrentKeyModifiers()&fyne.KeyModifierShift != 0
	}
	return t.shift
}

// KeyDown and KeyUp follow the Shift key.
func (t *codeTree) KeyDown(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		t.shift = true
	}
}

func (t *codeTree) KeyUp(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		t.shift = false
	}
}

// FocusLost forgets a held Shift, whose release goes elsewhere.
func (t *codeTree) FocusLost() {
	t.shift = false
	t.Tree.FocusLost()
}

// TypedKey acts on the selected code, or moves the selection.
func (t *codeTree) TypedKey(ev *fyne.KeyEvent) {
	c := t.panel
	switch ev.Name {
	case fyne.KeyUp, fyne.KeyDown:
		c.step(ev.Name == fyne.KeyDown)
		return
	case fyne.KeyLeft, fyne.KeyRight:
		c.stepAcross(ev.Name == fyne.KeyRight)
		return
	}
	id := c.selected
	if _, ok := c.ws.tree.Code(id); !ok {
		t.Tree.TypedKey(ev)
		return
	}
	switch {
	case ev.Name == desktop.KeyMenu || (ev.Name == fyne.KeyF10 && t.shifted()):
		c.menuForSelected()
	case ev.Name == fyne.KeyF2:
		c.renameDialog(id)
	case ev.Name == fyne.KeyDelete:
		c.deleteDialog(id)
	case ev.Name == fyne.KeyM && t.shifted():
		c.mergeDialog(id)
	case ev.Name == fyne.KeyM:
		c.moveDialog(id)
	case ev.Name == fyne.KeyC:
		c.recolorDialog(id)
	case len(ev.Name) == 1 && ev.Name >= "0" && ev.Name <= "9":
		c.ws.pin(id, int(ev.Name[0]-'0'))
	default:
		t.Tree.TypedKey(ev)
	}
}

// visibleRows lists the tree's rows as drawn, top to bottom.
func (c *codebookPanel) visibleRows() []widget.TreeNodeID {
	var out []widget.TreeNodeID
	var add func(uid widget.TreeNodeID)
	add = func(uid widget.TreeNodeID) {
		for _, k := range c.childUIDs(uid) {
			out = append(out, k)
			if c.isBranch(k) && c.tree.IsBranchOpen(k) {
				add(k)
			}
		}
	}
	add("")
	return out
}

// step selects the row below the selected one (or above it).
func (c *codebookPanel) step(down bool) {
	rows := c.visibleRows()
	if len(rows) == 0 {
		return
	}
	at := -1
	for i, uid := range rows {
		if uid == c.selUID {
			at = i
		}
	}
	switch {
	case at < 0 && down:
		at = 0
	case at < 0:
		at = len(rows) - 1
	case down && at < len(rows)-1:
		at++
	case !down && at > 0:
		at--
	}
	c.tree.Select(rows[at])
}

// stepAcross opens the selected branch or goes to its first sub-code
// (right), or closes it or goes to its parent (left), as file trees do.
func (c *codebookPanel) stepAcross(right bool) {
	uid := c.selUID
	if uid == "" {
		c.step(true)
		return
	}
	open := c.isBranch(uid) && c.tree.IsBranchOpen(uid)
	switch {
	case right && c.isBranch(uid) && !open:
		c.tree.OpenBranch(uid)
	case right && open:
		c.tree.Select(c.childUIDs(uid)[0])
	case !right && open:
		c.tree.CloseBranch(uid)
	case !right:
		if code, ok := c.ws.tree.Code(c.selected); ok && code.Parent != "" && c.matches == nil {
			c.tree.Select(c.uidOf(code.Parent))
		}
	}
}

// menuForSelected opens the selected code's menu under its row, as a
// right-click on the row does.
func (c *codebookPanel) menuForSelected() {
	d := fyne.CurrentApp().Driver()
	tree := d.AbsolutePositionForObject(c.tree)
	at := tree
	for r := range c.rows {
		if r.uid != c.selUID || !r.Visible() || d.CanvasForObject(r) == nil {
			continue
		}
		// A row back in the tree's pool keeps its name but is not drawn.
		if row := d.AbsolutePositionForObject(r); overlaps(row, r.Size(), tree, c.tree.Size()) {
			at = row.AddXY(r.Size().Height, r.Size().Height)
			break
		}
	}
	c.showMenu(c.selected, at)
}
