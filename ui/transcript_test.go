package ui_test

import (
	"image/color"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"coder/qda"
	"coder/ui"
)

// newView shows doc in a TranscriptView filling an unpadded test window.
func newView(t testing.TB, doc *qda.Document, size fyne.Size) (*ui.TranscriptView, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	tv := ui.NewTranscriptView()
	tv.SetDocument(doc)
	w := test.NewWindow(tv)
	w.SetPadded(false)
	w.Resize(size)
	t.Cleanup(w.Close)
	return tv, w
}

// at returns the canvas position just inside the left edge of the glyph at
// offset, halfway down its line: where a user would point to reach it.
func at(tv *ui.TranscriptView, offset int) fyne.Position {
	return canvasPos(tv).Add(tv.PositionOf(offset)).AddXY(0.3, tv.LineHeight()/2)
}

// canvasPos is where o sits in the canvas coordinates that test.TapCanvas
// and test.Drag take (the driver's absolute positions leave out the
// canvas's inset).
func canvasPos(o fyne.CanvasObject) fyne.Position {
	d := fyne.CurrentApp().Driver()
	inset, _ := d.CanvasForObject(o).InteractiveArea()
	return d.AbsolutePositionForObject(o).Add(inset)
}

// dragSelect drags the pointer from one canvas position to another, the
// way the desktop driver reports it: the event is at the end, with the
// distance travelled.
func dragSelect(c fyne.Canvas, from, to fyne.Position) {
	test.Drag(c, to, to.X-from.X, to.Y-from.Y)
}

// Ensure that dragging across text selects exactly the runes between the
// press and the release, in English, Chinese and mixed text with emoji.
func TestTranscriptView_DragSelectsRuneSpan(t *testing.T) {
	doc, spans := sampleDoc()
	tv, w := newView(t, doc, fyne.NewSize(420, 900))
	var reported []qda.Span
	tv.OnSelectionChanged = func(s qda.Span) { reported = append(reported, s) }

	cases := []struct {
		name string
		from string
		to   string
	}{
		{"EnglishWithinALine", "yard meetings", " in the spring"},
		{"EnglishAcrossLines", "retired teachers", " which lane"},
		{"ChineseAcrossWrappedLines", "下水道堵了", "要自己商量"},
		{"MixedChineseInEnglish", "大家一起商量", " was the key"},
		{"MixedOverEmoji", "👍🏽", " and the pilot"},
		{"MixedOverFamilyEmoji", "👨‍👩‍👧", " families"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, b := offsetOf(doc, c.from), offsetOf(doc, c.to)
			dragSelect(w.Canvas(), at(tv, a), at(tv, b))
			want := qda.Span{Start: a, End: b}
			if got := tv.Selection(); got != want {
				t.Fatalf("selection %v (%q), want %v (%q)", got, got.Slice([]rune(doc.Text)), want, want.Slice([]rune(doc.Text)))
			}
			if len(reported) == 0 || reported[len(reported)-1] != want {
				t.Errorf("OnSelectionChanged last reported %v, want %v", reported, want)
			}
		})
	}
	t.Run("Backwards", func(t *testing.T) {
		a, b := offsetOf(doc, "后来新来的"), offsetOf(doc, "一开始")
		dragSelect(w.Canvas(), at(tv, b), at(tv, a))
		if got, want := tv.Selection(), (qda.Span{Start: a, End: b}); got != want {
			t.Fatalf("selection %v, want %v", got, want)
		}
	})
	t.Run("SelectedTextMatchesDocument", func(t *testing.T) {
		a, b := offsetOf(doc, "三万元"), offsetOf(doc, ", which")
		dragSelect(w.Canvas(), at(tv, a), at(tv, b))
		if got := tv.SelectedText(); got != "三万元" {
			t.Fatalf("selected %q, want 三万元", got)
		}
	})
	_ = spans
}

