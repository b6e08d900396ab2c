package assist

import (
	"context"
	"fmt"
	"math"
	"math/rand"
	"slices"
	"sort"

	"coder/qda"
)

// MinExamples is the number of codings a code needs before the assistant
// learns from it (see the package comment for why five).
const MinExamples = 5

// Training settings: passes over the units, the learning rate and the L2
// penalty, the weight of a rejected passage, the seed that makes the same
// codings give the same model, and how many uncoded units a model sees
// (negativesPerPositive for each coded one, at least minNegatives: all of
// them in a small project).
const (
	epochs               = 5
	learningRate         = 0.5
	l2                   = 1e-3
	rejectWeight         = 3
	seed                 = 1
	negativesPerPositive = 10
	minNegatives         = 2000
)

// Threshold is the probability above which a unit is suggested when the
// codings are too few to choose one (see chooseThreshold).
const Threshold = 0.5

// Model is one code's logistic regression over the corpus's features, with
// the score above which it suggests a unit.
type Model struct {
	w         []float64
	bias      float64
	Threshold float64
}

// labels are what a model learns from, by unit: coded with the code,
// rejected for it, and in a document nobody has coded (unread: a passage
// there is no evidence either way, so it is not learnt from as "not the
// code", nor counted against a model in the evaluation, but it is
// suggested). Any may be nil.
type labels struct {
	pos, rej, unread []bool
}

func (l labels) is(mask []bool, u int) bool { return mask != nil && mask[u] }

// unread marks the units of documents no coding is on.
func (c *Corpus) unread(codings []qda.Coding) []bool {
	coded := map[qda.ID]bool{}
	for _, k := range codings {
		coded[k.Document] = true
	}
	out := make([]bool, len(c.Units))
	for u, x := range c.Units {
		out[u] = !coded[x.Document]
	}
	return out
}

// train fits a model to the units marked positive; rejected units are
// negatives with triple weight. Every positive and rejected unit is
// learnt from, and a sample (fixed seed) of the read others. ctx stops it
// between passes. The model's Threshold is the default one.
func train(ctx context.Context, c *Corpus, l labels) (*Model, error) {
	positive, rejected := l.pos, l.rej
	m := &Model{w: make([]float64, len(c.names)), Threshold: Threshold}
	rng := rand.New(rand.NewSource(seed))
	var order, negs []int
	for u := range c.Units {
		switch {
		case positive[u] || rejected != nil && rejected[u]:
			order = append(order, u)
		case !l.is(l.unread, u):
			negs = append(negs, u)
		}
	}
	npos := 0
	for _, p := range positive {
		if p {
			npos++
		}
	}
	if npos == 0 || len(order)-npos+len(negs) == 0 {
		return m, nil
	}
	if n := max(minNegatives, negativesPerPositive*npos); len(negs) > n {
		for i := 0; i < n; i++ {
			j := i + rng.Intn(len(negs)-i)
			negs[i], negs[j] = negs[j], negs[i]
		}
		negs = negs[:n]
	}
	order = append(order, negs...)
	slices.Sort(order) // the shuffles start from unit order
	nneg := len(order) - npos
	// Balanced classes: each side weighs as much as the other in total.
	wpos := float64(len(order)) / (2 * float64(npos))
	wneg := float64(len(order)) / (2 * float64(nneg))
	t := 0
	// Lazy L2: weights are kept scaled by `scale`, so the decay of a step
	// costs one multiplication instead of a pass over every weight.
	scale := 1.0
	for e := 0; e < epochs; e++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, u := range order {
			t++
			eta := learningRate / (1 + float64(t)*learningRate*l2)
			y, cw := 0.0, wneg
			if positive[u] {
				y, cw = 1, wpos
			} else if rejected != nil && rejected[u] {
				cw *= rejectWeight
			}
			z := m.bias
			steps, vals := c.vec(u)
			id := 0
			for i, d := range steps {
				id += int(d)
				z += m.w[id] * scale * float64(vals[i])
			}
			g := cw * (sigmoid(z) - y)
			scale *= 1 - eta*l2
			if scale < 1e-9 {
				for i := range m.w {
					m.w[i] *= scale
				}
				scale = 1
			}
			id = 0
			for i, d := range steps {
				id += int(d)
				m.w[id] -= eta * g * float64(vals[i]) / scale
			}
			m.bias -= eta * g
		}
	}
	for i := range m.w {
		m.w[i] *= scale
	}
	return m, nil
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// Score returns the model's probability that unit u is the code's.
func (m *Model) Score(c *Corpus, u int) float64 {
	z := m.bias
	steps, vals := c.vec(u)
	id := 0
	for i, d := range steps {
		id += int(d)
		z += m.w[id] * float64(vals[i])
	}
	return sigmoid(z)
}

