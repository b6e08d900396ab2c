package store

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"maps"
	"os"
	"strings"
	"unicode/utf8"

	"coder/qda"
)

// This file reads a bbolt file's pages with plain reads, never through
// bbolt's memory map, so that a damaged file can be judged (and what is left
// of it read) without the panics and bus errors bbolt raises on bad pages.
// It knows bbolt's on-disk format version 2: a 16-byte page header (id,
// flags, count, overflow), 16-byte branch and leaf elements, two meta pages,
// and buckets whose value is a 16-byte header (root page, sequence) followed
// by an inline page when the root is 0.

const (
	boltMagic       = 0xED0CDAED
	boltVersion     = 2
	pageHeaderSize  = 16
	elementSize     = 16
	bucketHeader    = 16
	flagBranch      = 0x01
	flagLeaf        = 0x02
	flagMeta        = 0x04
	flagFreelist    = 0x10
	leafBucketEntry = 0x01
	noFreelist      = ^uint64(0)
	maxPageSize     = 1 << 16
)

// boltMeta is what a meta page records.
type boltMeta struct {
	pageSize uint32
	root     uint64 // the root bucket's page
	freelist uint64
	pgid     uint64 // high-water mark: pages in use
	txid     uint64
}

// pageReader reads pages of one file, tolerating nothing: every claim a page
// makes about sizes and positions is checked before it is used.
type pageReader struct {
	f    *os.File
	size int64
	meta boltMeta
	// prev is the other meta page's, when it is sound: the tree as the
	// transaction before the last left it.
	prev     *boltMeta
	seen     map[uint64]bool
	problems []string
	// strict stops at the first problem (Verify); otherwise the walk goes on
	// past damaged pages and reads what it can (salvage).
	strict bool
}

// errStop ends a strict walk at its first problem.
var errStop = errors.New("stop")

// errEmptyFile is what readMeta returns for a 0-byte file.
var errEmptyFile = errors.New("the file is empty (0 bytes)")

// errShort is what readMeta returns for a file shorter than its pages.
var errShort = errors.New("the file is cut short")

// errNotBolt is what readMeta returns when neither meta page is bbolt's.
var errNotBolt = errors.New("it is not a bbolt database")

// errHeaderShort is what readMeta returns when a meta page lies past the end
// of the file.
var errHeaderShort = errors.New("its header is cut short")

func openPages(path string) (*pageReader, error) { return openPagesMode(path, false) }

// openPagesMode opens the file's pages; tolerant accepts a file shorter than
// its header says (pages past the end then fail to read, one by one).
func openPagesMode(path string, tolerant bool) (*pageReader, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	r := &pageReader{f: f, size: st.Size(), seen: map[uint64]bool{}}
	if err := r.readMeta(); err != nil && !(tolerant && errors.Is(err, errShort)) {
		f.Close()
		return nil, err
	}
	return r, nil
}

func (r *pageReader) close() { r.f.Close() }

// readMeta picks the newer of the two meta pages whose checksum holds, as
// bbolt does, and checks the file is as long as the meta says.
func (r *pageReader) readMeta() error {
	if r.size == 0 {
		return errEmptyFile
	}
	parse := func(off int64) (boltMeta, error) {
		var m boltMeta
		buf := make([]byte, pageHeaderSize+64)
		n, _ := r.f.ReadAt(buf, off)
		b := buf[pageHeaderSize:]
		le := binary.LittleEndian
		// A short file that does not start as a project (a text or a
		// Word file given the extension) is no project, not a cut one.
		if n >= pageHeaderSize+4 && le.Uint32(b[0:]) != boltMagic {
			return m, errNotBolt
		}
		if n < len(buf) {
			return m, errHeaderShort
		}
		if v := le.Uint32(b[4:]); v != boltVersion {
			return m, fmt.Errorf("unknown file format version %d", v)
		}
		h := fnv.New64a()
		h.Write(b[:56])
		if h.Sum64() != le.Uint64(b[56:]) {
			return m, fmt.Errorf("its header's checksum does not match")
		}
		m = boltMeta{pageSize: le.Uint32(b[8:]), root: le.Uint64(b[16:]), freelist: le.Uint64(b[32:]), pgid: le.Uint64(b[40:]), txid: le.Uint64(b[48:])}
		if m.pageSize < 512 || m.pageSize > maxPageSize || m.pageSize&(m.pageSize-1) != 0 {
			return m, fmt.Errorf("its header records an impossible page size %d", m.pageSize)
		}
		return m, nil
	}
	m0, err0 := parse(0)
	second := int64(os.Getpagesize())
	if err0 == nil {
		second = int64(m0.pageSize)
	}
	m1, err1 := parse(second)
	switch {
	case err0 != nil && err1 != nil:
		if err0 == errNotBolt && err1 != errNotBolt && err1 != errHeaderShort {
			return err1
		}
		return err0
	case err0 != nil:
		r.meta = m1
	case err1 != nil:
		r.meta = m0
	case m0.txid >= m1.txid:
		r.meta, r.prev = m0, &m1
	default:
		r.meta, r.prev = m1, &m0
	}
	ps := uint64(r.meta.pageSize)
	if r.meta.pgid < 2 {
		return fmt.Errorf("its header records %d pages", r.meta.pgid)
	}
	if want := r.meta.pgid * ps; uint64(r.size) < want {
		return fmt.Errorf("%w: %d bytes of the %d it should have", errShort, r.size, want)
	}
	return nil
}

