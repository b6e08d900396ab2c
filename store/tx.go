package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"strconv"

	bolt "go.etcd.io/bbolt"

	"coder/qda"
)

// Bucket names. Entities are JSON keyed by their ID; texts are raw UTF-8 apart
// from document metadata so that listings never load them; the by-document
// index lets a document's codings be read without a scan.
var (
	bMeta      = []byte("meta")
	bCoders    = []byte("coders")
	bCodes     = []byte("codes")
	bDocs      = []byte("documents")
	bTexts     = []byte("texts")
	bCodings   = []byte("codings")
	bDocCoding = []byte("codings_by_document")
	bCases     = []byte("cases")
	bVars      = []byte("variables")
	bValues    = []byte("values")
	bMemos     = []byte("memos")
	bDocNames  = []byte("document_names") // lower-cased name -> document ID (schema 2)

	allBuckets = [][]byte{bMeta, bCoders, bCodes, bDocs, bTexts, bCodings, bDocCoding, bCases, bVars, bValues, bMemos, bDocNames}

	kSchema  = []byte("schema")
	kProject = []byte("project")
	kCounter = []byte("changes")
)

// Tx is a transaction over the project. All reads and writes of entities go
// through its typed methods, which enforce the referential rules.
type Tx struct {
	tx       *bolt.Tx
	writable bool
	log      *Changes
	seal     *sealer // nil for a plain project
	// docs caches decoded document records for the transaction's life: a
	// batch of codings on one long transcript checks its length each time,
	// and its record (with every passage) is the costly thing to decode.
	docs map[qda.ID]*qda.Document
	// editor stamps the entities this transaction writes (see SetEditor).
	editor *editor
}

