package search

import (
	"strconv"
	"strings"
)

// Node is a part of a parsed query.
type Node interface {
	// String writes the node back in query syntax; parsing the result gives the same node.
	String() string
}

// And matches units that match all of its clauses.
type And struct{ Clauses []Node }

// Or matches units that match any of its clauses.
type Or struct{ Clauses []Node }

// Not matches units that do not match its clause.
type Not struct{ Clause Node }

// Word is a bare word, optionally a prefix (mobili*) or fuzzy (organise~).
type Word struct {
	Text   string
	Prefix bool
	Fuzzy  int // edits allowed, 0 for an exact word
	Column int // where it starts in the query, in characters from 1
}

// Phrase is a quoted phrase, matched word for word (or character for
// character in Chinese).
type Phrase struct {
	Text   string
	Column int
}

// Filter narrows by a fact about the unit rather than its text.
type Filter struct {
	Field  string // code, case, kind, speaker, doc or attr
	Value  string
	Column int
}

// hoistFilters moves filters that constrain the whole query out of the tree,
// so they become cheap filters instead of scored clauses.
func (q *Query) hoistFilters() {
	switch n := q.Root.(type) {
	case Filter:
		q.Filters, q.Root = []Filter{n}, nil
	case And:
		var rest []Node
		for _, c := range n.Clauses {
			if f, ok := c.(Filter); ok {
				q.Filters = append(q.Filters, f)
			} else {
				rest = append(rest, c)
			}
		}
		switch len(rest) {
		case 0:
			q.Root = nil
		case 1:
			q.Root = rest[0]
		default:
			q.Root = And{rest}
		}
	}
}

// String writes the query back in query syntax.
func (q *Query) String() string {
	var parts []string
	if q.Root != nil {
		parts = append(parts, q.Root.String())
	}
	for _, f := range q.Filters {
		parts = append(parts, f.String())
	}
	return strings.Join(parts, " ")
}

func (n And) String() string {
	parts := make([]string, len(n.Clauses))
	for i, c := range n.Clauses {
		parts[i] = c.String()
	}
	return strings.Join(parts, " ")
}

func (n Or) String() string {
	parts := make([]string, len(n.Clauses))
	for i, c := range n.Clauses {
		parts[i] = c.String()
		if _, ok := c.(And); ok {
			parts[i] = "(" + parts[i] + ")"
		}
	}
	return strings.Join(parts, " OR ")
}

func (n Not) String() string {
	switch n.Clause.(type) {
	case And, Or, Not:
		return "-(" + n.Clause.String() + ")"
	}
	return "-" + n.Clause.String()
}

func (w Word) String() string {
	switch {
	case w.Prefix:
		return w.Text + "*"
	case w.Fuzzy == 1:
		return w.Text + "~"
	case w.Fuzzy > 1:
		return w.Text + "~" + strconv.Itoa(w.Fuzzy)
	}
	return w.Text
}

func (ph Phrase) String() string { return `"` + ph.Text + `"` }

func (f Filter) String() string { return f.Field + `:"` + f.Value + `"` }
