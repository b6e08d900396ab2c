package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// Ensure that the Analysis tables set numbers flush right and text flush
// left: a coding query's Text column (and the timeline's) was set flush
// right in a column wider than the view, so a short passage stood out of
// sight at its far end.
func TestAnalysisGrid_TextLeftNumbersRight(t *testing.T) {
	test.NewTempApp(t)
	g := newAnalysisGrid()
	w := test.NewWindow(g.table)
	defer w.Close()
	w.Resize(fyne.NewSize(1200, 400))
	g.set([][]string{
		{"Document", "Position", "Codes", "Text", "Share"},
		{"Interview - cadre", "2439:2501", "Political logic; Community logic", "today the yard decides", "94.6%"},
		{"Field notes", "12:40", "Community logic", "forty-five residents", "—"},
	}, 200, 190)
	align := map[string]fyne.TextAlign{}
	walk(w.Content(), func(o fyne.CanvasObject) bool {
		if l, ok := o.(*widget.Label); ok {
			align[l.Text] = l.Alignment
		}
		return false
	})
	for text, want := range map[string]fyne.TextAlign{
		"Interview - cadre":                fyne.TextAlignLeading,
		"Political logic; Community logic": fyne.TextAlignLeading,
		"today the yard decides":           fyne.TextAlignLeading,
		"Text":                             fyne.TextAlignLeading,
		"2439:2501":                        fyne.TextAlignTrailing,
		"Position":                         fyne.TextAlignTrailing,
		"94.6%":                            fyne.TextAlignTrailing,
		"—":                                fyne.TextAlignTrailing,
	} {
		got, ok := align[text]
		if !ok {
			t.Errorf("%q is not shown", text)
		} else if got != want {
			t.Errorf("%q is aligned %v, want %v", text, got, want)
		}
	}
}