// pageData is a page as read: all of it, or, in a strict walk, which only
// checks where things lie, its header and element table and no more (so
// that checking a file never holds a long text in memory).
type pageData struct {
	b    []byte // what was read, from the page's start
	span int    // the page's length with its overflow pages
	off  int64  // where it starts in the file; -1 for an inline page
}

func inlinePage(b []byte) pageData { return pageData{b: b, span: len(b), off: -1} }

// page reads page id with its overflow pages (only their start when whole is
// false) and checks its header.
func (r *pageReader) page(id uint64, from string, whole bool) (pageData, error) {
	ps := uint64(r.meta.pageSize)
	if id < 2 || id >= r.meta.pgid {
		return pageData{}, fmt.Errorf("%s points at page %d, outside the file's %d pages", from, id, r.meta.pgid)
	}
	if r.seen[id] {
		return pageData{}, fmt.Errorf("%s points at page %d a second time", from, id)
	}
	off := int64(id * ps)
	head := make([]byte, pageHeaderSize)
	if _, err := r.f.ReadAt(head, off); err != nil {
		return pageData{}, fmt.Errorf("page %d cannot be read: %v", id, err)
	}
	le := binary.LittleEndian
	if got := le.Uint64(head); got != id {
		return pageData{}, fmt.Errorf("page %d says it is page %d", id, got)
	}
	overflow := uint64(le.Uint32(head[12:]))
	if id+overflow >= r.meta.pgid {
		return pageData{}, fmt.Errorf("page %d claims %d more pages, past the end of the file", id, overflow)
	}
	for i := id; i <= id+overflow; i++ {
		r.seen[i] = true
	}
	span := int((overflow + 1) * ps)
	n := span
	if !whole {
		n = min(span, max(int(ps), pageHeaderSize+int(le.Uint16(head[10:]))*elementSize))
	}
	buf := make([]byte, n)
	if _, err := r.f.ReadAt(buf, off); err == io.EOF {
		return pageData{}, fmt.Errorf("page %d lies past the end of the file", id)
	} else if err != nil {
		return pageData{}, fmt.Errorf("page %d cannot be read: %v", id, err)
	}
	return pageData{b: buf, span: span, off: off}, nil
}

// element is one entry of a leaf or branch page.
type element struct {
	key, value []byte // nil when they lie past what was read of the page
	valueAt    int64  // where the value starts in the file
	valueLen   int
	bucket     bool   // leaf: the value is a nested bucket
	child      uint64 // branch: the page below
}

