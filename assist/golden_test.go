package assist

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"coder/analysis"
	"coder/qda"
)

var updateGolden = flag.Bool("update-golden", false, "write assist/testdata/golden.json from the current implementation")

// goldenCase is what one code's Suggest gave, and the probability its
// fitted model gives every unit of the corpus, with the unit's span.
type goldenCase struct {
	Code        qda.ID
	Threshold   float64
	Suggestions []Suggestion
	Units       []string // "doc start end"
	Probs       []float64
	Evaluation  *Evaluation `json:",omitempty"`
}

// goldenDocs is the village fixture, a few documents of made-up words
// coded with several codes, a Hungarian document, a Chinese one, one
// without passages and one long passage that is cut into lines and
// sentences: every path of the features.
func goldenDocs(t *testing.T) ([]qda.Document, []qda.Coding) {
	_, docs := corpus(t)
	ks := moneyCodings(docs)
	gen, gks := largeProject(30, 3000)
	docs = append(docs, gen...)
	for _, k := range gks {
		if k.Code < "code004" {
			ks = append(ks, k)
		}
	}
	hu := "Nem tudom kifizetni a lakbért, mert a fizetésem túl kevés.\nA kertben paradicsomot ültettünk a fészer mellett.\nA bank levelet írt a hitelről és a tartozásról."
	zh := "房租又涨了，账单一直来，贷款也到期了。\n我们在花园里种了西红柿，花园很美。\n银行来信说贷款到期了，房租和账单我没有钱付。"
	var long strings.Builder
	for i := 0; i < 40; i++ {
		fmt.Fprintf(&long, "The rent and the loan were due on day %d, so we borrowed money again. ", i)
		if i%9 == 8 {
			long.WriteString("\n")
		}
	}
	extra := []qda.Document{
		{ID: "hu", Text: hu},
		{ID: "zh", Text: zh},
		{ID: "whole", Text: "The bills and the rent took all the wages of the month."},
		{ID: "long", Text: long.String()},
	}
	for i := range extra[:2] {
		start := 0
		for _, line := range strings.SplitAfter(extra[i].Text, "\n") {
			n := len([]rune(strings.TrimSuffix(line, "\n")))
			extra[i].Passages = append(extra[i].Passages, qda.Passage{Span: qda.Span{Start: start, End: start + n}})
			start += len([]rune(line))
		}
	}
	extra[3].Passages = []qda.Passage{{Span: qda.Span{Start: 0, End: len([]rune(extra[3].Text))}}}
	return append(docs, extra...), ks
}

// goldenRun fits and scores every case of the golden fixture.
func goldenRun(t *testing.T, c *Corpus, ks []qda.Coding) []goldenCase {
	ctx := context.Background()
	rej := []Rejection{{Code: "money", Document: "docf", Span: c.Units[c.index["docf"][0]].Span}}
	var out []goldenCase
	for _, code := range []qda.ID{"money", "code000", "code001", "code002", "code003"} {
		var mine []qda.Coding
		for _, k := range ks {
			if k.Code == code {
				mine = append(mine, k)
			}
		}
		sug, err := Suggest(ctx, c, ks, code, rej, 0)
		if err != nil {
			t.Fatal(err)
		}
		r := make([]bool, len(c.Units))
		for _, x := range rej {
			if x.Code == code {
				r[c.unitAt(x.Document, x.Span)] = true
			}
		}
		m, err := fit(ctx, c, mine, labels{rej: r, unread: c.unread(ks)})
		if err != nil {
			t.Fatal(err)
		}
		g := goldenCase{Code: code, Threshold: m.Threshold, Suggestions: sug}
		for u, x := range c.Units {
			g.Units = append(g.Units, fmt.Sprintf("%s %d %d", x.Document, x.Span.Start, x.Span.End))
			g.Probs = append(g.Probs, m.Score(c, u))
		}
		out = append(out, g)
	}
	ev, err := Evaluate(ctx, c, ks, nil)
	if err != nil {
		t.Fatal(err)
	}
	out[0].Evaluation = ev
	return out
}

// Ensure that the features, models, scores, suggestions and evaluation are
// what they were before the features were stored compactly
// (testdata/golden.json was written by the implementation before): the
// same units, the same suggestions with the same driving words and marks,
// and every unit's probability within 1e-6, for each code of a fixture
// with English, Hungarian and Chinese text, a document without passages
// and a passage cut into sentences; built at once and rebuilt after an edit.
func TestGolden_SameResultsAsBeforeCompactFeatures(t *testing.T) {
	docs, ks := goldenDocs(t)
	stop := analysis.DefaultStopWords().Set()
	path := filepath.Join("testdata", "golden.json")
	c, err := NewCorpus(context.Background(), docs, stop, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := goldenRun(t, c, ks)
	if *updateGolden {
		data, _ := json.MarshalIndent(got, "", " ")
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var want []goldenCase
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatal(err)
	}
	compareGolden(t, "built at once", got, want)

	// The same documents built by a builder that saw an older text of one
	// of them first: the reused features must weigh the same.
	b := NewBuilder()
	old := append([]qda.Document(nil), docs...)
	old[8].Text = strings.Replace(old[8].Text, "w", "v", 7)
	if _, err := b.Build(context.Background(), old, stop, nil); err != nil {
		t.Fatal(err)
	}
	rc, err := b.Build(context.Background(), docs, stop, nil)
	if err != nil {
		t.Fatal(err)
	}
	compareGolden(t, "rebuilt", goldenRun(t, rc, ks), want)
}

func compareGolden(t *testing.T, how string, got, want []goldenCase) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d cases, want %d", how, len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if math.Abs(g.Threshold-w.Threshold) > 1e-6 {
			t.Errorf("%s %s: threshold %v, want %v", how, w.Code, g.Threshold, w.Threshold)
		}
		gs, _ := json.Marshal(g.Suggestions)
		ws, _ := json.Marshal(w.Suggestions)
		if string(gs) != string(ws) {
			t.Errorf("%s %s: suggestions\n%s\nwant\n%s", how, w.Code, gs, ws)
		}
		if strings.Join(g.Units, ",") != strings.Join(w.Units, ",") {
			t.Fatalf("%s %s: %d units differ from the %d before", how, w.Code, len(g.Units), len(w.Units))
		}
		worst := 0.0
		for u := range w.Probs {
			worst = max(worst, math.Abs(g.Probs[u]-w.Probs[u]))
		}
		if worst > 1e-6 {
			t.Errorf("%s %s: a unit's probability differs by %g", how, w.Code, worst)
		}
		ge, _ := json.Marshal(g.Evaluation)
		we, _ := json.Marshal(w.Evaluation)
		if string(ge) != string(we) {
			t.Errorf("%s %s: evaluation\n%s\nwant\n%s", how, w.Code, ge, we)
		}
	}
}
