package analysis

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"coder/qda"
)

// A coding query combines codes into passages:
//
//	A AND B           the characters coded with both (each stretch once)
//	A OR B            the characters coded with either
//	A NOT B           A's segments that share no character with B
//	A NEAR B          A and B segments at most N characters apart, from the first's start to the last one's end
//	A NEAR/50 B       the same with N given inline
//	A FOLLOWED BY B   an A segment and the next B segment that starts at or after its end, in the same document
//
// A code is named by its path and stands for itself and the codes below it;
// quote a path that holds spaces ("Political logic/Mobilisation"). AND,
// NOT, NEAR and FOLLOWED BY bind tighter than OR and read left to right;
// brackets group. Operators may be written in any letter case.

// Segment is one result of a coding query: a stretch of a document and the
// codings behind it.
type Segment struct {
	Document qda.ID
	Span     qda.Span
	Codings  []qda.ID // the codings that put it in the result
	Codes    []Column // their codes, in codebook order
}

// QueryOptions tune a coding query.
type QueryOptions struct {
	Near int // N for NEAR without an inline distance
	// Filter narrows the codings the query looks at (see Data.Only).
	Filter qda.Filter
}

// DefaultNear is NEAR's distance when none is given.
const DefaultNear = 100

// qseg is a segment under evaluation: codings as snapshot indices.
type qseg struct {
	doc        int32
	start, end int32
	codings    []int32
}

// Query runs a coding query and returns its segments in document and text
// order.
func (d *Data) Query(expr string, opt QueryOptions) ([]Segment, error) {
	if opt.Near <= 0 {
		opt.Near = DefaultNear
	}
	toks, err := lexQuery(expr)
	if err != nil {
		return nil, err
	}
	if len(toks) == 0 {
		return nil, fmt.Errorf("the query is empty (write e.g. \"Political logic\" AND \"Community logic\")")
	}
	d, err = d.Only(opt.Filter)
	if err != nil {
		return nil, err
	}
	q := &queryParser{d: d, toks: toks, near: opt.Near}
	segs, err := q.or()
	if err != nil {
		return nil, err
	}
	if q.pos < len(q.toks) {
		return nil, fmt.Errorf("query: unexpected %q (join terms with AND, OR, NOT, NEAR or FOLLOWED BY; quote paths with spaces)", q.toks[q.pos].text)
	}
	out := make([]Segment, 0, len(segs))
	for _, s := range segs {
		g := Segment{Document: d.s.Documents[s.doc].ID, Span: qda.Span{Start: int(s.start), End: int(s.end)}, Codings: d.ids(s.codings)}
		seen := map[int32]bool{}
		var codes []int
		for _, x := range s.codings {
			ci := int32(d.codeIx[d.s.Codings[x].Code])
			if !seen[ci] {
				seen[ci] = true
				codes = append(codes, int(ci))
			}
		}
		sort.Ints(codes)
		for _, ci := range codes {
			c := d.codes[ci]
			g.Codes = append(g.Codes, Column{Code: c.ID, Path: d.tree.Path(c.ID), Color: c.Color, Depth: d.depth[ci], Index: ci})
		}
		out = append(out, g)
	}
	return out, nil
}

type token struct {
	text   string
	quoted bool
}

func (t token) is(word string) bool { return !t.quoted && strings.EqualFold(t.text, word) }

// lexQuery splits a query into words, quoted paths and brackets.
func lexQuery(s string) ([]token, error) {
	var out []token
	r := []rune(s)
	for i := 0; i < len(r); {
		switch c := r[i]; {
		case unicode.IsSpace(c):
			i++
		case c == '(' || c == ')':
			out = append(out, token{text: string(c)})
			i++
		case c == '"' || c == '\'' || c == '“' || c == '「':
			end := map[rune]rune{'"': '"', '\'': '\'', '“': '”', '「': '」'}[c]
			j := i + 1
			for j < len(r) && r[j] != end {
				j++
			}
			if j == len(r) {
				return nil, fmt.Errorf("query: a quote opened at character %d is not closed", i+1)
			}
			out = append(out, token{text: string(r[i+1 : j]), quoted: true})
			i = j + 1
		default:
			j := i
			for j < len(r) && !unicode.IsSpace(r[j]) && r[j] != '(' && r[j] != ')' {
				j++
			}
			out = append(out, token{text: string(r[i:j])})
			i = j
		}
	}
	return out, nil
}

type queryParser struct {
	d    *Data
	toks []token
	pos  int
	near int
}

func (q *queryParser) peek() (token, bool) {
	if q.pos < len(q.toks) {
		return q.toks[q.pos], true
	}
	return token{}, false
}

func (q *queryParser) or() ([]qseg, error) {
	left, err := q.and()
	if err != nil {
		return nil, err
	}
	for {
		t, ok := q.peek()
		if !ok || !t.is("OR") {
			return left, nil
		}
		q.pos++
		right, err := q.and()
		if err != nil {
			return nil, err
		}
		left = normalize(append(append([]qseg{}, left...), right...))
	}
}

