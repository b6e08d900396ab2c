package ui

import (
	"fmt"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"coder/qda"
)

// closing lists punctuation a reader never expects at the start of a line.
const closing = "，。、；：！？）」』】》”’…,.;:!?)"

// drawnLines returns the text drawn under o line by line (texts with the
// same top), each line's bold parts, and the whole text in order.
func drawnLines(o fyne.CanvasObject) (lines []string, bold []string) {
	type piece struct {
		x, y float32
		text string
		bold bool
	}
	var pieces []piece
	for _, c := range test.LaidOutObjects(o) {
		if txt, ok := c.(*canvas.Text); ok && txt.Visible() && txt.Text != "" {
			pieces = append(pieces, piece{txt.Position().X, txt.Position().Y, txt.Text, txt.TextStyle.Bold})
		}
	}
	sort.SliceStable(pieces, func(i, j int) bool {
		if pieces[i].y != pieces[j].y {
			return pieces[i].y < pieces[j].y
		}
		return pieces[i].x < pieces[j].x
	})
	for i, p := range pieces {
		if i == 0 || p.y != pieces[i-1].y {
			lines = append(lines, "")
		}
		lines[len(lines)-1] += p.text
		if p.bold {
			bold = append(bold, p.text)
		}
	}
	return lines, bold
}

// checkLines fails when a line holds a single character or starts with
// closing punctuation.
func checkLines(t *testing.T, what string, lines []string) {
	t.Helper()
	for i, ln := range lines {
		ln = strings.TrimRight(ln, " ")
		if utf8.RuneCountInString(ln) < 2 {
			t.Errorf("%s: line %d holds %q alone (lines %q)", what, i+1, ln, lines)
		}
		if r, _ := utf8.DecodeRuneInString(ln); i > 0 && strings.ContainsRune(closing, r) {
			t.Errorf("%s: line %d starts with %q (lines %q)", what, i+1, string(r), lines)
		}
	}
}

// marksOf returns the spans of every occurrence of word in text.
func marksOf(text, word string) []qda.Span {
	var spans []qda.Span
	for i := 0; ; {
		k := strings.Index(text[i:], word)
		if k < 0 {
			return spans
		}
		s := utf8.RuneCountInString(text[:i+k])
		spans = append(spans, qda.Span{Start: s, End: s + utf8.RuneCountInString(word)})
		i += k + len(word)
	}
}

// Ensure that a search snippet, in Chinese or English, wraps like the
// document: at every narrow width each line holds more than one character,
// no line starts with closing punctuation, nothing is lost, and the matches
// are drawn bold wherever they fall, also at the end of a line.
func TestSnippet_WrapsLikeTheDocumentAtEveryWidth(t *testing.T) {
	test.NewTempApp(t)
	cases := []struct{ name, text, word string }{
		{"Chinese", "……街道的基层干部说，这个排名出来以后，每个社区都要“看得见变化”。我们只好先把大门口刷了一遍，其实下水道的问题还在，基层。", "基层"},
		{"English", "…the street office wanted the gate repainted before the inspection, so the residents' committee met again at the gate and agreed to wait for the gate", "gate"},
		{"Mixed", "王阿姨说：“gate 那边的棚子拆了。”Then the yard agreed, 大家一起商量, on the gate rota.", "gate"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := newSnippetText()
			marks := marksOf(c.text, c.word)
			s.SetExcerpt(c.text, marks)
			w := test.NewWindow(s)
			w.SetPadded(false)
			defer w.Close()
			for width := float32(90); width <= 420; width += 3 {
				w.Resize(fyne.NewSize(width, 600))
				lines, bold := drawnLines(s)
				what := fmt.Sprintf("%s at width %v", c.name, width)
				checkLines(t, what, lines)
				if got := strings.Join(lines, ""); got != c.text {
					t.Fatalf("%s: drew %q, want %q", what, got, c.text)
				}
				if got := strings.Join(bold, ""); got != strings.Repeat(c.word, len(marks)) {
					t.Fatalf("%s: bold parts %q, want %d × %q", what, bold, len(marks), c.word)
				}
				if h := s.MinSize().Height; h != snippetHeight(c.text, marks, width-2*s.inset()) {
					t.Fatalf("%s: the snippet is %v tall but the list was told %v", what, h, snippetHeight(c.text, marks, width-2*s.inset()))
				}
			}
		})
	}
}

// Ensure that the Search tab of a small window shows Chinese and English
// hits wrapped like the document: no snippet line holds a lone character
// or starts with closing punctuation, and every match is drawn bold.
func TestSearch_SnippetsWrapLikeTheDocumentInASmallWindow(t *testing.T) {
	app, w := openDemoCopy(t)
	w.Resize(fyne.NewSize(900, 600))
	ws := app.ws
	done := make(chan struct{}, 1)
	ws.search.done = func() { done <- struct{}{} }
	for _, q := range []string{"居民", "gate", "排名"} {
		t.Run(q, func(t *testing.T) {
			ws.search.focus()
			ws.search.query.SetText(q)
			pressEnter(ws.search.query)
			wait(t, done, "search")
			test.LaidOutObjects(w.Content())
			shown := 0
			walk(ws.search.results, func(o fyne.CanvasObject) bool {
				s, ok := o.(*snippetText)
				if !ok || !s.Visible() || s.Size().Width <= 0 {
					return false
				}
				lines, bold := drawnLines(s)
				if len(lines) == 0 {
					return false // a heading row's hidden card
				}
				shown++
				checkLines(t, q, lines)
				if len(bold) == 0 {
					t.Errorf("%q: no match drawn bold in %q", q, lines)
				}
				for _, b := range bold {
					if !strings.Contains(strings.ToLower(b), q) {
						t.Errorf("%q: %q is bold but is not a match", q, b)
					}
				}
				return false
			})
			if shown == 0 {
				t.Fatalf("%q: only %d snippets drawn", q, shown)
			}
		})
	}
}
