package ui

import (
	"image"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// fitImage shows a picture (a chart) as wide as the room it is given and
// as tall as its proportions make it, in a vertical scroll: a tall chart is
// read by scrolling, not shrunk until its labels are specks.
type fitImage struct {
	widget.BaseWidget
	img    *canvas.Image
	scroll *container.Scroll
	width  float32
}

func newFitImage() *fitImage {
	f := &fitImage{img: canvas.NewImageFromResource(nil)}
	f.img.FillMode = canvas.ImageFillContain
	f.img.ScaleMode = canvas.ImageScaleSmooth
	f.ExtendBaseWidget(f)
	f.scroll = container.NewVScroll(f)
	return f
}

func (f *fitImage) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(f.img) }

// MinSize is as tall as the picture drawn across the last width given.
func (f *fitImage) MinSize() fyne.Size {
	if f.img.Image == nil || f.width == 0 {
		return fyne.NewSize(0, 0)
	}
	b := f.img.Image.Bounds()
	return fyne.NewSize(0, f.width*float32(b.Dy())/float32(b.Dx()))
}

// Resize takes the width the scroll gives and, when it changed, has the
// scroll lay the picture out again at the height that width makes.
func (f *fitImage) Resize(s fyne.Size) {
	changed := s.Width != f.width
	f.width = s.Width
	if m := f.MinSize(); s.Height < m.Height {
		s.Height = m.Height
	}
	f.BaseWidget.Resize(s)
	if changed {
		f.scroll.Refresh()
	}
}

// set shows img, from the top.
func (f *fitImage) set(img image.Image) {
	f.img.Image = img
	f.img.Refresh()
	f.scroll.ScrollToTop()
	f.scroll.Refresh()
}
