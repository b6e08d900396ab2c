package search

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// Ensure that every word begins with stemPrefix of its stem, which is what
// lets a query read only that range of the dictionary and still find every
// form of a word. Checked on words chosen to exercise each Porter2 rule and
// on every word of the shared English corpus when it is present.
func TestStemPrefix_CoversEveryFormOfAWord(t *testing.T) {
	words := strings.Fields(`dying lying tying skies skis idly gently ugly early only singly
		relational national nationalization rationalize conditional operator generously
		happiness happily happy hopping hoped hoping agreed feed fitted possibility
		university universal sensibility hopefulness fulness lessness carelessly
		formality formalism electrical electricity communicate communication
		mobilise mobilised mobilising organization organizer criticism criticize
		analogies analogy sympathize enthusiasm bias news atlas cosmos andes howe
		succeed proceed exceed cried crying flies flying studied studies studying
		generate generation generator generative ability capable capably
		dependence dependency dependent reliance reliant abundance abundant
		quota quotas cadre cadres village villages villager township townships`)
	if dir := sharedEnglish(); dir != "" {
		files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			words = append(words, strings.FieldsFunc(strings.ToLower(string(raw)), func(r rune) bool {
				return !unicode.IsLetter(r) || r > unicode.MaxASCII
			})...)
		}
	}
	for _, w := range words {
		s := stem(w)
		if p := stemPrefix(s); !strings.HasPrefix(w, p) {
			t.Errorf("%q has stem %q, but does not start with %q", w, s, p)
		}
	}
}

// sharedEnglish returns the shared English corpus directory beside the
// repository, or "" when it is absent.
func sharedEnglish() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
	en := filepath.Join(dir, "..", "shared", "corpus", "en")
	if _, err := os.Stat(en); err != nil {
		return ""
	}
	return en
}
