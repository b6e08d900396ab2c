package main

import (
	"fmt"
	"strings"
	"unicode"

	"coder/analysis"
	"coder/chart"
	"coder/project"
)

// The word commands register themselves so cli.go's table stays untouched
// (cli.go's init runs first: files initialise in name order).
func init() {
	commands["words"] = cmdWords
	commands["kwic"] = cmdKWIC
	commands["stopwords"] = cmdStopWords
}

// selectionFlags are the --case and --code flags that choose the text words
// are counted in.
type selectionFlags struct{ caseName, code *string }

func addSelectionFlags(f *flags) selectionFlags {
	return selectionFlags{caseName: f.String("case", "", ""), code: f.String("code", "", "")}
}

func (s selectionFlags) resolve(p *project.Project) (project.TextSelection, error) {
	var sel project.TextSelection
	if *s.caseName != "" {
		c, err := p.FindCase(*s.caseName)
		if err != nil {
			return sel, err
		}
		sel.Case = c.ID
	}
	if *s.code != "" {
		c, err := p.FindCode(*s.code)
		if err != nil {
			return sel, err
		}
		sel.Code = c.ID
	}
	return sel, nil
}

func cmdWords(args []string) int {
	const usage = "coder words PROJECT [--case NAME] [--code PATH] [--limit N] [--stem] [--json] [--chart FILE.png]"
	f := newFlags("words")
	sel := addSelectionFlags(f)
	limit := f.Int("limit", 0, "")
	stem := f.Bool("stem", false, "")
	asJSON := f.Bool("json", false, "")
	chartPath := f.String("chart", "", "")
	if err := f.parse(args, 1, 1, usage); err != nil {
		return fail(err)
	}
	if *limit < 0 {
		return usageError("words", "--limit must be 0 (all) or more (usage: "+usage+")")
	}
	return withProject(f.pos[0], "", func(p *project.Project) error {
		s, err := sel.resolve(p)
		if err != nil {
			return err
		}
		ws, err := p.Words(s, project.WordOptions{Stem: *stem, Limit: *limit})
		if err != nil {
			return err
		}
		if *chartPath != "" {
			if err := writeWordsChart(*chartPath, ws, *sel.caseName, *sel.code); err != nil {
				return err
			}
		}
		if *asJSON {
			return printJSON(ws)
		}
		for _, w := range ws {
			fmt.Fprintf(stdout, "%7d  %5d  %s\n", w.Count, w.Documents, w.Word)
		}
		return nil
	})
}

func cmdKWIC(args []string) int {
	const usage = "coder kwic PROJECT WORD [--width N] [--case NAME] [--code PATH] [--stem] [--json]"
	f := newFlags("kwic")
	sel := addSelectionFlags(f)
	width := f.Int("width", 30, "")
	stem := f.Bool("stem", false, "")
	asJSON := f.Bool("json", false, "")
	if err := f.parse(args, 2, 2, usage); err != nil {
		return fail(err)
	}
	if *width < 0 {
		return usageError("kwic", "--width must be 0 or more (usage: "+usage+")")
	}
	return withProject(f.pos[0], "", func(p *project.Project) error {
		s, err := sel.resolve(p)
		if err != nil {
			return err
		}
		lines, err := p.KWIC(s, f.pos[1], *width, project.WordOptions{Stem: *stem})
		if err != nil {
			return err
		}
		if *asJSON {
			if lines == nil {
				lines = []analysis.KWICLine{}
			}
			return printJSON(lines)
		}
		for _, l := range lines {
			fmt.Fprintf(stdout, "%s %d:%d\t%*s [%s] %s\n", l.DocName, l.Start, l.End, *width, l.Left, l.Match, l.Right)
		}
		if len(lines) == 0 {
			fmt.Fprintf(stderr, "coder: no occurrence of %s as a word (kwic takes words as coder words counts them, whole; coder search finds it inside other words)\n", f.pos[1])
		}
		return nil
	})
}

func cmdStopWords(args []string) int {
	const usage = "coder stopwords PROJECT [--add WORD,WORD] [--remove WORD,WORD] [--reset] [--json]"
	f := newFlags("stopwords")
	add := f.String("add", "", "")
	remove := f.String("remove", "", "")
	reset := f.Bool("reset", false, "")
	asJSON := f.Bool("json", false, "")
	if err := f.parse(args, 1, 1, usage); err != nil {
		return fail(err)
	}
	return withProject(f.pos[0], "", func(p *project.Project) error {
		if *reset {
			if err := p.ResetStopWords(); err != nil {
				return err
			}
		}
		if *add != "" || *remove != "" {
			s, err := p.StopWords()
			if err != nil {
				return err
			}
			if err := p.SetStopWords(editStopWords(s, splitList(*add), splitList(*remove))); err != nil {
				return err
			}
		}
		s, err := p.StopWords()
		if err != nil {
			return err
		}
		if *asJSON {
			return printJSON(s)
		}
		fmt.Fprintf(stdout, "English (%d): %s\nChinese (%d): %s\n", len(s.English), strings.Join(s.English, " "), len(s.Chinese), strings.Join(s.Chinese, " "))
		return nil
	})
}

// editStopWords adds words to the list of their script (Han to Chinese,
// anything else to English) and removes words from both.
func editStopWords(s analysis.StopWords, add, remove []string) analysis.StopWords {
	for _, w := range add {
		if strings.IndexFunc(w, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0 {
			s.Chinese = append(s.Chinese, w)
		} else {
			s.English = append(s.English, w)
		}
	}
	drop := map[string]bool{}
	for _, w := range remove {
		drop[strings.ToLower(w)] = true
	}
	keep := func(l []string) []string {
		var out []string
		for _, w := range l {
			if !drop[strings.ToLower(w)] {
				out = append(out, w)
			}
		}
		return out
	}
	return analysis.StopWords{English: keep(s.English), Chinese: keep(s.Chinese)}
}

func splitList(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || unicode.IsSpace(r) })
}

// writeWordsChart draws the most frequent words (30 at most) as bars.
func writeWordsChart(path string, ws []analysis.WordCount, caseName, code string) error {
	title := "Word frequencies"
	for _, part := range []string{caseName, code} {
		if part != "" {
			title += ": " + part
		}
	}
	bars := make([]chart.Bar, 0, 30)
	for _, w := range ws[:min(len(ws), 30)] {
		bars = append(bars, chart.Bar{Label: w.Word, Value: float64(w.Count)})
	}
	return chart.Bars(title, "occurrences", bars).WritePNG(path)
}
