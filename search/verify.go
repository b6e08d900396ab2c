package search

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// VerifyBolt, when set, checks a bbolt file page by page without bbolt's
// memory map, returning an error when bbolt would trip over it. The project
// layer sets it to the store's checker; each shard's root.bolt (the list of
// its segments) goes through it before bleve opens the shard.
var VerifyBolt func(path string) error

// verifyShard checks a shard's files before bleve reads any of them.
//
// Bleve trusts its files: a flipped byte in a segment can make it panic in
// its own goroutines (a merge, a persister), where no recover can reach, or
// fail every search with "index read inconsistency detected". Checking in a
// child process would catch only what that child happened to read; instead
// every segment's own CRC-32 (zap files end with one over all that precedes
// it) is checked, and root.bolt is read page by page. A whole index costs one
// read of its files, about a tenth of a second per hundred megabytes.
func verifyShard(dir string) error {
	meta, err := os.ReadFile(filepath.Join(dir, "index_meta.json"))
	if err != nil {
		return err
	}
	if !json.Valid(meta) {
		return errors.New("index_meta.json is not valid JSON")
	}
	store := filepath.Join(dir, "store")
	entries, err := os.ReadDir(store)
	if err != nil {
		return err
	}
	root := false
	for _, e := range entries {
		path := filepath.Join(store, e.Name())
		switch {
		case strings.HasSuffix(e.Name(), ".zap"):
			if err := verifySegment(path); err != nil {
				return fmt.Errorf("segment %s: %w", e.Name(), err)
			}
		case e.Name() == "root.bolt":
			root = true
			if VerifyBolt != nil {
				if err := VerifyBolt(path); err != nil {
					return fmt.Errorf("root.bolt: %w", err)
				}
			}
		}
	}
	if !root {
		return errors.New("root.bolt is missing")
	}
	return nil
}

// zapFooter is the least a zap segment's footer takes (see zapx FooterSize).
const zapFooter = 40

// verifySegment checks the CRC-32 a zap segment ends with against the bytes
// before it.
func verifySegment(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	if st.Size() < zapFooter {
		return fmt.Errorf("cut short (%d bytes)", st.Size())
	}
	h := crc32.NewIEEE()
	if _, err := io.Copy(h, io.NewSectionReader(f, 0, st.Size()-4)); err != nil {
		return err
	}
	var want [4]byte
	if _, err := f.ReadAt(want[:], st.Size()-4); err != nil {
		return err
	}
	if h.Sum32() != binary.BigEndian.Uint32(want[:]) {
		return errors.New("its checksum does not match its contents")
	}
	return nil
}
