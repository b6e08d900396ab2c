package ui

import (
	"fmt"
	"strings"

	imgcolor "image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"coder/qda"
)

// codeMenu is a code's context menu: apply, pin, and every codebook edit.
func (c *codebookPanel) codeMenu(id qda.ID) *fyne.Menu {
	ws := c.ws
	code, _ := ws.tree.Code(id)
	apply := fyne.NewMenuItem("Code the selection", func() { ws.applyCode(id) })
	apply.Disabled = ws.view.Selection().Empty() || code == nil || code.Folder
	var pins []*fyne.MenuItem
	for k := 1; k <= 9; k++ {
		k := k
		label := fmt.Sprintf("Key %d", k)
		if other := ws.pinned[k-1]; other != "" {
			if o, ok := ws.tree.Code(other); ok {
				label += " (now " + o.Name + ")"
			}
		}
		item := fyne.NewMenuItem(label, func() { ws.pin(id, k) })
		item.Checked = ws.pinned[k-1] == id
		pins = append(pins, item)
	}
	for i, item := range pins {
		item.Shortcut = &desktop.CustomShortcut{KeyName: digitKeys[i]}
	}
	pin := fyne.NewMenuItem("Pin to quick key", nil)
	pin.ChildMenu = fyne.NewMenu("", pins...)
	items := []*fyne.MenuItem{apply, pin}
	if k := ws.pinKey(id); k > 0 {
		unpin := fyne.NewMenuItem(fmt.Sprintf("Unpin from key %d", k), func() { ws.pin(id, 0) })
		unpin.Shortcut = &desktop.CustomShortcut{KeyName: fyne.Key0}
		items = append(items, unpin)
	}
	// The keys work while the code tree has the keyboard (codebook_keys.go).
	keyed := func(label string, key fyne.Shortcut, do func()) *fyne.MenuItem {
		item := fyne.NewMenuItem(label, do)
		item.Shortcut = key
		return item
	}
	items = append(items,
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Add sub-code…", func() { c.addCodeDialog(id) }),
		keyed("Rename…", keyRenameCode, func() { c.renameDialog(id) }),
		keyed("Change colour…", keyColourCode, func() { c.recolorDialog(id) }),
		keyed("Move to…", keyMoveCode, func() { c.moveDialog(id) }),
		keyed("Merge into…", keyMergeCode, func() { c.mergeDialog(id) }),
		keyed("Delete…", keyDeleteCode, func() { c.deleteDialog(id) }),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Retrieve codings", func() { ws.retrieve.show([]qda.ID{id}) }),
		fyne.NewMenuItem("Memos…", func() { ws.memosOn(qda.OnCode, id, ws.tree.Path(id)) }),
	)
	return fyne.NewMenu("", items...)
}

func (c *codebookPanel) showMenu(id qda.ID, at fyne.Position) {
	widget.ShowPopUpMenuAtPosition(c.codeMenu(id), c.ws.win.Canvas(), at)
}

// codeChoices lists code paths for a Select, leaving out skip's subtree.
func (ws *workspace) codeChoices(skip qda.ID, folders bool) ([]string, map[string]qda.ID) {
	var paths []string
	ids := map[string]qda.ID{}
	ws.tree.Walk(func(code *qda.Code, _ int) {
		if (skip != "" && ws.tree.IsWithin(code.ID, skip)) || (!folders && code.Folder) {
			return
		}
		p := ws.tree.Path(code.ID)
		paths = append(paths, p)
		ids[p] = code.ID
	})
	return paths, ids
}

// addCodeDialog asks for a new code's name, under parent ("" for the top).
func (c *codebookPanel) addCodeDialog(parent qda.ID) {
	ws := c.ws
	name := widget.NewEntry()
	name.SetPlaceHolder("name; use / for levels, e.g. Trust/Low trust")
	paths, ids := ws.codeChoices("", true)
	under := widget.NewSelect(append([]string{topLevel}, paths...), nil)
	under.SetSelected(topLevel)
	if parent != "" {
		under.SetSelected(ws.tree.Path(parent))
	}
	def := widget.NewMultiLineEntry()
	def.Wrapping = fyne.TextWrapWord
	def.SetPlaceHolder("definition (optional)")
	d := dialog.NewForm("New code", "Add", "Cancel", []*widget.FormItem{
		widget.NewFormItem("Name", name), widget.NewFormItem("Under", under), widget.NewFormItem("Definition", def),
	}, func(ok bool) {
		if !ok || strings.TrimSpace(name.Text) == "" {
			return
		}
		path := name.Text
		if p, ok := ids[under.Selected]; ok && p != "" {
			path = ws.tree.Path(p) + "/" + path
		}
		code, err := ws.p.AddCode(path, "", def.Text)
		if ws.try(err) {
			c.selectCode(code.ID)
		}
	}, ws.win)
	d.Resize(fyne.NewSize(520, 320))
	enterSubmits(d, ws.win, name)
}

const topLevel = "(top level)"

