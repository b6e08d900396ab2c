package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// centreShare is the least part of the window's width the centre (the
// document, Retrieve and Search) keeps while the side panels can still
// shrink: the text is what the researcher came for.
const centreShare = 0.5

// Default widths of the side panels, in device-independent units. On a
// wide screen they keep these widths and the centre takes the rest.
const (
	defaultLeftWidth  = 250
	defaultRightWidth = 280
)

// panes lays out the project window's three columns: the project panel
// (documents, cases, memos), the centre and the codebook, with a divider
// between neighbours that the researcher drags. The side panels keep the
// widths they were given when the window grows, so a larger window is room
// for the text; a hidden side panel gives all its room to the centre.
type panes struct {
	widget.BaseWidget
	left, centre, right fyne.CanvasObject
	leftDiv, rightDiv   *paneDivider

	// width holds the widths the researcher chose for the left and right
	// panels; hidden says which of them are hidden.
	width  [2]float32
	hidden [2]bool
	// floor is a width below which a side panel is not squeezed even though
	// its content would fit (so its tabs stay tabs); zero for none.
	floor [2]float32
	// centreFloor is the same for the centre.
	centreFloor float32
	// onChanged hears about every drag that ends and every panel shown or
	// hidden, so the layout can be remembered.
	onChanged func()
	r         *panesRenderer
}

func newPanes(left, centre, right fyne.CanvasObject) *panes {
	p := &panes{left: left, centre: centre, right: right, width: [2]float32{defaultLeftWidth, defaultRightWidth}}
	p.leftDiv = &paneDivider{panes: p, side: 0}
	p.rightDiv = &paneDivider{panes: p, side: 1}
	p.leftDiv.ExtendBaseWidget(p.leftDiv)
	p.rightDiv.ExtendBaseWidget(p.rightDiv)
	p.ExtendBaseWidget(p)
	return p
}

// setHidden shows or hides a side panel (0 left, 1 right).
func (p *panes) setHidden(side int, hide bool) {
	if p.hidden[side] == hide {
		return
	}
	p.hidden[side] = hide
	p.relayout()
	if p.onChanged != nil {
		p.onChanged()
	}
}

// sideMin is the narrowest a visible side panel may be.
func (p *panes) sideMin(side int) float32 {
	o := p.left
	if side == 1 {
		o = p.right
	}
	return max(o.MinSize().Width, p.floor[side])
}

// dividerWidth is the width of the strip between two panes.
func dividerWidth() float32 { return theme.Padding() * 1.5 }

// widths returns the widths of the left panel, the centre and the right
// panel in a window of the given width, as paneWidths decides them.
func (p *panes) widths(total float32) (l, c, r float32) {
	var want, least [2]float32
	for side := range want {
		if !p.hidden[side] {
			want[side], least[side] = p.width[side], p.sideMin(side)
		}
	}
	return paneWidths(total, p.dividers(), want, least, p.centreMin())
}

// centreMin is the narrowest the centre may be.
func (p *panes) centreMin() float32 { return max(p.centre.MinSize().Width, p.centreFloor) }

// dividers is the room the visible dividers take.
func (p *panes) dividers() float32 {
	n := 0
	for _, h := range p.hidden {
		if !h {
			n++
		}
	}
	return float32(n) * dividerWidth()
}

// paneWidths divides a width among two side panels and the centre. Each
// side panel gets the width wanted for it (never below its least width);
// when that would leave the centre less than centreShare of the whole (or
// less than it needs), the side panels give up what they have above their
// least widths, in proportion, until it does. A panel with want 0 is
// hidden. The dividers take div.
func paneWidths(total, div float32, want, least [2]float32, centreMin float32) (l, c, r float32) {
	var w, slack [2]float32
	for i := range w {
		if want[i] == 0 && least[i] == 0 {
			continue
		}
		w[i] = max(want[i], least[i])
		slack[i] = w[i] - least[i]
	}
	room := total - div
	floor := max(centreMin, total*centreShare)
	if short := floor - (room - w[0] - w[1]); short > 0 {
		if all := slack[0] + slack[1]; all > 0 {
			give := min(short, all)
			for i := range w {
				w[i] -= give * slack[i] / all
			}
		}
	}
	return w[0], max(room-w[0]-w[1], 0), w[1]
}

