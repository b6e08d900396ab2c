package assist

import (
	"strings"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/hungarian"

	"coder/analysis"
)

// lang is the language a document's words are stemmed and filtered in.
type lang uint8

const (
	english lang = iota // and any language without its own rules here
	hungarianLang
)

// hungarianStop is a hand-made list of Hungarian function words: articles,
// conjunctions, pronouns and their common case forms, postpositions, verb
// particles, the forms of "to be", "can" and "must", and frequent
// adverbs of time, place and degree. It is applied to a document only when
// the document is Hungarian (see detectLang): several of these words mean
// something in other languages ("van", "ha", "fel", "hat").
var hungarianStop = set(`
a az egy és is hogy nem de meg már csak még mint ha sem se sőt mert akkor
így úgy itt ott ez ezt ezek ezeket ennek ebben erre ebből ezzel ezért
azt azok azokat annak abban arra abból azzal azért aki akik akit akiket
ami amik amit amiket amely amelyek amelyet ami amikor ahol ahogy amíg
mi mit mik miért mikor hol hova honnan hogyan mennyi milyen melyik
ki kit kik kinek én te ő mi ti ők engem téged őt minket titeket őket
nekem neked neki nekünk nektek nekik velem veled vele velünk veletek velük
tőlem tőled tőle rólam rólad róla bennem benned benne magam magad maga
magát magának magunk maguk saját
van volt lesz lett lenne vannak voltak lesznek legyen lehet lehetne
vagyok vagy vagyunk vagytok nincs nincsenek sincs volna kell kellett
kellene kéne fog fogja fogjuk fognak tud tudja
vagy vagyis illetve azonban viszont ugyan bár hiszen pedig tehát hát
ugye persze talán szinte nagyon igen is ám mégis sincs egész
minden mindent mindenki valami valaki valamit semmi semmit senki
sok sokan kevés több egyik másik olyan ilyen ennyi annyi
szerint között alatt felett fölött után előtt mellett nélkül helyett
által ellen óta felé miatt mögött körül iránt
fel föl le ki be el át rá össze vissza oda ide
most majd mindig soha sokszor néha ma tegnap holnap már még
`)

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// englishStop is the default English list, used only to tell languages
// apart (the project's own stop-word lists are what is left out).
var englishStop = set(strings.Join(analysis.DefaultStopWords().English, " "))

// detectLang says which language a document is in by counting its function
// words: Hungarian when more of its words are on the Hungarian list than on
// the English one (words on both, like "a" and "is", count for neither).
func detectLang(toks []analysis.Token) lang {
	hu, en := 0, 0
	for _, t := range toks {
		h, e := hungarianStop[t.Word], englishStop[t.Word]
		switch {
		case h && !e:
			hu++
		case e && !h:
			en++
		}
	}
	if hu > en {
		return hungarianLang
	}
	return english
}

// stopped reports whether a word is left out of a document in language l.
func (l lang) stopped(w string, stop map[string]bool) bool {
	return stop[w] || l == hungarianLang && hungarianStop[w]
}

// stem returns a lower-case word's stem in language l: English words by
// the analysis package's Porter2 stemmer, Hungarian ones by Snowball's
// Hungarian stemmer.
func (l lang) stem(w string) string {
	if l != hungarianLang {
		return analysis.Stem(w)
	}
	if len(w) < 4 || isHanWord(w) {
		return w
	}
	env := snowballstem.NewEnv(w)
	hungarian.Stem(env)
	return env.Current()
}
