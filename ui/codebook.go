package ui

import (
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"coder/qda"
)

// codebookPanel is the right-hand side: a filter that finds a code as you
// type (Enter codes the selection with the top match), the code tree with
// colours, counts and pinned keys, and the selected code's definition.
type codebookPanel struct {
	ws      *workspace
	filter  *findEntry
	hint    *widget.Label
	tree    *codeTree
	content fyne.CanvasObject

	matches  []qda.ID // codes matching the filter, best first; nil when not filtering
	selected qda.ID
	selUID   widget.TreeNodeID // the tree's row of the selected code
	closed   map[qda.ID]bool   // branches the researcher closed; all others are open
	shown    qda.ID            // the code whose definition the editor holds
	rows     map[*codeRow]bool // rows the tree has made, for finding drop targets
	totals   codeTotals
	byCoder  *coderCounts // the "Counts by coder" toggle (codebook_coders.go)
	dragging qda.ID
	dropAt   fyne.Position

	defPath  *widget.Label
	defInfo  *widget.Label
	defText  *widget.Entry
	defSave  *widget.Button
	defMemos *widget.Button

	sets *codeSetFilter // narrows the tree to one code set (codesets.go)
}

func newCodebookPanel(ws *workspace) *codebookPanel {
	c := &codebookPanel{ws: ws, rows: map[*codeRow]bool{}, closed: map[qda.ID]bool{}}
	c.filter = newFindEntry(c.clearFilter)
	c.filter.onDown = c.focusTree
	// Short enough for the narrow pane; the hint under the box says what
	// Enter does once there is something to find.
	c.filter.SetPlaceHolder("Find a code (Ctrl+K)")
	c.filter.OnChanged = func(string) { c.refilter() }
	c.filter.OnSubmitted = func(string) { c.applyTopMatch() }
	c.hint = widget.NewLabel("")
	c.hint.Wrapping = fyne.TextWrapWord
	c.hint.Hide()
	c.tree = newCodeTree(c)
	c.tree.OnSelected = func(uid widget.TreeNodeID) {
		c.keepDefinition() // a definition typed for the code left is kept
		c.selected, c.selUID = codeOf(uid), uid
		c.showDefinition()
	}
	c.tree.OnBranchOpened = func(uid widget.TreeNodeID) { delete(c.closed, codeOf(uid)) }
	c.tree.OnBranchClosed = func(uid widget.TreeNodeID) { c.closed[codeOf(uid)] = true }
	c.tree.OpenAllBranches()

	c.defPath = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	c.defPath.Wrapping = fyne.TextWrapWord
	c.defInfo = widget.NewLabel("")
	c.defInfo.Wrapping = fyne.TextWrapWord
	c.defText = widget.NewMultiLineEntry()
	c.defText.Wrapping = fyne.TextWrapWord
	c.defText.SetPlaceHolder("Definition: what the code means, when to use it and when not, an example")
	c.defText.OnChanged = func(string) { c.defSave.Enable() }
	// Short and without an icon: the pane's narrowest width is these two
	// buttons side by side, and every pixel it needs is taken from the
	// document. The box above says what is saved.
	c.defSave = widget.NewButton("Save", c.saveDefinition)
	c.defMemos = widget.NewButtonWithIcon("Memos…", theme.DocumentCreateIcon(), func() {
		if c.selected != "" {
			ws.memosOn(qda.OnCode, c.selected, ws.tree.Path(c.selected))
		}
	})
	c.byCoder = newCoderCounts(c)
	c.byCoder.box = container.NewVBox(c.defPath, c.defInfo, c.byCoder.label)
	def := container.NewBorder(c.byCoder.box, container.NewBorder(nil, nil, nil, c.defMemos, c.defSave), nil, nil, c.defText)

	add := widget.NewButtonWithIcon("", theme.ContentAddIcon(), func() { c.addCodeDialog(c.selected) })
	collapse := widget.NewButtonWithIcon("", theme.MoveUpIcon(), c.closeAll)
	expand := widget.NewButtonWithIcon("", theme.MoveDownIcon(), c.openAll)
	title := widget.NewLabelWithStyle("Codebook", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	c.sets = newCodeSetFilter(c)
	top := container.NewVBox(container.NewBorder(nil, nil, title, container.NewHBox(add, expand, collapse)), c.filter, c.sets.content, c.hint)
	// The definition scrolls when the window is short, so the tree keeps
	// its share of the height instead of shrinking to the few rows the
	// wrapped labels and the box leave it.
	split := container.NewVSplit(c.tree, container.NewVScroll(def))
	split.Offset = 0.62 // at 1280×820 the definition box and its buttons show whole
	c.content = container.NewBorder(top, nil, nil, nil, split)
	c.showDefinition()
	return c
}

// refresh redraws the tree and definition after the codebook or counts
// changed.
func (c *codebookPanel) refresh() {
	if _, ok := c.ws.tree.Code(c.selected); !ok && c.selected != "" {
		c.selected, c.selUID = "", ""
		c.tree.UnselectAll()
	}
	if c.matches != nil {
		c.refilter()
		return
	}
	c.tree.Refresh()
	c.followCodebook()
	c.showDefinition()
}

// A row of the tree is named by where its code is: the IDs from the top of
// the codebook down to it, joined by uidSep (while filtering, rows are a
// flat list named by the code's ID alone). Fyne's Tree keeps a drawn row
// for as long as its name is in view and sets the row's indent only when it
// first draws it, so a row named by the code's ID alone kept the indent of
// where the code was before a move, an undo or an import, and the tree drew
// codes under the wrong parents. A row named by its place is a new row
// wherever the code goes. IDs never hold a NUL: XML cannot carry one.
const uidSep = "\x00"

// uidOf returns the name of the row that shows code id.
func (c *codebookPanel) uidOf(id qda.ID) widget.TreeNodeID {
	if c.matches != nil || id == "" {
		return string(id)
	}
	uid := string(id)
	seen := map[qda.ID]bool{id: true}
	for code, ok := c.ws.tree.Code(id); ok && code.Parent != "" && !seen[code.Parent]; code, ok = c.ws.tree.Code(code.Parent) {
		if _, known := c.ws.tree.Code(code.Parent); !known {
			break // an orphan is drawn at the top
		}
		seen[code.Parent] = true
		uid = string(code.Parent) + uidSep + uid
	}
	return uid
}

// codeOf returns the code a row shows.
func codeOf(uid widget.TreeNodeID) qda.ID {
	return qda.ID(uid[strings.LastIndex(uid, uidSep)+1:])
}

func (c *codebookPanel) childUIDs(uid widget.TreeNodeID) []widget.TreeNodeID {
	if c.matches != nil {
		if uid != "" {
			return nil
		}
		out := make([]string, len(c.matches))
		for i, id := range c.matches {
			out[i] = string(id)
		}
		return out
	}
	kids := c.ws.tree.Children(codeOf(uid))
	out := make([]string, 0, len(kids))
	prefix := ""
	if uid != "" {
		prefix = uid + uidSep
	}
	for _, k := range kids {
		if c.sets.shown(k.ID) {
			out = append(out, prefix+string(k.ID))
		}
	}
	return out
}

func (c *codebookPanel) isBranch(uid widget.TreeNodeID) bool {
	if uid == "" {
		return true
	}
	return c.matches == nil && len(c.childUIDs(uid)) > 0
}

// followCodebook keeps the tree's open branches and selection on their
// codes after the codebook changed: a code that moved has a new row, which
// is open unless the researcher closed the code (whatever the tree
// remembers of a row of that name from before), and selected if the code
// was.
func (c *codebookPanel) followCodebook() {
	if c.matches != nil {
		return
	}
	var open, shut []widget.TreeNodeID
	c.ws.tree.Walk(func(code *qda.Code, _ int) {
		if len(c.ws.tree.Children(code.ID)) == 0 {
			return
		}
		uid := c.uidOf(code.ID)
		switch isOpen := c.tree.IsBranchOpen(uid); {
		case c.closed[code.ID] && isOpen:
			shut = append(shut, uid)
		case !c.closed[code.ID] && !isOpen:
			open = append(open, uid)
		}
	})
	for _, uid := range open {
		c.tree.OpenBranch(uid)
	}
	for _, uid := range shut {
		c.tree.CloseBranch(uid)
	}
	if c.selected != "" {
		if uid := c.uidOf(c.selected); uid != c.selUID {
			c.tree.Select(uid)
		}
	}
}

// openAll opens every branch; closeAll closes them.
func (c *codebookPanel) openAll() {
	c.closed = map[qda.ID]bool{}
	c.tree.OpenAllBranches()
}

func (c *codebookPanel) closeAll() {
	c.ws.tree.Walk(func(code *qda.Code, _ int) {
		if len(c.ws.tree.Children(code.ID)) > 0 {
			c.closed[code.ID] = true
		}
	})
	c.tree.CloseAllBranches()
}

// refilter finds the codes matching the filter text: names starting with it
// first, then names containing it, then paths and definitions containing it.
func (c *codebookPanel) refilter() {
	q := strings.ToLower(strings.TrimSpace(c.filter.Text))
	if q == "" {
		c.matches = nil
		c.hint.Hide()
		c.tree.Refresh()
		c.followCodebook()
		return
	}
	type scored struct {
		id    qda.ID
		score int
		path  string
	}
	var found []scored
	c.ws.tree.Walk(func(code *qda.Code, _ int) {
		name, path := strings.ToLower(code.Name), strings.ToLower(c.ws.tree.Path(code.ID))
		s := -1
		switch {
		case strings.HasPrefix(name, q):
			s = 0
		case strings.Contains(name, q):
			s = 1
		case strings.Contains(path, q):
			s = 2
		case strings.Contains(strings.ToLower(code.Description), q):
			s = 3
		}
		if s >= 0 && !code.Folder {
			found = append(found, scored{code.ID, s, path})
		}
	})
	sort.SliceStable(found, func(i, j int) bool { return found[i].score < found[j].score })
	c.matches = make([]qda.ID, len(found))
	for i, f := range found {
		c.matches[i] = f.id
	}
	switch {
	case len(found) == 0:
		c.hint.SetText("No code matches. Press Enter to make a new code of this name and code the selection.")
	case c.ws.view.Selection().Empty():
		c.hint.SetText(fmt.Sprintf("%s. Select text in the document, then press Enter to code it with the first.", qda.Plural(len(found), "code matches", "codes match")))
	default:
		c.hint.SetText("Enter codes the selection with “" + c.ws.tree.Path(found[0].id) + "”.")
	}
	c.hint.Show()
	c.tree.Refresh()
	if len(c.matches) > 0 {
		c.tree.Select(c.uidOf(c.matches[0]))
	}
}

// applyTopMatch codes the document's selection with the best match, or with
// a new code named by the filter when nothing matches; then the filter
// clears and the keyboard goes back to the document.
func (c *codebookPanel) applyTopMatch() {
	ws := c.ws
	name := strings.TrimSpace(c.filter.Text)
	if name == "" {
		return
	}
	if len(c.matches) > 0 {
		if ws.applyCode(c.matches[0]) {
			c.clearFilter()
		}
		return
	}
	if ws.view.Selection().Empty() || ws.doc == nil {
		ws.notice("Select some text in the document first; then Enter codes it.")
		return
	}
	code, err := ws.p.AddCode(strings.ReplaceAll(name, "/", "-"), "", "")
	if ws.try(err) && ws.applyCode(code.ID) {
		c.clearFilter()
	}
}

func (c *codebookPanel) clearFilter() {
	c.filter.SetText("")
	if c.ws.doc != nil {
		c.ws.win.Canvas().Focus(c.ws.view)
	}
}

// focusTree gives the code tree the keyboard, on the selected code or the
// first one.
func (c *codebookPanel) focusTree() {
	if cv := fyne.CurrentApp().Driver().CanvasForObject(c.tree); cv != nil {
		cv.Focus(c.tree)
	}
	if c.selUID == "" {
		c.step(true)
	}
}

// focusFilter puts the keyboard in the filter, starting it with text.
func (c *codebookPanel) focusFilter(text string) {
	c.ws.win.Canvas().Focus(c.filter)
	if text != "" {
		c.filter.SetText(c.filter.Text + text)
		c.filter.CursorColumn = len([]rune(c.filter.Text))
		c.filter.Refresh()
	}
}

// showDefinition fills the definition panel for the selected code. An edit
// of the definition that is not saved yet survives refreshes.
func (c *codebookPanel) showDefinition() {
	code, ok := c.ws.tree.Code(c.selected)
	if !ok {
		c.shown = ""
		c.defPath.SetText("No code selected")
		c.defInfo.SetText("Right-click a code for its actions; drag a code onto another to move it under it, or selected text onto a code to code it.")
		c.byCoder.show()
		c.defText.SetText("")
		c.defText.Disable()
		c.defSave.Disable()
		c.defMemos.Disable()
		return
	}
	c.defPath.SetText(c.ws.tree.Path(code.ID))
	c.showCounts()
	c.defText.Enable()
	if c.shown != code.ID || (c.defSave.Disabled() && c.defText.Text != code.Description) {
		c.defText.SetText(code.Description)
		c.defSave.Disable()
	}
	c.shown = code.ID
	c.defMemos.Enable()
}

// showCounts says how often the selected code was applied.
func (c *codebookPanel) showCounts() {
	code, ok := c.ws.tree.Code(c.selected)
	if !ok {
		return
	}
	total := c.totals.of(c.ws, code.ID)
	info := qda.Plural(c.ws.counts[code.ID], "coding", "codings")
	if total != c.ws.counts[code.ID] {
		info += fmt.Sprintf(", %d with the codes below it", total)
	}
	if k := c.ws.pinKey(code.ID); k > 0 {
		info += fmt.Sprintf(" · key %d", k)
	}
	if c.defInfo.Text != info {
		c.defInfo.SetText(info)
	}
	c.byCoder.show()
}

// countsChanged redraws the rows of codes whose counts changed, and the
// selected code's counts, without rebuilding the tree.
func (c *codebookPanel) countsChanged(codes []qda.ID) {
	c.totals.stale = true
	// A parent's row shows the total of its subtree, so the rows above a
	// changed code change too.
	redraw := map[qda.ID]bool{}
	for _, id := range codes {
		for p := id; p != "" && !redraw[p]; {
			redraw[p] = true
			code, ok := c.ws.tree.Code(p)
			if !ok {
				break
			}
			p = code.Parent
		}
	}
	for id := range redraw {
		c.tree.RefreshItem(c.uidOf(id))
	}
	c.showCounts()
}

func (c *codebookPanel) saveDefinition() { c.keepDefinition() }

// keepDefinition saves the definition typed for the code the editor holds,
// if it changed, and reports whether nothing is left unsaved: the editor
// keeps what was typed when another code is selected or the project
// closes, as the document and case forms do.
func (c *codebookPanel) keepDefinition() bool {
	if c.shown == "" || c.defSave.Disabled() {
		return true
	}
	if code, ok := c.ws.tree.Code(c.shown); !ok || code.Description == c.defText.Text {
		c.defSave.Disable()
		return true
	}
	if !c.ws.try(c.ws.p.DescribeCode(c.shown, c.defText.Text)) {
		return false
	}
	c.defSave.Disable()
	return true
}

// selectCode selects a code in the tree and shows it.
func (c *codebookPanel) selectCode(id qda.ID) {
	if _, ok := c.ws.tree.Code(id); !ok {
		// The desktop driver delivers the change that made the code a
		// moment later; read the codebook now so the new code can be shown.
		c.ws.reload()
		c.tree.Refresh()
	}
	for p := id; p != ""; {
		code, ok := c.ws.tree.Code(p)
		if !ok {
			break
		}
		if uid := c.uidOf(code.Parent); code.Parent != "" && !c.tree.IsBranchOpen(uid) {
			c.tree.OpenBranch(uid)
		}
		p = code.Parent
	}
	c.tree.Select(c.uidOf(id))
	c.tree.ScrollTo(c.uidOf(id))
}

// codeRow is one line of the code tree: colour swatch, name, pinned key and
// count. It opens the code's context menu on right-click, and dragging it
// onto another code moves it there.
type codeRow struct {
	widget.BaseWidget
	panel  *codebookPanel
	uid    widget.TreeNodeID // the tree's name for the row
	id     qda.ID            // the code it shows
	swatch *canvas.Rectangle
	name   *widget.Label
	count  *widget.RichText
}

func newCodeRow(p *codebookPanel) *codeRow {
	r := &codeRow{panel: p, swatch: canvas.NewRectangle(theme.Color(theme.ColorNamePrimary)), name: widget.NewLabel("code name")}
	// Counts are in the text colour, unused codes' zero in the placeholder
	// colour: the theme's low-importance grey is too faint to read on the
	// light theme.
	r.count = widget.NewRichText(&widget.TextSegment{Text: "0", Style: widget.RichTextStyle{ColorName: theme.ColorNamePlaceHolder, Inline: true}})
	r.swatch.SetMinSize(fyne.NewSize(14, 14))
	r.swatch.CornerRadius = 3
	r.name.Truncation = fyne.TextTruncateEllipsis
	r.ExtendBaseWidget(r)
	p.rows[r] = true
	return r
}

func (r *codeRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, container.NewCenter(r.swatch), r.count, r.name))
}

