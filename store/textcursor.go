package store

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"runtime"
	"sort"
	"unicode/utf8"
	"unsafe"

	"coder/qda"
)

// TextCursor reads pieces of one document's text by rune spans without
// holding the whole text: the search index's build reads a long document a
// slice at a time, and a search reads only the passages its hits are in. A
// long text in a read-only transaction is read from the file (as copyOut
// does), never copied whole nor brought in through bbolt's map.
//
// Spans are runes and the text is stored as UTF-8, so the cursor walks the
// text to find where a rune starts; it remembers where it has been, so
// reading a text from start to end in many calls, each in a transaction of
// its own, walks it once, and going back costs a walk of at most
// cursorStep bytes. A pure ASCII text needs no walk at all.
type TextCursor struct {
	id    qda.ID
	chars int // the text's length in runes, as the document records it
	size  int // its length in bytes when last read; -1 before
	// marks are places already walked to, in increasing order: a rune
	// offset and the byte offset where that rune starts.
	marks []textMark
	at    textMark // where the last walk ended
	// buf holds the text's bytes from bufAt, as read in the current call.
	buf   []byte
	bufAt int
}

type textMark struct{ r, b int }

// cursorStep is how many bytes a walk reads at a time, and how far apart
// the places it remembers are.
const cursorStep = 64 << 10

// NewTextCursor returns a cursor on the text of document id, whose length
// in runes is chars (qda.Document.Chars).
func NewTextCursor(id qda.ID, chars int) *TextCursor {
	return &TextCursor{id: id, chars: chars, size: -1}
}

// Spans returns the text of each span of the document, clamped to the text,
// reading it in tx. Spans may come in any order and overlap; each call may
// be in a transaction of its own. If the text changed since the last call,
// the cursor starts again on the new one.
func (c *TextCursor) Spans(tx *Tx, spans []qda.Span) ([]string, error) {
	v, err := tx.get(bTexts, []byte(c.id))
	if err != nil {
		return nil, recordDamage("text of document", c.id, err)
	}
	if v == nil {
		return nil, fmt.Errorf("text of document %s: %w", c.id, qda.ErrNotFound)
	}
	ra, done := tx.valueReader(v)
	defer done()
	if len(v) != c.size {
		c.size, c.marks, c.at = len(v), []textMark{{0, 0}}, textMark{}
	}
	c.buf = c.buf[:0] // read again: the text may have moved in the file
	ascii := c.size == c.chars
	// Every offset asked for, converted in increasing order.
	offs := make([]int, 0, 2*len(spans))
	for _, s := range spans {
		offs = append(offs, max(0, s.Start), max(0, s.End))
	}
	sort.Ints(offs)
	at := make(map[int]int, len(offs))
	for _, r := range offs {
		if _, ok := at[r]; ok {
			continue
		}
		if ascii {
			at[r] = min(r, c.size)
			continue
		}
		b, err := c.byteAt(ra, r)
		if err != nil {
			return nil, fmt.Errorf("text of document %s: %w", c.id, err)
		}
		at[r] = b
	}
	out := make([]string, len(spans))
	for i, s := range spans {
		from, to := at[max(0, s.Start)], at[max(0, s.End)]
		if to <= from {
			continue
		}
		if out[i], err = c.read(ra, from, to); err != nil {
			return nil, fmt.Errorf("text of document %s: %w", c.id, err)
		}
	}
	return out, nil
}

// byteAt returns the byte offset where rune r starts (the text's length for
// r at or past its end), walking from the nearest place known before r.
func (c *TextCursor) byteAt(ra io.ReaderAt, r int) (int, error) {
	i := sort.Search(len(c.marks), func(i int) bool { return c.marks[i].r > r }) - 1
	m := c.marks[i]
	if c.at.r <= r && c.at.r > m.r {
		m = c.at
	}
	if c.buf == nil {
		c.buf = make([]byte, 0, cursorStep)
	}
	for m.r < r && m.b < c.size {
		end := c.bufAt + len(c.buf)
		if m.b < c.bufAt || m.b >= end || end-m.b < utf8.UTFMax && end < c.size {
			n, err := ra.ReadAt(c.buf[:min(cap(c.buf), c.size-m.b)], int64(m.b))
			if err != nil && err != io.EOF {
				return 0, err
			}
			if n == 0 {
				break
			}
			c.buf, c.bufAt, end = c.buf[:n], m.b, m.b+n
		}
		for m.r < r && m.b < end && (end-m.b >= utf8.UTFMax || end == c.size) {
			_, w := utf8.DecodeRune(c.buf[m.b-c.bufAt : end-c.bufAt])
			m.b += w
			m.r++
			if last := c.marks[len(c.marks)-1]; m.b >= last.b+cursorStep {
				c.marks = append(c.marks, m)
			}
		}
	}
	c.at = m
	return min(m.b, c.size), nil
}

// read returns the bytes [from, to) of the text: from the bytes last read
// when they hold them, else from ra.
func (c *TextCursor) read(ra io.ReaderAt, from, to int) (string, error) {
	buf := make([]byte, to-from)
	if from >= c.bufAt && to <= c.bufAt+len(c.buf) {
		copy(buf, c.buf[from-c.bufAt:])
	} else if _, err := ra.ReadAt(buf, int64(from)); err != nil && err != io.EOF {
		return "", err
	}
	return unsafe.String(&buf[0], len(buf)), nil
}

// valueReader reads a value got in this transaction. One longer than a page,
// in a read-only transaction, is read from the file at the value's offset in
// the map (see copyOut): read through the map, its pages would stay in the
// process's memory as long as the project is open (an index build of 1,000
// documents of 100 kB brought in 150 MB of the project file); done releases
// the file.
func (tx *Tx) valueReader(v []byte) (ra io.ReaderAt, done func()) {
	mem := func() (io.ReaderAt, func()) { return bytes.NewReader(v), func() {} }
	if len(v) < 4<<10 || tx.writable || tx.seal != nil || runtime.GOOS == "windows" {
		return mem()
	}
	db := tx.tx.DB()
	off := int64(uintptr(unsafe.Pointer(&v[0])) - db.Info().Data)
	if off < 0 || off+int64(len(v)) > tx.tx.Size() {
		return mem()
	}
	f, err := os.Open(db.Path())
	if err != nil {
		return mem()
	}
	return io.NewSectionReader(f, off, int64(len(v))), func() { f.Close() }
}
