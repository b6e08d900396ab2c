package store

import (
	"fmt"
	"slices"
	"unicode/utf8"

	"coder/codebook"
	"coder/qda"
)

// Problem is one thing Check found wrong.
type Problem struct {
	What string // the entity or page concerned
	Why  string
}

func (p Problem) String() string { return p.What + ": " + p.Why }

// Check verifies the file from the pages up: bbolt's own page consistency,
// then every entity decodes, every reference points at something that exists,
// every span lies inside its document, every rejected suggestion covers the
// words it records, and the by-document index matches the codings. An empty
// result means the project is sound.
func (db *DB) Check() ([]Problem, error) {
	var probs []Problem
	err := db.View(func(tx *Tx) error {
		for err := range tx.tx.Check() {
			probs = append(probs, Problem{"file pages", err.Error()})
		}
		var err error
		probs, err = tx.checkReferences(probs)
		return err
	})
	return probs, err
}

func (tx *Tx) checkReferences(probs []Problem) ([]Problem, error) {
	add := func(what, format string, args ...any) {
		probs = append(probs, Problem{what, fmt.Sprintf(format, args...)})
	}
	if _, err := tx.Project(); err != nil {
		add("project", "%v", err)
	}
	docs, err := tx.Documents()
	if err != nil {
		add("documents", "%v", err)
	}
	chars := map[qda.ID]int{}
	hasDoc := make(map[qda.ID]bool, len(docs))
	for _, d := range docs {
		hasDoc[d.ID] = true
		text, err := tx.Text(d.ID)
		if err != nil {
			add("document "+d.Name, "its text is missing")
			continue
		}
		if !utf8.ValidString(text) {
			add("document "+d.Name, "its text is not valid UTF-8")
		}
		d.Text = text
		if err := d.Validate(); err != nil {
			add("document "+d.Name, "%v", err)
		}
		chars[d.ID] = d.Chars
	}
	named := map[string]string{}
	tx.each(bDocNames, func(k, v []byte) error { named[string(k)] = string(v); return nil })
	for _, d := range docs {
		key := string(tx.seal.fileKey(bDocNames, nameKey(d.Name)))
		if named[key] != string(d.ID) {
			add("document "+d.Name, "missing from the index of names")
		}
		delete(named, key)
	}
	for k := range named {
		add("index of names", "entry %q points at no document", k)
	}
	codes, err := tx.Codes()
	if err != nil {
		add("codes", "%v", err)
	}
	tree := codebook.NewTree(codes)
	if err := tree.Validate(); err != nil {
		add("codebook", "%v", err)
	}
	coders, err := tx.Coders()
	if err != nil {
		add("coders", "%v", err)
	}
	known := map[qda.ID]bool{}
	for _, c := range coders {
		known[c.ID] = true
	}
	codings, err := tx.Codings()
	if err != nil {
		add("codings", "%v", err)
	}
	indexed := map[string]bool{}
	tx.each(bDocCoding, func(k, _ []byte) error { indexed[string(k)] = true; return nil })
	for _, c := range codings {
		what := "coding " + string(c.ID)
		n, ok := chars[c.Document]
		if !ok {
			add(what, "its document %s does not exist", c.Document)
		} else if err := c.Span.CheckIn(n); err != nil {
			add(what, "%v", err)
		}
		if code, ok := tree.Code(c.Code); !ok {
			add(what, "its code %s does not exist", c.Code)
		} else if code.Folder {
			add(what, "it applies the folder %q", tree.Path(code.ID))
		}
		if c.Coder != "" && !known[c.Coder] {
			add(what, "its coder %s does not exist", c.Coder)
		}
		key := string(docCodingKey(c.Document, c.ID))
		if !indexed[key] {
			add(what, "missing from the by-document index")
		}
		delete(indexed, key)
	}
	for k := range indexed {
		add("by-document index", "entry %s points at no coding", k)
	}
	cases, err := tx.Cases()
	if err != nil {
		add("cases", "%v", err)
	}
	caseIDs := map[qda.ID]bool{}
	for _, c := range cases {
		caseIDs[c.ID] = true
		for _, d := range c.Documents {
			if _, ok := chars[d]; !ok {
				add("case "+c.Name, "lists document %s, which does not exist", d)
			}
		}
	}
	vars, err := tx.Variables()
	if err != nil {
		add("attributes", "%v", err)
	}
	varByID := map[qda.ID]qda.Variable{}
	for _, v := range vars {
		varByID[v.ID] = v
	}
	vals, err := tx.Values()
	if err != nil {
		add("attribute values", "%v", err)
	}
	for _, val := range vals {
		v, ok := varByID[val.Variable]
		switch {
		case !ok:
			add("attribute value", "its attribute %s does not exist", val.Variable)
		case v.Scope == qda.ScopeCase && !caseIDs[val.Owner]:
			add("attribute "+v.Name, "value on case %s, which does not exist", val.Owner)
		case v.Scope == qda.ScopeDocument && !hasDoc[val.Owner]:
			add("attribute "+v.Name, "value on document %s, which does not exist", val.Owner)
		}
		if ok {
			if _, err := v.Normalize(val.Value); err != nil {
				add("attribute "+v.Name, "%v", err)
			}
		}
	}
	memos, err := tx.Memos()
	if err != nil {
		add("memos", "%v", err)
	}
	codingIDs := map[qda.ID]bool{}
	for _, c := range codings {
		codingIDs[c.ID] = true
	}
	for _, m := range memos {
		ok := true
		switch m.On {
		case qda.OnDocument:
			ok = hasDoc[m.Target]
		case qda.OnCode:
			_, ok = tree.Code(m.Target)
		case qda.OnCoding:
			ok = codingIDs[m.Target]
		case qda.OnCase:
			ok = caseIDs[m.Target]
		}
		if !ok {
			add("memo "+string(m.ID), "it is on a %s that does not exist", m.On)
		}
	}
	return tx.checkRejections(probs, docs, tree)
}