func (r *codeRow) set(uid widget.TreeNodeID) {
	id := codeOf(uid)
	r.uid, r.id = uid, id
	ws := r.panel.ws
	code, ok := ws.tree.Code(id)
	if !ok {
		return
	}
	// Setting a label's text shapes it again even when it is the same, and
	// every coding refreshes the tree: touch only what differs.
	if fill := parseColor(code.Color); r.swatch.FillColor != fill {
		r.swatch.FillColor = fill
		r.swatch.Refresh()
	}
	name := code.Name
	if r.panel.matches != nil {
		name = ws.tree.Path(id)
	}
	if r.name.Text != name || r.name.TextStyle.Italic != code.Folder {
		r.name.TextStyle.Italic = code.Folder
		r.name.SetText(name)
	}
	n := ws.counts[id]
	count := fmt.Sprint(n)
	if len(ws.tree.Children(id)) > 0 {
		// As NVivo does: a parent's own codings, then those of its whole
		// subtree, so a parent whose sub-codes hold the work is not read as
		// unused.
		total := r.panel.totals.of(ws, id)
		count = fmt.Sprintf("%d · %d", n, total)
		n = total
	}
	if k := ws.pinKey(id); k > 0 {
		count = fmt.Sprintf("[%d]  %s", k, count)
	}
	colour := theme.ColorNameForeground
	if n == 0 {
		colour = theme.ColorNamePlaceHolder
	}
	if seg := r.count.Segments[0].(*widget.TextSegment); seg.Text != count || seg.Style.ColorName != colour {
		seg.Text, seg.Style.ColorName = count, colour
		r.count.Refresh()
	}
}

