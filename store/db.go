// Package store keeps a Coder project in one bbolt file: the buckets and their
// encoding, the schema version and its migrations, the lock that keeps a second
// window out, rotating backups, integrity checks, and a record of every write
// so that the project layer can undo a user action exactly.
//
// The file is the truth. Every user action is one Update, committed before the
// caller reports it done; a crash loses nothing that was acknowledged.
package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"coder/qda"
)

// SchemaVersion is the version of the bucket layout this code writes. Open
// migrates older files forward one step at a time and refuses newer ones.
const SchemaVersion = 2

// LockTimeout is how long Open waits for another process to let go of the file.
const LockTimeout = time.Second

// ErrLocked is returned when another Coder process has the project open.
var ErrLocked = errors.New("already open in another Coder window")

// DB is an open project file.
type DB struct {
	bolt *bolt.DB
	path string
}

// Options tune Open.
type Options struct {
	ReadOnly bool
	// Backups is how many rotating backups to keep; 0 means DefaultBackups,
	// a negative number turns backups off.
	Backups int
	// BackupEvery skips the backup when the newest one is younger than this;
	// 0 backs up on every open that follows a change. The CLI, which opens
	// the file once per command, sets an hour.
	BackupEvery time.Duration
}

// DefaultBackups is how many backups Open keeps beside a project by default.
const DefaultBackups = 5

// Create makes a new project file at path; it refuses to overwrite one.
func Create(path string, p qda.Project) (*DB, error) {
	if _, err := os.Stat(path); err == nil {
		return nil, &qda.Error{What: path, Why: "a file with this name already exists", Fix: "choose another name or open the existing project"}
	}
	if p.ID == "" {
		p.ID = qda.NewID()
	}
	if p.Created.IsZero() {
		p.Created = time.Now().UTC()
	}
	db, err := open(path, false)
	if err != nil {
		return nil, err
	}
	err = db.Update(func(tx *Tx) error {
		if err := tx.init(); err != nil {
			return err
		}
		return tx.PutProject(p)
	})
	if err != nil {
		db.Close()
		os.Remove(path)
		return nil, fmt.Errorf("creating %s: %w", path, err)
	}
	return db, nil
}

// Open opens an existing project file, migrating it if it is older than this
// version of Coder, and writes a rotating backup first.
func Open(path string, opt Options) (*DB, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, &qda.Error{What: path, Why: "no such project file", Fix: "check the path, or create one with 'coder new'", Err: err}
	}
	db, err := open(path, opt.ReadOnly)
	if err != nil {
		return nil, err
	}
	var version int
	err = db.View(func(tx *Tx) error {
		v, err := tx.schemaVersion()
		version = v
		return err
	})
	if err != nil {
		db.Close()
		return nil, err
	}
	if version > SchemaVersion {
		db.Close()
		return nil, &qda.Error{What: path, Why: fmt.Sprintf("the project was written by a newer Coder (schema %d; this one reads up to %d)", version, SchemaVersion), Fix: "update Coder to open it"}
	}
	if !opt.ReadOnly {
		if n := opt.Backups; n >= 0 {
			if n == 0 {
				n = DefaultBackups
			}
			if err := db.backup(n, opt.BackupEvery); err != nil {
				db.Close()
				return nil, err
			}
		}
		if version < SchemaVersion {
			if err := db.migrate(version); err != nil {
				db.Close()
				return nil, err
			}
		}
	}
	return db, nil
}

func open(path string, readOnly bool) (*DB, error) {
	b, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: LockTimeout, ReadOnly: readOnly})
	switch {
	case errors.Is(err, bolterrors.ErrTimeout):
		return nil, &qda.Error{What: filepath.Base(path), Why: ErrLocked.Error(), Fix: "switch to that window, or close it first", Err: ErrLocked}
	case errors.Is(err, os.ErrPermission):
		return nil, &qda.Error{What: path, Why: "no permission to open the project file", Fix: "check the file's permissions, or copy it somewhere you can write", Err: err}
	case err != nil:
		return nil, &qda.Error{What: path, Why: "this is not a Coder project file, or it is damaged (" + err.Error() + ")", Fix: "open the .coder file itself, or restore one of its backups", Err: err}
	}
	db := &DB{bolt: b, path: path}
	if !readOnly {
		// A file bbolt accepts but that has no meta bucket is not ours.
		var ours bool
		b.View(func(tx *bolt.Tx) error { ours = tx.Bucket(bMeta) != nil || isEmpty(tx); return nil })
		if !ours {
			b.Close()
			return nil, &qda.Error{What: path, Why: "this database file is not a Coder project", Fix: "open a .coder file"}
		}
	}
	return db, nil
}

func isEmpty(tx *bolt.Tx) bool {
	empty := true
	tx.ForEach(func([]byte, *bolt.Bucket) error { empty = false; return nil })
	return empty
}

// Path returns the file the project lives in.
func (db *DB) Path() string { return db.path }

// Close releases the file and its lock.
func (db *DB) Close() error { return db.bolt.Close() }

// View runs fn in a read-only transaction.
func (db *DB) View(fn func(*Tx) error) error {
	return db.bolt.View(func(b *bolt.Tx) error { return fn(&Tx{tx: b}) })
}

// Update runs fn in one read-write transaction and commits it; any error rolls
// everything back. It returns the writes made, so the caller can undo them.
func (db *DB) Update(fn func(*Tx) error) error {
	_, err := db.Record(fn)
	return err
}

// Record is Update that also returns the change set: every key written or
// deleted with its value before and after.
func (db *DB) Record(fn func(*Tx) error) (*Changes, error) {
	var ch *Changes
	err := db.bolt.Update(func(b *bolt.Tx) error {
		tx := &Tx{tx: b, writable: true, log: &Changes{}}
		if err := fn(tx); err != nil {
			return err
		}
		if tx.log.Empty() {
			return nil
		}
		ch = tx.log
		return tx.bumpCounter()
	})
	if err != nil {
		return nil, err
	}
	return ch, nil
}