// checkRejections reports the rejected suggestions that are on a code or
// document that no longer exists, or whose span does not cover the words
// they record (qda.Rejection.CheckOn): a file written before rejections
// moved with text corrections and went with their code may hold them.
func (tx *Tx) checkRejections(probs []Problem, docs []qda.Document, tree *codebook.Tree) ([]Problem, error) {
	rs, err := tx.Rejections()
	if err != nil {
		return append(probs, Problem{"rejected suggestions", err.Error()}), nil
	}
	slices.SortFunc(rs, qda.CompareRejections)
	byID := make(map[qda.ID]*qda.Document, len(docs))
	for i := range docs {
		byID[docs[i].ID] = &docs[i]
	}
	var runes []rune
	var runesOf qda.ID
	for _, r := range rs {
		code, doc := string(r.Code), string(r.Document)
		if _, ok := tree.Code(r.Code); ok {
			code = fmt.Sprintf("%q", tree.Path(r.Code))
		}
		d := byID[r.Document]
		if d != nil {
			doc = fmt.Sprintf("%q", d.Name)
		}
		what := fmt.Sprintf("rejected suggestion of %s on %s at %s", code, doc, r.Span)
		switch _, ok := tree.Code(r.Code); {
		case !ok:
			probs = append(probs, Problem{what, "its code does not exist"})
		case d == nil:
			probs = append(probs, Problem{what, "its document does not exist"})
		default:
			if runesOf != d.ID {
				text, err := tx.Text(d.ID)
				if err != nil {
					continue // reported with the document
				}
				runes, runesOf = []rune(text), d.ID
			}
			if err := r.CheckOn(d, runes); err != nil {
				probs = append(probs, Problem{what, err.Error()})
			}
		}
	}
	return probs, nil
}
