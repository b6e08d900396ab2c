package store

import (
	"bytes"
	"encoding/json"

	"coder/qda"
)

// Replace makes the project hold after where it held before (both whole
// projects, before as Bundle and Tombstones read it in this transaction),
// writing only what differs. It is how a merge's result is written: the
// merge checked the result as a whole, so records are written with the
// stamps they carry (no editor), without cascades, and codes and cases
// without the one-record rules a half-written state could break (two codes
// trading names). Everything that goes is removed before anything is
// written. The project's identity is left alone.
func (tx *Tx) Replace(before, after *qda.Bundle) error {
	saved := tx.editor
	tx.editor = nil
	defer func() { tx.editor = saved }()

	codings := diffBy(before.Codings, after.Codings, func(c *qda.Coding) qda.ID { return c.ID }, same)
	memos := diffBy(before.Memos, after.Memos, func(m *qda.Memo) qda.ID { return m.ID }, same)
	values := diffBy(before.Values, after.Values, func(v *qda.Value) qda.ID { return qda.ID(valueKey(v.Owner, v.Variable)) }, same)
	cases := diff(before.Cases, after.Cases, func(c *qda.Case) qda.ID { return c.ID })
	docs := diffBy(before.Documents, after.Documents, func(d *qda.Document) qda.ID { return d.ID }, func(a, b *qda.Document) bool {
		return a.Text == b.Text && sameRecord(a, b)
	})
	codes := diff(before.Codes, after.Codes, func(c *qda.Code) qda.ID { return c.ID })
	vars := diff(before.Variables, after.Variables, func(v *qda.Variable) qda.ID { return v.ID })
	coders := diff(before.Coders, after.Coders, func(c *qda.Coder) qda.ID { return c.ID })
	sets := diff(before.CodeSets, after.CodeSets, func(s *qda.CodeSet) qda.ID { return s.ID })
	rejections := diffBy(before.Rejections, after.Rejections, func(r *Rejection) qda.ID { return qda.ID(rejectionKey(r)) }, same)

	// What goes.
	for _, r := range rejections.gone {
		if err := tx.deleteRejection(r); err != nil {
			return err
		}
	}
	for _, c := range codings.gone {
		if err := tx.del(bDocCoding, docCodingKey(c.Document, c.ID)); err != nil {
			return err
		}
		if err := tx.del(bCodings, []byte(c.ID)); err != nil {
			return err
		}
	}
	for _, c := range codings.changed {
		if o := codings.old[c.ID]; o != nil && o.Document != c.Document {
			if err := tx.del(bDocCoding, docCodingKey(o.Document, o.ID)); err != nil {
				return err
			}
		}
	}
	if err := delAll(tx, bMemos, memos.gone, func(m *qda.Memo) qda.ID { return m.ID }); err != nil {
		return err
	}
	if err := delAll(tx, bValues, values.gone, func(v *qda.Value) qda.ID { return qda.ID(valueKey(v.Owner, v.Variable)) }); err != nil {
		return err
	}
	if err := delAll(tx, bCases, cases.gone, func(c *qda.Case) qda.ID { return c.ID }); err != nil {
		return err
	}
	// Names of documents that go or are renamed are released first.
	release := append([]*qda.Document(nil), docs.gone...)
	for _, d := range docs.changed {
		if o := docs.old[d.ID]; o != nil && o.Name != d.Name {
			release = append(release, o)
		}
	}
	for _, o := range release {
		if cur, err := tx.get(bDocNames, nameKey(o.Name)); err != nil {
			return err
		} else if qda.ID(cur) == o.ID {
			if err := tx.del(bDocNames, nameKey(o.Name)); err != nil {
				return err
			}
		}
	}
	for _, d := range docs.gone {
		if err := tx.del(bTexts, []byte(d.ID)); err != nil {
			return err
		}
		if err := tx.del(bDocs, []byte(d.ID)); err != nil {
			return err
		}
	}
	if err := delAll(tx, bCodes, codes.gone, func(c *qda.Code) qda.ID { return c.ID }); err != nil {
		return err
	}
	if err := delAll(tx, bVars, vars.gone, func(v *qda.Variable) qda.ID { return v.ID }); err != nil {
		return err
	}
	if err := delAll(tx, bCoders, coders.gone, func(c *qda.Coder) qda.ID { return c.ID }); err != nil {
		return err
	}

	// What comes or changes, in dependency order.
	for _, c := range coders.changed {
		if err := tx.PutCoder(c); err != nil {
			return err
		}
	}
	if err := putAll(tx, bVars, vars.changed, func(v *qda.Variable) qda.ID { return v.ID }); err != nil {
		return err
	}
	if err := putAll(tx, bCodes, codes.changed, func(c *qda.Code) qda.ID { return c.ID }); err != nil {
		return err
	}
	for _, d := range docs.changed {
		if err := tx.correctText(d); err != nil {
			return err
		}
		if err := tx.PutDocument(d); err != nil {
			return err
		}
	}
	if err := putAll(tx, bCases, cases.changed, func(c *qda.Case) qda.ID { return c.ID }); err != nil {
		return err
	}
	for _, v := range values.changed {
		if err := putJSONKey(tx, bValues, valueKey(v.Owner, v.Variable), v); err != nil {
			return err
		}
	}
	// Codings are written as PutCoding writes them, without its checks
	// one coding at a time (reading the code and the old coding each time,
	// half the time of a large merge): the merge keeps only codings whose
	// document, code and coder are in the result, with spans inside.
	for _, c := range codings.changed {
		if o := codings.old[c.ID]; o == nil || o.Document != c.Document {
			if err := tx.put(bDocCoding, docCodingKey(c.Document, c.ID), []byte{}); err != nil {
				return err
			}
		}
		if err := putJSON(tx, bCodings, c.ID, c); err != nil {
			return err
		}
	}
	for _, m := range memos.changed {
		if err := tx.PutMemo(m); err != nil {
			return err
		}
	}
	for _, s := range sets.changed {
		if err := tx.PutCodeSet(s); err != nil {
			return err
		}
	}
	if err := delAll(tx, bCodeSets, sets.gone, func(s *qda.CodeSet) qda.ID { return s.ID }); err != nil {
		return err
	}
	for _, r := range rejections.changed {
		if err := tx.PutRejection(r); err != nil {
			return err
		}
	}
	old := map[qda.ID]qda.Tombstone{}
	for _, t := range before.Tombstones {
		old[t.ID] = t
	}
	for _, t := range after.Tombstones {
		if o, ok := old[t.ID]; !ok || o != t {
			if err := tx.PutTombstone(t); err != nil {
				return err
			}
		}
	}
	return nil
}

