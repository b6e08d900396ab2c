package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// takesClicks is the desktop driver's rule for which object a mouse button
// goes to: the topmost one under the pointer that takes taps, right-clicks,
// double-clicks, focus or mouse buttons. Fyne's test driver (test.TapCanvas)
// looks for fyne.Tappable alone, so a row that takes only right-clicks passes
// a test there and yet swallows every real left click.
func takesClicks(o fyne.CanvasObject) bool {
	switch o.(type) {
	case fyne.Tappable, fyne.SecondaryTappable, fyne.DoubleTappable, fyne.Focusable, desktop.Mouseable:
		return true
	}
	return false
}

func isTappable(o fyne.CanvasObject) bool {
	_, ok := o.(fyne.Tappable)
	return ok
}

// objectAt is the topmost visible object at pos (canvas coordinates) that
// matches, with pos in its own coordinates, walking as the drivers do: the
// top overlay if there is one, else the content, clipped by scrollers.
func objectAt(c fyne.Canvas, pos fyne.Position, matches func(fyne.CanvasObject) bool) (fyne.CanvasObject, fyne.Position) {
	var found fyne.CanvasObject
	var at fyne.Position
	var visit func(o fyne.CanvasObject, offset, clipPos fyne.Position, clipSize fyne.Size)
	visit = func(o fyne.CanvasObject, offset, clipPos fyne.Position, clipSize fyne.Size) {
		if o == nil || !o.Visible() {
			return
		}
		p := o.Position().Add(offset)
		if _, ok := o.(fyne.Scrollable); ok {
			clipPos, clipSize = p, o.Size()
		}
		inside := func(q fyne.Position, s fyne.Size) bool {
			return pos.X >= q.X && pos.Y >= q.Y && pos.X < q.X+s.Width && pos.Y < q.Y+s.Height
		}
		if !inside(clipPos, clipSize) || !inside(p, o.Size()) {
			return
		}
		if matches(o) {
			found, at = o, pos.Subtract(p)
		}
		var children []fyne.CanvasObject
		switch v := o.(type) {
		case *fyne.Container:
			children = v.Objects
		case fyne.Widget:
			children = test.WidgetRenderer(v).Objects()
		}
		for _, child := range children {
			visit(child, p, clipPos, clipSize)
		}
	}
	root := c.Overlays().Top()
	if root == nil {
		root = c.Content()
	}
	visit(root, fyne.Position{}, fyne.Position{}, c.Size())
	return found, at
}

// realTap clicks at pos as the desktop driver does: the click goes to the
// object takesClicks picks, which takes the keyboard if it can, and does
// something only if that object is tappable.
func realTap(c fyne.Canvas, pos fyne.Position) {
	o, at := objectAt(c, pos, takesClicks)
	if f, ok := o.(fyne.Focusable); ok {
		c.Focus(f)
	}
	if tp, ok := o.(fyne.Tappable); ok {
		tp.Tapped(&fyne.PointEvent{Position: at, AbsolutePosition: pos})
	}
}

// Ensure that wherever the window has something to click, a real mouse
// click reaches it: on a grid over the demo window (each left tab:
// documents, cases, memos; each centre tab: the transcript, Retrieve,
// Search; the codebook throughout), no object that takes only right-clicks,
// focus or mouse buttons sits over a tappable one and swallows the click.
func TestWindow_NoWidgetSwallowsALeftClickMeantForWhatIsUnderIt(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	c := w.Canvas()
	var lost []string
	seen := map[string]bool{}
	sweep := func(view string) {
		size := c.Size()
		for y := float32(2); y < size.Height; y += 6 {
			for x := float32(2); x < size.Width; x += 6 {
				pos := fyne.NewPos(x, y)
				meant, _ := objectAt(c, pos, isTappable)
				got, _ := objectAt(c, pos, takesClicks)
				if meant == nil || got == meant || isTappable(got) {
					continue
				}
				what := fmt.Sprintf("%T over %T", got, meant)
				if !seen[what] {
					seen[what] = true
					lost = append(lost, fmt.Sprintf("%s: %s at %v", view, what, pos))
				}
			}
		}
	}
	for i := range ws.left.Items {
		ws.left.SelectIndex(i)
		ws.centre.SelectIndex(i % len(ws.centre.Items))
		sweep(ws.left.Items[i].Text + " / " + ws.centre.Selected().Text)
	}
	if len(lost) > 0 {
		t.Fatalf("a real left click there goes to a widget that ignores it:\n%s", strings.Join(lost, "\n"))
	}
}
