package project

import (
	"fmt"
	"strings"
	"time"

	"coder/qda"
	"coder/store"
)

// ApplyCode codes span of a document with a code, as this session's coder.
// Coding the same span with the same code twice is a no-op that returns the
// existing coding.
func (p *Project) ApplyCode(doc qda.ID, span qda.Span, code qda.ID) (*qda.Coding, error) {
	var made *qda.Coding
	err := p.act(Change{Action: "Apply code", Documents: []qda.ID{doc}, Codings: true}, func(tx *store.Tx) error {
		c, err := p.newCoding(tx, doc, span, code)
		made = c
		return err
	})
	return made, err
}

func (p *Project) newCoding(tx *store.Tx, doc qda.ID, span qda.Span, code qda.ID) (*qda.Coding, error) {
	return p.codingBatch(tx).add(doc, span, code)
}

// codingBatch adds many codings in one transaction, skipping any that would
// repeat an existing coding (same document, code, span and coder: another
// coder's identical coding is theirs, and agreement needs both). It reads each
// document's codings once, so coding every turn of a long transcript is
// linear in the turns.
type codingBatch struct {
	p    *Project
	tx   *store.Tx
	have map[qda.ID]map[codingKey]qda.Coding // by document
	docs []qda.ID                            // documents touched, in order
	made int                                 // codings added (not already there)
}

type codingKey struct {
	code  qda.ID
	span  qda.Span
	coder qda.ID
}

func (p *Project) codingBatch(tx *store.Tx) *codingBatch {
	return &codingBatch{p: p, tx: tx, have: map[qda.ID]map[codingKey]qda.Coding{}}
}

func (b *codingBatch) add(doc qda.ID, span qda.Span, code qda.ID) (*qda.Coding, error) {
	have, ok := b.have[doc]
	if !ok {
		existing, err := b.tx.CodingsOf(doc)
		if err != nil {
			return nil, err
		}
		have = make(map[codingKey]qda.Coding, len(existing))
		for _, c := range existing {
			have[codingKey{c.Code, c.Span, c.Coder}] = c
		}
		b.have[doc] = have
		b.docs = append(b.docs, doc)
	}
	if c, dup := have[codingKey{code, span, b.p.coder.ID}]; dup {
		return &c, nil
	}
	c := &qda.Coding{ID: qda.NewID(), Document: doc, Code: code, Span: span, Coder: b.p.coder.ID, Created: time.Now().UTC()}
	if err := b.tx.PutCoding(c); err != nil {
		return nil, err
	}
	have[codingKey{code, span, c.Coder}] = *c
	b.made++
	return c, nil
}

// CodeMatches codes every occurrence of text in a document and returns the
// codings made (existing identical codings are returned too).
func (p *Project) CodeMatches(doc qda.ID, text string, code qda.ID) ([]qda.Coding, error) {
	if text == "" {
		return nil, &qda.Error{What: "match", Why: "the text to match is empty"}
	}
	var made []qda.Coding
	err := p.act(Change{Action: "Code matches", Documents: []qda.ID{doc}, Codings: true}, func(tx *store.Tx) error {
		body, err := tx.Text(doc)
		if err != nil {
			return err
		}
		spans := findAll(body, text)
		if len(spans) == 0 {
			d, _ := tx.Document(doc)
			name := string(doc)
			if d != nil {
				name = d.Name
			}
			return &qda.Error{What: name, Why: fmt.Sprintf("%q does not occur in this document", text), Fix: "check the spelling; matching is exact and case-sensitive", Err: qda.ErrNotFound}
		}
		batch := p.codingBatch(tx)
		for _, s := range spans {
			c, err := batch.add(doc, s, code)
			if err != nil {
				return err
			}
			made = append(made, *c)
		}
		return nil
	})
	return made, err
}

// findAll returns the rune spans of every non-overlapping occurrence of needle.
func findAll(haystack, needle string) []qda.Span {
	var spans []qda.Span
	runeAt := 0 // rune offset of byteAt
	byteAt := 0
	needleRunes := len([]rune(needle))
	for {
		i := strings.Index(haystack[byteAt:], needle)
		if i < 0 {
			return spans
		}
		runeAt += len([]rune(haystack[byteAt : byteAt+i]))
		spans = append(spans, qda.Span{Start: runeAt, End: runeAt + needleRunes})
		runeAt += needleRunes
		byteAt += i + len(needle)
	}
}

