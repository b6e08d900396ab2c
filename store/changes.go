package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"hash/maphash"
	"strings"

	"coder/qda"
)

// Change is one key's write within a transaction.
type Change struct {
	Bucket, Key   []byte
	Before, After []byte // nil when the key did not exist / was deleted
	// lazy means the value written was large (a document's text): the
	// change keeps only its hash, afterSum, and After is read back from
	// the file when the action is undone (the file then holds exactly
	// it), so an import's undo step does not keep its whole text alive.
	lazy     bool
	afterSum uint64
	// by is who made the write: the transaction's editor, nil for a
	// merge's writes and an undo's (see madeByPerson).
	by *editor
}

// Changes is everything one Update wrote, in order. Applying it backwards
// undoes the user action; applying it forwards again redoes it.
type Changes struct {
	list []Change
	// rejected holds the rejections a person made (see Tx.Reject):
	// undoing them leaves their tombstones, redoing removes those.
	rejected []Rejection
}

// lazyAfter is the size above which a change keeps a written value's hash
// instead of the value (see Change.lazy).
const lazyAfter = 64 << 10

// afterSeed keys the hashes of lazy changes; undo history lives only as
// long as the process, and so does the seed.
var afterSeed = maphash.MakeSeed()

// add records one write. before is read from the file's memory map, which
// is only valid during the transaction, so it is copied; after is the value
// the store handed to bbolt, which bbolt requires to stay unchanged for the
// transaction and nothing writes to afterwards, so a small one is kept as
// it is and a large one by its hash alone.
func (c *Changes) add(bucket, key, before, after []byte, by *editor) {
	ch := Change{
		Bucket: bytes.Clone(bucket), Key: bytes.Clone(key),
		Before: cloneOrNil(before), After: after, by: by,
	}
	if len(after) > lazyAfter {
		ch.After, ch.lazy, ch.afterSum = nil, true, maphash.Bytes(afterSeed, after)
	}
	c.list = append(c.list, ch)
}

// written reports whether the change left the key holding a value (it was
// not a deletion).
func (c *Change) written() bool { return c.After != nil || c.lazy }

// left reports whether v is the value the change left the key with.
func (c *Change) left(v []byte) bool {
	if c.lazy {
		return v != nil && maphash.Bytes(afterSeed, v) == c.afterSum
	}
	return bytes.Equal(v, c.After) && (v == nil) == (c.After == nil)
}

func cloneOrNil(b []byte) []byte {
	if b == nil {
		return nil
	}
	return bytes.Clone(b)
}

// Empty reports whether nothing was written.
func (c *Changes) Empty() bool { return c == nil || len(c.list) == 0 }

// Len returns the number of writes.
func (c *Changes) Len() int { return len(c.list) }

// ErrStale means the project changed since the change set was recorded, so
// undoing or redoing it would overwrite someone else's work.
var ErrStale = fmt.Errorf("the project has changed since; this step can no longer be undone")

// Undo reverts ch in one transaction. It refuses, changing nothing, if any key
// no longer holds the value ch left it with.
func (db *DB) Undo(ch *Changes) (*Changes, error) { return db.apply(ch, true) }

// Redo reapplies ch after an Undo, with the same safety check.
func (db *DB) Redo(ch *Changes) (*Changes, error) { return db.apply(ch, false) }

func (db *DB) apply(ch *Changes, backwards bool) (*Changes, error) {
	made := ch.madeByPerson()
	return db.Record(func(tx *Tx) error {
		n := len(ch.list)
		// Check that every key still holds the state the action (or its undo)
		// left, then write: all or nothing. expected is, per key, the write
		// whose state it must hold: the last one going backwards, the first
		// one's before going forwards.
		expected := map[string]int{}
		for i := 0; i < n; i++ {
			c := ch.list[i]
			k := string(c.Bucket) + "\x00" + string(c.Key)
			if _, ok := expected[k]; backwards || !ok {
				expected[k] = i
			}
		}
		for _, i := range expected {
			c := &ch.list[i]
			got, err := tx.get(c.Bucket, c.Key)
			if err != nil {
				return err
			}
			if backwards && !c.left(got) ||
				!backwards && (!bytes.Equal(got, c.Before) || (got == nil) != (c.Before == nil)) {
				return ErrStale
			}
			if backwards && c.lazy {
				// The file holds exactly what the action wrote: keep it
				// for a redo.
				c.After, c.lazy = bytes.Clone(got), false
			}
		}
		order := make([]int, n)
		for i := range order {
			order[i] = i
			if backwards {
				order[i] = n - 1 - i
			}
		}
		for _, i := range order {
			c := &ch.list[i]
			v := c.After
			if backwards {
				v = c.Before
			} else if c.lazy {
				continue // a value a later write to its key replaced
			}
			var err error
			if v == nil {
				err = tx.del(c.Bucket, c.Key)
			} else {
				err = tx.put(c.Bucket, c.Key, v)
			}
			if err != nil {
				return err
			}
			if !backwards && len(v) > lazyAfter {
				c.After, c.lazy = nil, true // redone: the file holds it again
			}
		}
		if backwards {
			if err := tx.buryUnmade(made); err != nil {
				return err
			}
			return tx.takeBack(ch.rejected)
		}
		if err := tx.unburyRemade(made); err != nil {
			return err
		}
		return tx.giveBack(ch.rejected)
	})
}

