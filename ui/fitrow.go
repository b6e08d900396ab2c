package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// fitRow lays buttons side by side in equal widths when each has room for
// its label, and one under the other when the pane is too narrow for that,
// so no label is cut. It never asks for more width than its widest button:
// a narrow pane stays as wide as the researcher left it.
type fitRow struct {
	box     *fyne.Container
	stacked bool // the last layout put the buttons one under the other
}

func newFitRow(objs ...fyne.CanvasObject) *fyne.Container {
	r := &fitRow{}
	r.box = container.New(r, objs...)
	return r.box
}

func (r *fitRow) measure(objs []fyne.CanvasObject) (widest, tallest, total float32, n int) {
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		widest, tallest, total, n = max(widest, m.Width), max(tallest, m.Height), total+m.Height, n+1
	}
	return widest, tallest, total, n
}

// MinSize is the height of the arrangement the last layout chose.
func (r *fitRow) MinSize(objs []fyne.CanvasObject) fyne.Size {
	widest, tallest, total, n := r.measure(objs)
	if n == 0 {
		return fyne.Size{}
	}
	if r.stacked {
		return fyne.NewSize(widest, total+theme.Padding()*float32(n-1))
	}
	return fyne.NewSize(widest, tallest)
}

func (r *fitRow) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	widest, _, _, n := r.measure(objs)
	if n == 0 {
		return
	}
	pad := theme.Padding()
	stacked := size.Width < widest*float32(n)+pad*float32(n-1)
	if stacked != r.stacked {
		r.stacked = stacked
		// The height it needs changed: let the pane lay it out again.
		defer r.box.Refresh()
	}
	pos := fyne.NewPos(0, 0)
	w := (size.Width - pad*float32(n-1)) / float32(n)
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		if stacked {
			h := o.MinSize().Height
			o.Move(pos)
			o.Resize(fyne.NewSize(size.Width, h))
			pos.Y += h + pad
			continue
		}
		o.Move(pos)
		o.Resize(fyne.NewSize(w, size.Height))
		pos.X += w + pad
	}
}