// Ensure that tapping coded text reports every highlight covering the
// tapped rune, overlaps included, and that uncoded text reports none.
func TestTranscriptView_TapReportsHighlightsUnderPointer(t *testing.T) {
	doc, _ := sampleDoc()
	tv, w := newView(t, doc, fyne.NewSize(420, 900))
	red := color.NRGBA{R: 0xd0, G: 0x30, B: 0x30, A: 0xff}
	blue := color.NRGBA{R: 0x30, G: 0x60, B: 0xd0, A: 0xff}
	green := color.NRGBA{R: 0x30, G: 0xa0, B: 0x50, A: 0xff}
	meeting := qda.Span{Start: offsetOf(doc, "yard meetings"), End: offsetOf(doc, " in the spring")}
	long := qda.Span{Start: offsetOf(doc, "We started"), End: offsetOf(doc, " Then the new")}
	zh := qda.Span{Start: offsetOf(doc, "新来的书记"), End: offsetOf(doc, "，说这是")}
	tv.SetHighlights([]ui.Highlight{
		{ID: "c-mobilisation", Span: long, Color: red, Label: "Political logic/Mobilisation"},
		{ID: "c-space", Span: meeting, Color: blue, Label: "Community logic/Public space"},
		{ID: "c-meeting", Span: meeting, Color: green, Label: "Community logic/Deliberation"},
		{ID: "c-secretary", Span: zh, Color: green, Label: "Political logic/Local secretary"},
	})
	var gotOffset int
	var gotIDs []string
	tv.OnHighlightTapped = func(offset int, hits []ui.Highlight) {
		gotOffset = offset
		gotIDs = nil
		for _, h := range hits {
			gotIDs = append(gotIDs, string(h.ID))
		}
	}
	cases := []struct {
		name   string
		target string
		want   string
	}{
		{"ThreeOverlappingCodes", "meetings", "c-mobilisation c-space c-meeting"},
		{"OneCode", "flooded", "c-mobilisation"},
		{"ChineseCode", "书记", "c-secretary"},
		{"Uncoded", "argue", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := offsetOf(doc, c.target)
			test.TapCanvas(w.Canvas(), at(tv, o).AddXY(2, 0))
			if gotOffset != o {
				t.Errorf("tapped offset %d, want %d", gotOffset, o)
			}
			if got := strings.Join(gotIDs, " "); got != c.want {
				t.Errorf("highlights %q, want %q", got, c.want)
			}
			if sel := tv.Selection(); !sel.Empty() {
				t.Errorf("a tap left selection %v", sel)
			}
		})
	}
}

// Ensure that a secondary tap hands the app the selection and the codes
// under the pointer, so it can build the coding menu.
func TestTranscriptView_SecondaryTapAsksForContextMenu(t *testing.T) {
	doc, _ := sampleDoc()
	tv, w := newView(t, doc, fyne.NewSize(420, 900))
	code := qda.Span{Start: offsetOf(doc, "retired"), End: offsetOf(doc, " came")}
	tv.SetHighlights([]ui.Highlight{{ID: "c1", Span: code, Color: color.Black, Label: "Actors"}})
	sel := qda.Span{Start: offsetOf(doc, "retired"), End: offsetOf(doc, " teachers")}
	tv.Select(sel)
	var gotSel qda.Span
	var gotHits []ui.Highlight
	gotAt := -1
	tv.OnContextMenu = func(s qda.Span, offset int, hits []ui.Highlight, _ fyne.Position) {
		gotSel, gotAt, gotHits = s, offset, hits
	}
	tapSecondaryAt(t, w.Canvas(), at(tv, offsetOf(doc, "teachers")))
	if gotSel != sel {
		t.Errorf("menu got selection %v, want %v", gotSel, sel)
	}
	if want := offsetOf(doc, "teachers"); gotAt != want {
		t.Errorf("menu got the rune at %d under the pointer, want %d", gotAt, want)
	}
	if len(gotHits) != 1 || gotHits[0].ID != "c1" {
		t.Errorf("menu got highlights %v, want c1", gotHits)
	}
}

