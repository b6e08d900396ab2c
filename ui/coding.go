package ui

import (
	"fmt"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"coder/qda"
)

// setupCoding wires the TranscriptView to coding: the context menu, quick
// keys, type-to-find and the popup of a coded span.
func (ws *workspace) setupCoding() {
	v := ws.view
	v.OnContextMenu = func(sel qda.Span, offset int, hits []Highlight, at fyne.Position) {
		widget.ShowPopUpMenuAtPosition(ws.codingMenu(sel, hits, ws.speakerAt(offset)), ws.win.Canvas(), at)
	}
	v.OnHighlightTapped = func(offset int, hits []Highlight) {
		ws.hideCodingPopup()
		if len(hits) > 0 && v.Selection().Empty() {
			ws.showCodingPopup(offset, hits)
		}
	}
	v.OnRune = func(r rune) {
		switch {
		case r >= '1' && r <= '9':
			ws.applyPinned(int(r - '0'))
		case unicode.IsLetter(r):
			ws.codes.focusFilter(string(r))
		}
	}
	v.OnSelectionChanged = func(qda.Span) {
		ws.hideCodingPopup()
		ws.menus.updateSelection()
	}
	v.OnSelectionDragged = func(_ qda.Span, at fyne.Position) string {
		code, ok := ws.tree.Code(ws.codes.rowAt(at))
		switch {
		case !ok:
			return "Drop on a code"
		case code.Folder:
			return "“" + code.Name + "” is a folder: drop on a code in it"
		}
		return "Code with “" + code.Name + "”"
	}
	v.OnSelectionDropped = func(_ qda.Span, at fyne.Position) {
		if id := ws.codes.rowAt(at); id != "" {
			ws.applyCode(id)
		}
	}
}

// codingMenu is the document's context menu for the selection, the codings
// under the pointer and the speaker of the turn under it ("" for none).
func (ws *workspace) codingMenu(sel qda.Span, hits []Highlight, speaker string) *fyne.Menu {
	var items []*fyne.MenuItem
	has := !sel.Empty() && ws.doc != nil
	if code, ok := ws.tree.Code(ws.codes.selected); ok && !code.Folder {
		item := fyne.NewMenuItem("Code with “"+code.Name+"”", func() { ws.applyCode(code.ID) })
		item.Disabled = !has
		items = append(items, item)
	}
	// A codebook three levels deep is four menus deep here; the picker
	// finds any code by typing part of its name.
	find := fyne.NewMenuItem("Code with…", ws.codeWithDialog)
	find.Disabled = !has
	items = append(items, find)
	with := fyne.NewMenuItem("Code with", nil)
	with.ChildMenu = fyne.NewMenu("", ws.codeSubmenu("")...)
	with.Disabled = !has || ws.tree.Len() == 0
	newCode := fyne.NewMenuItem("New code from selection…", ws.newCodeFromSelection)
	inVivo := fyne.NewMenuItem("In-vivo code", ws.inVivo)
	memo := fyne.NewMenuItem("Memo on the selection…", ws.memoOnSelection)
	for _, it := range []*fyne.MenuItem{newCode, inVivo, memo} {
		it.Disabled = !has
	}
	items = append(items, with, newCode, inVivo, memo)
	items = append(items, fyne.NewMenuItemSeparator())
	if speaker != "" {
		items = append(items, fyne.NewMenuItem("Code all turns of "+speaker+"…", func() { ws.codeSpeakerDialog(speaker) }))
	}
	items = append(items, ws.turnsMenuItem(true))
	if len(hits) > 0 {
		items = append(items, fyne.NewMenuItemSeparator())
		// The same code applied twice here (by two coders, say) would give
		// two identical items: the coder tells them apart.
		seen := map[string]int{}
		for _, h := range hits {
			seen[h.Label]++
		}
		for _, h := range hits {
			h := h
			label := "“" + h.Label + "”"
			if row, ok := ws.codings[h.ID]; ok && seen[h.Label] > 1 {
				label += fmt.Sprintf(" · %s, %s", row.CoderName, qda.Plural(row.Span.Len(), "character", "characters"))
			}
			item := fyne.NewMenuItem(label, nil)
			item.ChildMenu = fyne.NewMenu("",
				fyne.NewMenuItem("Uncode", func() { ws.uncode(h.ID) }),
				fyne.NewMenuItem("Recode with…", func() { ws.recodeDialog(h.ID) }),
				fyne.NewMenuItem("Memo on this coding…", func() { ws.codingMemoDialog(h.ID) }),
				fyne.NewMenuItem("Select its text", func() { ws.view.Select(h.Span) }),
			)
			items = append(items, item)
		}
	}
	items = append(items, fyne.NewMenuItemSeparator())
	copyItem := fyne.NewMenuItem("Copy", func() { ws.app.fyne.Clipboard().SetContent(ws.view.SelectedText()) })
	copyItem.Disabled = !has
	items = append(items, copyItem)
	return fyne.NewMenu("", items...)
}

