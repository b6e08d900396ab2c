package store

import (
	"encoding/json"
	"fmt"
	"sort"

	"coder/qda"
)

// Coding returns one coding.
func (tx *Tx) Coding(id qda.ID) (*qda.Coding, error) {
	return getJSON[qda.Coding](tx, bCodings, id, "coding")
}

// Codings returns every coding, ordered by document and position.
func (tx *Tx) Codings() ([]qda.Coding, error) {
	cs, err := allJSON[qda.Coding](tx, bCodings, "coding")
	sortCodings(cs)
	return cs, err
}

func sortCodings(cs []qda.Coding) {
	sort.Slice(cs, func(i, j int) bool {
		a, b := cs[i], cs[j]
		if a.Document != b.Document {
			return a.Document < b.Document
		}
		if a.Span.Start != b.Span.Start {
			return a.Span.Start < b.Span.Start
		}
		if a.Span.End != b.Span.End {
			return a.Span.End < b.Span.End
		}
		return a.ID < b.ID
	})
}

// CodingsOf returns a document's codings in text order, through the
// by-document index.
func (tx *Tx) CodingsOf(doc qda.ID) ([]qda.Coding, error) {
	var out []qda.Coding
	prefix := []byte(doc + "/")
	err := tx.seek(bDocCoding, prefix, func(k, _ []byte) error {
		if len(k) == len(prefix) {
			return nil
		}
		cd, err := tx.Coding(qda.ID(k[len(prefix):]))
		if err != nil {
			return err
		}
		out = append(out, *cd)
		return nil
	})
	if err != nil {
		return nil, err
	}
	sortCodings(out)
	return out, nil
}

// PutCoding adds or updates a coding. The document and code must exist, the
// code must not be a folder, the coder must exist when given, and the span must
// lie inside the document's text.
func (tx *Tx) PutCoding(c *qda.Coding) error {
	if !c.ID.Valid() {
		return qda.Invalidf("coding ID %q is not a UUID", c.ID)
	}
	doc, err := tx.Document(c.Document)
	if err != nil {
		return fmt.Errorf("cannot code a document that does not exist: %w", err)
	}
	code, err := tx.Code(c.Code)
	if err != nil {
		return fmt.Errorf("cannot apply a code that does not exist: %w", err)
	}
	if err := c.CheckOn(doc, code); err != nil {
		return err
	}
	if c.Coder != "" && !exists(tx, bCoders, c.Coder) {
		return fmt.Errorf("coding by an unknown coder %s: %w", c.Coder, qda.ErrNotFound)
	}
	if old, err := tx.Coding(c.ID); err == nil && old.Document != c.Document {
		if err := tx.del(bDocCoding, docCodingKey(old.Document, old.ID)); err != nil {
			return err
		}
	}
	if err := tx.put(bDocCoding, docCodingKey(c.Document, c.ID), []byte{}); err != nil {
		return err
	}
	stampWith(tx, c, c.ID, tx.Coding)
	return putJSON(tx, bCodings, c.ID, c)
}

// DeleteCoding removes a coding and its memos.
func (tx *Tx) DeleteCoding(id qda.ID) error {
	c, err := tx.Coding(id)
	if err != nil {
		return err
	}
	return tx.deleteCodings([]qda.Coding{*c})
}

// deleteCodings removes codings and the memos on them, reading the memos
// once however many codings go (deleting a code or a document removes many).
func (tx *Tx) deleteCodings(cs []qda.Coding) error {
	gone := make(map[qda.ID]bool, len(cs))
	for _, c := range cs {
		gone[c.ID] = true
		if err := tx.del(bDocCoding, docCodingKey(c.Document, c.ID)); err != nil {
			return err
		}
		if err := tx.del(bCodings, []byte(c.ID)); err != nil {
			return err
		}
		if err := tx.bury(qda.GoneCoding, c.ID); err != nil {
			return err
		}
	}
	return tx.deleteMemosOnAny(gone)
}

func docCodingKey(doc, coding qda.ID) []byte { return []byte(string(doc) + "/" + string(coding)) }

func jsonHasCode(data []byte, code qda.ID) bool {
	var c struct {
		Code qda.ID `json:"code"`
	}
	return json.Unmarshal(data, &c) == nil && c.Code == code
}