// dragTo sets a side panel's width from its divider's left edge dragged
// to x (in the panes' coordinates), within what paneWidths would allow.
func (p *panes) dragTo(side int, x float32) {
	total := p.Size().Width
	l, _, r := p.widths(total)
	var w float32
	if side == 0 {
		w = x
	} else {
		w = total - x - dividerWidth()
	}
	other := r
	if side == 1 {
		other = l
	}
	most := total - p.dividers() - other - max(p.centreMin(), total*centreShare)
	w = max(min(w, most), p.sideMin(side))
	p.width[side] = w
	p.relayout()
}

// CreateRenderer is part of fyne.Widget.
func (p *panes) CreateRenderer() fyne.WidgetRenderer {
	p.r = &panesRenderer{p: p}
	return p.r
}

// relayout places the columns again after their widths changed, without
// refreshing what they hold.
func (p *panes) relayout() {
	if p.r != nil {
		p.r.Layout(p.Size())
		canvas.Refresh(p)
	}
}

type panesRenderer struct{ p *panes }

func (r *panesRenderer) Layout(size fyne.Size) {
	p := r.p
	l, c, rw := p.widths(size.Width)
	x := float32(0)
	place := func(o fyne.CanvasObject, w float32, show bool) {
		if !show {
			o.Hide()
			return
		}
		o.Show()
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w
	}
	place(p.left, l, !p.hidden[0])
	place(p.leftDiv, dividerWidth(), !p.hidden[0])
	place(p.centre, c, true)
	place(p.rightDiv, dividerWidth(), !p.hidden[1])
	place(p.right, rw, !p.hidden[1])
}

func (r *panesRenderer) MinSize() fyne.Size {
	p := r.p
	w := p.centreMin() + p.dividers()
	h := p.centre.MinSize().Height
	for side, o := range []fyne.CanvasObject{p.left, p.right} {
		if !p.hidden[side] {
			w += p.sideMin(side)
			h = max(h, o.MinSize().Height)
		}
	}
	return fyne.NewSize(w, h)
}

func (r *panesRenderer) Objects() []fyne.CanvasObject {
	p := r.p
	return []fyne.CanvasObject{p.left, p.leftDiv, p.centre, p.rightDiv, p.right}
}

// Refresh lays the columns out again and refreshes what they hold, as a
// split container does, so a refresh of the window reaches every panel.
func (r *panesRenderer) Refresh() {
	r.Layout(r.p.Size())
	for _, o := range r.Objects() {
		o.Refresh()
	}
	canvas.Refresh(r.p)
}

func (r *panesRenderer) Destroy() {}

// paneDivider is the strip between two columns; dragging it resizes the
// side panel next to it.
type paneDivider struct {
	widget.BaseWidget
	panes   *panes
	side    int
	hovered bool
	at      float32 // where the divider is being dragged to, in the panes' coordinates
	drag    bool
}

// CreateRenderer draws a thin line with a handle in the middle.
func (d *paneDivider) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameBackground))
	line := canvas.NewRectangle(theme.Color(theme.ColorNameSeparator))
	handle := canvas.NewRectangle(theme.Color(theme.ColorNameForeground))
	handle.CornerRadius = 1
	return &dividerRenderer{d: d, bg: bg, line: line, handle: handle}
}

// Cursor shows that the divider resizes.
func (d *paneDivider) Cursor() desktop.Cursor { return desktop.HResizeCursor }

// Dragged moves the divider.
func (d *paneDivider) Dragged(e *fyne.DragEvent) {
	// Only the moves count: drivers differ on whether the first event's
	// position is before or after its move.
	if !d.drag {
		d.drag = true
		d.at = d.Position().X
	}
	d.at += e.Dragged.DX
	d.panes.dragTo(d.side, d.at)
}

