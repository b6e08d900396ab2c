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
const SchemaVersion = 3

// LockTimeout is how long Open waits for another process to let go of the
// file when it opens the file for writing.
const LockTimeout = time.Second

// ReadLockTimeout is how long a read-only Open waits: a writer that holds the
// file only for one command is usually done by then.
const ReadLockTimeout = 5 * time.Second

// ErrLocked is returned when another Coder process has the project open.
var ErrLocked = errors.New("already open in another Coder window")

// DB is an open project file.
type DB struct {
	bolt     *bolt.DB
	path     string
	opt      Options
	readOnly bool
	warnings []string
	backups  backupRun
	seal     *sealer // nil for a plain project
}

// Options tune Open.
type Options struct {
	// ReadOnly opens the file for reading only: several readers may share
	// it, no backup is written, and every write fails with ErrReadOnly.
	// A file or folder that cannot be written is opened read-only anyway.
	ReadOnly bool
	// Backups is how many of the most recent backups to keep (daily and
	// weekly ones are kept on top, see BackupPolicy); 0 means
	// DefaultBackups, a negative number turns backups off.
	Backups int
	// BackupEvery is the least time between two backups: after a write
	// commits, a backup is taken once the newest one is this old. 0 means
	// DefaultBackupEvery; a negative duration, after every write.
	BackupEvery time.Duration
	// BackupOnClose takes a last backup on Close when anything changed
	// since the newest one (the app does; the CLI relies on BackupEvery).
	BackupOnClose bool
	// BackupBytes caps the disk space all backups of a project may take;
	// 0 means DefaultBackupBytes. The newest two are kept regardless.
	BackupBytes int64
	// Holder says who holds the file when it is open for writing, for the
	// message another process gets (e.g. "the Coder app", "coder import").
	Holder string
	// Passphrase unlocks an encrypted project; given to Create, it makes
	// the new project encrypted. Open of an encrypted project without it
	// fails with ErrPassphraseNeeded, with a wrong one ErrWrongPassphrase.
	Passphrase string
}

// DefaultBackups is how many recent backups are kept beside a project.
const DefaultBackups = 10

// DefaultBackupEvery is the least time between two backups unless
// Options.BackupEvery says otherwise: one per ten minutes of work.
const DefaultBackupEvery = 10 * time.Minute

// Create makes a new project file at path; it refuses to overwrite one. The
// options, if given, govern backups and the lock's holder as in Open.
func Create(path string, p qda.Project, opts ...Options) (*DB, error) {
	if _, err := os.Stat(path); err == nil {
		return nil, &qda.Error{What: path, Why: "a file with this name already exists", Fix: "choose another name or open the existing project"}
	}
	if p.ID == "" {
		p.ID = qda.NewID()
	}
	if p.Created.IsZero() {
		p.Created = time.Now().UTC()
	}
	var seal *sealer
	if len(opts) > 0 && opts[0].Passphrase != "" {
		var err error
		if seal, err = newSealer(opts[0].Passphrase); err != nil {
			return nil, err
		}
	}
	db, err := openBolt(path, false, LockTimeout)
	if err != nil {
		return nil, err
	}
	// The empty project is not worth a backup; what is written next is.
	db.opt.Backups = -1
	db.seal = seal
	err = db.Update(func(tx *Tx) error {
		if err := tx.init(); err != nil {
			return err
		}
		if seal != nil {
			if err := tx.putCryptMeta(seal); err != nil {
				return err
			}
		}
		return tx.PutProject(p)
	})
	db.opt = Options{}
	if len(opts) > 0 {
		db.opt = opts[0]
	}
	if err != nil {
		db.backups.wait()
		db.bolt.Close()
		os.Remove(path)
		return nil, fmt.Errorf("creating %s: %w", path, err)
	}
	db.claim(db.opt.Holder)
	return db, nil
}

