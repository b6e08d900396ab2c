package qda

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Filter selects codings: what Retrieve shows, `coder codings` lists, every
// excerpt export writes and search narrows to. It is the one rule for all of
// them:
//
//   - Within one kind of criterion the choices are alternatives (OR): codes
//     A and B keep codings of either; cases X and Y keep documents in either.
//   - Different kinds must all hold (AND): a code and a case keep codings of
//     that code in documents of that case.
//   - Documents and cases are both kinds: choosing document A and a case
//     that holds only document B selects nothing, because no coding is in A
//     and in that case at once.
//   - Each attribute condition must hold (AND); a document carries its own
//     values and those of every case holding it, and a condition holds when
//     any of them satisfies it.
//
// The zero Filter selects every coding. A code includes the codes below it.
type Filter struct {
	Codes     []ID
	Documents []ID
	Cases     []ID
	Coders    []ID
	Attrs     []AttrCond
}

// IsZero reports whether f selects everything.
func (f Filter) IsZero() bool {
	return len(f.Codes) == 0 && len(f.Documents) == 0 && len(f.Cases) == 0 && len(f.Coders) == 0 && len(f.Attrs) == 0
}

// AttrOp is how an attribute condition compares.
type AttrOp string

// Attribute comparisons. Ranges compare numbers as numbers and dates
// (YYYY-MM-DD) as dates; a value that is neither never satisfies a range.
const (
	AttrEq      AttrOp = "="  // equal, ignoring letter case
	AttrGreater AttrOp = ">"  // greater than
	AttrAtLeast AttrOp = ">=" // greater than or equal
	AttrLess    AttrOp = "<"  // less than
	AttrAtMost  AttrOp = "<=" // less than or equal
	AttrBetween AttrOp = ".." // between Value and To, both included
)

// AttrCond is one condition on an attribute: Age>60, Interview
// date=2024-01-01..2024-03-31, Informant role=community cadre.
type AttrCond struct {
	Name  string
	Op    AttrOp
	Value string
	To    string // the upper bound of AttrBetween
}

// String writes the condition as ParseAttrCond reads it.
func (c AttrCond) String() string {
	if c.Op == AttrBetween {
		return c.Name + "=" + c.Value + ".." + c.To
	}
	return c.Name + string(c.Op) + c.Value
}

// ParseAttrCond reads a condition as researchers type it: NAME=VALUE,
// NAME>N, NAME>=N, NAME<N, NAME<=N, or NAME=FROM..TO for a range of numbers
// or dates (either end may be left open: Age=..30).
func ParseAttrCond(s string) (AttrCond, error) {
	i := strings.IndexAny(s, "=<>")
	if i <= 0 || strings.TrimSpace(s[:i]) == "" {
		return AttrCond{}, fmt.Errorf("%q is not an attribute condition (write NAME=VALUE, NAME>N, NAME<N or NAME=FROM..TO, e.g. \"Age>60\"): %w", s, ErrInvalid)
	}
	c := AttrCond{Name: strings.TrimSpace(s[:i])}
	rest := s[i:]
	switch {
	case strings.HasPrefix(rest, ">="):
		c.Op, rest = AttrAtLeast, rest[2:]
	case strings.HasPrefix(rest, "<="):
		c.Op, rest = AttrAtMost, rest[2:]
	case strings.HasPrefix(rest, ">"):
		c.Op, rest = AttrGreater, rest[1:]
	case strings.HasPrefix(rest, "<"):
		c.Op, rest = AttrLess, rest[1:]
	default:
		c.Op, rest = AttrEq, rest[1:]
	}
	c.Value = strings.TrimSpace(rest)
	if c.Op == AttrEq {
		if from, to, ok := strings.Cut(c.Value, ".."); ok {
			c.Op, c.Value, c.To = AttrBetween, strings.TrimSpace(from), strings.TrimSpace(to)
		}
	}
	if c.Op != AttrEq {
		for _, b := range []string{c.Value, c.To} {
			if _, ok := ordered(b); b != "" && !ok {
				return AttrCond{}, fmt.Errorf("%s: %q is not a number or a date (YYYY-MM-DD) to compare with: %w", c.Name, b, ErrInvalid)
			}
		}
		if c.Value == "" && (c.Op != AttrBetween || c.To == "") {
			return AttrCond{}, fmt.Errorf("%q: give a number or a date to compare with: %w", s, ErrInvalid)
		}
	}
	return c, nil
}

// holds reports whether one value satisfies the condition.
func (c AttrCond) holds(v string) bool {
	v = strings.TrimSpace(v)
	if c.Op == AttrEq {
		if v == "true" || v == "false" { // a yes/no attribute: yes and no match it too
			if b, ok := boolWord(c.Value); ok {
				return b == v
			}
		}
		return strings.EqualFold(v, c.Value)
	}
	x, ok := ordered(v)
	if !ok {
		return false
	}
	cmp := func(bound string) (int, bool) {
		b, ok := ordered(bound)
		if !ok || b.date != x.date {
			return 0, false
		}
		switch {
		case x.n < b.n:
			return -1, true
		case x.n > b.n:
			return 1, true
		}
		return 0, true
	}
	switch c.Op {
	case AttrGreater, AttrAtLeast, AttrLess, AttrAtMost:
		d, ok := cmp(c.Value)
		if !ok {
			return false
		}
		switch c.Op {
		case AttrGreater:
			return d > 0
		case AttrAtLeast:
			return d >= 0
		case AttrLess:
			return d < 0
		}
		return d <= 0
	case AttrBetween:
		if c.Value != "" {
			if d, ok := cmp(c.Value); !ok || d < 0 {
				return false
			}
		}
		if c.To != "" {
			if d, ok := cmp(c.To); !ok || d > 0 {
				return false
			}
		}
		return true
	}
	return false
}

