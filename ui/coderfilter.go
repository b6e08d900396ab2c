package ui

import (
	"fyne.io/fyne/v2/widget"

	"coder/qda"
)

// allCoders is the coder choice that keeps every coder's codings.
const allCoders = "All coders"

// coderChoice narrows a view to one coder's codings: Retrieve's "Only in"
// row and the Analysis view's bar. It gives the choice as the filter's
// Coders (see qda.Filter), so every view narrows by the same rule.
type coderChoice struct {
	ws     *workspace
	sel    *widget.Select
	coders []qda.Coder
}

func newCoderChoice(ws *workspace, changed func()) *coderChoice {
	c := &coderChoice{ws: ws}
	c.sel = widget.NewSelect([]string{allCoders}, func(string) { changed() })
	c.sel.Selected = allCoders
	c.refresh()
	return c
}

// refresh offers the project's coders, keeping the choice while it exists.
func (c *coderChoice) refresh() {
	coders, err := c.ws.p.Coders()
	if err != nil {
		return
	}
	c.coders = coders
	opts := []string{allCoders}
	for _, x := range coders {
		opts = append(opts, x.Name)
	}
	c.sel.Options = opts
	if !containsString(opts, c.sel.Selected) {
		c.sel.Selected = allCoders
	}
	c.sel.Refresh()
}

// ids is the choice as a filter's Coders: nil for all coders.
func (c *coderChoice) ids() []qda.ID {
	for _, x := range c.coders {
		if x.Name == c.sel.Selected {
			return []qda.ID{x.ID}
		}
	}
	return nil
}