// DragEnd remembers the new widths.
func (d *paneDivider) DragEnd() {
	d.drag = false
	if d.panes.onChanged != nil {
		d.panes.onChanged()
	}
}

// MouseIn, MouseMoved and MouseOut highlight the handle under the pointer.
func (d *paneDivider) MouseIn(*desktop.MouseEvent) {
	d.hovered = true
	d.Refresh()
}

// MouseMoved is part of desktop.Hoverable.
func (d *paneDivider) MouseMoved(*desktop.MouseEvent) {}

// MouseOut is part of desktop.Hoverable.
func (d *paneDivider) MouseOut() {
	d.hovered = false
	d.Refresh()
}

type dividerRenderer struct {
	d                *paneDivider
	bg, line, handle *canvas.Rectangle
}

func (r *dividerRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	r.line.Move(fyne.NewPos(size.Width/2-0.5, 0))
	r.line.Resize(fyne.NewSize(1, size.Height))
	hw, hh := float32(3), float32(32)
	r.handle.Move(fyne.NewPos((size.Width-hw)/2, (size.Height-hh)/2))
	r.handle.Resize(fyne.NewSize(hw, hh))
}

func (r *dividerRenderer) MinSize() fyne.Size { return fyne.NewSize(dividerWidth(), 0) }

func (r *dividerRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.line, r.handle}
}

func (r *dividerRenderer) Refresh() {
	r.bg.FillColor = theme.Color(theme.ColorNameBackground)
	if r.d.hovered {
		r.bg.FillColor = theme.Color(theme.ColorNameHover)
	}
	r.line.FillColor = theme.Color(theme.ColorNameSeparator)
	r.handle.FillColor = theme.Color(theme.ColorNameForeground)
	r.bg.Refresh()
	r.line.Refresh()
	r.handle.Refresh()
}

func (r *dividerRenderer) Destroy() {}

// tabBarWidth is the width a row of tabs with these labels needs to show
// every tab, rather than putting some behind a "…" button.
func tabBarWidth(tabs *container.AppTabs) float32 {
	pad, inner := theme.Padding(), theme.InnerPadding()
	var w float32
	for i, t := range tabs.Items {
		w += fyne.MeasureText(t.Text, theme.TextSize(), fyne.TextStyle{Bold: true}).Width + 2*inner
		if t.Icon != nil {
			w += theme.IconInlineSize() + pad
		}
		if i > 0 {
			w += pad
		}
	}
	return w
}

// togglePane shows or hides a side panel (0 the documents, cases and memos
// panel, 1 the codebook), as the View menu does.
func (ws *workspace) togglePane(side int) {
	ws.focusSaved = nil
	ws.panes.setHidden(side, !ws.panes.hidden[side])
	ws.menus.checkPanes()
}

// toggleFocus shows only the document and the codebook, with the keyboard
// in the text; a second time it brings back the panels it hid.
func (ws *workspace) toggleFocus() {
	if saved := ws.focusSaved; saved != nil {
		ws.focusSaved = nil
		ws.panes.setHidden(0, saved[0])
		ws.panes.setHidden(1, saved[1])
	} else {
		saved := ws.panes.hidden
		ws.panes.setHidden(0, true)
		ws.panes.setHidden(1, false)
		ws.focusSaved = &saved
		ws.centre.Select(ws.docTab)
		ws.win.Canvas().Focus(ws.view)
	}
	ws.menus.checkPanes()
}

// paneItem keeps a View menu item that shows or hides panels, to tick it.
func (m *menus) paneItem(i int, it *fyne.MenuItem) *fyne.MenuItem {
	m.panes[i] = it
	return it
}

// checkPanes ticks the View menu's panel items as the panels are.
func (m *menus) checkPanes() {
	p := m.ws.panes
	if p == nil || m.panes[0] == nil {
		return
	}
	m.panes[0].Checked = !p.hidden[0]
	m.panes[1].Checked = !p.hidden[1]
	m.panes[2].Checked = m.ws.focusSaved != nil
	m.main.Refresh()
}
