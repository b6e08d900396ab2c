package search

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"coder/qda"
)

// Query is a parsed search query. Its Root is nil when the query has only
// filters, which then select every passage they allow.
//
// The syntax, meant for researchers rather than search engineers:
//
//	mobilise village       both words (English words also match their other forms)
//	"land transfer"        the exact phrase
//	quota OR target        either (OR binds tighter than the space between words)
//	cadre -party           cadre but not party
//	mobili*                words starting with mobili (at least two letters first)
//	organise~ organise~2   words within one (or two) edits; not for Chinese
//	(quota OR target) -tax grouping
//	征地                    Chinese: passages containing exactly these characters
//	code:"Political logic" coded with that code or any code under it
//	case:"G Community"  kind:interview  speaker:Resident  doc:NAME  attr:role=cadre
type Query struct {
	Root    Node
	Filters []Filter // filters that apply to the whole query (outside any OR or -)
}

// SyntaxError says where a query stops making sense and why.
type SyntaxError struct {
	Query  string
	Column int // in characters from 1
	Why    string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("search query, column %d: %s", e.Column, e.Why)
}

// Caret returns the query with a caret under the column at fault, for a
// terminal or a tooltip in a monospace font.
func (e *SyntaxError) Caret() string {
	return e.Query + "\n" + strings.Repeat(" ", max(0, e.Column-1)) + "^"
}

// filterNames are the filters the syntax knows, in the order messages list them.
var filterNames = []string{"code", "case", "kind", "speaker", "doc", "attr", "coder"}

// ParseQuery parses a query in the syntax described on Query.
func ParseQuery(s string) (*Query, error) {
	p := &parser{src: s, rs: []rune(s)}
	p.skipSpace()
	if p.eof() {
		return nil, p.errAt(1, "the query is empty; type a word, a \"phrase\" or a filter such as code:NAME")
	}
	root, err := p.parseAnd()
	if err != nil {
		return nil, err
	}
	if !p.eof() {
		return nil, p.errAt(p.i+1, "this ')' closes nothing; remove it or add a '(' before it")
	}
	q := &Query{Root: root}
	q.hoistFilters()
	return q, nil
}

type parser struct {
	src string
	rs  []rune
	i   int
}

func (p *parser) eof() bool  { return p.i >= len(p.rs) }
func (p *parser) peek() rune { return p.rs[p.i] }

func (p *parser) skipSpace() {
	for !p.eof() && unicode.IsSpace(p.peek()) {
		p.i++
	}
}

func (p *parser) errAt(col int, why string) error {
	return &SyntaxError{Query: p.src, Column: col, Why: why}
}

// atOR reports whether the next token is the OR operator.
func (p *parser) atOR() bool {
	if p.i+2 > len(p.rs) || string(p.rs[p.i:p.i+2]) != "OR" {
		return false
	}
	return p.i+2 == len(p.rs) || endsWord(p.rs[p.i+2])
}

func endsWord(r rune) bool { return unicode.IsSpace(r) || r == '(' || r == ')' || r == '"' }

// parseAnd reads clauses up to a ')' or the end; all must match. OR binds
// tighter than the implicit AND, as people read it: quota OR target -county
// is (quota OR target) -county.
func (p *parser) parseAnd() (Node, error) {
	var clauses []Node
	for {
		p.skipSpace()
		if p.eof() || p.peek() == ')' {
			break
		}
		n, err := p.parseOr()
		if err != nil {
			return nil, err
		}
		clauses = append(clauses, n)
	}
	if len(clauses) == 1 {
		return clauses[0], nil
	}
	return And{flatten[And](clauses, func(a And) []Node { return a.Clauses })}, nil
}

func (p *parser) parseOr() (Node, error) {
	if p.atOR() {
		return nil, p.errAt(p.i+1, "OR needs something to search for on both sides")
	}
	first, err := p.parseUnary()
	if err != nil {
		return nil, err
	}
	clauses := []Node{first}
	for {
		save := p.i
		p.skipSpace()
		if !p.atOR() {
			p.i = save
			break
		}
		col := p.i + 1
		p.i += 2
		p.skipSpace()
		if p.eof() || p.peek() == ')' || p.atOR() {
			return nil, p.errAt(col, "OR needs something to search for on both sides")
		}
		next, err := p.parseUnary()
		if err != nil {
			return nil, err
		}
		clauses = append(clauses, next)
	}
	if len(clauses) == 1 {
		return first, nil
	}
	return Or{flatten[Or](clauses, func(o Or) []Node { return o.Clauses })}, nil
}

