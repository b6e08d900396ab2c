package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"coder/project"
	"coder/qda"
)

// manyTurns is fictional transcript number k of n exchanges: a short
// question and a resident's answer of varying length, some of it in Chinese.
func manyTurns(k, n int) string {
	var sb strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&sb, "Interviewer: What happened at meeting %d of visit %d?\n", i, k)
		sb.WriteString("Resident: ")
		for j := 0; j <= (i+k)%9; j++ {
			if (i+k)%5 == 2 {
				sb.WriteString("大家在院子里商量修下水道的事情，")
			} else {
				fmt.Fprintf(&sb, "We talked about drain %d and the yard budget for a while. ", j)
			}
		}
		sb.WriteString("\n")
	}
	return sb.String()
}

// manySegments makes a project of files transcripts with n resident turns
// in all, each coded "Answers". A hundred transcripts rather than one long
// one: coding a turn costs the project time in proportion to its
// document's codings so far.
func manySegments(tb testing.TB, app *App, n, files int) (*project.Project, *qda.Code) {
	tb.Helper()
	p, err := project.Create(filepath.Join(tb.TempDir(), "many.coder"), project.CreateOptions{Options: app.opts, Codebook: "empty"})
	if err != nil {
		tb.Fatal(err)
	}
	dir := tb.TempDir()
	var srcs []string
	for i := 0; i < files; i++ {
		src := filepath.Join(dir, fmt.Sprintf("interview %03d.txt", i))
		if err := os.WriteFile(src, []byte(manyTurns(i, n/files)), 0o644); err != nil {
			tb.Fatal(err)
		}
		srcs = append(srcs, src)
	}
	if _, err := p.Import(context.Background(), srcs, project.ImportOptions{Kind: qda.KindInterview}, nil); err != nil {
		tb.Fatal(err)
	}
	code, err := p.AddCode("Answers", "", "")
	if err != nil {
		tb.Fatal(err)
	}
	if got, err := p.CodeSpeaker("Resident", code.ID); err != nil || got != n {
		tb.Fatalf("coded %d turns (%v), want %d", got, err, n)
	}
	return p, code
}

// Ensure that retrieving 5,000 coded segments lists them all while making
// row widgets only for the rows in view, that no row's text is cut off by
// its estimated height, and that tapping a row, at the top or after
// scrolling to the end, opens its segment.
func TestRetrieve_FiveThousandSegmentsInABoundedList(t *testing.T) {
	const n, files = 5000, 100
	app, _ := newTestApp(t)
	p, code := manySegments(t, app, n, files)
	app.show(p)
	ws := app.ws
	ws.retrieve.show([]qda.ID{code.ID})
	if want := fmt.Sprintf("%d segments in %d documents", n, files); ws.retrieve.summary.Text != want {
		t.Errorf("summary %q, want %q", ws.retrieve.summary.Text, want)
	}
	rows, _ := p.Codings(project.CodingFilter{Codes: []qda.ID{code.ID}})

	check := func(t *testing.T, where string) []*tapCard {
		t.Helper()
		cards := cardsUnder(ws.retrieve.results)
		if len(cards) == 0 || len(cards) > 80 {
			t.Fatalf("%s the list has %d row widgets for %d segments, want a screenful", where, len(cards), n)
		}
		for _, c := range cards {
			if min, got := c.MinSize().Height, c.Size().Height; min > got+0.5 {
				t.Errorf("%s a row %.0f high needs %.0f: its text is cut off:\n%s", where, got, min, textUnder(c))
			}
		}
		return cards
	}

	t.Run("TopRowOpensItsSegment", func(t *testing.T) {
		cards := check(t, "at the top")
		test.Tap(cards[1])
		if ws.centre.Selected() != ws.docTab || ws.doc.ID != rows[1].Document || ws.view.Selection() != rows[1].Span {
			t.Errorf("tapping the second row selected %v, want %v", ws.view.Selection(), rows[1].Span)
		}
	})

	t.Run("LastRowOpensItsSegment", func(t *testing.T) {
		ws.centre.Select(ws.retrieveTab)
		ws.retrieve.results.list.ScrollToBottom()
		cards := check(t, "at the end")
		var last *tapCard
		for _, c := range cards {
			if txt := textUnder(c); strings.Contains(txt, ws.retrieve.source(rows[n-1])) {
				last = c
			}
		}
		if last == nil {
			t.Fatal("scrolled to the end, the last segment is not shown")
		}
		test.Tap(last)
		if ws.doc.ID != rows[n-1].Document || ws.view.Selection() != rows[n-1].Span {
			t.Errorf("tapping the last row selected %v, want %v", ws.view.Selection(), rows[n-1].Span)
		}
	})
}

// BenchmarkRetrieve_Resize5000 measures what a change of width costs a
// retrieval of 5,000 segments: every row's height estimated again and the
// rows in view laid out.
func BenchmarkRetrieve_Resize5000(b *testing.B) {
	a := test.NewTempApp(b)
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(1280, 820))
	app := Create(a, w, "")
	app.opts = project.Options{IndexDir: b.TempDir(), Coder: "Bench"}
	app.indexOnOpen = false
	p, code := manySegments(b, app, 5000, 100)
	app.show(p)
	defer app.closeProject()
	r := app.ws.retrieve
	r.show([]qda.ID{code.ID})
	h := r.results.Size().Height
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r.results.Resize(fyne.NewSize(float32(500+i%200), h))
	}
}