// elements decodes a branch or leaf page (or an inline bucket's page) and
// checks every element lies inside it.
func elements(p pageData, what string) (flags uint16, out []element, err error) {
	if len(p.b) < pageHeaderSize {
		return 0, nil, fmt.Errorf("%s is cut short", what)
	}
	le := binary.LittleEndian
	flags = le.Uint16(p.b[8:])
	count := int(le.Uint16(p.b[10:]))
	if flags != flagBranch && flags != flagLeaf {
		return flags, nil, fmt.Errorf("%s has an unknown page type %#x", what, flags)
	}
	if flags == flagBranch && count == 0 {
		return flags, nil, fmt.Errorf("%s is a branch with no entries", what)
	}
	if pageHeaderSize+count*elementSize > len(p.b) {
		return flags, nil, fmt.Errorf("%s claims %d entries, more than fit", what, count)
	}
	slice := func(from, to int) []byte {
		if to <= len(p.b) {
			return p.b[from:to]
		}
		return nil
	}
	out = make([]element, count)
	for i := range out {
		at := pageHeaderSize + i*elementSize
		e := p.b[at : at+elementSize]
		if flags == flagBranch {
			pos, ksize := int(le.Uint32(e[0:])), int(le.Uint32(e[4:]))
			start := at + pos
			if start+ksize > p.span || start+ksize < start {
				return flags, nil, fmt.Errorf("%s: entry %d lies outside the page", what, i)
			}
			out[i] = element{key: slice(start, start+ksize), child: le.Uint64(e[8:])}
			continue
		}
		eflags, pos, ksize, vsize := le.Uint32(e[0:]), int(le.Uint32(e[4:])), int(le.Uint32(e[8:])), int(le.Uint32(e[12:]))
		start := at + pos
		end := start + ksize + vsize
		if end > p.span || end < start || start+ksize < start {
			return flags, nil, fmt.Errorf("%s: entry %d lies outside the page", what, i)
		}
		out[i] = element{key: slice(start, start+ksize), value: slice(start+ksize, end), valueAt: p.off + int64(start+ksize), valueLen: vsize, bucket: eflags&leafBucketEntry != 0}
	}
	return flags, out, nil
}

// fail records a problem; in a strict walk it also ends the walk.
func (r *pageReader) fail(err error) error {
	r.problems = append(r.problems, err.Error())
	if r.strict {
		return errStop
	}
	return nil
}

// walkBucket visits every key of the bucket whose header is hdr (the root
// bucket's is read from the meta page), calling fn for plain keys and
// nested for nested buckets. Damaged pages are recorded and skipped.
func (r *pageReader) walkBucket(hdr []byte, what string, fn func(k, v []byte) error, nested func(k, hdr []byte) error) error {
	if len(hdr) < bucketHeader {
		return r.fail(fmt.Errorf("%s: its header is cut short", what))
	}
	root := binary.LittleEndian.Uint64(hdr)
	if root == 0 {
		return r.walkPage(inlinePage(hdr[bucketHeader:]), what+" (inline)", fn, nested)
	}
	return r.walkPageID(root, what, fn, nested)
}

func (r *pageReader) walkPageID(id uint64, what string, fn func(k, v []byte) error, nested func(k, hdr []byte) error) error {
	p, err := r.page(id, what, !r.strict)
	if err != nil {
		return r.fail(err)
	}
	return r.walkPage(p, fmt.Sprintf("page %d (%s)", id, what), fn, nested)
}

// maxBucketValue bounds a nested bucket's header and inline page.
const maxBucketValue = 1 << 20