// Tapped selects the code and gives the tree the keyboard, as a click on a
// plain tree row does. The row takes right-clicks and drags, so the desktop
// driver delivers clicks to it rather than to the tree's own row beneath:
// without this, clicking a code would do nothing.
func (r *codeRow) Tapped(*fyne.PointEvent) {
	if r.id != "" {
		r.panel.tree.Select(r.uid)
		r.panel.focusTree()
	}
}

// TappedSecondary opens the code's context menu.
func (r *codeRow) TappedSecondary(ev *fyne.PointEvent) {
	if r.id == "" {
		return
	}
	r.panel.tree.Select(r.uid)
	r.panel.showMenu(r.id, ev.AbsolutePosition)
}

// Dragged starts moving a code; the drop happens in DragEnd.
func (r *codeRow) Dragged(ev *fyne.DragEvent) {
	r.panel.dragging = r.id
	r.panel.dropAt = ev.AbsolutePosition
}

// DragEnd moves the dragged code under the code it was dropped on.
func (r *codeRow) DragEnd() {
	p := r.panel
	from := p.dragging
	p.dragging = ""
	if from == "" {
		return
	}
	if target := p.rowAt(p.dropAt); target != "" && target != from {
		p.ws.moveCode(from, target)
	}
}

// rowAt returns the code whose row is under the absolute position pos, or
// "" when pos is not on a row of the tree.
func (c *codebookPanel) rowAt(pos fyne.Position) qda.ID {
	d := fyne.CurrentApp().Driver()
	if d.CanvasForObject(c.tree) == nil || !c.tree.Visible() {
		return ""
	}
	// Rows the tree has scrolled out or put back in its pool keep their
	// last size but are no longer drawn, and the driver places them at the
	// origin: only rows inside the tree's visible area count.
	tree := d.AbsolutePositionForObject(c.tree)
	if !inside(pos, tree, c.tree.Size()) {
		return ""
	}
	for r := range c.rows {
		if r.id == "" || !r.Visible() || d.CanvasForObject(r) == nil {
			continue
		}
		at := d.AbsolutePositionForObject(r)
		if overlaps(at, r.Size(), tree, c.tree.Size()) && inside(pos, at, r.Size()) {
			return r.id
		}
	}
	return ""
}