// Ensure that Shift with the arrow keys extends the selection by a rune or
// a line, plain arrows collapse it, and Ctrl+A and Ctrl+C act on it.
func TestTranscriptView_KeyboardSelection(t *testing.T) {
	doc, _ := sampleDoc()
	tv, w := newView(t, doc, fyne.NewSize(420, 900))
	start := offsetOf(doc, "yard meetings")
	test.TapCanvas(w.Canvas(), at(tv, start))
	if w.Canvas().Focused() != tv {
		t.Fatalf("a tap did not give the view the keyboard")
	}
	shift := func(down bool) {
		ev := &fyne.KeyEvent{Name: desktop.KeyShiftLeft}
		if down {
			tv.KeyDown(ev)
		} else {
			tv.KeyUp(ev)
		}
	}
	key := func(name fyne.KeyName) { w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: name}) }

	t.Run("ShiftRightExtendsByRune", func(t *testing.T) {
		shift(true)
		for i := 0; i < 4; i++ {
			key(fyne.KeyRight)
		}
		shift(false)
		if got, want := tv.SelectedText(), "yard"; got != want {
			t.Fatalf("selected %q, want %q", got, want)
		}
	})
	t.Run("ShiftDownExtendsByLine", func(t *testing.T) {
		shift(true)
		key(fyne.KeyDown)
		shift(false)
		sel := tv.Selection()
		if sel.Start != start {
			t.Fatalf("anchor moved to %d, want %d", sel.Start, start)
		}
		below := tv.PositionOf(sel.End)
		above := tv.PositionOf(start + 4)
		if below.Y <= above.Y {
			t.Fatalf("Shift+Down left the caret on the same line (y %v, was %v)", below.Y, above.Y)
		}
		if d := below.X - above.X; d < -20 || d > 20 {
			t.Errorf("Shift+Down moved the caret sideways by %v", d)
		}
	})
	t.Run("ShiftLeftShrinks", func(t *testing.T) {
		before := tv.Selection()
		shift(true)
		key(fyne.KeyLeft)
		shift(false)
		if got := tv.Selection(); got.End != before.End-1 || got.Start != before.Start {
			t.Fatalf("selection %v after Shift+Left from %v", got, before)
		}
	})
	t.Run("ArrowCollapses", func(t *testing.T) {
		key(fyne.KeyLeft)
		if got := tv.Selection(); got != (qda.Span{Start: start, End: start}) {
			t.Fatalf("Left left selection %v, want the caret at %d", got, start)
		}
	})
	t.Run("ShiftRightStepsOverEmojiAsOneCharacter", func(t *testing.T) {
		o := offsetOf(doc, "👨‍👩‍👧")
		tv.Select(qda.Span{Start: o, End: o})
		shift(true)
		key(fyne.KeyRight)
		shift(false)
		if got := tv.SelectedText(); got != "👨‍👩‍👧" {
			t.Fatalf("selected %q, want the whole family emoji", got)
		}
	})
	t.Run("CtrlASelectsAll", func(t *testing.T) {
		tv.TypedShortcut(&fyne.ShortcutSelectAll{})
		if got, want := tv.Selection(), (qda.Span{Start: 0, End: doc.Chars}); got != want {
			t.Fatalf("selection %v, want %v", got, want)
		}
	})
	t.Run("CtrlCCopies", func(t *testing.T) {
		a := offsetOf(doc, "三万元")
		tv.Select(qda.Span{Start: a, End: a + 3})
		cb := fyne.CurrentApp().Clipboard()
		tv.TypedShortcut(&fyne.ShortcutCopy{Clipboard: cb})
		if got := cb.Content(); got != "三万元" {
			t.Fatalf("clipboard holds %q, want 三万元", got)
		}
	})
	t.Run("OtherKeysGoToTheApp", func(t *testing.T) {
		var got fyne.KeyName
		tv.OnKey = func(ev *fyne.KeyEvent) { got = ev.Name }
		key(fyne.Key3)
		if got != fyne.Key3 {
			t.Fatalf("OnKey got %q, want 3", got)
		}
	})
}

