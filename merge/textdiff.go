package merge

import (
	"coder/qda"
)

// maxDiff bounds the edits textSplice looks for one by one (Myers' D): a
// correction changes a few words; texts further apart than this are
// treated as one replacement of all they do not begin and end with in
// common.
const maxDiff = 1000

// textSplice returns the splice that turns text from into text to: a
// rune-level shortest edit script (Myers' O(ND) difference algorithm),
// each run of deleted and inserted runes one replacement. Every span into
// from moves onto to through it, as through a text edit (see qda.Splice).
func textSplice(from, to string) *qda.Splice {
	a, b := []rune(from), []rune(to)
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	whole := []qda.Replacement{{Span: qda.Span{Start: pre, End: len(a) - suf}, Text: string(b[pre : len(b)-suf])}}
	reps := diffRuns(a[pre:len(a)-suf], b[pre:len(b)-suf], pre)
	if reps == nil {
		reps = whole
	}
	if sp, err := qda.NewSplice(len(a), reps); err == nil {
		return sp
	}
	// A run's text on its own is not NFC (it starts with a combining
	// mark): replace the whole middle instead.
	sp, err := qda.NewSplice(len(a), whole)
	if err != nil {
		sp, _ = qda.NewSplice(len(a), []qda.Replacement{{Span: qda.Span{Start: 0, End: len(a)}, Text: to}})
	}
	return sp
}

// diffRuns returns the replacements of a shortest edit script from a to b
// (offsets shifted by at), or nil when it needs more than maxDiff edits.
func diffRuns(a, b []rune, at int) []qda.Replacement {
	n, m := len(a), len(b)
	if n == 0 && m == 0 {
		return []qda.Replacement{}
	}
	max := n + m
	if max > maxDiff {
		max = maxDiff
	}
	off := max + 1
	v := make([]int, 2*max+3)
	var trace [][]int
	found := -1
	for d := 0; d <= max && found < 0; d++ {
		snap := make([]int, len(v))
		copy(snap, v)
		trace = append(trace, snap)
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && v[off+k-1] < v[off+k+1]) {
				x = v[off+k+1] // down: an insertion
			} else {
				x = v[off+k-1] + 1 // right: a deletion
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x, y = x+1, y+1
			}
			v[off+k] = x
			if x >= n && y >= m {
				found = d
				break
			}
		}
	}
	if found < 0 {
		return nil
	}
	// Walk back from (n, m), noting each deleted and inserted rune.
	type step struct {
		del  bool
		x, y int // the rune deleted (a[x]) or inserted (b[y])
	}
	var steps []step
	x, y := n, m
	for d := found; d > 0; d-- {
		vp := trace[d]
		k := x - y
		var pk int
		if k == -d || (k != d && vp[off+k-1] < vp[off+k+1]) {
			pk = k + 1
		} else {
			pk = k - 1
		}
		px := vp[off+pk]
		py := px - pk
		for x > px && y > py {
			x, y = x-1, y-1
		}
		if pk == k+1 {
			steps = append(steps, step{del: false, x: x, y: py})
		} else {
			steps = append(steps, step{del: true, x: px, y: y})
		}
		x, y = px, py
	}
	// steps run backwards; group adjacent ones into replacements.
	var reps []qda.Replacement
	for i := len(steps) - 1; i >= 0; {
		s := steps[i]
		start, end := s.x, s.x // old span
		var text []rune
		for ; i >= 0; i-- {
			t := steps[i]
			if t.del && t.x == end {
				end++
			} else if !t.del && t.x == end {
				text = append(text, b[t.y])
			} else {
				break
			}
		}
		reps = append(reps, qda.Replacement{Span: qda.Span{Start: at + start, End: at + end}, Text: string(text)})
	}
	return reps
}
