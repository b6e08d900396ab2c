package codebook_test

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"coder/codebook"
	"coder/qda"
)

func code(id, parent, name string, order int) qda.Code {
	return qda.Code{ID: qda.ID(id), Parent: qda.ID(parent), Name: name, Color: "#112233", Order: order}
}

// Ensure that paths name codes from the top, that lookups by path tolerate
// case when unambiguous, and that children keep their order.
func TestTree_PathsAndFind(t *testing.T) {
	tr := codebook.NewTree([]qda.Code{
		code("a", "", "Political logic", 0),
		code("b", "a", "Mobilisation", 1),
		code("c", "a", "Integration", 0),
		code("d", "b", "Mass persuasion", 0),
	})
	if got := tr.Path("d"); got != "Political logic/Mobilisation/Mass persuasion" {
		t.Errorf("Path = %q", got)
	}
	for _, path := range []string{"Political logic/Mobilisation/Mass persuasion", " political logic / mobilisation/MASS PERSUASION "} {
		if c, ok := tr.Find(path); !ok || c.ID != "d" {
			t.Errorf("Find(%q) = %v, %v", path, c, ok)
		}
	}
	if _, ok := tr.Find("Political logic/Nothing"); ok {
		t.Error("Find of a missing path succeeded")
	}
	kids := tr.Children("a")
	if len(kids) != 2 || kids[0].Name != "Integration" {
		t.Errorf("children out of order: %v", kids)
	}
	var walked []string
	tr.Walk(func(c *qda.Code, depth int) { walked = append(walked, strings.Repeat(">", depth)+c.Name) })
	if strings.Join(walked, ",") != "Political logic,>Integration,>Mobilisation,>>Mass persuasion" {
		t.Errorf("Walk = %v", walked)
	}
	if sub := tr.Subtree("b"); len(sub) != 2 {
		t.Errorf("Subtree(b) = %v", sub)
	}
}

// Ensure that the tree's rules refuse cycles, moves into oneself and
// duplicate sibling names.
func TestTree_Rules(t *testing.T) {
	tr := codebook.NewTree([]qda.Code{code("a", "", "A", 0), code("b", "a", "B", 0), code("c", "", "C", 0)})
	if err := tr.CheckMove("a", "b"); err == nil {
		t.Error("moving a code under its own child was accepted")
	}
	if err := tr.CheckMove("b", "c"); err != nil {
		t.Errorf("a plain move was refused: %v", err)
	}
	if err := tr.CheckName("", "c", ""); err == nil {
		t.Error("a new top-level code named like C (any case) was accepted")
	}
	if err := tr.CheckName("", "A/B", ""); err == nil {
		t.Error("a name with a slash was accepted")
	}
	if err := codebook.NewTree([]qda.Code{code("a", "b", "A", 0), code("b", "a", "B", 0)}).Validate(); err == nil {
		t.Error("a cycle passed Validate")
	}
	if err := codebook.NewTree([]qda.Code{code("a", "", "Same", 0), code("b", "", "same", 0)}).Validate(); err == nil {
		t.Error("duplicate sibling names passed Validate")
	}
}

// Ensure that the logics template builds a valid tree with the framework's
// parts, definitions everywhere, and IDs that do not change between builds.
func TestTemplate_Logics(t *testing.T) {
	a, err := codebook.FromTemplate(codebook.TemplateLogics)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := codebook.FromTemplate("LOGICS")
	if len(a) < 25 || len(a) != len(b) {
		t.Fatalf("template has %d and %d codes", len(a), len(b))
	}
	tr := codebook.NewTree(a)
	if err := tr.Validate(); err != nil {
		t.Fatal(err)
	}
	for i := range a {
		if a[i].ID != b[i].ID {
			t.Fatalf("template IDs differ between builds: %s vs %s", a[i].ID, b[i].ID)
		}
		if a[i].Description == "" {
			t.Errorf("%s has no definition", tr.Path(a[i].ID))
		}
	}
	for _, path := range []string{"Political logic/Mobilisation", "Bureaucratic logic/Personnel arrangements", "Community logic/Trust and social capital", "Context/Trigger", "Outcomes"} {
		if _, ok := tr.Find(path); !ok {
			t.Errorf("template lacks %q", path)
		}
	}
	if empty, err := codebook.FromTemplate(codebook.TemplateEmpty); err != nil || len(empty) != 0 {
		t.Errorf("empty template: %v, %v", empty, err)
	}
	if _, err := codebook.FromTemplate("nonsense"); err == nil {
		t.Error("an unknown template was accepted")
	}
}

// Ensure that new codes get unused palette colours first.
func TestNextColor_SkipsUsed(t *testing.T) {
	first := codebook.NextColor(nil)
	if second := codebook.NextColor([]string{strings.ToLower(first)}); second == first {
		t.Errorf("NextColor reused %s", first)
	}
}

// Ensure that a new child code takes a shade of its parent's colour (the
// same hue, another lightness), a different one for each sibling, and that
// a parent without a colour gives a palette colour.
func TestChildColor_ShadesOfTheParent(t *testing.T) {
	for _, parent := range []string{"#3CB44B", "#E6194B", "#000075", "#FFE119", "#808080"} {
		var used []string
		for i := 0; i < 4; i++ {
			c := codebook.ChildColor(parent, used)
			if !qda.ValidColor(c) {
				t.Fatalf("child of %s got %q", parent, c)
			}
			if strings.EqualFold(c, parent) {
				t.Errorf("child of %s got the parent's own colour", parent)
			}
			for _, u := range used {
				if u == c {
					t.Errorf("child %d of %s got %s, which a sibling has", i+1, parent, c)
				}
			}
			if ph, ch := hueOf(parent), hueOf(c); math.Abs(ph-ch) > 4 && math.Abs(ph-ch) < 356 {
				t.Errorf("child of %s got %s: hue %.0f°, not the parent's %.0f°", parent, c, ch, ph)
			}
			used = append(used, c)
		}
	}
	if c := codebook.ChildColor("", nil); c != codebook.Palette[0] {
		t.Errorf("a child of a colourless parent got %s", c)
	}
}

// hueOf returns a #RRGGBB colour's hue in degrees.
func hueOf(hex string) float64 {
	var r, g, b int
	fmt.Sscanf(hex, "#%02x%02x%02x", &r, &g, &b)
	return math.Mod(math.Atan2(math.Sqrt(3)*float64(g-b), float64(2*r-g-b))*180/math.Pi+360, 360)
}
