package store

import (
	"encoding/json"
	"fmt"
	"sort"
	"time"
	"unicode/utf8"

	"coder/qda"
)

// Coding returns one coding.
func (tx *Tx) Coding(id qda.ID) (*qda.Coding, error) {
	data, err := tx.get(bCodings, []byte(id))
	if err != nil {
		return nil, recordDamage("coding", id, err)
	}
	if data == nil {
		return nil, fmt.Errorf("coding %s: %w", id, qda.ErrNotFound)
	}
	c := new(qda.Coding)
	if err := decodeCoding(data, c, idCache{}); err != nil {
		return nil, recordDamage("coding", id, err)
	}
	return c, nil
}

// Codings returns every coding, ordered by document and position.
func (tx *Tx) Codings() ([]qda.Coding, error) {
	out := make([]qda.Coding, 0, tx.tx.Bucket(bCodings).Stats().KeyN)
	ids := idCache{}
	err := tx.each(bCodings, func(k, data []byte) error {
		out = append(out, qda.Coding{})
		if err := decodeCoding(data, &out[len(out)-1], ids); err != nil {
			return recordDamage("coding", qda.ID(k), err)
		}
		return nil
	})
	sortCodings(out)
	return out, err
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

// Codings are the bulk of a project (100,000 in a large one), and every
// table reads them all: encoding/json took most of a second for that. They
// stay JSON on disk (older files, backups, undo records, salvage and merge
// read them as before); decodeCoding reads the shape json.Marshal writes for
// a qda.Coding directly, and hands anything else (an escape in a string, a
// field it does not know, a null) to encoding/json, so it decodes exactly
// what encoding/json does.

// idCache shares the IDs of documents, codes and coders among the codings
// of one read: a few hundred strings instead of one per coding.
type idCache map[string]qda.ID

func (m idCache) id(b []byte) qda.ID {
	if id, ok := m[string(b)]; ok {
		return id
	}
	id := qda.ID(b)
	m[string(id)] = id
	return id
}

// decodeCoding decodes one stored coding into c.
func decodeCoding(data []byte, c *qda.Coding, ids idCache) error {
	if fastCoding(data, c, ids) {
		return nil
	}
	*c = qda.Coding{}
	return json.Unmarshal(data, c)
}

// fastCoding decodes data if it is a plain coding object, reporting
// whether it was.
func fastCoding(data []byte, c *qda.Coding, ids idCache) bool {
	*c = qda.Coding{}
	s := jsonScan{b: data}
	if !s.byte('{') {
		return false
	}
	if s.peek('}') {
		return s.end()
	}
	for {
		key, ok := s.str()
		if !ok || !s.byte(':') {
			return false
		}
		switch string(key) {
		case "id":
			v, ok := s.str()
			if !ok {
				return false
			}
			c.ID = qda.ID(v)
		case "document", "code", "coder", "modifiedBy":
			v, ok := s.str()
			if !ok {
				return false
			}
			switch string(key) {
			case "document":
				c.Document = ids.id(v)
			case "code":
				c.Code = ids.id(v)
			case "coder":
				c.Coder = ids.id(v)
			default:
				c.ModifiedBy = ids.id(v)
			}
		case "memo", "eventDate", "replaces":
			v, ok := s.str()
			if !ok {
				return false
			}
			switch string(key) {
			case "memo":
				c.Memo = string(v)
			case "eventDate":
				c.EventDate = string(v)
			default:
				c.Replaces = string(v)
			}
		case "created", "modified":
			v, ok := s.str()
			if !ok {
				return false
			}
			t, err := time.Parse(time.RFC3339Nano, string(v))
			if err != nil {
				return false
			}
			if string(key) == "created" {
				c.Created = t
			} else {
				c.Modified = t
			}
		case "span":
			if !s.span(&c.Span) {
				return false
			}
		default:
			return false
		}
		if s.byte(',') {
			continue
		}
		return s.byte('}') && s.end()
	}
}

// jsonScan reads the compact JSON json.Marshal writes.
type jsonScan struct {
	b []byte
	i int
}

func (s *jsonScan) skip() {
	for s.i < len(s.b) && (s.b[s.i] == ' ' || s.b[s.i] == '\n' || s.b[s.i] == '\t' || s.b[s.i] == '\r') {
		s.i++
	}
}

// byte consumes ch if it comes next.
func (s *jsonScan) byte(ch byte) bool {
	s.skip()
	if s.i < len(s.b) && s.b[s.i] == ch {
		s.i++
		return true
	}
	return false
}

func (s *jsonScan) peek(ch byte) bool {
	s.skip()
	return s.i < len(s.b) && s.b[s.i] == ch
}

func (s *jsonScan) end() bool {
	s.skip()
	return s.i == len(s.b)
}

// str reads a string without escapes or control characters, in valid
// UTF-8; anything else is left to encoding/json.
func (s *jsonScan) str() ([]byte, bool) {
	if !s.byte('"') {
		return nil, false
	}
	start := s.i
	ascii := true
	for ; s.i < len(s.b); s.i++ {
		switch ch := s.b[s.i]; {
		case ch == '"':
			v := s.b[start:s.i]
			s.i++
			if !ascii && !utf8.Valid(v) {
				return nil, false
			}
			return v, true
		case ch == '\\' || ch < 0x20:
			return nil, false
		case ch >= 0x80:
			ascii = false
		}
	}
	return nil, false
}

// span reads {"start":N,"end":N}.
func (s *jsonScan) span(sp *qda.Span) bool {
	if !s.byte('{') {
		return false
	}
	if s.peek('}') {
		s.i++
		return true
	}
	for {
		key, ok := s.str()
		if !ok || !s.byte(':') {
			return false
		}
		n, ok := s.int()
		if !ok {
			return false
		}
		switch string(key) {
		case "start":
			sp.Start = n
		case "end":
			sp.End = n
		default:
			return false
		}
		if s.byte(',') {
			continue
		}
		return s.byte('}')
	}
}

// int reads a small non-negative or negative whole number.
func (s *jsonScan) int() (int, bool) {
	s.skip()
	neg := false
	if s.i < len(s.b) && s.b[s.i] == '-' {
		neg = true
		s.i++
	}
	start, n := s.i, 0
	for ; s.i < len(s.b) && s.b[s.i] >= '0' && s.b[s.i] <= '9'; s.i++ {
		if s.i-start >= 15 {
			return 0, false
		}
		n = n*10 + int(s.b[s.i]-'0')
	}
	if s.i == start || (s.i < len(s.b) && (s.b[s.i] == '.' || s.b[s.i] == 'e' || s.b[s.i] == 'E')) {
		return 0, false
	}
	if neg {
		n = -n
	}
	return n, true
}