// orderedValue is a value that ranges compare: a number, or a date as days.
type orderedValue struct {
	n    float64
	date bool
}

func ordered(s string) (orderedValue, bool) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return orderedValue{n: float64(t.Unix() / 86400), date: true}, true
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		return orderedValue{n: f}, true
	}
	return orderedValue{}, false
}

// DocAttributes gathers each document's attribute values by variable name:
// its own and those of the cases holding it, each value once, sorted.
func DocAttributes(b *Bundle) map[ID]map[string][]string {
	name := map[ID]string{}
	for _, v := range b.Variables {
		name[v.ID] = v.Name
	}
	byOwner := map[ID][]Value{}
	for _, v := range b.Values {
		if _, ok := name[v.Variable]; ok && v.Value != "" {
			byOwner[v.Owner] = append(byOwner[v.Owner], v)
		}
	}
	out := map[ID]map[string][]string{}
	add := func(doc ID, vals []Value) {
		if len(vals) == 0 {
			return
		}
		if out[doc] == nil {
			out[doc] = map[string][]string{}
		}
		for _, v := range vals {
			n := name[v.Variable]
			if !containsString(out[doc][n], v.Value) {
				out[doc][n] = append(out[doc][n], v.Value)
			}
		}
	}
	for _, d := range b.Documents {
		add(d.ID, byOwner[d.ID])
	}
	for _, c := range b.Cases {
		for _, d := range c.Documents {
			add(d, byOwner[c.ID])
		}
	}
	for _, attrs := range out {
		for _, vs := range attrs {
			sort.Strings(vs)
		}
	}
	return out
}

func containsString(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// Selector is a Filter bound to one project's metadata (a Bundle; texts are
// not needed), ready to test documents and codings.
type Selector struct {
	codes, docs, coders map[ID]bool
	inCase              map[ID]bool // documents in any chosen case; nil when no case is chosen
	attrs               []AttrCond
	values              map[ID]map[string][]string
}

// On binds f to the metadata in b.
func (f Filter) On(b *Bundle) *Selector {
	s := &Selector{docs: set(f.Documents), coders: set(f.Coders), attrs: f.Attrs}
	if len(f.Codes) > 0 {
		parent := map[ID]ID{}
		for _, c := range b.Codes {
			parent[c.ID] = c.Parent
		}
		want := set(f.Codes)
		s.codes = map[ID]bool{}
		for _, c := range b.Codes {
			// A code is kept when it or a code above it was chosen; the
			// step limit guards against a parent cycle in damaged data.
			for id, steps := c.ID, 0; id != "" && steps <= len(b.Codes); id, steps = parent[id], steps+1 {
				if want[id] {
					s.codes[c.ID] = true
					break
				}
			}
		}
		for id := range want {
			s.codes[id] = true
		}
	}
	if len(f.Cases) > 0 {
		want := set(f.Cases)
		s.inCase = map[ID]bool{}
		for _, c := range b.Cases {
			if want[c.ID] {
				for _, d := range c.Documents {
					s.inCase[d] = true
				}
			}
		}
	}
	if len(f.Attrs) > 0 {
		s.values = DocAttributes(b)
	}
	return s
}

// Document reports whether codings in document doc can pass: the document,
// case and attribute criteria hold for it.
func (s *Selector) Document(doc ID) bool {
	if s.docs != nil && !s.docs[doc] {
		return false
	}
	if s.inCase != nil && !s.inCase[doc] {
		return false
	}
	for _, c := range s.attrs {
		if !matchAttr(s.values[doc], c) {
			return false
		}
	}
	return true
}

// Coding reports whether a coding passes every criterion.
func (s *Selector) Coding(c Coding) bool {
	if s.codes != nil && !s.codes[c.Code] {
		return false
	}
	if s.coders != nil && !s.coders[c.Coder] {
		return false
	}
	return s.Document(c.Document)
}

// MatchAttrs reports whether attribute values (by name, as a document and
// its cases carry them) satisfy every name=value in want, by the rule of
// Filter: names and values compared without regard to letter case.
func MatchAttrs(have map[string][]string, want map[string]string) bool {
	for name, value := range want {
		if !matchAttr(have, AttrCond{Name: strings.TrimSpace(name), Op: AttrEq, Value: strings.TrimSpace(value)}) {
			return false
		}
	}
	return true
}

func matchAttr(have map[string][]string, c AttrCond) bool {
	for n, vs := range have {
		if !strings.EqualFold(n, c.Name) {
			continue
		}
		for _, v := range vs {
			if c.holds(v) {
				return true
			}
		}
	}
	return false
}

func set(ids []ID) map[ID]bool {
	if len(ids) == 0 {
		return nil
	}
	m := make(map[ID]bool, len(ids))
	for _, id := range ids {
		m[id] = true
	}
	return m
}