// Ensure that PositionOf and OffsetAt are inverse for every caret position
// of a mixed English, Chinese and emoji document, also when scrolled.
func TestTranscriptView_OffsetAtInvertsPositionOf(t *testing.T) {
	doc, _ := sampleDoc()
	runes := []rune(doc.Text)
	for _, size := range []fyne.Size{fyne.NewSize(300, 200), fyne.NewSize(420, 900), fyne.NewSize(900, 500)} {
		tv, _ := newView(t, doc, size)
		tv.ScrollTo(qda.Span{Start: offsetOf(doc, "一开始"), End: offsetOf(doc, "一开始") + 1})
		h := tv.LineHeight()
		checked := 0
		for _, p := range doc.Passages {
			for o := p.Span.Start; o <= p.Span.End; o++ {
				if o < len(runes) && o > 0 && isClusterContinuation(runes, o) {
					continue
				}
				pos := tv.PositionOf(o)
				if got := tv.OffsetAt(pos.AddXY(0.3, h/2)); got != o {
					t.Fatalf("width %v: OffsetAt(PositionOf(%d)=%v) = %d (%q vs %q)", size.Width, o, pos, got,
						qda.Span{Start: o, End: o + 3}.Slice(runes), qda.Span{Start: got, End: got + 3}.Slice(runes))
				}
				checked++
			}
		}
		if checked < 300 {
			t.Fatalf("only %d offsets checked", checked)
		}
	}
}

func isClusterContinuation(runes []rune, i int) bool {
	r := runes[i]
	return r == 0x200D || runes[i-1] == 0x200D || (r >= 0xFE00 && r <= 0xFE0F) ||
		(r >= 0x1F3FB && r <= 0x1F3FF) || unicode.Is(unicode.Mn, r)
}

// lineStarts returns the offsets in span where a new visual line begins.
func lineStarts(tv *ui.TranscriptView, s qda.Span) []int {
	var starts []int
	for o := s.Start + 1; o < s.End; o++ {
		if tv.PositionOf(o).Y != tv.PositionOf(o-1).Y {
			starts = append(starts, o)
		}
	}
	return starts
}

// Ensure that wrapping keeps every line inside the view, breaks Chinese
// between characters but never before closing punctuation, breaks Latin
// text at spaces, and breaks a word too long for any line.
func TestTranscriptView_Wrapping(t *testing.T) {
	doc, spans := sampleDoc()
	runes := []rune(doc.Text)
	const width = 320
	tv, _ := newView(t, doc, fyne.NewSize(width, 2000))

	t.Run("NoLineExceedsWidth", func(t *testing.T) {
		for _, p := range doc.Passages {
			for o := p.Span.Start; o < p.Span.End; o++ {
				if runes[o] == ' ' || runes[o] == '\n' {
					continue
				}
				next := o + 1
				for next < len(runes) && isClusterContinuation(runes, next) {
					next++
				}
				a, b := tv.PositionOf(o), tv.PositionOf(next)
				if a.Y == b.Y && b.X > width {
					t.Fatalf("%q ends at x %v, past the width %d", string(runes[o]), b.X, width)
				}
			}
		}
	})
	t.Run("EnglishBreaksAtSpaces", func(t *testing.T) {
		starts := lineStarts(tv, spans["english"])
		if len(starts) < 3 {
			t.Fatalf("the English turn took %d lines at width %d", len(starts)+1, width)
		}
		for _, o := range starts {
			if runes[o-1] != ' ' {
				t.Errorf("line starts inside a word: %q|%q", string(runes[o-5:o]), string(runes[o:o+5]))
			}
		}
	})
	t.Run("ChineseBreaksBetweenCharacters", func(t *testing.T) {
		starts := lineStarts(tv, spans["chinese"])
		if len(starts) < 3 {
			t.Fatalf("the Chinese turn took %d lines at width %d", len(starts)+1, width)
		}
		for _, o := range starts {
			if strings.ContainsRune("，。、；：！？）」", runes[o]) {
				t.Errorf("line starts with closing punctuation %q", string(runes[o-2:o+2]))
			}
		}
	})
	t.Run("LongWordIsBroken", func(t *testing.T) {
		starts := lineStarts(tv, spans["word"])
		if len(starts) < 2 {
			t.Fatalf("a %d-letter word stayed on %d lines", spans["word"].Len(), len(starts)+1)
		}
	})
	t.Run("RewrapsOnResize", func(t *testing.T) {
		before := len(lineStarts(tv, spans["english"]))
		tv.Resize(fyne.NewSize(width*2, 2000))
		after := len(lineStarts(tv, spans["english"]))
		if after >= before {
			t.Fatalf("widening the view kept %d line breaks (was %d)", after, before)
		}
	})
}

