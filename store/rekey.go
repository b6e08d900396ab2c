package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"coder/qda"
)

// entry is one stored key and its value in clear; without a key, a bucket.
type entry struct{ bucket, key, value []byte }

// clearEntries reads every key and value of the project in clear, but the
// encryption record and the index of document names, whose keys cannot be
// read back from their hashes (rebuildNames makes it again).
func (tx *Tx) clearEntries() ([]entry, error) {
	var out []entry
	err := tx.tx.ForEach(func(name []byte, _ *bolt.Bucket) error {
		bucket := append([]byte(nil), name...)
		out = append(out, entry{bucket: bucket}) // the bucket, even empty
		if hashedKey(bucket) {
			return nil
		}
		return tx.each(bucket, func(k, v []byte) error {
			if string(bucket) == string(bMeta) && string(k) == string(kCrypt) {
				return nil
			}
			out = append(out, entry{bucket, append([]byte(nil), k...), append([]byte{}, v...)})
			return nil
		})
	})
	return out, err
}

// writeEntries writes entries read by clearEntries into tx's buckets, sealed
// as tx's project seals them, without logging (this is no undoable action),
// then rebuilds the index of document names.
func (tx *Tx) writeEntries(entries []entry) error {
	for _, e := range entries {
		b, err := tx.tx.CreateBucketIfNotExists(e.bucket)
		if err != nil {
			return err
		}
		if e.key == nil {
			continue
		}
		sealed, err := tx.seal.seal(e.bucket, e.key, e.value)
		if err != nil {
			return err
		}
		if err := b.Put(e.key, sealed); err != nil {
			return err
		}
	}
	if tx.seal != nil {
		if err := tx.putCryptMeta(tx.seal); err != nil {
			return err
		}
	}
	return tx.rebuildNames()
}

// rebuildNames writes the index of document names afresh from the
// documents.
func (tx *Tx) rebuildNames() error {
	if err := tx.tx.DeleteBucket(bDocNames); err != nil && !errors.Is(err, bolterrors.ErrBucketNotFound) {
		return err
	}
	if _, err := tx.tx.CreateBucket(bDocNames); err != nil {
		return err
	}
	docs, err := allJSON[qda.Document](tx, bDocs, "document")
	if err != nil {
		return err
	}
	for _, d := range docs {
		if err := tx.put(bDocNames, nameKey(d.Name), []byte(d.ID)); err != nil {
			return err
		}
	}
	return nil
}

// ChangePassphrase re-encrypts every value of an encrypted project under a
// key derived from newPassphrase with a new salt, in one transaction: either
// all of it is re-encrypted, or nothing changed. Backups taken before keep
// the old passphrase.
func (db *DB) ChangePassphrase(newPassphrase string) error {
	if db.seal == nil {
		return &qda.Error{What: filepath.Base(db.path), Why: "the project is not encrypted", Fix: "make an encrypted copy with 'coder encrypt'"}
	}
	if db.readOnly {
		return &qda.Error{What: filepath.Base(db.path), Why: ErrReadOnly.Error(), Err: ErrReadOnly}
	}
	next, err := newSealer(newPassphrase)
	if err != nil {
		return err
	}
	err = guard(db.path, func() error {
		return db.bolt.Update(func(b *bolt.Tx) error {
			growInSteps(b)
			old := &Tx{tx: b, seal: db.seal}
			entries, err := old.clearEntries()
			if err != nil {
				return err
			}
			var names [][]byte
			b.ForEach(func(name []byte, _ *bolt.Bucket) error {
				names = append(names, append([]byte(nil), name...))
				return nil
			})
			for _, name := range names {
				if err := b.DeleteBucket(name); err != nil {
					return err
				}
			}
			return (&Tx{tx: b, seal: next}).writeEntries(entries)
		})
	})
	if err != nil {
		return fmt.Errorf("%s: the passphrase was not changed: %w", db.path, err)
	}
	db.seal = next
	db.backups.start(db)
	return nil
}

// SaveCopy writes a copy of the whole project to a new file at path,
// encrypted under passphrase or, when it is "", in clear: how a project is
// encrypted or decrypted. The copy keeps the project's identity and change
// counter. A failed copy leaves no file behind.
func (db *DB) SaveCopy(path, passphrase string) error {
	if _, err := os.Stat(path); err == nil {
		return &qda.Error{What: path, Why: "a file with this name already exists", Fix: "choose another name"}
	}
	var next *sealer
	if passphrase != "" {
		var err error
		if next, err = newSealer(passphrase); err != nil {
			return err
		}
	}
	var entries []entry
	if err := db.View(func(tx *Tx) error {
		var err error
		entries, err = tx.clearEntries()
		return err
	}); err != nil {
		return err
	}
	out, err := openBolt(path, false, LockTimeout)
	if err != nil {
		return err
	}
	err = guard(path, func() error {
		return out.bolt.Update(func(b *bolt.Tx) error {
			growInSteps(b)
			return (&Tx{tx: b, seal: next}).writeEntries(entries)
		})
	})
	if cerr := out.bolt.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		return fmt.Errorf("%s: no copy was written: %w", path, err)
	}
	return nil
}