// Open opens an existing project file, migrating it if it is older than this
// version of Coder, and writes a backup first when the newest one is older
// than BackupEvery. A damaged file is refused with ErrDamaged before bbolt
// reads it; a 0-byte one with ErrEmpty, and it is left as it is. A file that
// cannot be written opens read-only; a backup that cannot be written is a
// warning (see Warnings), not a refusal.
func Open(path string, opt Options) (*DB, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, &qda.Error{What: path, Why: "no such project file", Fix: "check the path, or create one with 'coder new'", Err: err}
	}
	if st.IsDir() {
		return nil, &qda.Error{What: path, Why: "this is a folder, not a project file", Fix: "open the .coder file inside it"}
	}
	if st.Size() == 0 {
		return nil, &qda.Error{What: path, Why: "the project file is empty (0 bytes): it holds no project", Fix: "restore one of its backups, or delete it and create the project again", Err: ErrEmpty}
	}
	if err := checkHeader(path); err != nil {
		return nil, err
	}
	readOnly := opt.ReadOnly
	var warnings []string
	if !readOnly && (st.Mode().Perm()&0o222 == 0 || !writable(path)) {
		readOnly = true
		warnings = append(warnings, "the project file is read-only, so it is open read-only: nothing can be changed")
	}
	wait := LockTimeout
	if readOnly {
		wait = ReadLockTimeout
	}
	db, err := openBolt(path, readOnly, wait)
	if err != nil {
		return nil, err
	}
	db.opt, db.readOnly, db.warnings = opt, readOnly, warnings
	// Now that the lock keeps writers out, read every page the tree reaches
	// before bbolt does: it panics, or faults, on a damaged one.
	if err := verifyFile(path); err != nil {
		db.bolt.Close()
		return nil, damagedError(path, err.Error())
	}
	var version int
	var crypt *cryptMeta
	err = db.View(func(tx *Tx) error {
		if tx.tx.Bucket(bMeta) == nil {
			return &qda.Error{What: path, Why: "this database file is not a Coder project", Fix: "open a .coder file"}
		}
		v, err := tx.schemaVersion()
		version = v
		if err != nil {
			return err
		}
		crypt, err = tx.readCryptMeta()
		return err
	})
	if err == nil && crypt != nil {
		if opt.Passphrase == "" {
			err = passphraseError(path, ErrPassphraseNeeded)
		} else if db.seal, err = unlock(*crypt, opt.Passphrase); err != nil {
			err = passphraseError(path, err)
		}
	}
	if err != nil {
		db.bolt.Close()
		return nil, err
	}
	if version > SchemaVersion {
		db.bolt.Close()
		return nil, &qda.Error{What: path, Why: fmt.Sprintf("the project was written by a newer Coder (schema %d; this one reads up to %d)", version, SchemaVersion), Fix: "update Coder to open it"}
	}
	if !readOnly {
		db.claim(opt.Holder)
		if err := db.backup(false); err != nil {
			db.warn(err)
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

// checkHeader reads the file's meta pages, refusing files that are not
// bbolt's or are shorter than their pages say (which bbolt would map and then
// fault on).
func checkHeader(path string) error {
	r, err := openPages(path)
	if err == nil {
		r.close()
		return nil
	}
	var pe *os.PathError
	switch {
	case errors.As(err, &pe):
		return nil // bbolt's own open reports it
	case errors.Is(err, errNotBolt):
		return &qda.Error{What: path, Why: "this is not a Coder project file, or its first pages are damaged", Fix: "open the .coder file itself, or restore one of its backups", Err: ErrDamaged}
	}
	return damagedError(path, err.Error())
}

func writable(path string) bool {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return !errors.Is(err, os.ErrPermission)
	}
	f.Close()
	return true
}

// openBolt opens the file with bbolt, waiting up to wait for the lock. A
// panic while bbolt reads the file's first pages becomes ErrDamaged, and the
// file bbolt opened is closed so that its lock goes with it.
func openBolt(path string, readOnly bool, wait time.Duration) (*DB, error) {
	var file *os.File
	opts := &bolt.Options{Timeout: wait, ReadOnly: readOnly, InitialMmapSize: initialMmap(readOnly), OpenFile: func(name string, flag int, mode os.FileMode) (*os.File, error) {
		f, err := os.OpenFile(name, flag, mode)
		file = f
		return f, err
	}}
	var b *bolt.DB
	err := guard(path, func() error {
		var err error
		b, err = bolt.Open(path, 0o600, opts)
		return err
	})
	if errors.Is(err, ErrDamaged) && file != nil {
		file.Close()
	}
	switch {
	case err == nil:
	case errors.Is(err, bolterrors.ErrTimeout):
		why := ErrLocked.Error()
		if who := lockHolder(path); who != "" {
			why += " (" + who + ")"
		}
		return nil, &qda.Error{What: filepath.Base(path), Why: why, Fix: "switch to that window, or close it first", Err: ErrLocked}
	case errors.Is(err, os.ErrPermission):
		return nil, &qda.Error{What: path, Why: "no permission to open the project file", Fix: "check the file's permissions, or copy it somewhere you can write", Err: err}
	case errors.Is(err, ErrDamaged):
		return nil, err
	default:
		return nil, &qda.Error{What: path, Why: "this is not a Coder project file, or it is damaged (" + err.Error() + ")", Fix: "open the .coder file itself, or restore one of its backups", Err: errors.Join(err, ErrDamaged)}
	}
	return &DB{bolt: b, path: path, readOnly: readOnly}, nil
}

// ReadOnly reports whether the project was opened read-only.
func (db *DB) ReadOnly() bool { return db.readOnly }

// Warnings returns what went wrong without stopping the project from
// opening or working: a backup that could not be written, a file opened
// read-only because it cannot be written.
func (db *DB) Warnings() []string {
	db.backups.mu.Lock()
	defer db.backups.mu.Unlock()
	return append([]string(nil), db.warnings...)
}

func (db *DB) warn(err error) {
	db.backups.mu.Lock()
	db.warnings = append(db.warnings, err.Error())
	db.backups.mu.Unlock()
}

// Path returns the file the project lives in.
func (db *DB) Path() string { return db.path }

// Close takes the last backup (see BackupOnClose), then releases the file
// and its lock.
func (db *DB) Close() error {
	db.backups.wait()
	if !db.readOnly && db.opt.BackupOnClose {
		if err := db.backup(true); err != nil {
			db.warn(err)
		}
	}
	db.release()
	return db.bolt.Close()
}

// View runs fn in a read-only transaction. A damaged page that bbolt trips
// on is reported as ErrDamaged.
func (db *DB) View(fn func(*Tx) error) error {
	return guard(db.path, func() error {
		return db.bolt.View(func(b *bolt.Tx) error { return fn(&Tx{tx: b, seal: db.seal}) })
	})
}

// Update runs fn in one read-write transaction and commits it; any error rolls
// everything back. It returns the writes made, so the caller can undo them.
func (db *DB) Update(fn func(*Tx) error) error {
	_, err := db.Record(fn)
	return err
}

// Record is Update that also returns the change set: every key written or
// deleted with its value before and after. After a write a backup is taken in
// the background once the newest one is BackupEvery old.
func (db *DB) Record(fn func(*Tx) error) (*Changes, error) {
	if db.readOnly {
		return nil, &qda.Error{What: filepath.Base(db.path), Why: ErrReadOnly.Error(), Fix: "the file or its folder cannot be written: copy the project somewhere you can write, or change its permissions, and open it again", Err: ErrReadOnly}
	}
	var ch *Changes
	err := guard(db.path, func() error {
		return db.bolt.Update(func(b *bolt.Tx) error {
			growInSteps(b)
			tx := &Tx{tx: b, writable: true, log: &Changes{}, seal: db.seal}
			if err := fn(tx); err != nil {
				return err
			}
			if tx.log.Empty() {
				return nil
			}
			ch = tx.log
			return tx.bumpCounter()
		})
	})
	if err != nil {
		return nil, err
	}
	if ch != nil {
		db.backups.start(db)
	}
	return ch, nil
}
