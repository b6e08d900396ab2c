package ingest

import (
	"regexp"
	"strings"
)

var (
	mdHeading  = regexp.MustCompile(`^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$`)
	mdSetext   = regexp.MustCompile(`^ {0,3}(=+|-+)[ \t]*$`)
	mdRule     = regexp.MustCompile(`^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$`)
	mdFence    = regexp.MustCompile("^ {0,3}(```+|~~~+)")
	mdBullet   = regexp.MustCompile(`^(\s*)[-*+][ \t]+(\[[ xX]\][ \t]+)?`)
	mdQuote    = regexp.MustCompile(`^ {0,3}(?:>[ \t]?)+`)
	mdImage    = regexp.MustCompile(`!\[([^\]]*)\]\([^)]*\)`)
	mdLink     = regexp.MustCompile(`\[([^\]]+)\]\([^)]*\)`)
	mdRefLink  = regexp.MustCompile(`\[([^\]]+)\]\[[^\]]*\]`)
	mdRefDef   = regexp.MustCompile(`^ {0,3}\[[^\]]+\]:\s+\S`)
	mdStrong   = regexp.MustCompile(`(\*\*|__)(\S(?:.*?\S)?)(\*\*|__)`)
	mdEmph     = regexp.MustCompile(`(^|[^\pL\pN*_])[*_](\S(?:[^*_]*?\S)?)[*_]($|[^\pL\pN*_])`)
	mdCode     = regexp.MustCompile("`+([^`]+)`+")
	mdAutolink = regexp.MustCompile(`<((?:https?|mailto):[^>\s]+)>`)
)

// parseMarkdown reads Markdown as text, stripping the syntax lightly so the
// stored text reads as prose: heading marks go (the line becomes a
// PassageHeading), emphasis, code and link syntax go (their words stay),
// bullets become "• ", quote marks go, fences and rules go. Line structure is
// kept, so paragraphs and speaker turns are found exactly as in plain text.
func parseMarkdown(p *parser, data []byte) error {
	s, err := p.decodeText(data)
	if err != nil {
		return err
	}
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	lines := strings.Split(s, "\n")
	out := make([]string, 0, len(lines))
	headings := map[int]bool{}
	fence := ""
	for _, line := range lines {
		if fence != "" {
			if strings.HasPrefix(strings.TrimSpace(line), fence) {
				fence = ""
				out = append(out, "")
				continue
			}
			out = append(out, line)
			continue
		}
		if m := mdFence.FindStringSubmatch(line); m != nil {
			fence = m[1][:3]
			out = append(out, "")
			continue
		}
		// A setext underline makes the line before it a heading.
		if mdSetext.MatchString(line) && len(out) > 0 &&
			strings.TrimSpace(out[len(out)-1]) != "" && !headings[len(out)-1] {
			headings[len(out)-1] = true
			out = append(out, "")
			continue
		}
		if mdRule.MatchString(line) || mdRefDef.MatchString(line) {
			out = append(out, "")
			continue
		}
		if m := mdHeading.FindStringSubmatch(line); m != nil {
			headings[len(out)] = true
			out = append(out, mdInline(m[2]))
			continue
		}
		line = mdQuote.ReplaceAllString(line, "")
		line = mdBullet.ReplaceAllString(line, "$1• ")
		out = append(out, mdInline(line))
	}
	p.setText(strings.Join(out, "\n"), headings)
	return nil
}

// mdInline strips inline syntax, keeping the words.
func mdInline(s string) string {
	if !strings.ContainsAny(s, "*_`[!<") {
		return s
	}
	s = mdImage.ReplaceAllString(s, "$1")
	s = mdLink.ReplaceAllString(s, "$1")
	s = mdRefLink.ReplaceAllString(s, "$1")
	s = mdAutolink.ReplaceAllString(s, "$1")
	s = mdCode.ReplaceAllString(s, "$1")
	s = mdStrong.ReplaceAllString(s, "$2")
	// Twice, because a match consumes the character after it, which may be
	// the character before the next emphasis.
	s = mdEmph.ReplaceAllString(s, "$1$2$3")
	s = mdEmph.ReplaceAllString(s, "$1$2$3")
	return s
}
