package assist

import (
	"context"
	"math/rand"
	"sort"

	"coder/qda"
)

// innerFolds is how many times a code's codings are split to choose its
// threshold: each time a third is held out, a model trained on the rest,
// and its scores of the held-out passages (and of the uncoded ones) kept.
const innerFolds = 3

// thresholdSample is about how many of the units no held-out coding
// overlaps are scored when choosing a threshold.
const thresholdSample = 5000

// shuffled returns codings in an order fixed by their ids and the seed, so
// the same codings are always held out.
func shuffled(codings []qda.Coding) []qda.Coding {
	ks := append([]qda.Coding(nil), codings...)
	sort.Slice(ks, func(i, j int) bool { return ks[i].ID < ks[j].ID })
	rng := rand.New(rand.NewSource(seed))
	rng.Shuffle(len(ks), func(i, j int) { ks[i], ks[j] = ks[j], ks[i] })
	return ks
}

// heldOut splits codings into test and train for an evaluation: the test
// units are the ones the test codings overlap, and they count as uncoded in
// training even when a training coding (another coder's, say) overlaps
// them too, so that the test is on passages the model has not seen.
func (c *Corpus) heldOut(test, train []qda.Coding) (gold, pos []bool) {
	gold = c.covered(test)
	pos = c.covered(train)
	for u := range pos {
		pos[u] = pos[u] && !gold[u]
	}
	return gold, pos
}

// chooseThreshold picks the score above which a code's model suggests a
// unit, from its training codings alone: over innerFolds splits, it pools
// the held-out models' scores of every unit they were not trained on as
// positive, and takes the cut with the best F1 at finding the held-out
// passages, but never below the default Threshold: with few codings the
// best cut is often a low one that finds one held-out passage among
// thousands, and suggesting thousands helps no one. With no held-out
// passage to find (or none found) it is the default Threshold. Units marked in hide (an evaluation's test units) are
// neither learnt as positive nor scored; nor are unread units scored.
func chooseThreshold(ctx context.Context, c *Corpus, codings []qda.Coding, l labels, hide []bool) (float64, error) {
	ks := shuffled(codings)
	// Scored are every unit a held-out coding overlaps and a sample of the
	// others (each of which then stands for 1/rate of them).
	rate := min(1, float64(thresholdSample)/float64(len(c.Units)))
	rng := rand.New(rand.NewSource(seed))
	sample := make([]bool, len(c.Units))
	for u := range sample {
		sample[u] = rng.Float64() < rate
	}
	var pts []scored
	for f := 0; f < innerFolds; f++ {
		var test, rest []qda.Coding
		for i, k := range ks {
			if i%innerFolds == f {
				test = append(test, k)
			} else {
				rest = append(rest, k)
			}
		}
		if len(test) == 0 || len(rest) == 0 {
			continue
		}
		gold, pos := c.heldOut(test, rest)
		for u := range pos {
			pos[u] = pos[u] && (hide == nil || !hide[u])
		}
		l.pos = pos
		m, err := train(ctx, c, l)
		if err != nil {
			return 0, err
		}
		for u := range c.Units {
			if !pos[u] && (gold[u] || sample[u]) && !l.is(l.rej, u) && !l.is(l.unread, u) && !l.is(hide, u) {
				pts = append(pts, scored{m.Score(c, u), gold[u]})
			}
		}
	}
	return max(Threshold, bestThreshold(pts, 1/rate)), nil
}

type scored struct {
	p    float64
	gold bool
}

// bestThreshold returns the cut with the best F1 over pts, where each unit
// not to be found stands for weight of them: half-way between the lowest
// score it keeps and the highest it leaves out.
func bestThreshold(pts []scored, weight float64) float64 {
	sort.Slice(pts, func(i, j int) bool { return pts[i].p > pts[j].p })
	g := 0
	for _, x := range pts {
		if x.gold {
			g++
		}
	}
	best, cut := 0.0, Threshold
	tp, fp := 0, 0.0
	for i, x := range pts {
		if x.gold {
			tp++
		} else {
			fp += weight
		}
		if i+1 < len(pts) && pts[i+1].p == x.p {
			continue // a cut falls between different scores only
		}
		if f1 := 2 * float64(tp) / (float64(tp) + fp + float64(g)); f1 > best {
			best = f1
			cut = x.p
			if i+1 < len(pts) {
				cut = (x.p + pts[i+1].p) / 2
			}
		}
	}
	return cut
}