// change is what differs between two lists of one kind of record.
type change[T any] struct {
	old     map[qda.ID]*T
	changed []*T // new, or different from before
	gone    []*T // before had them, after has not
}

func diff[T any](before, after []T, key func(*T) qda.ID) *change[T] {
	return diffBy(before, after, key, func(a, b *T) bool { return sameRecord(a, b) })
}

// same compares records that Go can compare (codings by the hundred
// thousand), without encoding them.
func same[T comparable](a, b *T) bool { return *a == *b }

func diffBy[T any](before, after []T, key func(*T) qda.ID, same func(a, b *T) bool) *change[T] {
	c := &change[T]{old: make(map[qda.ID]*T, len(before))}
	for i := range before {
		c.old[key(&before[i])] = &before[i]
	}
	kept := make(map[qda.ID]bool, len(after))
	for i := range after {
		k := key(&after[i])
		kept[k] = true
		if o := c.old[k]; o == nil || !same(o, &after[i]) {
			c.changed = append(c.changed, &after[i])
		}
	}
	for i := range before {
		if !kept[key(&before[i])] {
			c.gone = append(c.gone, &before[i])
		}
	}
	return c
}

func sameRecord(a, b any) bool {
	x, err1 := json.Marshal(a)
	y, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && bytes.Equal(x, y)
}

func delAll[T any](tx *Tx, bucket []byte, xs []*T, key func(*T) qda.ID) error {
	for _, x := range xs {
		if err := tx.del(bucket, []byte(key(x))); err != nil {
			return err
		}
	}
	return nil
}

func putAll[T any](tx *Tx, bucket []byte, xs []*T, key func(*T) qda.ID) error {
	for _, x := range xs {
		if err := putJSON(tx, bucket, key(x), x); err != nil {
			return err
		}
	}
	return nil
}

// correctText writes the text of a document a merge brings corrected (the
// other copy's later text correction, see package merge), so PutDocument
// then finds it as it is fixed: the one way besides SpliceText a text
// changes after import.
func (tx *Tx) correctText(d *qda.Document) error {
	old, err := tx.Document(d.ID)
	if err != nil || d.Text == "" {
		return nil // a new document: PutDocument writes its text
	}
	if text, err := tx.Text(d.ID); err != nil || text == d.Text {
		return err
	}
	if err := tx.put(bTexts, []byte(d.ID), textBytes(d.Text)); err != nil {
		return err
	}
	old.Chars = d.Chars
	return putJSON(tx, bDocs, d.ID, old)
}
