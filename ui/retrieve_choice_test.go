package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"coder/qda"
)

// choiceOf returns the Retrieve tab's line for a code.
func choiceOf(t *testing.T, r *retrievePanel, id qda.ID) *codeChoice {
	t.Helper()
	for _, o := range r.codes.Objects {
		if ch, ok := o.(*codeChoice); ok && ch.id == id {
			return ch
		}
	}
	t.Fatalf("the Retrieve tab lists no code %s", id)
	return nil
}

// Ensure that the Retrieve tab's code list shows each code's colour, cuts a
// long name with an ellipsis instead of scrolling sideways, and ticks a code
// when its name is clicked.
func TestRetrieveChoices_SwatchEllipsisAndTapOnName(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	long := "A code whose name goes on and on well past the width of the narrow code list"
	code, err := ws.p.AddCode(long, "#c0392b", "")
	if err != nil {
		t.Fatal(err)
	}
	ws.centre.Select(ws.retrieveTab)
	r := ws.retrieve
	ch := choiceOf(t, r, code.ID)

	t.Run("SwatchHasTheCodesColour", func(t *testing.T) {
		for _, o := range r.codes.Objects {
			c := o.(*codeChoice)
			code, _ := ws.tree.Code(c.id)
			if want := parseColor(code.Color); c.swatch.FillColor != want {
				t.Errorf("%s's swatch is %v, want %v", ws.tree.Path(c.id), c.swatch.FillColor, want)
			}
			if !c.swatch.Visible() || c.swatch.Size().Width == 0 {
				t.Errorf("%s's swatch is not drawn", ws.tree.Path(c.id))
			}
		}
	})

	t.Run("LongNameEndsInEllipsis", func(t *testing.T) {
		var scroll *container.Scroll
		walk(w.Content(), func(o fyne.CanvasObject) bool {
			if s, ok := o.(*container.Scroll); ok && s.Content == r.codes {
				scroll = s
				return true
			}
			return false
		})
		if scroll == nil {
			t.Fatal("the code list is not in a scroll")
		}
		if scroll.Direction != container.ScrollVerticalOnly {
			t.Error("the code list can scroll sideways")
		}
		if ch.Size().Width > scroll.Size().Width {
			t.Errorf("the long code's line is %v wide in a list %v wide", ch.Size().Width, scroll.Size().Width)
		}
		shown := ""
		walk(ch.name, func(o fyne.CanvasObject) bool {
			if txt, ok := o.(*canvas.Text); ok && txt.Visible() {
				shown += txt.Text
			}
			return false
		})
		if !strings.HasSuffix(shown, "…") || !strings.HasPrefix(long, strings.TrimSuffix(shown, "…")) {
			t.Errorf("the long name reads %q, want its start and an ellipsis", shown)
		}
	})

	t.Run("ClickingTheNameTicksTheCode", func(t *testing.T) {
		test.Tap(ch)
		if !ch.check.Checked || !r.chosen[code.ID] {
			t.Fatal("clicking the name did not tick the code")
		}
		test.Tap(ch)
		if ch.check.Checked || r.chosen[code.ID] {
			t.Error("a second click did not untick the code")
		}
	})
}
