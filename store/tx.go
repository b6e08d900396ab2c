package store

import (
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
	// docs caches decoded document records for the transaction's life: a
	// batch of codings on one long transcript checks its length each time,
	// and its record (with every passage) is the costly thing to decode.
	docs map[qda.ID]*qda.Document
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
	b := tx.tx.Bucket(bMeta)
	if b == nil {
		return 0, fmt.Errorf("the project file has no metadata")
	}
	v, err := strconv.Atoi(string(b.Get(kSchema)))
	if err != nil {
		return 0, fmt.Errorf("the project file's schema version is unreadable")
	}
	return v, nil
}

// Changes returns the store's change counter: it goes up by one with every
// committed Update that wrote something. The search index is stamped with it.
func (tx *Tx) Changes() uint64 {
	v := tx.tx.Bucket(bMeta).Get(kCounter)
	if len(v) != 8 {
		return 0
	}
	return binary.BigEndian.Uint64(v)
}

func (tx *Tx) bumpCounter() error {
	var buf [8]byte
	binary.BigEndian.PutUint64(buf[:], tx.Changes()+1)
	// The counter is not part of the undo log: undoing is itself a change.
	return tx.tx.Bucket(bMeta).Put(kCounter, buf[:])
}

// put writes key in bucket and logs the old and new values.
func (tx *Tx) put(bucket, key, value []byte) error {
	b := tx.tx.Bucket(bucket)
	if b == nil {
		return fmt.Errorf("store: bucket %s missing", bucket)
	}
	old := b.Get(key)
	if tx.log != nil {
		tx.log.add(bucket, key, old, value)
	}
	tx.forget(bucket, key)
	return b.Put(key, value)
}

// del deletes key from bucket and logs the old value.
func (tx *Tx) del(bucket, key []byte) error {
	b := tx.tx.Bucket(bucket)
	if b == nil {
		return fmt.Errorf("store: bucket %s missing", bucket)
	}
	old := b.Get(key)
	if old == nil {
		return nil
	}
	if tx.log != nil {
		tx.log.add(bucket, key, old, nil)
	}
	tx.forget(bucket, key)
	return b.Delete(key)
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
	data := tx.tx.Bucket(bucket).Get([]byte(id))
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
	err := b.ForEach(func(k, data []byte) error {
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
	return id != "" && tx.tx.Bucket(bucket).Get([]byte(id)) != nil
}

// Project returns the project's identity.
func (tx *Tx) Project() (qda.Project, error) {
	var p qda.Project
	data := tx.tx.Bucket(bMeta).Get(kProject)
	if data == nil {
		return p, fmt.Errorf("the project file has no project record")
	}
	err := json.Unmarshal(data, &p)
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
