package assist

import (
	"context"
	"math/rand"
	"sort"

	"coder/qda"
)

// Score is how well suggestions matched held-out codings, at the level of
// units: a unit a held-out coding overlaps is one to find.
type Score struct {
	Code      qda.ID  `json:"code"`
	Train     int     `json:"train"` // codings trained on
	Test      int     `json:"test"`  // codings held out
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

func (s *Score) finish() {
	if s.TP+s.FP > 0 {
		s.Precision = float64(s.TP) / float64(s.TP+s.FP)
	}
	if s.TP+s.FN > 0 {
		s.Recall = float64(s.TP) / float64(s.TP+s.FN)
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
}

// Evaluation compares the model with the baseline on every code with at
// least MinExamples codings; All sums the codes' counts (micro average).
type Evaluation struct {
	Model       []Score `json:"model"`
	Baseline    []Score `json:"baseline"`
	ModelAll    Score   `json:"modelAll"`
	BaselineAll Score   `json:"baselineAll"`
	Units       int     `json:"units"`
}

// BaselineWords is how many of a code's most frequent words the baseline
// looks for.
const BaselineWords = 3

// Evaluate holds out a fifth of each code's codings (shuffled with a fixed
// seed), trains on the rest and scores the units it would suggest against
// the units the held-out codings overlap (which count as uncoded in
// training, even when another coder's coding of them stayed in). Units
// only the training codings overlap are coded already and left out of the
// count. The baseline
// suggests every such unit that contains one of the code's BaselineWords
// most frequent words (stop words left out) in the units its training
// codings overlap.
// progress, when not nil, is told how many codes are done.
func Evaluate(ctx context.Context, c *Corpus, codings []qda.Coding, progress func(done, total int)) (*Evaluation, error) {
	by := map[qda.ID][]qda.Coding{}
	var codes []qda.ID
	for _, k := range codings {
		if by[k.Code] == nil {
			codes = append(codes, k.Code)
		}
		by[k.Code] = append(by[k.Code], k)
	}
	sort.Slice(codes, func(i, j int) bool { return codes[i] < codes[j] })
	var eligible []qda.ID
	for _, code := range codes {
		if len(by[code]) >= MinExamples {
			eligible = append(eligible, code)
		}
	}
	ev := &Evaluation{Units: len(c.Units)}
	for i, code := range eligible {
		ks := append([]qda.Coding(nil), by[code]...)
		sort.Slice(ks, func(i, j int) bool { return ks[i].ID < ks[j].ID })
		rng := rand.New(rand.NewSource(seed))
		rng.Shuffle(len(ks), func(i, j int) { ks[i], ks[j] = ks[j], ks[i] })
		nTest := len(ks) / 5
		test, train := ks[:nTest], ks[nTest:]
		gold := c.covered(test)
		pos := c.covered(train)
		for u := range pos {
			// A held-out passage is uncoded for training even when another
			// coder's coding of it stayed in: the test is on unseen passages.
			pos[u] = pos[u] && !gold[u]
		}
		m, err := Train(ctx, c, pos, nil)
		if err != nil {
			return nil, err
		}
		top := c.frequentWords(pos, BaselineWords)
		ms := Score{Code: code, Train: len(train), Test: len(test)}
		bs := ms
		for u := range c.Units {
			if pos[u] {
				continue
			}
			count(&ms, m.Score(c, u) >= Threshold, gold[u])
			count(&bs, c.hasAny(u, top), gold[u])
		}
		ms.finish()
		bs.finish()
		ev.Model = append(ev.Model, ms)
		ev.Baseline = append(ev.Baseline, bs)
		add(&ev.ModelAll, ms)
		add(&ev.BaselineAll, bs)
		if progress != nil {
			progress(i+1, len(eligible))
		}
	}
	ev.ModelAll.finish()
	ev.BaselineAll.finish()
	return ev, nil
}

func count(s *Score, predicted, gold bool) {
	switch {
	case predicted && gold:
		s.TP++
	case predicted:
		s.FP++
	case gold:
		s.FN++
	}
}

func add(all *Score, s Score) {
	all.Train += s.Train
	all.Test += s.Test
	all.TP += s.TP
	all.FP += s.FP
	all.FN += s.FN
}

// frequentWords returns the n stems most frequent in the marked units.
func (c *Corpus) frequentWords(in []bool, n int) map[string]bool {
	freq := map[string]int{}
	for u, ok := range in {
		if ok {
			for _, s := range c.words[u] {
				freq[s]++
			}
		}
	}
	all := make([]string, 0, len(freq))
	for s := range freq {
		all = append(all, s)
	}
	sort.Slice(all, func(i, j int) bool {
		if freq[all[i]] != freq[all[j]] {
			return freq[all[i]] > freq[all[j]]
		}
		return all[i] < all[j]
	})
	out := map[string]bool{}
	for _, s := range all[:min(n, len(all))] {
		out[s] = true
	}
	return out
}

func (c *Corpus) hasAny(u int, stems map[string]bool) bool {
	for _, s := range c.words[u] {
		if stems[s] {
			return true
		}
	}
	return false
}
