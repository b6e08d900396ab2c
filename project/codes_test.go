package project_test

import (
	"testing"

	"coder/codebook"
)

// Ensure that a code added under another takes a shade of its parent's
// colour (the rule in codebook), each sibling its own, at every level of a
// path added in one step; a new top-level code takes a palette colour.
func TestAddCode_ChildTakesAShadeOfItsParent(t *testing.T) {
	p := newProject(t, "logics")
	tr, _ := p.Codebook()
	parent, _ := tr.Find("Community logic")
	var siblings []string
	for _, c := range tr.Children(parent.ID) {
		siblings = append(siblings, c.Color)
	}
	first, err := p.AddCode("Community logic/Gate disputes", "", "")
	if err != nil {
		t.Fatal(err)
	}
	if want := codebook.ChildColor(parent.Color, siblings); first.Color != want {
		t.Errorf("the new child of %s is %s, want the shade %s", parent.Color, first.Color, want)
	}
	second, _ := p.AddCode("Community logic/Night watch", "", "")
	if second.Color == first.Color {
		t.Errorf("two new siblings share %s", first.Color)
	}

	night, err := p.AddCode("Gate/Opening hours/Night", "", "")
	if err != nil {
		t.Fatal(err)
	}
	tr, _ = p.Codebook()
	gate, _ := tr.Find("Gate")
	hours, _ := tr.Find("Gate/Opening hours")
	if hours.Color != codebook.ChildColor(gate.Color, nil) || night.Color != codebook.ChildColor(hours.Color, nil) {
		t.Errorf("Gate %s, Opening hours %s, Night %s: each level should be a shade of the one above", gate.Color, hours.Color, night.Color)
	}
	for _, top := range tr.Children("") {
		if top.ID != gate.ID && top.Color == gate.Color {
			t.Errorf("the new top-level code shares %s with %s", gate.Color, top.Name)
		}
	}
}