// overlaps reports whether two rectangles share any area.
func overlaps(a fyne.Position, as fyne.Size, b fyne.Position, bs fyne.Size) bool {
	return a.X < b.X+bs.Width && b.X < a.X+as.Width && a.Y < b.Y+bs.Height && b.Y < a.Y+as.Height
}

// inside reports whether pos lies in the rectangle at origin with size.
func inside(pos, origin fyne.Position, size fyne.Size) bool {
	return pos.X >= origin.X && pos.X < origin.X+size.Width && pos.Y >= origin.Y && pos.Y < origin.Y+size.Height
}

// findEntry is the codebook's find box: an entry where Escape gives up the
// search, clearing it and handing the keyboard back to the document, and
// Down goes on to the codes.
type findEntry struct {
	widget.Entry
	onEscape func()
	onDown   func()
}

func newFindEntry(onEscape func()) *findEntry {
	e := &findEntry{onEscape: onEscape}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey handles Escape and leaves every other key to the entry.
func (e *findEntry) TypedKey(ev *fyne.KeyEvent) {
	switch {
	case ev.Name == fyne.KeyEscape:
		e.onEscape()
	case ev.Name == fyne.KeyDown && e.onDown != nil:
		e.onDown()
	default:
		e.Entry.TypedKey(ev)
	}
}
