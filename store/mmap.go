package store

import (
	"os"
	"runtime"
	"unsafe"

	bolt "go.etcd.io/bbolt"
)

// initialMmap is how much of the address space bbolt maps for a project
// opened for writing. Whenever a write needs more than is mapped, bbolt
// remaps, and first copies every value the transaction wrote onto the heap:
// importing a 100 MB document into a small project copied its text once
// per remap. Mapping a gigabyte up front costs address space, not memory,
// on 64-bit systems; on Windows bbolt grows the file itself to the mapped
// size, so there, and on 32-bit systems, the default stays.
func initialMmap(readOnly bool) int {
	if readOnly || runtime.GOOS == "windows" || ^uint(0)>>32 == 0 {
		return 0
	}
	return 1 << 30
}

// growInSteps sets how much bbolt adds to the file when a write needs more
// room: about the file's own size, between 32 kB and 16 MB. With a large
// mapping, bbolt's default would add 16 MB to even the smallest project;
// with a small one it grew the file to the mapped size, which doubled it.
// Call it in a write transaction, where no other writer reads the setting.
func growInSteps(b *bolt.Tx) {
	if initialMmap(false) == 0 {
		return
	}
	b.DB().AllocSize = int(min(max(b.Size(), 32<<10), 16<<20))
}

// copyOut returns a copy of a value read in this transaction. A large one
// (a long document's text), read in a read-only transaction, is read from
// the file rather than copied through the memory map: copying through the
// map brings each of its pages into the process, where they count towards
// its memory as much as the copy does (a 100 MB text cost 200 MB). The
// file holds the same bytes at the value's offset in the map, which starts
// at the file's start, and bbolt rewrites no page a transaction can see.
func (tx *Tx) copyOut(v []byte) string {
	if len(v) < 1<<20 || tx.writable || runtime.GOOS == "windows" {
		return string(v)
	}
	db := tx.tx.DB()
	off := int64(uintptr(unsafe.Pointer(&v[0])) - db.Info().Data)
	if off < 0 || off+int64(len(v)) > tx.tx.Size() {
		return string(v)
	}
	f, err := os.Open(db.Path())
	if err != nil {
		return string(v)
	}
	defer f.Close()
	buf := make([]byte, len(v))
	if _, err := f.ReadAt(buf, off); err != nil {
		return string(v)
	}
	return unsafe.String(&buf[0], len(buf))
}
