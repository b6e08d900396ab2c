package assist

import (
	"context"
	"fmt"
	"math"
	"testing"

	"coder/analysis"
	"coder/qda"
)

// Ensure that building the same documents again returns the corpus built
// before, and that after one document's text changed the rebuilt corpus
// holds the new text, keeps the other documents' features, and suggests
// what a corpus built afresh suggests.
func TestBuilder_RebuildsOnlyChangedDocuments(t *testing.T) {
	_, docs := corpus(t)
	stop := analysis.DefaultStopWords().Set()
	ctx := context.Background()
	b := NewBuilder()
	first, err := b.Build(ctx, docs, stop, nil)
	if err != nil {
		t.Fatal(err)
	}
	again, err := b.Build(ctx, docs, stop, nil)
	if err != nil {
		t.Fatal(err)
	}
	if again != first {
		t.Error("an unchanged project's features were built again")
	}
	kept := b.docs[docs[0].ID]

	edited := append([]qda.Document(nil), docs...)
	d := edited[4]
	d.Text = "My wages are too low to cover the mortgage, the bills and the loan.\n" + d.Text[len([]rune("My wages are too low to cover the rent, the bills and the loan.\n")):]
	d.Passages = append([]qda.Passage(nil), d.Passages...)
	for i := range d.Passages {
		shift := 4 // "mortgage" is four runes longer than "rent"
		if i == 0 {
			d.Passages[i].Span.End += shift
		} else {
			d.Passages[i].Span.Start += shift
			d.Passages[i].Span.End += shift
		}
	}
	edited[4] = d
	rebuilt, err := b.Build(ctx, edited, stop, nil)
	if err != nil {
		t.Fatal(err)
	}
	if b.docs[docs[0].ID] != kept {
		t.Error("an unchanged document's features were computed again")
	}
	u := rebuilt.index[d.ID][0]
	if got := rebuilt.Text(rebuilt.Units[u]); got != "My wages are too low to cover the mortgage, the bills and the loan." {
		t.Fatalf("rebuilt corpus holds %q", got)
	}
	fresh, err := NewCorpus(ctx, edited, stop, nil)
	if err != nil {
		t.Fatal(err)
	}
	ks := moneyCodings(edited)
	a, err := Suggest(ctx, rebuilt, ks, "money", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	f, err := Suggest(ctx, fresh, ks, "money", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(a) != len(f) {
		t.Fatalf("rebuilt corpus suggests %d passages, a fresh one %d", len(a), len(f))
	}
	for i := range a {
		if a[i].Document != f[i].Document || a[i].Span() != f[i].Span() || math.Abs(a[i].Score-f[i].Score) > 0.002 {
			t.Errorf("suggestion %d: rebuilt %s %s %.3f, fresh %s %s %.3f", i, a[i].Document, a[i].Span(), a[i].Score, f[i].Document, f[i].Span(), f[i].Score)
		}
	}
}

// Ensure that a Hungarian document is recognised by its function words and
// loses them (and gets Hungarian stems), while an English document keeps
// "van", which is a word in English.
func TestFeatures_HungarianFunctionWordsLeftOut(t *testing.T) {
	hu := analysis.Tokenize("Nem akarom az oltást, mert nem bízom a kormányban, és van ami ennél fontosabb.")
	if detectLang(hu) != hungarianLang {
		t.Fatal("the Hungarian sentence was not recognised")
	}
	en := analysis.Tokenize("The van was parked by the bakery and the driver went in for bread.")
	if detectLang(en) != english {
		t.Fatal("the English sentence was taken for Hungarian")
	}
	b := NewBuilder()
	_, words := b.featurize(nil, hu, hungarianLang, analysis.DefaultStopWords().Set())
	got := map[string]bool{}
	for _, s := range words {
		got[b.stems[s]] = true
	}
	for _, w := range []string{"nem", "az", "mert", "és", "van", "ami"} {
		if got[w] {
			t.Errorf("function word %q kept in %v", w, got)
		}
	}
	if !got[hungarianLang.stem("kormányban")] || hungarianLang.stem("kormányban") == "kormányban" {
		t.Errorf("kormányban: stem %q missing or not stemmed in %v", hungarianLang.stem("kormányban"), got)
	}
	_, words = b.featurize(nil, en, english, analysis.DefaultStopWords().Set())
	found := false
	for _, s := range words {
		found = found || b.stems[s] == "van"
	}
	if !found {
		t.Error("English 'van' was left out")
	}
}

// Ensure that a vector whose features lie more than a step apart keeps
// them all, with their values, and scores as the plain sum of weight ×
// value over them: the filler entries add nothing.
func TestCorpus_LongStepsBetweenFeaturesKeepTheVector(t *testing.T) {
	ids := []int32{0, 3, maxStep + 3, maxStep + 4, 3*maxStep + 10, 5 * maxStep}
	vals := []float32{0.5, -0.25, 0.125, 1, 0.75, -2}
	c := &Corpus{off: []int32{0}}
	last := int32(0)
	for i, id := range ids {
		c.appendEntry(&last, id, vals[i])
	}
	c.off = append(c.off, int32(len(c.vals)))
	m := &Model{w: make([]float64, 5*maxStep+1), bias: 0.1}
	want := m.bias
	for i, id := range ids {
		m.w[id] = float64(i) - 2.5
		want += m.w[id] * float64(vals[i])
	}
	steps, vs := c.vec(0)
	var got []int32
	id := int32(0)
	for i, d := range steps {
		id += int32(d)
		if vs[i] != 0 {
			got = append(got, id)
		}
	}
	if fmt.Sprint(got) != fmt.Sprint(ids) {
		t.Errorf("the vector holds features %v, want %v", got, ids)
	}
	if p := m.Score(c, 0); math.Abs(p-sigmoid(want)) > 1e-12 {
		t.Errorf("score %v, want %v", p, sigmoid(want))
	}
}
