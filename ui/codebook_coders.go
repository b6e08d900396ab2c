package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// coderCounts is View ▸ Codebook counts by coder, a ticked toggle (in the
// menu, so it costs the narrow codebook pane no width): when on, the
// selected code's details say how many of its codings each coder made,
// counted off the UI goroutine.
type coderCounts struct {
	c     *codebookPanel
	on    bool
	item  *fyne.MenuItem // the View menu's toggle
	label *widget.Label
	box   *fyne.Container // holds the label: laid out again when it shows or hides
	gen   int
}

func newCoderCounts(c *codebookPanel) *coderCounts {
	cc := &coderCounts{c: c, label: widget.NewLabel("")}
	cc.label.Wrapping = fyne.TextWrapWord
	cc.label.Hide()
	cc.item = fyne.NewMenuItem("Codebook counts by coder", func() { cc.set(!cc.on) })
	return cc
}

// set turns the counts by coder on or off.
func (cc *coderCounts) set(on bool) {
	cc.on = on
	cc.item.Checked = on
	if m := cc.c.ws.menus; m != nil && m.main != nil {
		m.main.Refresh()
	}
	cc.show()
}

// show fills the label for the selected code, or hides it.
func (cc *coderCounts) show() {
	cc.gen++
	gen := cc.gen
	id := cc.c.selected
	if !cc.on || id == "" {
		cc.label.Hide()
		cc.relayout()
		return
	}
	ws := cc.c.ws
	go func() {
		counts, err := ws.p.CoderCounts(id)
		fyne.Do(func() {
			if gen != cc.gen || cc.c.selected != id {
				return
			}
			if err != nil {
				cc.label.SetText(err.Error())
				cc.label.Show()
				cc.relayout()
				return
			}
			var parts []string
			for _, n := range counts {
				part := fmt.Sprintf("%s %d", n.Coder.Name, n.Own)
				if n.Total != n.Own {
					part += fmt.Sprintf(" (%d with the codes below)", n.Total)
				}
				parts = append(parts, part)
			}
			text := "No coder has applied it."
			if len(parts) > 0 {
				text = "By coder: " + strings.Join(parts, "; ")
			}
			cc.label.SetText(text)
			cc.label.Show()
			cc.relayout()
		})
	}()
}

func (cc *coderCounts) relayout() {
	if cc.box != nil {
		cc.box.Refresh()
	}
}