// Append adds the writes of a later transaction, so that several transactions
// undo as one user action (a batch import commits file by file).
func (c *Changes) Append(later *Changes) {
	if later != nil {
		c.list = append(c.list, later.list...)
		c.rejected = append(c.rejected, later.rejected...)
	}
}

// Scope summarises what a change set touched, by entity kind, so that derived
// data (the search index, open views) can be brought up to date without
// knowing which action made the change: an undo touches what the action did.
type Scope struct {
	Documents   []qda.ID // documents whose metadata, text or codings changed (not removed)
	Removed     []qda.ID // documents deleted
	Memos       []qda.ID // memos written
	MemosGone   []qda.ID // memos deleted
	Codes       bool     // the codebook changed
	Cases       bool     // cases, attributes or their values changed
	CodingsMemo bool     // a coding's memo may have changed
	// Codings lists every coding written or deleted, with the spans it had
	// before and after; OnlyCodings is set when nothing else changed but
	// the coder record a first coding writes.
	Codings     []CodingChange
	OnlyCodings bool
}

// CodingChange is one coding a change set touched.
type CodingChange struct {
	ID       qda.ID
	Document qda.ID
	Spans    []qda.Span // before and/or after
}

// Scope reports what c touched.
func (c *Changes) Scope() Scope {
	var s Scope
	if c == nil {
		return s
	}
	docs := map[qda.ID]bool{}
	removed := map[qda.ID]bool{}
	memos := map[qda.ID]bool{}
	codings := map[qda.ID]int{} // index into s.Codings
	s.OnlyCodings = true
	for _, ch := range c.list {
		switch string(ch.Bucket) {
		case string(bCodings), string(bDocCoding), string(bCoders), string(bTombs):
		default:
			s.OnlyCodings = false
		}
		key := string(ch.Key)
		switch string(ch.Bucket) {
		case string(bDocs):
			if !ch.written() {
				removed[qda.ID(key)] = true
			} else {
				docs[qda.ID(key)] = true
			}
		case string(bDocCoding):
			if i := strings.IndexByte(key, '/'); i > 0 {
				docs[qda.ID(key[:i])] = true
			}
		case string(bCodings):
			s.CodingsMemo = true
			id := qda.ID(key)
			i, ok := codings[id]
			if !ok {
				i = len(s.Codings)
				codings[id] = i
				s.Codings = append(s.Codings, CodingChange{ID: id})
			}
			for _, v := range [][]byte{ch.Before, ch.After} {
				var cd qda.Coding
				if v != nil && json.Unmarshal(v, &cd) == nil {
					docs[cd.Document] = true
					s.Codings[i].Document = cd.Document
					s.Codings[i].Spans = append(s.Codings[i].Spans, cd.Span)
				}
			}
		case string(bMemos):
			memos[qda.ID(key)] = ch.written()
		case string(bCodes):
			s.Codes = true
		case string(bCases), string(bVars), string(bValues):
			s.Cases = true
		}
	}
	for id := range removed {
		delete(docs, id)
		s.Removed = append(s.Removed, id)
	}
	for id := range docs {
		s.Documents = append(s.Documents, id)
	}
	for id, alive := range memos {
		if alive {
			s.Memos = append(s.Memos, id)
		} else {
			s.MemosGone = append(s.MemosGone, id)
		}
	}
	return s
}
