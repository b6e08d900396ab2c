package assist

import (
	"context"
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
	// InTop is how many of the units to find are among the first TopN
	// suggestions (ranked by score, whatever the threshold), and TopRecall
	// that as a share of them: what a researcher meets in the review queue.
	InTop     int     `json:"inTop"`
	TopRecall float64 `json:"topRecall"`
}

// TopN is how many of the first suggestions InTop looks at.
const TopN = 20

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
	if s.TP+s.FN > 0 {
		s.TopRecall = float64(s.InTop) / float64(s.TP+s.FN)
	}
}

// inTop counts the gold units among the TopN candidates of highest rank
// (ties in unit order).
func inTop(cands []int, rank func(u int) float64, gold []bool) int {
	r := make([]float64, len(cands))
	for i, u := range cands {
		r[i] = rank(u)
	}
	idx := make([]int, len(cands))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return r[idx[a]] > r[idx[b]] })
	n := 0
	for _, i := range idx[:min(TopN, len(idx))] {
		if gold[cands[i]] {
			n++
		}
	}
	return n
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
// count, and so are the units of documents nobody coded (see labels).
// The baseline
// suggests every such unit that contains one of the code's BaselineWords
// most frequent words (stop words left out) in the units its training
// codings overlap, and ranks them by how many of those words they hold.
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
	unread := c.unread(codings)
	for i, code := range eligible {
		ks := shuffled(by[code])
		nTest := len(ks) / 5
		test, rest := ks[:nTest], ks[nTest:]
		gold, pos := c.heldOut(test, rest)
		l := labels{pos: pos, unread: unread}
		m, err := train(ctx, c, l)
		if err != nil {
			return nil, err
		}
		if m.Threshold, err = chooseThreshold(ctx, c, rest, l, gold); err != nil {
			return nil, err
		}
		top := c.frequentWords(pos, BaselineWords)
		ms := Score{Code: code, Train: len(rest), Test: len(test)}
		bs := ms
		var cands []int
		for u := range c.Units {
			if pos[u] || unread[u] {
				continue
			}
			cands = append(cands, u)
			count(&ms, m.Score(c, u) >= m.Threshold, gold[u])
			count(&bs, c.countAny(u, top) > 0, gold[u])
		}
		ms.InTop = inTop(cands, func(u int) float64 { return m.Score(c, u) }, gold)
		bs.InTop = inTop(cands, func(u int) float64 { return float64(c.countAny(u, top)) }, gold)
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
	all.InTop += s.InTop
}

// frequentWords returns the n stems most frequent in the marked units.
func (c *Corpus) frequentWords(in []bool, n int) map[int32]bool {
	freq := map[int32]int{}
	for u, ok := range in {
		if ok {
			for _, s := range c.words[u] {
				freq[s]++
			}
		}
	}
	all := make([]int32, 0, len(freq))
	for s := range freq {
		all = append(all, s)
	}
	sort.Slice(all, func(i, j int) bool {
		if freq[all[i]] != freq[all[j]] {
			return freq[all[i]] > freq[all[j]]
		}
		return c.stems[all[i]] < c.stems[all[j]]
	})
	out := map[int32]bool{}
	for _, s := range all[:min(n, len(all))] {
		out[s] = true
	}
	return out
}

// countAny returns how many of the stems unit u has (each counted once).
func (c *Corpus) countAny(u int, stems map[int32]bool) int {
	seen := map[int32]bool{}
	for _, s := range c.words[u] {
		if stems[s] {
			seen[s] = true
		}
	}
	return len(seen)
}