// codeSubmenu lists the codes under parent as menu items: a leaf applies
// its code; a code with sub-codes opens a submenu that starts with itself.
func (ws *workspace) codeSubmenu(parent qda.ID) []*fyne.MenuItem {
	var items []*fyne.MenuItem
	for _, c := range ws.tree.Children(parent) {
		c := c
		label := c.Name
		if k := ws.pinKey(c.ID); k > 0 {
			label += fmt.Sprintf("  [%d]", k)
		}
		apply := func() { ws.applyCode(c.ID) }
		if kids := ws.tree.Children(c.ID); len(kids) > 0 {
			item := fyne.NewMenuItem(label, nil)
			var sub []*fyne.MenuItem
			if !c.Folder {
				sub = append(sub, fyne.NewMenuItem(c.Name+" (this code)", apply), fyne.NewMenuItemSeparator())
			}
			item.ChildMenu = fyne.NewMenu("", append(sub, ws.codeSubmenu(c.ID)...)...)
			items = append(items, item)
			continue
		}
		item := fyne.NewMenuItem(label, apply)
		item.Disabled = c.Folder
		items = append(items, item)
	}
	return items
}

// applyCode codes the selection with a code and reports whether it did.
func (ws *workspace) applyCode(code qda.ID) bool {
	sel := ws.view.Selection()
	if ws.doc == nil || sel.Empty() {
		ws.notice("Select some text in the document first.")
		return false
	}
	if c, ok := ws.tree.Code(code); ok && c.Folder {
		ws.notice("“" + c.Name + "” is a folder that groups codes; choose a code inside it.")
		return false
	}
	_, err := ws.p.ApplyCode(ws.doc.ID, sel, code)
	return ws.try(err)
}

// applyPinned codes the selection with the code on quick key k.
func (ws *workspace) applyPinned(k int) {
	if k < 1 || k > 9 {
		return
	}
	id := ws.pinned[k-1]
	if _, ok := ws.tree.Code(id); !ok {
		ws.notice(fmt.Sprintf("No code is pinned to key %d. Right-click a code in the codebook and choose “Pin to quick key”.", k))
		return
	}
	ws.applyCode(id)
}

// selectionName turns selected text into a code name: one line, no slashes,
// at most 60 characters.
func selectionName(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	s = strings.ReplaceAll(s, "/", "-")
	s = strings.Trim(s, " ,.;:!?\"'“”‘’，。；：！？「」『』")
	if r := []rune(s); len(r) > 60 {
		s = strings.TrimSpace(string(r[:60])) + "…"
	}
	return s
}

// inVivo makes a code named by the selected words and applies it.
func (ws *workspace) inVivo() {
	name := selectionName(ws.view.SelectedText())
	if name == "" {
		ws.notice("Select the words that should become the code's name.")
		return
	}
	if existing, ok := ws.tree.Find(name); ok {
		ws.applyCode(existing.ID)
		return
	}
	code, err := ws.p.AddCode(name, "", "In-vivo code from “"+ws.doc.Name+"”.")
	if ws.try(err) {
		ws.applyCode(code.ID)
		ws.codes.selectCode(code.ID)
	}
}

// newCodeFromSelection asks for a name and codes the selection with the new
// code. It goes at the top level unless the researcher picks a parent in
// the dialog: the code last selected in the codebook says nothing about
// where this one belongs.
func (ws *workspace) newCodeFromSelection() {
	if ws.view.Selection().Empty() {
		ws.notice("Select some text in the document first.")
		return
	}
	name := widget.NewEntry()
	name.SetPlaceHolder("name; use / for levels")
	paths, ids := ws.codeChoices("", true)
	under := widget.NewSelect(append([]string{topLevel}, paths...), nil)
	under.SetSelected(topLevel)
	def := widget.NewMultiLineEntry()
	def.Wrapping = fyne.TextWrapWord
	def.SetPlaceHolder("definition (optional)")
	quote := widget.NewLabel("“" + selectionName(ws.view.SelectedText()) + "”")
	quote.Wrapping = fyne.TextWrapWord
	d := dialog.NewForm("New code from selection", "Code", "Cancel", []*widget.FormItem{
		widget.NewFormItem("Text", quote), widget.NewFormItem("Name", name), widget.NewFormItem("Under", under), widget.NewFormItem("Definition", def),
	}, func(ok bool) {
		if !ok || strings.TrimSpace(name.Text) == "" {
			return
		}
		path := name.Text
		if p := ids[under.Selected]; p != "" {
			path = ws.tree.Path(p) + "/" + path
		}
		code, err := ws.p.AddCode(path, "", def.Text)
		if ws.try(err) {
			ws.applyCode(code.ID)
			ws.codes.selectCode(code.ID)
		}
	}, ws.win)
	d.Resize(fyne.NewSize(560, 360))
	enterSubmits(d, ws.win, name)
}

func (ws *workspace) uncode(coding qda.ID) {
	ws.hideCodingPopup()
	ws.try(ws.p.Uncode(coding))
}