// tapSecondaryAt right-clicks whatever takes secondary taps at pos.
func tapSecondaryAt(t *testing.T, c fyne.Canvas, pos fyne.Position) {
	t.Helper()
	var target fyne.SecondaryTappable
	var local fyne.Position
	for _, o := range test.LaidOutObjects(c.Content()) {
		st, ok := o.(fyne.SecondaryTappable)
		if !ok || !o.Visible() {
			continue
		}
		abs, size := canvasPos(o), o.Size()
		if pos.X >= abs.X && pos.Y >= abs.Y && pos.X < abs.X+size.Width && pos.Y < abs.Y+size.Height {
			target, local = st, pos.Subtract(abs)
		}
	}
	if target == nil {
		t.Fatalf("nothing at %v takes a secondary tap", pos)
	}
	target.TappedSecondary(&fyne.PointEvent{Position: local, AbsolutePosition: pos})
}

// countObjects counts the canvas objects drawn under o.
func countObjects(o fyne.CanvasObject) int {
	return len(test.LaidOutObjects(o))
}

// Ensure that a long transcript creates canvas objects only for what is
// near the viewport, wherever it is scrolled, and draws the text there.
func TestTranscriptView_DrawsOnlyVisibleLines(t *testing.T) {
	doc := longDoc(30000)
	tv, w := newView(t, doc, fyne.NewSize(800, 600))
	atTop := countObjects(w.Content())
	if atTop > 1500 {
		t.Fatalf("%d objects drawn for a 600-pixel view", atTop)
	}
	target := doc.Passages[len(doc.Passages)/2].Span.Start
	tv.ScrollTo(qda.Span{Start: target, End: target + 10})
	if y := tv.PositionOf(target).Y; y < 0 || y > 600 {
		t.Fatalf("ScrollTo left the target at y %v", y)
	}
	inMiddle := countObjects(w.Content())
	if inMiddle > 1500 {
		t.Fatalf("%d objects drawn after scrolling to the middle", inMiddle)
	}
	want := []rune(doc.Text)[target : target+4]
	found := false
	for _, o := range test.LaidOutObjects(w.Content()) {
		if txt, ok := o.(*canvas.Text); ok && strings.Contains(txt.Text, string(want)) {
			found = true
			break
		}
	}
	if !found {
		t.Fatalf("no drawn text holds %q after scrolling to it", string(want))
	}
}

