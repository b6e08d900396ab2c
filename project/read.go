package project

import (
	"errors"
	"sort"

	"coder/codebook"
	"coder/qda"
	"coder/store"
)

// DocInfo is a document as listings show it: metadata and the cases it is in.
type DocInfo struct {
	qda.Document
	Cases []string // case names, sorted
}

// Documents lists the documents, sorted by name, without their texts.
func (p *Project) Documents() ([]DocInfo, error) {
	var out []DocInfo
	err := p.view(func(tx *store.Tx) error {
		docs, err := tx.Documents()
		if err != nil {
			return err
		}
		cases, err := tx.Cases()
		if err != nil {
			return err
		}
		in := caseNamesByDoc(cases)
		for _, d := range docs {
			out = append(out, DocInfo{Document: d, Cases: in[d.ID]})
		}
		return nil
	})
	return out, err
}

func caseNamesByDoc(cases []qda.Case) map[qda.ID][]string {
	in := map[qda.ID][]string{}
	for _, c := range cases {
		for _, d := range c.Documents {
			in[d] = append(in[d], c.Name)
		}
	}
	for _, names := range in {
		sort.Strings(names)
	}
	return in
}

// Document returns a document with its text.
func (p *Project) Document(id qda.ID) (*qda.Document, error) {
	var d *qda.Document
	err := p.view(func(tx *store.Tx) error {
		var err error
		d, err = tx.DocumentWithText(id)
		return err
	})
	return d, err
}

// DocumentByName returns a document, with its text, by name.
func (p *Project) DocumentByName(name string) (*qda.Document, error) {
	var d *qda.Document
	err := p.view(func(tx *store.Tx) error {
		m, err := tx.DocumentByName(name)
		if err != nil {
			return err
		}
		d, err = tx.DocumentWithText(m.ID)
		return err
	})
	if errors.Is(err, qda.ErrNotFound) {
		return nil, &qda.Error{What: name, Why: "no such document", Fix: "list documents with 'coder docs'", Err: err}
	}
	return d, err
}

// CodingRow is a coding as retrieval shows it: with its code's path, its
// document's name, the cases of that document, the coder's name and the text.
type CodingRow struct {
	qda.Coding
	CodePath  string
	CodeColor string
	DocName   string
	Cases     []string
	CoderName string
	Text      string
	Memos     int // memos written on the coding (besides its note, Coding.Memo)
	// Before and After are the text around the segment, when AddContext
	// filled them in.
	Before, After string
}

// CodingFilter selects codings: Retrieve's choice, the CLI's filter flags
// and every export's. It is qda.Filter, whose comment gives the rule.
type CodingFilter = qda.Filter