// showCodingPopup shows the codings under a click: code, coder, date and
// memo, with buttons to uncode and to write the memo.
func (ws *workspace) showCodingPopup(offset int, hits []Highlight) {
	box := container.NewVBox()
	var titles []*widget.Label
	for i, h := range hits {
		// Read now, not from the view's copy: the memo may have been
		// written a moment ago.
		row, memos, err := ws.p.CodingMemos(h.ID)
		if err != nil {
			continue
		}
		if i > 0 {
			box.Add(widget.NewSeparator())
		}
		id := h.ID
		sw := canvas.NewRectangle(h.Color)
		sw.SetMinSize(fyne.NewSize(14, 14))
		sw.CornerRadius = 3
		title := widget.NewLabelWithStyle(row.CodePath, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		titles = append(titles, title)
		meta := widget.NewLabel(fmt.Sprintf("%s · %s · %s", row.CoderName, row.Created.Local().Format("2 Jan 2006 15:04"), qda.Plural(row.Span.Len(), "character", "characters")))
		box.Add(container.NewBorder(nil, nil, container.NewCenter(sw), nil, title))
		box.Add(meta)
		if row.Memo != "" {
			m := widget.NewLabel(row.Memo)
			m.Wrapping = fyne.TextWrapWord
			box.Add(m)
		}
		for _, memo := range memos {
			m := widget.NewLabel("Memo: " + memoTitle(memo))
			m.Wrapping = fyne.TextWrapWord
			box.Add(m)
		}
		uncode := widget.NewButtonWithIcon("Uncode", theme.DeleteIcon(), func() { ws.uncode(id) })
		memo := widget.NewButtonWithIcon("Memo…", theme.DocumentCreateIcon(), func() { ws.hideCodingPopup(); ws.codingMemoDialog(id) })
		sel := widget.NewButtonWithIcon("Select", theme.ContentCopyIcon(), func() { ws.hideCodingPopup(); ws.view.Select(row.Span) })
		recode := widget.NewButtonWithIcon("Recode…", theme.ViewRefreshIcon(), func() { ws.hideCodingPopup(); ws.recodeDialog(id) })
		box.Add(container.NewHBox(uncode, recode, memo, sel))
	}
	if len(box.Objects) == 0 {
		return
	}
	// Wide enough for the longest code path, up to the window's width;
	// a path longer than that ends in an ellipsis rather than running
	// past the pop-up's edge.
	csize := ws.win.Canvas().Size()
	// The extra padding keeps layout rounding from cutting a path that
	// just fits.
	width := min(max(340, box.MinSize().Width+theme.Padding()), csize.Width-4*theme.Padding())
	for _, t := range titles {
		t.Truncation = fyne.TextTruncateEllipsis
	}
	content := container.NewGridWrap(fyne.NewSize(width, box.MinSize().Height), box)
	pop := widget.NewPopUp(container.NewPadded(content), ws.win.Canvas())
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(ws.view).Add(ws.view.PositionOf(offset)).AddXY(0, ws.view.LineHeight()+6)
	psize := pop.MinSize()
	at.X = max(0, min(at.X, csize.Width-psize.Width))
	if at.Y+psize.Height > csize.Height {
		at.Y = max(0, at.Y-psize.Height-ws.view.LineHeight()-12)
	}
	pop.ShowAtPosition(at)
	ws.popup = pop
	// Escape closes it: while it is up nothing has the keyboard, so keys
	// reach the window's canvas.
	ws.win.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape {
			ws.hideCodingPopup()
		}
	})
}

func (ws *workspace) hideCodingPopup() {
	if ws.popup != nil {
		ws.popup.Hide()
		ws.popup = nil
		ws.win.Canvas().SetOnTypedKey(nil)
	}
}

// codingMemoDialog edits the note on one coding, starting from the note
// as it is now in the project.
func (ws *workspace) codingMemoDialog(id qda.ID) *memoDialog {
	row, _, err := ws.p.CodingMemos(id)
	if !ws.try(err) {
		return nil
	}
	base := row.Memo // the note the editor shows, which a save replaces
	md := &memoDialog{ws: ws, what: "the memo on “" + row.CodePath + "” in " + row.DocName}
	md.write = func(_, text string) error {
		if err := ws.p.SetCodingMemo(id, base, text); err != nil {
			return err
		}
		base = text
		return nil
	}
	md.current = func() (string, string, error) {
		row, _, err := ws.p.CodingMemos(id)
		if err != nil {
			return "", "", err
		}
		base = row.Memo
		return "", base, nil
	}
	md.text = newEscEntry(true, md.escape)
	md.text.SetMinRowsVisible(6)
	md.show("", base)
	quote := widget.NewLabel("“" + selectionName(row.Text) + "” · " + row.DocName)
	quote.Wrapping = fyne.TextWrapWord
	md.open("Memo on “"+row.CodePath+"”", quote, fyne.NewSize(520, 320))
	return md
}
