package assist

import (
	"context"
	"strings"
	"testing"

	"coder/analysis"
	"coder/qda"
)

// fixture is a fictional village's interviews: five paragraphs about money
// troubles coded "Money", one more about money left uncoded, and paragraphs
// about gardens, weather and a choir that have nothing to do with money.
var fixture = []string{
	"The rent went up again in March and the bills keep arriving.\nWe planted tomatoes by the shed and the beans climbed the fence.\nThe choir sings on Thursdays in the old hall.",
	"I could not pay the electricity bill, so I borrowed money from my sister.\nThe rain came early this year and flooded the lower field.\nOur neighbour grows roses along the path.",
	"Every month the rent and the loan repayments leave nothing for food.\nThe choir practised a new hymn for the harvest festival.\nWind broke two branches of the apple tree.",
	"We owe money to the bank and the debt frightens me at night.\nThe garden needs weeding after all that rain.\nSnow closed the mountain road for a week.",
	"My wages are too low to cover the rent, the bills and the loan.\nThe hall was painted blue by the choir members.\nCarrots and onions grew well in the sandy soil.",
	"The bank wrote about the loan again; the rent and the bills are overdue and I have no money left.\nFrost killed the young lettuce in the garden.\nThe choir travelled by bus to sing in the city.",
}

func corpus(t *testing.T) (*Corpus, []qda.Document) {
	t.Helper()
	var docs []qda.Document
	for i, text := range fixture {
		d := qda.Document{ID: qda.ID("doc" + string(rune('a'+i))), Name: "interview", Text: text}
		start := 0
		for _, line := range strings.SplitAfter(text, "\n") {
			n := len([]rune(strings.TrimSuffix(line, "\n")))
			d.Passages = append(d.Passages, qda.Passage{Span: qda.Span{Start: start, End: start + n}})
			start += len([]rune(line))
		}
		docs = append(docs, d)
	}
	c, err := NewCorpus(context.Background(), docs, analysis.DefaultStopWords().Set(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return c, docs
}

// moneyCodings codes the first passage of the first five documents "money".
func moneyCodings(docs []qda.Document) []qda.Coding {
	var out []qda.Coding
	for i, d := range docs[:5] {
		out = append(out, qda.Coding{ID: qda.ID("k" + string(rune('a'+i))), Document: d.ID, Code: "money", Span: d.Passages[0].Span})
	}
	return out
}

// Ensure that the uncoded passage about rent, bills and a loan is the top
// suggestion for a code whose five codings are all about money troubles,
// and that the words that drove it are money words.
func TestSuggest_UncodedMoneyPassageComesFirst(t *testing.T) {
	c, docs := corpus(t)
	got, err := Suggest(context.Background(), c, moneyCodings(docs), "money", nil, 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) == 0 {
		t.Fatal("no suggestions")
	}
	top := got[0]
	if top.Document != docs[5].ID || top.Span() != docs[5].Passages[0].Span {
		t.Fatalf("top suggestion is %s %d:%d %q, want the sixth interview's money passage", top.Document, top.Start, top.End, top.Text)
	}
	joined := strings.Join(top.Words, " ")
	for _, w := range []string{"rent", "loan"} {
		if !strings.Contains(joined, w) {
			t.Errorf("words %q lack %q", top.Words, w)
		}
	}
	if len(top.Marks) == 0 {
		t.Error("no words marked in the suggestion")
	}
	for _, s := range got {
		for _, k := range moneyCodings(docs) {
			if s.Document == k.Document && s.Span().Overlaps(k.Span) {
				t.Errorf("suggested a passage already coded: %q", s.Text)
			}
		}
	}
}

// Ensure that a rejected suggestion is not suggested again.
func TestSuggest_RejectedPassageDoesNotComeBack(t *testing.T) {
	c, docs := corpus(t)
	rej := []Rejection{{Code: "money", Document: docs[5].ID, Span: docs[5].Passages[0].Span}}
	got, err := Suggest(context.Background(), c, moneyCodings(docs), "money", rej, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range got {
		if s.Document == docs[5].ID && s.Span() == docs[5].Passages[0].Span {
			t.Fatalf("the rejected passage came back: %q", s.Text)
		}
	}
}

// Ensure that a code with fewer than MinExamples codings gets no model but
// an error that says how many it needs.
func TestSuggest_TooFewCodingsSaysHowMany(t *testing.T) {
	c, docs := corpus(t)
	_, err := Suggest(context.Background(), c, moneyCodings(docs)[:4], "money", nil, 0)
	if err == nil || !strings.Contains(err.Error(), "at least 5") {
		t.Fatalf("err = %v, want one naming the threshold", err)
	}
}

// Ensure that Chinese text gets CJK bigram features and word features from
// the segmenter, and English words their character trigrams.
func TestFeaturize_ChineseGetsBigramsAndWords(t *testing.T) {
	b := NewBuilder()
	has := func(counts []tally, id int32) bool {
		for _, c := range counts {
			if c.id == id {
				return true
			}
		}
		return false
	}
	counts, _ := b.featurize([]rune("房租太贵了"), analysis.Tokenize("房租太贵了"), english, nil)
	for _, pair := range [][2]rune{{'房', '租'}, {'租', '太'}} {
		if id, ok := b.grams[hanKey(pair[0], pair[1])]; !ok || !has(counts, id) {
			t.Errorf("no CJK bigram %c%c", pair[0], pair[1])
		}
	}
	if s, ok := b.stemNum["房租"]; !ok || !has(counts, b.wordFeat[s]) {
		t.Errorf("no word feature for 房租")
	}
	counts, _ = b.featurize([]rune("rent"), analysis.Tokenize("rent"), english, nil)
	for _, g := range [][3]rune{{'^', 'r', 'e'}, {'r', 'e', 'n'}, {'e', 'n', 't'}, {'n', 't', '$'}} {
		if id, ok := b.grams[gramKey(g[0], g[1], g[2])]; !ok || !has(counts, id) {
			t.Errorf("rent: no trigram %q", string(g[:]))
		}
	}
	if s, ok := b.stemNum["rent"]; !ok || !has(counts, b.wordFeat[s]) {
		t.Errorf("rent: no word feature")
	}
}

// Ensure that the evaluation holds out a fifth of the codings and finds the
// held-out money passage.
func TestEvaluate_FindsHeldOutPassage(t *testing.T) {
	c, docs := corpus(t)
	ks := moneyCodings(docs)
	ks = append(ks, qda.Coding{ID: "kf", Document: docs[5].ID, Code: "money", Span: docs[5].Passages[0].Span})
	ev, err := Evaluate(context.Background(), c, ks, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(ev.Model) != 1 || ev.Model[0].Test != 1 || ev.Model[0].Train != 5 {
		t.Fatalf("evaluation = %+v, want one code with 5 trained, 1 held out", ev.Model)
	}
	if ev.Model[0].TP != 1 {
		t.Errorf("model found %d of the held-out passage: %+v", ev.Model[0].TP, ev.Model[0])
	}
}
