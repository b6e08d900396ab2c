package project

import (
	"errors"
	"strings"

	"coder/qda"
	"coder/store"
)

// Pseudonyms returns the project's pseudonym table, sorted by real name.
func (p *Project) Pseudonyms() ([]qda.Pseudonym, error) {
	var out []qda.Pseudonym
	err := p.view(func(tx *store.Tx) error {
		var err error
		out, err = tx.Pseudonyms()
		return err
	})
	return out, err
}

// SetPseudonym puts real → replacement in the table, or changes the
// replacement when real is there already (in any letter case), as one
// undoable action.
func (p *Project) SetPseudonym(real, replacement string) error {
	real, replacement = strings.TrimSpace(real), strings.TrimSpace(replacement)
	return p.act(Change{Action: "Set pseudonym"}, func(tx *store.Tx) error {
		all, err := tx.Pseudonyms()
		if err != nil {
			return err
		}
		row := qda.Pseudonym{ID: qda.NewID(), Real: real, Replacement: replacement}
		for _, o := range all {
			if strings.EqualFold(o.Real, real) {
				row.ID = o.ID
			}
		}
		if err := tx.PutPseudonym(&row); err != nil {
			return &qda.Error{What: "pseudonym table", Why: err.Error(), Err: err}
		}
		return nil
	})
}

// RemovePseudonym takes real (in any letter case) out of the table.
func (p *Project) RemovePseudonym(real string) error {
	return p.act(Change{Action: "Remove pseudonym"}, func(tx *store.Tx) error {
		all, err := tx.Pseudonyms()
		if err != nil {
			return err
		}
		for _, o := range all {
			if strings.EqualFold(o.Real, strings.TrimSpace(real)) {
				return tx.DeletePseudonym(o.ID)
			}
		}
		return &qda.Error{What: real, Why: "is not in the pseudonym table", Fix: "list it with 'coder pseudonyms PROJECT'", Err: qda.ErrNotFound}
	})
}

// pseudonymiser reads the table and prepares it for matching; it refuses
// an empty table, which would pseudonymise nothing.
func pseudonymiser(tx *store.Tx) (*qda.Pseudonymiser, error) {
	table, err := tx.Pseudonyms()
	if err != nil {
		return nil, err
	}
	if len(table) == 0 {
		return nil, &qda.Error{What: "pseudonymise", Why: "the pseudonym table is empty, so nothing would be replaced", Fix: "add names with 'coder pseudonyms PROJECT add REAL REPLACEMENT' or Tools ▸ Pseudonyms…", Err: errNoTable}
	}
	return qda.NewPseudonymiser(table), nil
}

var errNoTable = errors.New("empty pseudonym table")

// Pseudonymised returns the whole project with every real name of the
// table replaced: in document texts (each coding's and passage's span moved
// so it still covers the same words), speaker labels, the names and
// descriptions of documents, source files, cases, codes and attributes,
// attribute values, coding notes, and memos. The table itself is not in
// it. It is what pseudonymised exports and anonymised copies are made from.
func (p *Project) Pseudonymised() (*qda.Bundle, error) {
	b, _, err := p.pseudonymised()
	return b, err
}

// pseudonymised is Pseudonymised, also counting the names replaced in
// document texts.
func (p *Project) pseudonymised() (*qda.Bundle, int, error) {
	var b *qda.Bundle
	var m *qda.Pseudonymiser
	err := p.view(func(tx *store.Tx) error {
		var err error
		if m, err = pseudonymiser(tx); err != nil {
			return err
		}
		b, err = tx.Bundle()
		return err
	})
	if err != nil {
		return nil, 0, err
	}
	return pseudonymise(b, m)
}