// CodeSpeaker codes every turn of a speaker (case-insensitive), across the
// given documents or all documents when none are given, and returns how many
// turns were coded.
func (p *Project) CodeSpeaker(speaker string, code qda.ID, docs ...qda.ID) (int, error) {
	var turns []struct {
		doc  qda.ID
		span qda.Span
	}
	err := p.view(func(tx *store.Tx) error {
		all, err := tx.Documents()
		if err != nil {
			return err
		}
		want := idSet(docs)
		for _, d := range all {
			if want != nil && !want[d.ID] {
				continue
			}
			for _, pa := range d.Passages {
				if pa.Speaker != "" && strings.EqualFold(pa.Speaker, speaker) {
					turns = append(turns, struct {
						doc  qda.ID
						span qda.Span
					}{d.ID, pa.Span})
				}
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	if len(turns) == 0 {
		return 0, &qda.Error{What: speaker, Why: "no turns by this speaker", Fix: "list speakers with 'coder speakers'", Err: qda.ErrNotFound}
	}
	var touched []qda.ID
	seen := map[qda.ID]bool{}
	for _, t := range turns {
		if !seen[t.doc] {
			seen[t.doc] = true
			touched = append(touched, t.doc)
		}
	}
	err = p.act(Change{Action: "Code speaker", Documents: touched, Codings: true}, func(tx *store.Tx) error {
		batch := p.codingBatch(tx)
		for _, t := range turns {
			if _, err := batch.add(t.doc, t.span, code); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return len(turns), nil
}

// Uncode removes a coding.
func (p *Project) Uncode(coding qda.ID) error {
	var doc qda.ID
	memos := false // a note or memo goes with it, so memo lists change too
	p.view(func(tx *store.Tx) error {
		if c, err := tx.Coding(coding); err == nil {
			doc = c.Document
			n, _ := codingMemoCounts(tx)
			memos = strings.TrimSpace(c.Memo) != "" || n[coding] > 0
		}
		return nil
	})
	return p.act(Change{Action: "Remove coding", Documents: []qda.ID{doc}, Codings: true, Memos: memos}, func(tx *store.Tx) error {
		return tx.DeleteCoding(coding)
	})
}

// Recode moves a coding to another code in one action (one undo step): a
// coding of the same span by this session's coder takes its place, with its
// note, event date and the memos written on it, and the old coding goes,
// leaving its tombstone, so merging a copy that still has it does not bring
// it back. Recoding with the code it already has changes nothing.
func (p *Project) Recode(coding, code qda.ID) (*qda.Coding, error) {
	var doc qda.ID
	p.view(func(tx *store.Tx) error {
		if c, err := tx.Coding(coding); err == nil {
			doc = c.Document
		}
		return nil
	})
	var made *qda.Coding
	err := p.act(Change{Action: "Recode", Documents: []qda.ID{doc}, Codings: true, Memos: true}, func(tx *store.Tx) error {
		old, err := tx.Coding(coding)
		if err != nil {
			return err
		}
		if old.Code == code {
			made = old
			return nil
		}
		c, err := p.newCoding(tx, old.Document, old.Span, code)
		if err != nil {
			return err
		}
		if (old.Memo != "" && c.Memo == "") || (old.EventDate != "" && c.EventDate == "") {
			if c.Memo == "" {
				c.Memo = old.Memo
			}
			if c.EventDate == "" {
				c.EventDate = old.EventDate
			}
			if err := tx.PutCoding(c); err != nil {
				return err
			}
		}
		memos, err := tx.Memos()
		if err != nil {
			return err
		}
		for _, m := range memos {
			if m.On == qda.OnCoding && m.Target == coding {
				m.Target = c.ID
				if err := tx.PutMemo(&m); err != nil {
					return err
				}
			}
		}
		made = c
		return tx.DeleteCoding(coding)
	})
	return made, err
}
