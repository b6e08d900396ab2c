package ui

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"coder/qda"
)

// maxOffered is how many matching codes a codePicker lists at once.
const maxOffered = 8

// errNoCodeChosen keeps a form's confirm button disabled until a code is
// chosen.
var errNoCodeChosen = errors.New("choose a code from the list, or choose to create a new one")

// codePicker chooses a code by typing part of its path. The codes whose path
// holds the typed text are offered to pick from; a new code is made only
// when "Create new code “…”" is picked, never because a name was typed that
// no code has. It is Validatable, so a form's confirm button stays disabled
// until something is picked.
type codePicker struct {
	widget.BaseWidget
	input   *escEntry     // the field, which hands Escape to onEscape
	entry   *widget.Entry // the field's text
	choices *widget.RadioGroup
	more    *widget.Label
	box     *fyne.Container

	paths []string
	ids   map[string]qda.ID
	// createLabel is the choice that makes a new code named createName.
	createLabel, createName string
	onValidation            func(error)
	// onChosen, when set, hears every change of the choice.
	onChosen func()
	// onEscape, when set, hears Escape typed in the field.
	onEscape func()
	// pickFirst chooses the best matching code as soon as one matches, so
	// typing part of a name and pressing Enter is enough.
	pickFirst bool
	// noCreate leaves out "Create new code": only codes listed can be
	// chosen (Merge into…, Move to…).
	noCreate bool
}

// newCodePicker offers the codes paths (with their ids), starting with
// text typed in.
func newCodePicker(paths []string, ids map[string]qda.ID, text string) *codePicker {
	c := &codePicker{paths: paths, ids: ids}
	c.input = newEscEntry(false, func() {
		if c.onEscape != nil {
			c.onEscape()
		}
	})
	c.entry = &c.input.Entry
	c.entry.SetPlaceHolder("type part of a code's name")
	c.choices = widget.NewRadioGroup(nil, func(string) { c.changed() })
	c.more = widget.NewLabel("")
	c.more.Hide()
	scroll := container.NewVScroll(container.NewVBox(c.choices, c.more))
	scroll.SetMinSize(fyne.NewSize(360, 200))
	c.box = container.NewBorder(c.input, nil, nil, nil, scroll)
	c.entry.OnChanged = func(string) { c.filter() }
	c.ExtendBaseWidget(c)
	c.entry.SetText(text)
	c.filter()
	return c
}

func (c *codePicker) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(c.box) }

// filter offers the codes whose path holds the typed text, and creating a
// code of that name when no code has exactly that path. A typed path that
// is a code's whole path picks it.
func (c *codePicker) filter() {
	typed := strings.TrimSpace(c.entry.Text)
	want := strings.ToLower(typed)
	keep := c.choices.Selected
	var offered []string
	exact, found := "", 0
	for _, p := range c.paths {
		if want == "" || !strings.Contains(strings.ToLower(p), want) {
			continue
		}
		if strings.EqualFold(p, typed) {
			exact = p
		}
		found++
		if len(offered) < maxOffered {
			offered = append(offered, p)
		}
	}
	if exact != "" && !slices.Contains(offered, exact) {
		offered = append([]string{exact}, offered[:len(offered)-1]...)
	}
	c.createLabel, c.createName = "", ""
	if typed != "" && exact == "" && !c.noCreate {
		c.createName = strings.Trim(typed, "/ ")
		c.createLabel = fmt.Sprintf("Create new code “%s”", c.createName)
		offered = append(offered, c.createLabel)
	}
	switch {
	case found > maxOffered:
		c.more.SetText(fmt.Sprintf("and %d more: type more of the name", found-maxOffered))
		c.more.Show()
	case typed != "" && found == 0:
		c.more.SetText("No code has that in its name.")
		c.more.Show()
	default:
		c.more.Hide()
	}
	c.choices.Options = offered
	switch {
	case exact != "":
		c.choices.Selected = exact
	case !slices.Contains(offered, keep):
		c.choices.Selected = ""
	}
	if c.pickFirst && c.choices.Selected == "" && len(offered) > 0 && offered[0] != c.createLabel {
		c.choices.Selected = offered[0]
	}
	c.choices.Refresh()
	c.changed()
}

// changed tells the form and the owner that the choice may have changed.
func (c *codePicker) changed() {
	if c.onValidation != nil {
		c.onValidation(c.Validate())
	}
	if c.onChosen != nil {
		c.onChosen()
	}
}

// chosen returns the picked code's ID and path, or, when creating was
// picked, an empty ID and the new code's path. ok is false when nothing is
// picked.
func (c *codePicker) chosen() (id qda.ID, path string, ok bool) {
	sel := c.choices.Selected
	switch {
	case sel == "":
		return "", "", false
	case sel == c.createLabel:
		return "", c.createName, true
	}
	id, ok = c.ids[sel]
	return id, sel, ok
}

// Validate implements fyne.Validatable.
func (c *codePicker) Validate() error {
	if _, _, ok := c.chosen(); !ok {
		return errNoCodeChosen
	}
	return nil
}

// SetOnValidationChanged implements fyne.Validatable.
func (c *codePicker) SetOnValidationChanged(f func(error)) { c.onValidation = f }