func (tx *Tx) init() error {
	for _, name := range allBuckets {
		if _, err := tx.tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	return tx.put(bMeta, kSchema, []byte(strconv.Itoa(SchemaVersion)))
}

func (tx *Tx) schemaVersion() (int, error) {
	if tx.tx.Bucket(bMeta) == nil {
		return 0, fmt.Errorf("the project file has no metadata")
	}
	data, _ := tx.get(bMeta, kSchema) // in clear, see clearKey
	v, err := strconv.Atoi(string(data))
	if err != nil {
		return 0, fmt.Errorf("the project file's schema version is unreadable")
	}
	return v, nil
}

// Changes returns the store's change counter: it goes up by one with every
// committed Update that wrote something. The search index is stamped with it.
func (tx *Tx) Changes() uint64 {
	v, _ := tx.get(bMeta, kCounter) // in clear, see clearKey
	if len(v) != 8 {
		return 0
	}
	return binary.BigEndian.Uint64(v)
}

// Writes is how many writes this transaction has made so far (in a
// transaction from Record; other transactions keep no record and say 0).
func (tx *Tx) Writes() int {
	if tx.log == nil {
		return 0
	}
	return len(tx.log.list)
}

func (tx *Tx) bumpCounter() error {
	var buf [8]byte
	binary.BigEndian.PutUint64(buf[:], tx.Changes()+1)
	// The counter is not part of the undo log: undoing is itself a change.
	return tx.tx.Bucket(bMeta).Put(kCounter, buf[:])
}

// Every value read or written goes through get/each/seek and put/del, the
// one place where an encrypted project's values are sealed and opened and
// its content-revealing keys hashed (see crypt.go). Above them everything is
// in clear: keys and values as the entity code, and the change log, know
// them.

// get returns the value stored under key in bucket, decrypted; nil when
// there is none (or no such bucket), never nil for a stored empty value.
func (tx *Tx) get(bucket, key []byte) ([]byte, error) {
	b := tx.tx.Bucket(bucket)
	if b == nil {
		return nil, nil
	}
	fk := tx.seal.fileKey(bucket, key)
	return tx.seal.open(bucket, fk, b.Get(fk))
}

// has reports whether bucket holds key, without decrypting anything.
func (tx *Tx) has(bucket, key []byte) bool {
	b := tx.tx.Bucket(bucket)
	return b != nil && b.Get(tx.seal.fileKey(bucket, key)) != nil
}

// each calls fn with every key and decrypted value of bucket, in key order.
// Keys of buckets whose keys are hashed (see hashedKey) come as stored.
func (tx *Tx) each(bucket []byte, fn func(k, v []byte) error) error {
	b := tx.tx.Bucket(bucket)
	if b == nil {
		return nil
	}
	return b.ForEach(func(k, raw []byte) error {
		v, err := tx.seal.open(bucket, k, raw)
		if err != nil {
			return recordDamage(string(bucket), qda.ID(k), err)
		}
		return fn(k, v)
	})
}

// seek calls fn with every key that starts with prefix and its decrypted
// value, in key order (for buckets whose keys are not hashed).
func (tx *Tx) seek(bucket, prefix []byte, fn func(k, v []byte) error) error {
	b := tx.tx.Bucket(bucket)
	if b == nil {
		return nil
	}
	c := b.Cursor()
	for k, raw := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, raw = c.Next() {
		v, err := tx.seal.open(bucket, k, raw)
		if err != nil {
			return recordDamage(string(bucket), qda.ID(k), err)
		}
		if err := fn(k, v); err != nil {
			return err
		}
	}
	return nil
}

// put writes key in bucket and logs the old and new values.
func (tx *Tx) put(bucket, key, value []byte) error {
	b := tx.tx.Bucket(bucket)
	if b == nil {
		return fmt.Errorf("store: bucket %s missing", bucket)
	}
	if tx.log != nil {
		old, err := tx.get(bucket, key)
		if err != nil {
			return err
		}
		tx.log.add(bucket, key, old, value, tx.editor)
	}
	tx.forget(bucket, key)
	fk := tx.seal.fileKey(bucket, key)
	sealed, err := tx.seal.seal(bucket, fk, value)
	if err != nil {
		return err
	}
	return b.Put(fk, sealed)
}

// del deletes key from bucket and logs the old value.
func (tx *Tx) del(bucket, key []byte) error {
	b := tx.tx.Bucket(bucket)
	if b == nil {
		return fmt.Errorf("store: bucket %s missing", bucket)
	}
	old, err := tx.get(bucket, key)
	if err != nil || old == nil {
		return err
	}
	if tx.log != nil {
		tx.log.add(bucket, key, old, nil, tx.editor)
	}
	tx.forget(bucket, key)
	return b.Delete(tx.seal.fileKey(bucket, key))
}

// forget drops a cached record that is about to change.
func (tx *Tx) forget(bucket, key []byte) {
	if tx.docs != nil && string(bucket) == string(bDocs) {
		delete(tx.docs, qda.ID(key))
	}
}

func putJSON(tx *Tx, bucket []byte, id qda.ID, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return tx.put(bucket, []byte(id), data)
}

func getJSON[T any](tx *Tx, bucket []byte, id qda.ID, what string) (*T, error) {
	data, err := tx.get(bucket, []byte(id))
	if err != nil {
		return nil, recordDamage(what, id, err)
	}
	if data == nil {
		return nil, fmt.Errorf("%s %s: %w", what, id, qda.ErrNotFound)
	}
	v := new(T)
	if err := json.Unmarshal(data, v); err != nil {
		return nil, recordDamage(what, id, err)
	}
	return v, nil
}

func allJSON[T any](tx *Tx, bucket []byte, what string) ([]T, error) {
	b := tx.tx.Bucket(bucket)
	out := make([]T, 0, b.Stats().KeyN)
	err := tx.each(bucket, func(k, data []byte) error {
		var v T
		if err := json.Unmarshal(data, &v); err != nil {
			return recordDamage(what, qda.ID(k), err)
		}
		out = append(out, v)
		return nil
	})
	return out, err
}

func exists(tx *Tx, bucket []byte, id qda.ID) bool {
	return id != "" && tx.has(bucket, []byte(id))
}

// Project returns the project's identity.
func (tx *Tx) Project() (qda.Project, error) {
	var p qda.Project
	data, err := tx.get(bMeta, kProject)
	if err != nil {
		return p, err
	}
	if data == nil {
		return p, fmt.Errorf("the project file has no project record")
	}
	err = json.Unmarshal(data, &p)
	return p, err
}

// PutProject writes the project's identity.
func (tx *Tx) PutProject(p qda.Project) error {
	if !p.ID.Valid() {
		return fmt.Errorf("project ID %q is not a UUID", p.ID)
	}
	data, err := json.Marshal(p)
	if err != nil {
		return err
	}
	return tx.put(bMeta, kProject, data)
}

func putJSONKey(tx *Tx, bucket, key []byte, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return tx.put(bucket, key, data)
}

func jsonUnmarshal(data []byte, v any) error { return json.Unmarshal(data, v) }