func (p *parser) parseUnary() (Node, error) {
	if p.peek() != '-' {
		return p.parsePrimary()
	}
	col := p.i + 1
	p.i++
	if p.eof() || unicode.IsSpace(p.peek()) || p.peek() == ')' {
		return nil, p.errAt(col, "'-' must come right before the word, phrase or filter to leave out, as in -party")
	}
	if p.peek() == '-' {
		return nil, p.errAt(col+1, "one '-' is enough to leave something out")
	}
	n, err := p.parsePrimary()
	if err != nil {
		return nil, err
	}
	return Not{n}, nil
}

func (p *parser) parsePrimary() (Node, error) {
	col := p.i + 1
	switch p.peek() {
	case '(':
		p.i++
		p.skipSpace()
		if p.eof() {
			return nil, p.errAt(col, "this '(' is never closed; add a ')'")
		}
		if p.peek() == ')' {
			return nil, p.errAt(col, "nothing between '(' and ')'")
		}
		n, err := p.parseAnd()
		if err != nil {
			return nil, err
		}
		if p.eof() {
			return nil, p.errAt(col, "this '(' is never closed; add a ')'")
		}
		p.i++ // ')'
		return n, nil
	case '"':
		text, err := p.quoted()
		if err != nil {
			return nil, err
		}
		if err := p.afterQuote(); err != nil {
			return nil, err
		}
		if !searchable(text) {
			return nil, p.errAt(col, "the phrase has no letters, digits or characters to search for")
		}
		return Phrase{Text: text, Column: col}, nil
	}
	start := p.i
	for !p.eof() && !endsWord(p.peek()) && p.peek() != ':' {
		p.i++
	}
	if !p.eof() && p.peek() == ':' {
		name := string(p.rs[start:p.i])
		if isFilterName(name) {
			p.i++
			return p.filter(strings.ToLower(name), col)
		}
		if looksLikeName(name) {
			return nil, p.errAt(col, fmt.Sprintf("%q is not a filter (use %s); to search for the text, put it in quotes",
				name+":", strings.Join(filterNames, ":, ")+":"))
		}
		for !p.eof() && !endsWord(p.peek()) {
			p.i++
		}
	}
	return p.word(string(p.rs[start:p.i]), col)
}

// flatten lifts the clauses of nested nodes of the same kind, which
// parentheses produce: (a b) c is a b c, and (a OR b) OR c is a OR b OR c.
func flatten[T Node](clauses []Node, inner func(T) []Node) []Node {
	out := make([]Node, 0, len(clauses))
	for _, c := range clauses {
		if t, ok := c.(T); ok {
			out = append(out, inner(t)...)
		} else {
			out = append(out, c)
		}
	}
	return out
}

// quoted reads a "..." string starting at the opening quote.
func (p *parser) quoted() (string, error) {
	col := p.i + 1
	p.i++
	start := p.i
	for !p.eof() && p.peek() != '"' {
		p.i++
	}
	if p.eof() {
		return "", p.errAt(col, "this quote is never closed; add a closing \"")
	}
	text := string(p.rs[start:p.i])
	p.i++
	return text, nil
}

func (p *parser) afterQuote() error {
	if p.eof() || unicode.IsSpace(p.peek()) || p.peek() == ')' {
		return nil
	}
	switch p.peek() {
	case '*', '~':
		return p.errAt(p.i+1, fmt.Sprintf("%c works on single words, not on \"phrases\"", p.peek()))
	}
	return p.errAt(p.i+1, "put a space after the closing quote")
}

