package store

import (
	"fmt"
	"sort"
	"strings"
	"unsafe"

	"coder/qda"
)

// Document returns a document's metadata and passages, without its text.
// The caller may change the returned record; its Passages must be replaced,
// not edited in place.
func (tx *Tx) Document(id qda.ID) (*qda.Document, error) {
	if d, ok := tx.docs[id]; ok {
		c := *d
		return &c, nil
	}
	d, err := getJSON[qda.Document](tx, bDocs, id, "document")
	if err != nil {
		return nil, err
	}
	if tx.docs == nil {
		tx.docs = map[qda.ID]*qda.Document{}
	}
	c := *d
	tx.docs[id] = &c
	return d, nil
}

// Text returns a document's text.
func (tx *Tx) Text(id qda.ID) (string, error) {
	t, err := tx.get(bTexts, []byte(id))
	if err != nil {
		return "", recordDamage("text of document", id, err)
	}
	if t == nil {
		return "", fmt.Errorf("text of document %s: %w", id, qda.ErrNotFound)
	}
	if tx.seal != nil && len(t) > 0 {
		// Decrypted into a buffer of its own: it needs no copy.
		return unsafe.String(&t[0], len(t)), nil
	}
	return tx.copyOut(t), nil
}

// DocumentWithText returns a document with its text filled in.
func (tx *Tx) DocumentWithText(id qda.ID) (*qda.Document, error) {
	d, err := tx.Document(id)
	if err != nil {
		return nil, err
	}
	d.Text, err = tx.Text(id)
	return d, err
}

// Documents returns every document's metadata, sorted by name.
func (tx *Tx) Documents() ([]qda.Document, error) {
	docs, err := allJSON[qda.Document](tx, bDocs, "document")
	sort.Slice(docs, func(i, j int) bool { return strings.ToLower(docs[i].Name) < strings.ToLower(docs[j].Name) })
	return docs, err
}

// DocumentByName finds a document by name, ignoring letter case (names are
// unique regardless of case).
func (tx *Tx) DocumentByName(name string) (*qda.Document, error) {
	id, err := tx.get(bDocNames, nameKey(name))
	if err != nil {
		return nil, err
	}
	if id == nil {
		return nil, fmt.Errorf("no document named %q: %w", name, qda.ErrNotFound)
	}
	return tx.Document(qda.ID(id))
}

func nameKey(name string) []byte { return []byte(strings.ToLower(strings.TrimSpace(name))) }

// PutDocument adds a document or updates its metadata. A document's text is
// fixed at import: it is written when the document is new and must not change
// afterwards (d.Text may be left empty on updates).
func (tx *Tx) PutDocument(d *qda.Document) error {
	if !d.ID.Valid() {
		return fmt.Errorf("document %q: ID %q is not a UUID", d.Name, d.ID)
	}
	old, err := tx.Document(d.ID)
	isNew := err != nil
	if isNew {
		if err := d.Validate(); err != nil {
			return err
		}
	} else {
		if d.Chars != old.Chars {
			return fmt.Errorf("document %q: its text cannot change after import", d.Name)
		}
		text, err := tx.Text(d.ID)
		if err != nil {
			return err
		}
		if d.Text != "" && d.Text != text {
			return fmt.Errorf("document %q: its text cannot change after import", d.Name)
		}
		meta := *d
		meta.Text = text
		if err := meta.Validate(); err != nil {
			return err
		}
	}
	if err := tx.checkDocName(d); err != nil {
		return err
	}
	if isNew {
		// The text goes in without a copy: a 100 MB document would otherwise
		// be held twice more (here and in the undo record) until the commit.
		if err := tx.put(bTexts, []byte(d.ID), textBytes(d.Text)); err != nil {
			return err
		}
	} else if !strings.EqualFold(strings.TrimSpace(old.Name), strings.TrimSpace(d.Name)) {
		if err := tx.del(bDocNames, nameKey(old.Name)); err != nil {
			return err
		}
	}
	if err := tx.put(bDocNames, nameKey(d.Name), []byte(d.ID)); err != nil {
		return err
	}
	stampWith(tx, d, d.ID, tx.Document)
	return putJSON(tx, bDocs, d.ID, d)
}

func (tx *Tx) checkDocName(d *qda.Document) error {
	id, err := tx.get(bDocNames, nameKey(d.Name))
	if err != nil {
		return err
	}
	if id != nil && qda.ID(id) != d.ID {
		return fmt.Errorf("there is already a document named %q: %w", d.Name, qda.ErrConflict)
	}
	return nil
}

// UniqueDocName returns name, or name with " (2)", " (3)"... appended when a
// document already has it.
func (tx *Tx) UniqueDocName(name string) (string, error) {
	candidate := name
	for i := 2; tx.has(bDocNames, nameKey(candidate)); i++ {
		candidate = fmt.Sprintf("%s (%d)", name, i)
	}
	return candidate, nil
}

// DeleteDocument removes a document with its text, its codings, its attribute
// values, memos and rejected suggestions, and takes it out of every case.
func (tx *Tx) DeleteDocument(id qda.ID) error {
	if !exists(tx, bDocs, id) {
		return fmt.Errorf("document %s: %w", id, qda.ErrNotFound)
	}
	codings, err := tx.CodingsOf(id)
	if err != nil {
		return err
	}
	if err := tx.deleteCodings(codings); err != nil {
		return err
	}
	cases, err := tx.Cases()
	if err != nil {
		return err
	}
	for _, c := range cases {
		if c.Has(id) {
			c.Documents = removeID(c.Documents, id)
			if err := tx.PutCase(&c); err != nil {
				return err
			}
		}
	}
	if err := tx.deleteValuesOf(id); err != nil {
		return err
	}
	if err := tx.deleteMemosOn(id); err != nil {
		return err
	}
	if err := tx.changeRejections(func(r Rejection) (Rejection, bool) { return r, r.Document != id }); err != nil {
		return err
	}
	if err := tx.del(bTexts, []byte(id)); err != nil {
		return err
	}
	if d, err := tx.Document(id); err == nil {
		if err := tx.del(bDocNames, nameKey(d.Name)); err != nil {
			return err
		}
	}
	if err := tx.del(bDocs, []byte(id)); err != nil {
		return err
	}
	return tx.bury(qda.GoneDocument, id)
}

// textBytes returns the bytes of s without copying them. Strings are
// immutable, and neither bbolt nor the undo record writes to a value it is
// given, so sharing is safe.
func textBytes(s string) []byte {
	if s == "" {
		return []byte{}
	}
	return unsafe.Slice(unsafe.StringData(s), len(s))
}

func removeID(ids []qda.ID, id qda.ID) []qda.ID {
	out := ids[:0:0]
	for _, x := range ids {
		if x != id {
			out = append(out, x)
		}
	}
	return out
}
