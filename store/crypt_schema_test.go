package store_test

import (
	"strconv"
	"testing"

	bolt "go.etcd.io/bbolt"

	"coder/store"
)

// lastSchemaWithoutEncryption is the newest schema a Coder from before
// encryption reads. Such a Coder opens any file of that schema or older,
// and would read an encrypted file's sealed values as damage, or write
// clear records into it.
const lastSchemaWithoutEncryption = 2

// Ensure that an older Coder refuses an encrypted project ("written by a
// newer Coder") instead of opening it: the file's schema is above the last
// one that knew nothing of encryption.
func TestEncrypted_OlderCoderRefusesTheFile(t *testing.T) {
	path, _ := newEncrypted(t, store.Options{})
	b, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	var schema int
	if err := b.View(func(tx *bolt.Tx) error {
		schema, err = strconv.Atoi(string(tx.Bucket([]byte("meta")).Get([]byte("schema"))))
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if schema <= lastSchemaWithoutEncryption {
		t.Errorf("an encrypted project records schema %d, which a Coder that reads up to schema %d opens", schema, lastSchemaWithoutEncryption)
	}
}