// Ensure that speaker labels and headings are drawn bold and that the text
// takes the theme's foreground colour, in light and dark themes alike.
func TestTranscriptView_DrawsSpeakersBoldInThemeColours(t *testing.T) {
	doc, _ := sampleDoc()
	_, w := newView(t, doc, fyne.NewSize(600, 900))
	for _, variant := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		fyne.CurrentApp().Settings().SetTheme(variantTheme{theme.DefaultTheme(), variant})
		w.Content().Refresh()
		fg := theme.DefaultTheme().Color(theme.ColorNameForeground, variant)
		bold := map[string]bool{}
		for _, o := range test.LaidOutObjects(w.Content()) {
			txt, ok := o.(*canvas.Text)
			if !ok {
				continue
			}
			if txt.TextStyle.Bold {
				bold[strings.TrimSpace(txt.Text)] = true
			}
			if txt.Color != fg && txt.TextStyle.Bold {
				t.Errorf("variant %v: %q drawn in %v, want the theme foreground %v", variant, txt.Text, txt.Color, fg)
			}
		}
		for _, want := range []string{"Interviewer:", "王阿姨:", "Resident:", "Interview 7: the east yard"} {
			if !bold[want] {
				t.Errorf("variant %v: %q is not drawn bold (bold texts: %v)", variant, want, bold)
			}
		}
	}
}

// variantTheme forces a light or dark variant of a theme.
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

func (v variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return v.Theme.Color(n, v.variant)
}

// Ensure that a view with no document, or an empty one, takes pointer and
// keyboard input without failing.
func TestTranscriptView_EmptyDocumentIsHarmless(t *testing.T) {
	for _, doc := range []*qda.Document{nil, {Name: "empty", Kind: qda.KindOther}} {
		tv, w := newView(t, doc, fyne.NewSize(300, 200))
		test.TapCanvas(w.Canvas(), fyne.NewPos(50, 50))
		dragSelect(w.Canvas(), fyne.NewPos(10, 10), fyne.NewPos(100, 100))
		tv.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
		tv.TypedShortcut(&fyne.ShortcutSelectAll{})
		tv.ScrollTo(qda.Span{Start: 5, End: 9})
		if s := tv.Selection(); !s.Empty() {
			t.Errorf("empty document has selection %v", s)
		}
		if got := tv.OffsetAt(fyne.NewPos(100, 100)); got != 0 {
			t.Errorf("OffsetAt in an empty document = %d", got)
		}
	}
}

// Ensure that three codes on the same words each stay visible: every code
// gets its own band under the line, at its own height, and its own stripe
// in the gutter.
func TestTranscriptView_OverlappingCodesEachGetABandAndStripe(t *testing.T) {
	doc, _ := sampleDoc()
	tv, w := newView(t, doc, fyne.NewSize(600, 900))
	colors := []color.NRGBA{{R: 0xd3, G: 0x2f, B: 0x2f, A: 0xff}, {R: 0x19, G: 0x76, B: 0xd2, A: 0xff}, {R: 0x38, G: 0x8e, B: 0x3c, A: 0xff}}
	a := offsetOf(doc, "yard meetings")
	var hs []ui.Highlight
	for i, c := range colors {
		hs = append(hs, ui.Highlight{ID: qda.ID(rune('a' + i)), Span: qda.Span{Start: a - i*3, End: a + 13 + i*5}, Color: c})
	}
	tv.SetHighlights(hs)
	// The window is tall enough not to scroll, so the view's coordinates
	// are those of the rectangles drawn.
	lineTop := tv.PositionOf(a).Y
	textLeft := tv.PositionOf(offsetOf(doc, "We started")).X
	bandYs := map[float32]bool{}
	for _, c := range colors {
		bands, stripes := 0, 0
		for _, o := range test.LaidOutObjects(w.Content()) {
			r, ok := o.(*canvas.Rectangle)
			if !ok || r.FillColor != c {
				continue
			}
			switch p := r.Position(); {
			case r.Size().Height < 4 && p.Y > lineTop+tv.LineHeight()-1:
				bands++
				bandYs[p.Y] = true
			case r.Size().Width < 8 && p.X+r.Size().Width < textLeft:
				stripes++
			}
		}
		if bands == 0 || stripes == 0 {
			t.Errorf("code %v has %d bands and %d gutter stripes; want both", c, bands, stripes)
		}
	}
	if len(bandYs) < 3 {
		t.Errorf("three overlapping codes drew bands at only %d heights", len(bandYs))
	}
}
