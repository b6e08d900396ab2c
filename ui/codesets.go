package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"coder/codebook"
	"coder/project"
	"coder/qda"
)

// allCodes is the code-set filter's choice that shows the whole codebook.
const allCodes = "All codes"

// codeSetFilter narrows the codebook tree to one code set (a named group of
// codes, as ATLAS.ti's code groups arrive): the set's codes are shown with
// the codes above them, so the tree keeps its shape. It is hidden while the
// project has no sets.
type codeSetFilter struct {
	panel   *codebookPanel
	choose  *widget.Select
	sets    []qda.CodeSet
	keep    map[qda.ID]bool // codes shown under the chosen set
	keptFor *codebook.Tree  // the codebook keep was worked out from
	content fyne.CanvasObject
}

func newCodeSetFilter(c *codebookPanel) *codeSetFilter {
	f := &codeSetFilter{panel: c}
	f.choose = widget.NewSelect(nil, func(string) { f.apply() })
	f.content = f.choose
	f.reload()
	c.ws.p.Watch(func(ch project.Change) {
		if ch.All || ch.Codebook {
			fyne.Do(f.reload)
		}
	})
	return f
}

// label names a set as the filter lists it.
func (f *codeSetFilter) label(s qda.CodeSet) string {
	return fmt.Sprintf("Set: %s (%d)", s.Name, len(s.Codes))
}

// reload reads the sets again, keeping the chosen one when it still exists.
func (f *codeSetFilter) reload() {
	sets, err := f.panel.ws.p.CodeSets()
	if err != nil {
		sets = nil
	}
	f.sets = sets
	chosen := f.chosen()
	options := []string{allCodes}
	selected := allCodes
	for _, s := range sets {
		options = append(options, f.label(s))
		if chosen != nil && s.ID == chosen.ID {
			selected = f.label(s)
		}
	}
	f.choose.Options = options
	f.choose.Selected = selected
	f.choose.Refresh()
	if len(sets) == 0 {
		f.choose.Hide()
	} else {
		f.choose.Show()
	}
	f.apply()
}

// chosen returns the set the filter shows, or nil for all codes.
func (f *codeSetFilter) chosen() *qda.CodeSet {
	for i := range f.sets {
		if f.label(f.sets[i]) == f.choose.Selected {
			return &f.sets[i]
		}
	}
	return nil
}

// apply redraws the tree for the current choice.
func (f *codeSetFilter) apply() {
	f.keep, f.keptFor = nil, nil
	f.panel.tree.Refresh()
	f.panel.tree.OpenAllBranches()
}

// shown reports whether the tree shows code id under the current choice.
// The codes to show are worked out again whenever the codebook was re-read,
// since a change can bring sets and codes at once.
func (f *codeSetFilter) shown(id qda.ID) bool {
	if f == nil {
		return true
	}
	s := f.chosen()
	if s == nil {
		return true
	}
	t := f.panel.ws.tree
	if f.keep == nil || f.keptFor != t {
		f.keep, f.keptFor = map[qda.ID]bool{}, t
		for _, id := range s.Codes {
			for c := id; c != "" && !f.keep[c]; {
				f.keep[c] = true
				code, ok := t.Code(c)
				if !ok {
					break
				}
				c = code.Parent
			}
		}
	}
	return f.keep[id]
}