func (c *codebookPanel) renameDialog(id qda.ID) {
	ws := c.ws
	code, ok := ws.tree.Code(id)
	if !ok {
		return
	}
	e := widget.NewEntry()
	e.SetText(code.Name)
	d := dialog.NewForm("Rename code", "Rename", "Cancel", []*widget.FormItem{widget.NewFormItem("Name", e)}, func(ok bool) {
		if ok && e.Text != code.Name {
			ws.try(ws.p.RenameCode(id, e.Text))
		}
	}, ws.win)
	// Room for a long name: the dialog's own width fits only the title.
	d.Resize(fyne.NewSize(520, d.MinSize().Height))
	enterSubmits(d, ws.win, e)
}

func (c *codebookPanel) recolorDialog(id qda.ID) {
	ws := c.ws
	code, ok := ws.tree.Code(id)
	if !ok {
		return
	}
	d := dialog.NewColorPicker("Colour of "+code.Name, "Choose the colour its codings are painted in", func(col imgcolor.Color) {
		ws.try(ws.p.RecolorCode(id, hexColor(col)))
	}, ws.win)
	d.Advanced = true
	d.SetColor(parseColor(code.Color))
	d.Show()
}

// moveDialog asks where to move a code: any code or folder found by typing
// part of its name, or the top level, but not the code itself or one of its
// sub-codes.
func (c *codebookPanel) moveDialog(id qda.ID) {
	ws := c.ws
	paths, ids := ws.codeChoices(id, true)
	ids[topLevel] = ""
	picker := newCodePicker(append([]string{topLevel}, paths...), ids, "")
	picker.noCreate = true
	about := "Type part of the name of the code to put “" + ws.tree.Path(id) + "” under, or “top” for the top level."
	ws.codePickerDialog("Move “"+ws.tree.Path(id)+"”", "Move", "Under", about, picker, func(parent qda.ID, _ string) {
		ws.moveCode(id, parent)
	})
}

// moveCode puts a code under parent ("" for the top level).
func (ws *workspace) moveCode(id, parent qda.ID) {
	if parent != "" && ws.tree.IsWithin(parent, id) {
		ws.notice("A code cannot move under itself or one of its sub-codes.")
		return
	}
	if ws.try(ws.p.MoveCode(id, parent)) {
		ws.codes.selectCode(id)
	}
}

// mergeDialog asks for the code to merge a code into, found by typing part
// of its name; the code itself and its sub-codes are not offered.
func (c *codebookPanel) mergeDialog(id qda.ID) {
	ws := c.ws
	paths, ids := ws.codeChoices(id, false)
	if len(paths) == 0 {
		ws.notice("There is no other code to merge into.")
		return
	}
	picker := newCodePicker(paths, ids, "")
	picker.noCreate = true
	about := fmt.Sprintf("Every coding of “%s” moves to the code you choose, and “%s” is deleted.", ws.tree.Path(id), ws.tree.Path(id))
	ws.codePickerDialog("Merge code", "Merge", "Into", about, picker, func(into qda.ID, _ string) {
		if into != "" && ws.try(ws.p.MergeCodes(id, into)) {
			c.selectCode(into)
		}
	})
}

// deleteDialog confirms deleting a code and, if it has codings, that they go
// too.
func (c *codebookPanel) deleteDialog(id qda.ID) {
	ws := c.ws
	sub := ws.tree.Subtree(id)
	codings := 0
	for _, s := range sub {
		codings += ws.counts[s]
	}
	msg := fmt.Sprintf("Delete the code “%s”", ws.tree.Path(id))
	if len(sub) > 1 {
		msg += " and the " + qda.Plural(len(sub)-1, "code", "codes") + " below it"
	}
	msg += "?"
	if codings > 0 {
		msg += "\n" + qda.Plural(codings, "coding", "codings") + " will be removed with it."
	}
	msg += "\n(Edit ▸ Undo brings it back.)"
	confirm("Delete code", msg, func() { ws.try(ws.p.DeleteCode(id, codings > 0)) }, ws.win)
}

// pin puts a code on quick key k (1-9), or takes it off its key when k is 0.
func (ws *workspace) pin(id qda.ID, k int) {
	for i := range ws.pinned {
		if ws.pinned[i] == id {
			ws.pinned[i] = ""
		}
	}
	if k >= 1 && k <= 9 {
		ws.pinned[k-1] = id
	}
	ws.app.prefs.setPinned(ws.info.ID, ws.pinned)
	ws.codes.tree.Refresh()
	ws.codes.showDefinition()
	ws.menus.update()
}

// pinKey returns the quick key a code is pinned to, or 0.
func (ws *workspace) pinKey(id qda.ID) int {
	for i, p := range ws.pinned {
		if p == id && id != "" {
			return i + 1
		}
	}
	return 0
}

// notice tells the user something that is not an error.
func (ws *workspace) notice(msg string) {
	l := widget.NewLabel(msg)
	l.Wrapping = fyne.TextWrapWord
	l.Resize(fyne.NewSize(420, 0)) // a wrapped label's height is known at its width
	d := dialog.NewCustom("Coder", "OK", container.NewGridWrap(fyne.NewSize(420, max(l.MinSize().Height, 60)), l), ws.win)
	showMessage(d, ws.win)
}
