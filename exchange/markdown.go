package exchange

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"coder/qda"
)

func writeExcerptsMarkdown(w io.Writer, b *qda.Bundle, ex []Excerpt, title string) error {
	bw := bufio.NewWriter(w)
	groups := groupByCode(b, ex)
	fmt.Fprintf(bw, "# %s\n\n", mdInline(title))
	fmt.Fprintf(bw, "%s: %s under %s.\n", mdInline(projectName(b)), qda.Plural(len(ex), "excerpt", "excerpts"), qda.Plural(len(groups), "code", "codes"))
	if len(groups) == 0 {
		fmt.Fprint(bw, "\nNo coded excerpts match.\n")
	} else {
		fmt.Fprint(bw, "\n## Contents\n\n")
		for _, g := range groups {
			fmt.Fprintf(bw, "- %s (%d)\n", mdInline(g.Path), len(g.Excerpts))
		}
		fmt.Fprint(bw, "\n")
	}
	for _, g := range groups {
		fmt.Fprintf(bw, "## %s\n\n", mdInline(g.Path))
		if d := strings.TrimSpace(g.Description); d != "" {
			fmt.Fprintf(bw, "*%s*\n\n", mdInline(strings.Join(strings.Fields(d), " ")))
		}
		for _, e := range g.Excerpts {
			fmt.Fprint(bw, mdQuote(e.Text))
			meta := fmt.Sprintf("%s, %s", mdInline(e.Document), e.position())
			if e.Coder != "" {
				meta += " · coded by " + mdInline(e.Coder)
			}
			if len(e.Cases) > 0 {
				meta += " · " + mdInline(casesLabel(e.Cases))
			}
			fmt.Fprintf(bw, "\n— %s\n\n", meta)
			if m := strings.TrimSpace(e.Memo); m != "" {
				fmt.Fprintf(bw, "Memo: %s\n\n", mdInline(strings.ReplaceAll(m, "\n", " ")))
			}
		}
	}
	return bw.Flush()
}

func writeCodebookMarkdown(w io.Writer, rows []codeRow, title string) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# %s\n\n%s.\n\n", mdInline(title), qda.Plural(len(rows), "code", "codes"))
	for _, r := range rows {
		level := min(r.Depth+2, 6)
		name := mdInline(r.Name)
		if r.Folder {
			name += " (folder)"
		}
		fmt.Fprintf(bw, "%s %s\n\n", strings.Repeat("#", level), name)
		fmt.Fprintf(bw, "Path: %s · colour %s · %s\n\n", mdInline(r.Path), r.Color, qda.Plural(r.Codings, "coding", "codings"))
		if d := strings.TrimSpace(r.Description); d != "" {
			for _, para := range strings.Split(d, "\n") {
				if para = strings.TrimSpace(para); para != "" {
					fmt.Fprintf(bw, "%s\n\n", mdInline(para))
				}
			}
		} else {
			fmt.Fprint(bw, "No definition yet.\n\n")
		}
	}
	return bw.Flush()
}

func casesLabel(cases []string) string {
	if len(cases) == 1 {
		return "case " + cases[0]
	}
	return "cases " + strings.Join(cases, ", ")
}

// mdQuote renders text as a block quote, line for line; blank lines stay
// inside the quote so a multi-paragraph excerpt remains one quote.
func mdQuote(text string) string {
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		if strings.TrimSpace(line) == "" {
			b.WriteString(">\n")
			continue
		}
		b.WriteString("> " + mdLine(line) + "  \n")
	}
	return b.String()
}

// mdInline escapes the characters Markdown would read as markup in running
// text, so a quote shows exactly as it was said.
func mdInline(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<>|", r) {
			b.WriteRune('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// mdLine escapes a line, including what would start a heading, list or
// numbered list at the start of the line.
func mdLine(s string) string {
	s = mdInline(s)
	trimmed := strings.TrimLeft(s, " ")
	lead := s[:len(s)-len(trimmed)]
	switch {
	case strings.HasPrefix(trimmed, "#"), strings.HasPrefix(trimmed, "- "), strings.HasPrefix(trimmed, "+ "), strings.HasPrefix(trimmed, "="):
		return lead + "\\" + trimmed
	}
	for i, r := range trimmed {
		if r >= '0' && r <= '9' {
			continue
		}
		if i > 0 && (r == '.' || r == ')') {
			return lead + trimmed[:i] + "\\" + trimmed[i:]
		}
		break
	}
	return s
}