// Codings lists the codings that pass f, in document then text order.
func (p *Project) Codings(f CodingFilter) ([]CodingRow, error) {
	var out []CodingRow
	err := p.view(func(tx *store.Tx) error {
		meta, err := filterMeta(tx)
		if err != nil {
			return err
		}
		t := codebook.NewTree(meta.Codes)
		coders, err := tx.Coders()
		if err != nil {
			return err
		}
		coderName := map[qda.ID]string{}
		for _, c := range coders {
			coderName[c.ID] = c.Name
		}
		memos, err := codingMemoCounts(tx)
		if err != nil {
			return err
		}
		keep := f.On(meta)
		inCases := caseNamesByDoc(meta.Cases)
		for _, d := range meta.Documents {
			if !keep.Document(d.ID) {
				continue
			}
			codings, err := tx.CodingsOf(d.ID)
			if err != nil {
				return err
			}
			first := len(out)
			for _, c := range codings {
				if !keep.Coding(c) {
					continue
				}
				row := CodingRow{Coding: c, CodePath: t.Path(c.Code), DocName: d.Name, Cases: inCases[d.ID], CoderName: coderName[c.Coder], Memos: memos[c.ID]}
				if code, ok := t.Code(c.Code); ok {
					row.CodeColor = code.Color
				}
				out = append(out, row)
			}
			if err := codedTexts(tx, &d, out[first:]); err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}

// filterMeta reads what a Filter is bound to: codes, documents (sorted by
// name, without texts), cases, variables and values; not the codings.
func filterMeta(tx *store.Tx) (*qda.Bundle, error) {
	var b qda.Bundle
	var err error
	if b.Codes, err = tx.Codes(); err != nil {
		return nil, err
	}
	if b.Documents, err = tx.Documents(); err != nil {
		return nil, err
	}
	if b.Cases, err = tx.Cases(); err != nil {
		return nil, err
	}
	if b.Variables, err = tx.Variables(); err != nil {
		return nil, err
	}
	if b.Values, err = tx.Values(); err != nil {
		return nil, err
	}
	return &b, nil
}

// DocumentCodings lists one document's codings in text order, reading only
// that document's codings and the codebook: what a document view needs after
// each coding.
func (p *Project) DocumentCodings(doc qda.ID) ([]CodingRow, error) {
	var out []CodingRow
	err := p.view(func(tx *store.Tx) error {
		d, err := tx.Document(doc)
		if err != nil {
			return err
		}
		t, err := tx.Codebook()
		if err != nil {
			return err
		}
		codings, err := tx.CodingsOf(doc)
		if err != nil || len(codings) == 0 {
			return err
		}
		memos, err := codingMemoCounts(tx)
		if err != nil {
			return err
		}
		names := map[qda.ID]string{}
		for _, c := range codings {
			if _, ok := names[c.Coder]; !ok && c.Coder != "" {
				if cd, err := tx.Coder(c.Coder); err == nil {
					names[c.Coder] = cd.Name
				}
			}
			row := CodingRow{Coding: c, CodePath: t.Path(c.Code), DocName: d.Name, CoderName: names[c.Coder], Memos: memos[c.ID]}
			if code, ok := t.Code(c.Code); ok {
				row.CodeColor = code.Color
			}
			out = append(out, row)
		}
		return codedTexts(tx, d, out)
	})
	return out, err
}

func mustText(tx *store.Tx, id qda.ID) string {
	t, _ := tx.Text(id)
	return t
}

// codedTexts fills in the Text of rows, codings on document d, reading only
// their spans of its text (a long document is not read whole; see
// store.TextCursor).
func codedTexts(tx *store.Tx, d *qda.Document, rows []CodingRow) error {
	if len(rows) == 0 {
		return nil
	}
	spans := make([]qda.Span, len(rows))
	for i := range rows {
		spans[i] = rows[i].Span
	}
	texts, err := store.NewTextCursor(d.ID, d.Chars).Spans(tx, spans)
	if err != nil {
		return err
	}
	for i := range rows {
		rows[i].Text = texts[i]
	}
	return nil
}

// expandCodes returns the codes with every code below them; nil for none.
func expandCodes(t *codebook.Tree, ids []qda.ID) map[qda.ID]bool {
	if len(ids) == 0 {
		return nil
	}
	set := map[qda.ID]bool{}
	for _, id := range ids {
		for _, sub := range t.Subtree(id) {
			set[sub] = true
		}
	}
	return set
}

func idSet(ids []qda.ID) map[qda.ID]bool {
	if len(ids) == 0 {
		return nil
	}
	set := make(map[qda.ID]bool, len(ids))
	for _, id := range ids {
		set[id] = true
	}
	return set
}

// Speakers returns each speaker name with its number of turns.
func (p *Project) Speakers() (map[string]int, error) {
	out := map[string]int{}
	err := p.view(func(tx *store.Tx) error {
		docs, err := tx.Documents()
		for _, d := range docs {
			for _, pa := range d.Passages {
				if pa.Speaker != "" {
					out[pa.Speaker]++
				}
			}
		}
		return err
	})
	return out, err
}

// RenameDocument renames a document; names stay unique.
func (p *Project) RenameDocument(id qda.ID, name string) error {
	return p.act(Change{Action: "Rename document", Documents: []qda.ID{id}}, func(tx *store.Tx) error {
		d, err := tx.Document(id)
		if err != nil {
			return err
		}
		d.Name = name
		return tx.PutDocument(d)
	})
}

// SetDocumentKind changes what kind of source a document is.
func (p *Project) SetDocumentKind(id qda.ID, kind qda.Kind) error {
	if _, err := qda.ParseKind(string(kind)); err != nil {
		return err
	}
	return p.act(Change{Action: "Set document kind", Documents: []qda.ID{id}}, func(tx *store.Tx) error {
		d, err := tx.Document(id)
		if err != nil {
			return err
		}
		d.Kind = kind
		return tx.PutDocument(d)
	})
}

// DeleteDocument deletes a document with its codings, values and memos.
func (p *Project) DeleteDocument(id qda.ID) error {
	return p.act(Change{Action: "Delete document", Removed: []qda.ID{id}, All: true}, func(tx *store.Tx) error {
		return tx.DeleteDocument(id)
	})
}

// Coders lists the people who have coded or written memos in the project.
func (p *Project) Coders() ([]qda.Coder, error) {
	var out []qda.Coder
	err := p.view(func(tx *store.Tx) error {
		var err error
		out, err = tx.Coders()
		return err
	})
	return out, err
}
