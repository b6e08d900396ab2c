package analysis

import (
	"strings"

	"coder/qda"
)

// KWICLine is one occurrence of a word with the text around it (keyword in
// context). Start and End are rune offsets of the match in its document.
type KWICLine struct {
	Doc     qda.ID `json:"-"`
	DocName string `json:"document"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Left    string `json:"left"`
	Match   string `json:"match"`
	Right   string `json:"right"`
}

// KWIC finds the word in the excerpts as WordFrequencies counts it (the same
// tokens, lower-cased, stemmed when opt.Stem) and returns each occurrence
// with width characters of context on each side, line breaks shown as
// spaces, in document then text order. The context may reach outside the
// excerpt: it is there to be read.
func KWIC(ex []Excerpt, word string, width int, opt WordOptions) []KWICLine {
	want := wordKey(word, opt.Stem)
	if want == "" {
		return nil
	}
	var out []KWICLine
	for _, doc := range byDocument(ex) {
		var r []rune
		for _, t := range doc.tokens() {
			if wordKey(t.Word, opt.Stem) != want {
				continue
			}
			if r == nil {
				r = []rune(doc.text)
			}
			out = append(out, KWICLine{
				Doc: doc.doc, DocName: doc.name, Start: t.Start, End: t.End,
				Left:  flat(r[max(t.Start-width, 0):t.Start]),
				Match: string(r[t.Start:t.End]),
				Right: flat(r[t.End:min(t.End+width, len(r))]),
			})
		}
	}
	return out
}

// wordKey is how a word is compared: lower-cased, apostrophes unified, and
// stemmed when asked.
func wordKey(w string, stem bool) string {
	w = strings.ReplaceAll(strings.ToLower(strings.TrimSpace(w)), "’", "'")
	if stem {
		w = Stem(w)
	}
	return w
}

// flat shows line breaks and tabs as spaces so a KWIC line stays one line.
func flat(r []rune) string {
	return strings.Map(func(c rune) rune {
		if c == '\n' || c == '\t' || c == '\r' {
			return ' '
		}
		return c
	}, string(r))
}