func (p *parser) word(text string, col int) (Node, error) {
	w := Word{Column: col}
	if i := strings.IndexAny(text, "*~"); i >= 0 {
		mark, rest := text[i], text[i+1:]
		w.Text = text[:i]
		switch {
		case mark == '*' && rest == "":
			w.Prefix = true
		case mark == '~' && rest == "":
			w.Fuzzy = 1
		case mark == '~' && (rest == "1" || rest == "2"):
			w.Fuzzy, _ = strconv.Atoi(rest)
		case mark == '~':
			return nil, p.errAt(col+len([]rune(text[:i]))+1, "write word~ or word~2: at most two edits")
		default:
			return nil, p.errAt(col+len([]rune(text[:i])), "* goes at the end of a word, as in mobili*")
		}
	} else {
		w.Text = text
	}
	if w.Text == "" {
		return nil, p.errAt(col, "put a word before the "+text[:1])
	}
	if !searchable(w.Text) {
		return nil, p.errAt(col, fmt.Sprintf("%q has no letters, digits or characters to search for", w.Text))
	}
	cjk := hasCJK(w.Text)
	switch {
	case w.Fuzzy > 0 && cjk:
		return nil, p.errAt(col, "fuzzy~ is not offered for Chinese, Japanese or Korean words (edits would be counted in bytes, not characters); search for the exact characters instead")
	case w.Fuzzy > 0 && wordCount(w.Text) > 1:
		return nil, p.errAt(col, "fuzzy~ works on single words; "+strconv.Quote(w.Text)+" is several")
	case w.Prefix && !cjk && wordCount(w.Text) > 1:
		return nil, p.errAt(col, "prefix* works on single words; "+strconv.Quote(w.Text)+" is several")
	case w.Prefix && !cjk && len([]rune(w.Text)) < 2:
		return nil, p.errAt(col, "put at least two letters before the *, as in mo*")
	}
	return w, nil
}

// filter reads a filter's value: a bare run of characters, in which quoted
// parts may hold spaces (code:"Political logic", attr:role="village cadre").
func (p *parser) filter(name string, col int) (Node, error) {
	var b strings.Builder
	for !p.eof() && !unicode.IsSpace(p.peek()) && p.peek() != ')' && p.peek() != '(' {
		if p.peek() == '"' {
			s, err := p.quoted()
			if err != nil {
				return nil, err
			}
			b.WriteString(s)
			continue
		}
		b.WriteRune(p.peek())
		p.i++
	}
	v := strings.TrimSpace(b.String())
	if v == "" {
		return nil, p.errAt(col, fmt.Sprintf("%s: needs a value, as in %s", name, filterExample(name)))
	}
	switch name {
	case "kind":
		k, err := qda.ParseKind(v)
		if err != nil {
			return nil, p.errAt(col, err.Error())
		}
		v = string(k)
	case "attr":
		n, val, ok := strings.Cut(v, "=")
		if _, err := qda.ParseAttrCond(v); err != nil || (ok && (strings.TrimSpace(n) == "" || strings.TrimSpace(val) == "")) {
			return nil, p.errAt(col, "attr: needs NAME=VALUE or a range, as in attr:role=cadre or attr:Age>60")
		}
	}
	return Filter{Field: name, Value: v, Column: col}, nil
}

func filterExample(name string) string {
	switch name {
	case "code":
		return `code:"Political logic"`
	case "case":
		return `case:"G Community"`
	case "kind":
		return "kind:interview"
	case "speaker":
		return "speaker:Resident"
	case "doc":
		return `doc:"Interview 3"`
	case "coder":
		return `coder:"Researcher A"`
	}
	return "attr:role=cadre"
}

func isFilterName(s string) bool {
	for _, n := range filterNames {
		if strings.EqualFold(s, n) {
			return true
		}
	}
	return false
}

// looksLikeName tells a mistyped filter (cdoe:) from text that merely holds a
// colon (10:30, 注意:), which is searched as text.
func looksLikeName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r > unicode.MaxASCII || !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// searchable reports whether analysis finds anything to search for in s.
func searchable(s string) bool {
	found := false
	tokenize([]byte(s), func(token) { found = true })
	return found
}

// wordCount counts the positions analysis gives s: words, and CJK characters.
func wordCount(s string) int {
	first, last := 0, -1
	tokenize([]byte(s), func(t token) {
		if last < 0 {
			first = t.pos
		}
		first, last = min(first, t.pos), max(last, t.pos)
	})
	return last - first + 1
}

func hasCJK(s string) bool {
	for _, r := range s {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
			return true
		}
	}
	return false
}