func pseudonymise(b *qda.Bundle, m *qda.Pseudonymiser) (*qda.Bundle, int, error) {
	replaced := 0
	splices := map[qda.ID]*qda.Splice{}
	for i := range b.Documents {
		d := &b.Documents[i]
		sp, err := m.Splice(d.Text)
		if err != nil {
			return nil, 0, err
		}
		splices[d.ID] = sp
		replaced += sp.Len()
		if d.Text, err = sp.Apply(d.Text); err != nil {
			return nil, 0, err
		}
		d.Chars = sp.New()
		d.Passages = sp.Passages(d.Passages)
		for j := range d.Passages {
			d.Passages[j].Speaker = m.Apply(d.Passages[j].Speaker)
		}
		d.Name = m.Apply(d.Name)
		d.Source.FileName = m.Apply(d.Source.FileName)
		d.Source.SHA256 = "" // the digest of a file that named names
	}
	codings := b.Codings[:0:0]
	for _, c := range b.Codings {
		if sp := splices[c.Document]; sp != nil {
			s, ok := sp.Map(c.Span, qda.Widen)
			if !ok {
				continue
			}
			c.Span = s
		}
		c.Memo = m.Apply(c.Memo)
		codings = append(codings, c)
	}
	b.Codings = codings
	// Rejected suggestions move as the codings do, their words read again
	// from the pseudonymised text.
	texts := map[qda.ID][]rune{}
	for i := range b.Documents {
		texts[b.Documents[i].ID] = []rune(b.Documents[i].Text)
	}
	rejections := b.Rejections[:0:0]
	for _, r := range b.Rejections {
		if sp := splices[r.Document]; sp != nil {
			if r, ok := r.Through(sp, qda.Widen, texts[r.Document]); ok {
				rejections = append(rejections, r)
			}
		}
	}
	b.Rejections = rejections
	b.Project.Name = m.Apply(b.Project.Name)
	b.Project.Description = m.Apply(b.Project.Description)
	for i := range b.Codes {
		b.Codes[i].Name = m.Apply(b.Codes[i].Name)
		b.Codes[i].Description = m.Apply(b.Codes[i].Description)
	}
	for i := range b.Cases {
		b.Cases[i].Name = m.Apply(b.Cases[i].Name)
		b.Cases[i].Description = m.Apply(b.Cases[i].Description)
	}
	for i := range b.Variables {
		b.Variables[i].Name = m.Apply(b.Variables[i].Name)
		b.Variables[i].Description = m.Apply(b.Variables[i].Description)
		for j := range b.Variables[i].Choices {
			b.Variables[i].Choices[j] = m.Apply(b.Variables[i].Choices[j])
		}
	}
	for i := range b.Values {
		b.Values[i].Value = m.Apply(b.Values[i].Value)
	}
	for i := range b.Memos {
		b.Memos[i].Title = m.Apply(b.Memos[i].Title)
		b.Memos[i].Text = m.Apply(b.Memos[i].Text)
	}
	for i := range b.CodeSets {
		b.CodeSets[i].Name = m.Apply(b.CodeSets[i].Name)
		b.CodeSets[i].Description = m.Apply(b.CodeSets[i].Description)
	}
	return b, replaced, nil
}

// ExportOptions change what an export writes.
type ExportOptions struct {
	// Pseudonymise replaces every real name of the pseudonym table in
	// what is written (see Pseudonymised).
	Pseudonymise bool
}

// exportBundle is the project as an export writes it.
func (p *Project) exportBundle(opts []ExportOptions) (*qda.Bundle, error) {
	for _, o := range opts {
		if o.Pseudonymise {
			return p.Pseudonymised()
		}
	}
	return p.Bundle()
}

// SuggestPseudonyms lists names in the project's documents that may need a
// pseudonym (see qda.SuggestNames), leaving out those in the table.
func (p *Project) SuggestPseudonyms() ([]qda.NameSuggestion, error) {
	var texts []string
	var table []qda.Pseudonym
	speakers := map[string]int{}
	err := p.view(func(tx *store.Tx) error {
		var err error
		if table, err = tx.Pseudonyms(); err != nil {
			return err
		}
		docs, err := tx.Documents()
		if err != nil {
			return err
		}
		for _, d := range docs {
			t, err := tx.Text(d.ID)
			if err != nil {
				return err
			}
			texts = append(texts, t)
			for _, pa := range d.Passages {
				if pa.Speaker != "" {
					speakers[pa.Speaker]++
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	// A name the table covers already ("Mr Han" when "Han" is in it) is
	// left out too.
	return qda.SuggestNames(texts, speakers, qda.NewPseudonymiser(table).Has), nil
}
