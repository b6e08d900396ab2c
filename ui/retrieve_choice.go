package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"coder/qda"
)

// choiceIndent is how far each level of the codebook moves a code's choice
// to the right in the Retrieve tab's list.
const choiceIndent = 18

// codeChoice is one line of the Retrieve tab's code list: a check box, the
// code's colour as in the codebook tree, and its name, cut with an ellipsis
// so a long name never widens the narrow list. Clicking the name ticks the
// box too, as clicking a check box's own label does.
type codeChoice struct {
	widget.BaseWidget
	id     qda.ID
	depth  int
	check  *widget.Check
	swatch *canvas.Rectangle
	name   *widget.Label
}

func newCodeChoice(c *qda.Code, depth int, on bool, changed func(bool)) *codeChoice {
	ch := &codeChoice{id: c.ID, depth: depth, check: widget.NewCheck("", nil), swatch: canvas.NewRectangle(parseColor(c.Color)), name: widget.NewLabel(c.Name)}
	ch.check.Checked = on
	ch.check.OnChanged = changed
	ch.swatch.SetMinSize(fyne.NewSize(14, 14))
	ch.swatch.CornerRadius = 3
	ch.name.Truncation = fyne.TextTruncateEllipsis
	ch.name.TextStyle.Italic = c.Folder
	ch.ExtendBaseWidget(ch)
	return ch
}

// CreateRenderer lays out the indent, the box, the swatch and the name.
func (ch *codeChoice) CreateRenderer() fyne.WidgetRenderer {
	indent := canvas.NewRectangle(color.Transparent)
	indent.SetMinSize(fyne.NewSize(float32(ch.depth*choiceIndent), 0))
	left := container.NewHBox(indent, ch.check, container.NewCenter(ch.swatch))
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, left, nil, ch.name))
}

// Tapped toggles the box when the name or swatch is clicked.
func (ch *codeChoice) Tapped(*fyne.PointEvent) {
	ch.check.SetChecked(!ch.check.Checked)
}
