package search

import (
	"strings"

	"github.com/blevesearch/bleve/v2"
)

// dictionary lists index terms of the text field by prefix; queries expand a
// word to every indexed form sharing its English stem, and a lone CJK
// character to every term it starts.
type dictionary func(prefix string, keep func(term string) bool) ([]string, error)

// bleveDictionary reads the text field's term dictionary.
func bleveDictionary(bi bleve.Index) dictionary {
	return func(prefix string, keep func(string) bool) ([]string, error) {
		d, err := bi.FieldDictPrefix(fText, []byte(prefix))
		if err != nil {
			return nil, err
		}
		defer d.Close()
		var out []string
		for {
			e, err := d.Next()
			if err != nil {
				return nil, err
			}
			if e == nil {
				return out, nil
			}
			if keep(e.Term) {
				out = append(out, e.Term)
			}
		}
	}
}

// stemTails are endings the Porter2 stemmer writes in place of a word's own
// ending ("-ational" becomes "-ate", "-y" becomes "-i", "-bility" becomes
// "-bl"), longest first. A word
// with stem s therefore starts with s less at most one of these tails, which
// bounds the dictionary range expandWord has to read.
var stemTails = []string{
	"tion", "ence", "ance", "able", "less",
	"ent", "ize", "ate", "ful", "ous", "ive", "ble",
	"al", "og", "ic", "ss", "ie", "ee", "bl",
	"i", "e",
}

// stemPrefix returns a prefix every word with stem s begins with.
func stemPrefix(s string) string {
	switch s {
	case "die", "lie", "tie": // dying, lying, tying: Porter2's exceptional forms
		return s[:1]
	case "sky": // skies
		return "sk"
	}
	for _, t := range stemTails {
		if strings.HasSuffix(s, t) && len(s) > len(t) {
			return s[:len(s)-len(t)]
		}
	}
	return s
}

// expandWord returns the indexed words that share w's English stem, so
// "mobilise" finds "mobilised" and "mobilising"; w must be analysed already.
func expandWord(dict dictionary, w string) ([]string, error) {
	s := stem(w)
	return dict(stemPrefix(s), func(t string) bool { return stem(t) == s })
}

// expandChar returns the indexed terms a CJK character starts: the pairs it
// begins and the character alone where it ends a run.
func expandChar(dict dictionary, c string) ([]string, error) {
	return dict(c, func(string) bool { return true })
}