func (r *pageReader) walkPage(p pageData, what string, fn func(k, v []byte) error, nested func(k, hdr []byte) error) error {
	flags, els, err := elements(p, what)
	if err != nil {
		return r.fail(err)
	}
	for _, e := range els {
		var err error
		switch {
		case flags == flagBranch:
			err = r.walkPageID(e.child, what, fn, nested)
		case e.bucket:
			if e.value == nil && e.valueLen <= maxBucketValue {
				e.value = make([]byte, e.valueLen)
				if _, err := r.f.ReadAt(e.value, e.valueAt); err != nil {
					return r.fail(fmt.Errorf("%s: a nested bucket cannot be read: %v", what, err))
				}
			}
			if e.value == nil {
				return r.fail(fmt.Errorf("%s: a nested bucket claims %d bytes", what, e.valueLen))
			}
			err = nested(e.key, e.value)
		default:
			err = fn(e.key, e.value)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// checkFreelist checks the freelist page lists only pages inside the file.
func (r *pageReader) checkFreelist() error {
	if r.meta.freelist == noFreelist {
		return nil
	}
	pd, err := r.page(r.meta.freelist, "the list of free pages", true)
	if err != nil {
		return r.fail(err)
	}
	p := pd.b
	le := binary.LittleEndian
	if f := le.Uint16(p[8:]); f != flagFreelist {
		return r.fail(fmt.Errorf("the list of free pages (page %d) has the wrong page type %#x", r.meta.freelist, f))
	}
	count, at := uint64(le.Uint16(p[10:])), uint64(pageHeaderSize)
	if count == 0xFFFF {
		count, at = le.Uint64(p[pageHeaderSize:]), pageHeaderSize+8
	}
	if count > uint64(len(p)) || at+count*8 > uint64(len(p)) {
		return r.fail(fmt.Errorf("the list of free pages claims %d entries, more than fit", count))
	}
	for i := uint64(0); i < count; i++ {
		if id := le.Uint64(p[at+i*8:]); id < 2 || id >= r.meta.pgid {
			return r.fail(fmt.Errorf("the list of free pages names page %d, outside the file", id))
		}
	}
	return nil
}

// verifyFile reads every page the file's tree reaches and returns the first
// problem found, or nil when bbolt can read the file without tripping.
func verifyFile(path string) error {
	r, err := openPages(path)
	if err != nil {
		return err
	}
	defer r.close()
	r.strict = true
	if r.checkFreelist() != nil {
		return errors.New(r.problems[0])
	}
	var walk func(k, hdr []byte) error
	walk = func(k, hdr []byte) error {
		return r.walkBucket(hdr, fmt.Sprintf("bucket %q", k), func(k, v []byte) error { return nil }, walk)
	}
	root := make([]byte, bucketHeader)
	binary.LittleEndian.PutUint64(root, r.meta.root)
	if r.walkBucket(root, "the root bucket", func(k, v []byte) error {
		return r.fail(fmt.Errorf("the root bucket holds a plain key %q", k))
	}, walk) != nil {
		return errors.New(r.problems[0])
	}
	return nil
}

// readableBuckets reads every key and value that can still be reached, by
// top-level bucket name, and lists what could not be read. When the tree is
// damaged it also looks for older copies of the root bucket's page left in
// the file (bbolt never writes a page in place, so the pages of earlier
// versions linger until reused) and takes from the trees they lead to the
// records the current tree no longer reaches; the third return value holds
// those, as bucket + "\x00" + key, with how old their source is: 1 for the
// tree the transaction before the last left (the other meta page's), 2 for
// older copies of pages, whose age is unknown.
func readableBuckets(path string) (map[string][][2][]byte, []string, map[string]int, error) {
	r, err := openPagesMode(path, true)
	if err != nil {
		return nil, nil, nil, err
	}
	defer r.close()
	if r.size < int64(r.meta.pgid)*int64(r.meta.pageSize) {
		r.problems = append(r.problems, fmt.Sprintf("%v: %d bytes of the %d it should have", errShort, r.size, r.meta.pgid*uint64(r.meta.pageSize)))
	}
	out := map[string][][2][]byte{}
	have := map[string]bool{}
	older := map[string]int{}
	collect := func(rd *pageReader, hdr []byte, age int) {
		rd.walkPage(inlinePage(hdr), "the root bucket", func(k, v []byte) error { return nil }, func(name, hdr []byte) error {
			b := string(name)
			return rd.walkBucket(hdr, fmt.Sprintf("bucket %q", name), func(k, v []byte) error {
				if key := b + "\x00" + string(k); !have[key] {
					have[key] = true
					out[b] = append(out[b], [2][]byte{append([]byte(nil), k...), append([]byte(nil), v...)})
					if age > 0 {
						older[key] = age
					}
				}
				return nil
			}, func(k, hdr []byte) error { return nil })
		})
	}
	if root, err := r.page(r.meta.root, "the file's header", true); err != nil {
		r.problems = append(r.problems, err.Error())
	} else {
		collect(r, root.b, 0)
	}
	if len(r.problems) == 0 {
		return out, nil, older, nil
	}
	reached := r.seen
	if r.prev != nil && r.prev.pgid <= r.meta.pgid {
		prev := &pageReader{f: r.f, size: r.size, meta: r.meta, seen: map[uint64]bool{}}
		if p, err := prev.page(r.prev.root, "the previous root", true); err == nil {
			collect(prev, p.b, 1)
		}
		maps.Copy(reached, prev.seen)
	}
	for _, id := range r.rootCopies() {
		old := &pageReader{f: r.f, size: r.size, meta: r.meta, seen: map[uint64]bool{}}
		if p, err := old.page(id, "an older root", true); err == nil {
			collect(old, p.b, 2)
		}
		maps.Copy(reached, old.seen)
	}
	// Last, leaf pages no tree reaches any more: their bucket is told by
	// what their keys and values look like.
	r.orphanLeaves(reached, func(k, v []byte) {
		b := guessBucket(k, v)
		if b == "" {
			return
		}
		if key := b + "\x00" + string(k); !have[key] {
			have[key] = true
			out[b] = append(out[b], [2][]byte{append([]byte(nil), k...), append([]byte(nil), v...)})
			older[key] = 2
		}
	})
	return out, r.problems, older, nil
}

// rootCopies lists, newest page first, the pages in the file that look like
// the root bucket's: leaf pages whose entries are nested buckets named as
// Coder names its buckets, those made on first use (tombstones, rejected
// suggestions, pseudonyms) included.
func (r *pageReader) rootCopies() []uint64 {
	names := map[string]bool{}
	for _, b := range append(allBuckets, bCodeSets, bTombs, bAssist, bPseudonyms) {
		names[string(b)] = true
	}
	ps := int64(r.meta.pageSize)
	var out []uint64
	head := make([]byte, ps)
	for id := uint64(2); id < r.meta.pgid && int64(id+1)*ps <= r.size; id++ {
		if _, err := r.f.ReadAt(head, int64(id)*ps); err != nil {
			break
		}
		if binary.LittleEndian.Uint64(head) != id || binary.LittleEndian.Uint32(head[12:]) != 0 {
			continue
		}
		flags, els, err := elements(pageData{b: head, span: len(head), off: int64(id) * ps}, "")
		if err != nil || flags != flagLeaf || len(els) == 0 {
			continue
		}
		ours := true
		for _, e := range els {
			ours = ours && e.bucket && names[string(e.key)]
		}
		if ours {
			out = append(out, id)
		}
	}
	return out
}

// orphanLeaves calls fn for every entry of every leaf page in the file that
// is not in reached.
func (r *pageReader) orphanLeaves(reached map[uint64]bool, fn func(k, v []byte)) {
	ps := int64(r.meta.pageSize)
	head := make([]byte, pageHeaderSize)
	for id := uint64(2); id < r.meta.pgid && int64(id+1)*ps <= r.size; id++ {
		if reached[id] {
			continue
		}
		if _, err := r.f.ReadAt(head, int64(id)*ps); err != nil {
			return
		}
		if binary.LittleEndian.Uint64(head) != id || binary.LittleEndian.Uint16(head[8:]) != flagLeaf {
			continue
		}
		rd := &pageReader{f: r.f, size: r.size, meta: r.meta, seen: map[uint64]bool{}}
		pd, err := rd.page(id, "a page no tree reaches", true)
		p := pd.b
		if err != nil || int64(len(p))+int64(id)*ps > r.size {
			continue
		}
		if _, els, err := elements(pd, ""); err == nil {
			for _, e := range els {
				if !e.bucket {
					fn(e.key, e.value)
				}
			}
		}
		id += uint64(len(p))/uint64(ps) - 1
	}
}

// guessBucket tells from a key and value which bucket they belong in, or ""
// for the buckets salvage has no use for (indexes it rebuilds, metadata).
func guessBucket(k, v []byte) string {
	owner, variable, pair := strings.Cut(string(k), "/")
	if pair {
		doc, span, rejection := strings.Cut(variable, "/")
		switch {
		case len(v) == 0 || !qda.ID(owner).Valid():
		case rejection && qda.ID(doc).Valid() && strings.Contains(span, ":"):
			return string(bAssist) // code/document/start:end
		case qda.ID(variable).Valid():
			return string(bValues)
		}
		return ""
	}
	if !qda.ID(k).Valid() {
		return ""
	}
	var fields map[string]json.RawMessage
	if len(v) == 0 || v[0] != '{' || json.Unmarshal(v, &fields) != nil {
		if utf8.Valid(v) {
			return string(bTexts)
		}
		return ""
	}
	has := func(names ...string) bool {
		for _, n := range names {
			if _, ok := fields[n]; !ok {
				return false
			}
		}
		return true
	}
	switch {
	case has("passages", "source"):
		return string(bDocs)
	case has("span", "document", "code"):
		return string(bCodings)
	case has("documents"):
		return string(bCases)
	case has("on", "text"):
		return string(bMemos)
	case has("scope", "type"):
		return string(bVars)
	case has("color", "order"):
		return string(bCodes)
	case has("codes", "name"):
		return string(bCodeSets)
	case has("kind", "at"):
		return string(bTombs)
	case has("real", "replacement"):
		return string(bPseudonyms)
	case has("name"):
		return string(bCoders)
	}
	return ""
}