func (q *queryParser) and() ([]qseg, error) {
	left, err := q.term()
	if err != nil {
		return nil, err
	}
	for {
		t, ok := q.peek()
		if !ok {
			return left, nil
		}
		var op string
		n := q.near
		switch {
		case t.is("AND"):
			op = "and"
			q.pos++
			if t2, ok := q.peek(); ok && t2.is("NOT") {
				op = "not"
				q.pos++
			}
		case t.is("NOT"):
			op = "not"
			q.pos++
		case t.is("NEAR"):
			op = "near"
			q.pos++
		case !t.quoted && strings.HasPrefix(strings.ToUpper(t.text), "NEAR/"):
			v, err := strconv.Atoi(t.text[5:])
			if err != nil || v < 0 {
				return nil, fmt.Errorf("query: %q: write NEAR/N with N a number of characters", t.text)
			}
			op, n = "near", v
			q.pos++
		case t.is("FOLLOWED"):
			q.pos++
			if t2, ok := q.peek(); !ok || !t2.is("BY") {
				return nil, fmt.Errorf("query: FOLLOWED must be followed by BY")
			}
			op = "followed"
			q.pos++
		default:
			return left, nil
		}
		right, err := q.term()
		if err != nil {
			return nil, err
		}
		switch op {
		case "and":
			left = intersect(left, right)
		case "not":
			left = without(left, right)
		case "near":
			left = nearTo(left, right, int32(n))
		case "followed":
			left = followedBy(left, right)
		}
	}
}

func (q *queryParser) term() ([]qseg, error) {
	t, ok := q.peek()
	if !ok {
		return nil, fmt.Errorf("query: a code is missing at the end")
	}
	q.pos++
	if !t.quoted && t.text == "(" {
		s, err := q.or()
		if err != nil {
			return nil, err
		}
		if t, ok := q.peek(); !ok || t.quoted || t.text != ")" {
			return nil, fmt.Errorf("query: a bracket is not closed")
		}
		q.pos++
		return s, nil
	}
	if !t.quoted {
		for _, w := range []string{"AND", "OR", "NOT", "NEAR", "FOLLOWED", "BY", ")"} {
			if t.is(w) {
				return nil, fmt.Errorf("query: a code is missing before %q", t.text)
			}
		}
	}
	c, ok := q.d.tree.Find(t.text)
	if !ok {
		hint := "list codes with 'coder codes'"
		if !t.quoted {
			hint = "quote code paths that hold spaces, e.g. \"Political logic\""
		}
		return nil, fmt.Errorf("query: no code %q (%s)", t.text, hint)
	}
	return q.d.codeSegs(c.ID), nil
}

// codeSegs returns the codings of a code and the codes below it, merged
// where they overlap.
func (d *Data) codeSegs(code qda.ID) []qseg {
	root := int32(d.codeIx[code])
	var out []qseg
	for di, cs := range d.byDoc {
		for _, c := range cs {
			for _, a := range d.anc[c.code] {
				if a == root {
					out = append(out, qseg{doc: int32(di), start: c.start, end: c.end, codings: []int32{c.idx}})
					break
				}
			}
		}
	}
	return normalize(out)
}

// normalize sorts segments and merges those that share a character.
func normalize(s []qseg) []qseg {
	sort.SliceStable(s, func(i, j int) bool {
		if s[i].doc != s[j].doc {
			return s[i].doc < s[j].doc
		}
		return s[i].start < s[j].start
	})
	var out []qseg
	for _, x := range s {
		if n := len(out); n > 0 && out[n-1].doc == x.doc && x.start < out[n-1].end {
			last := &out[n-1]
			last.end = max(last.end, x.end)
			last.codings = unionIdx(last.codings, x.codings)
			continue
		}
		out = append(out, qseg{doc: x.doc, start: x.start, end: x.end, codings: append([]int32(nil), x.codings...)})
	}
	return out
}

func unionIdx(a, b []int32) []int32 {
	out := append(a, b...)
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	k := 0
	for i, x := range out {
		if i == 0 || x != out[k-1] {
			out[k] = x
			k++
		}
	}
	return out[:k]
}

// segsByDoc splits normalized segments by document.
func segsByDoc(s []qseg) map[int32][]qseg {
	out := map[int32][]qseg{}
	for _, x := range s {
		out[x.doc] = append(out[x.doc], x)
	}
	return out
}

// intersect keeps the characters both sides cover.
func intersect(a, b []qseg) []qseg {
	bd := segsByDoc(b)
	var out []qseg
	for _, x := range a {
		for _, y := range bd[x.doc] {
			if y.start < x.end && x.start < y.end {
				out = append(out, qseg{doc: x.doc, start: max(x.start, y.start), end: min(x.end, y.end), codings: unionIdx(append([]int32(nil), x.codings...), y.codings)})
			}
		}
	}
	return normalize(out)
}

// without keeps a's segments that share no character with b.
func without(a, b []qseg) []qseg {
	bd := segsByDoc(b)
	var out []qseg
	for _, x := range a {
		hit := false
		for _, y := range bd[x.doc] {
			hit = hit || (y.start < x.end && x.start < y.end)
		}
		if !hit {
			out = append(out, x)
		}
	}
	return out
}

// nearTo joins each a and b segment at most n characters apart.
func nearTo(a, b []qseg, n int32) []qseg {
	bd := segsByDoc(b)
	var out []qseg
	for _, x := range a {
		for _, y := range bd[x.doc] {
			gap := max(y.start-x.end, x.start-y.end)
			if gap <= n {
				out = append(out, qseg{doc: x.doc, start: min(x.start, y.start), end: max(x.end, y.end), codings: unionIdx(append([]int32(nil), x.codings...), y.codings)})
			}
		}
	}
	return normalize(out)
}

// followedBy joins each a segment with the first b segment starting at or
// after its end in the same document.
func followedBy(a, b []qseg) []qseg {
	bd := segsByDoc(b)
	var out []qseg
	for _, x := range a {
		ys := bd[x.doc]
		k := sort.Search(len(ys), func(i int) bool { return ys[i].start >= x.end })
		if k < len(ys) {
			y := ys[k]
			out = append(out, qseg{doc: x.doc, start: x.start, end: y.end, codings: unionIdx(append([]int32(nil), x.codings...), y.codings)})
		}
	}
	return normalize(out)
}