// fit trains a code's model on its codings and chooses its threshold.
// l.pos is ignored: the codings say what is positive.
func fit(ctx context.Context, c *Corpus, codings []qda.Coding, l labels) (*Model, error) {
	l.pos = c.covered(codings)
	m, err := train(ctx, c, l)
	if err != nil {
		return nil, err
	}
	t, err := chooseThreshold(ctx, c, codings, l, nil)
	if err != nil {
		return nil, err
	}
	m.Threshold = t
	return m, nil
}

// Suggestion is an uncoded unit the model finds like the code's passages.
type Suggestion struct {
	Document qda.ID   `json:"document"`
	Start    int      `json:"start"`
	End      int      `json:"end"`
	Text     string   `json:"text"`
	Score    float64  `json:"score"`
	Words    []string `json:"words"`
	// Marks are the spans (document offsets) of the driving words in the text.
	Marks []qda.Span `json:"marks,omitempty"`
}

// Span returns the suggestion's span.
func (s Suggestion) Span() qda.Span { return qda.Span{Start: s.Start, End: s.End} }

// Rejection is a suggestion the researcher turned down.
type Rejection struct {
	Code     qda.ID   `json:"code"`
	Document qda.ID   `json:"document"`
	Span     qda.Span `json:"span"`
}

// ErrTooFewExamples says a code has fewer than MinExamples codings.
type ErrTooFewExamples struct{ Have int }

func (e ErrTooFewExamples) Error() string {
	return fmt.Sprintf("the code has %d codings; the assistant learns from a code with at least %d", e.Have, MinExamples)
}

// Suggest trains a model for code on its codings and returns up to limit
// (0: all) uncoded units scoring at least the model's threshold, best
// first. Units the
// code's codings overlap, and units rejected for it, are never suggested.
func Suggest(ctx context.Context, c *Corpus, codings []qda.Coding, code qda.ID, rejected []Rejection, limit int) ([]Suggestion, error) {
	var mine []qda.Coding
	for _, k := range codings {
		if k.Code == code {
			mine = append(mine, k)
		}
	}
	if len(mine) < MinExamples {
		return nil, ErrTooFewExamples{Have: len(mine)}
	}
	pos := c.covered(mine)
	rej := make([]bool, len(c.Units))
	for _, r := range rejected {
		if r.Code != code {
			continue
		}
		if u := c.unitAt(r.Document, r.Span); u >= 0 {
			rej[u] = true
		}
	}
	m, err := fit(ctx, c, mine, labels{rej: rej, unread: c.unread(codings)})
	if err != nil {
		return nil, err
	}
	type hit struct {
		u int
		p float64
	}
	var hits []hit
	for u := range c.Units {
		if pos[u] || rej[u] {
			continue
		}
		if p := m.Score(c, u); p >= m.Threshold {
			hits = append(hits, hit{u, p})
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].p > hits[j].p })
	if limit > 0 && len(hits) > limit {
		hits = hits[:limit]
	}
	out := make([]Suggestion, 0, len(hits))
	for _, h := range hits {
		u := c.Units[h.u]
		words, stems := m.drivers(c, h.u, 5)
		out = append(out, Suggestion{
			Document: u.Document, Start: u.Span.Start, End: u.Span.End,
			Text: c.Text(u), Score: math.Round(h.p*1000) / 1000,
			Words: words, Marks: c.marks(u, stems),
		})
	}
	return out, nil
}

// drivers returns the n word features that add most to unit u's score, as
// display words, and the stems they stand for.
func (m *Model) drivers(c *Corpus, u, n int) ([]string, map[string]bool) {
	type contrib struct {
		name featName
		v    float64
	}
	var cs []contrib
	steps, vals := c.vec(u)
	id := 0
	for i, d := range steps {
		id += int(d)
		name := c.names[id]
		if name.kind != kindWord && name.kind != kindBigram {
			continue
		}
		if v := m.w[id] * float64(vals[i]); v > 0 {
			cs = append(cs, contrib{name, v})
		}
	}
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].v != cs[j].v {
			return cs[i].v > cs[j].v
		}
		return c.display(cs[i].name) < c.display(cs[j].name)
	})
	words := []string{}
	stems := map[string]bool{}
	for _, x := range cs {
		if len(words) == n {
			break
		}
		stems[c.stems[x.name.a]] = true
		if x.name.kind == kindBigram {
			stems[c.stems[x.name.b]] = true
		}
		words = append(words, c.display(x.name))
	}
	return words, stems
}

// display is how a word or bigram feature is shown: the surface forms of
// its stems.
func (c *Corpus) display(n featName) string {
	if n.kind == kindBigram {
		return c.shown[n.a] + " " + c.shown[n.b]
	}
	return c.shown[n.a]
}
