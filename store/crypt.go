package store

import (
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"

	"golang.org/x/crypto/argon2"
	"golang.org/x/crypto/chacha20poly1305"

	"coder/qda"
)

// An encrypted project keeps the same buckets as a plain one, but every value
// is sealed with XChaCha20-Poly1305 under a key derived with Argon2id from
// the passphrase and a random salt, and keys that would reveal content (the
// index of document names) are replaced by a keyed hash. What stays in clear
// is the layout: bucket names, entity UUIDs, the schema version, the change
// counter, and the sizes of values. The derivation's parameters, the salt and
// a check value live in the meta bucket under "crypt", in clear, so any
// version of Coder that knows the scheme can open the file.
//
// The key derivation lives here rather than in project because its
// parameters are part of the file format: a file carries the parameters it
// was written with, and only the code that reads the file can honour them.

// ErrPassphraseNeeded is wrapped by the error Open returns for an encrypted
// project when no passphrase was given: ask for one and open again.
var ErrPassphraseNeeded = errors.New("this project is encrypted: it needs its passphrase")

// ErrWrongPassphrase is wrapped by the error Open returns when the
// passphrase does not unlock the project. Nothing was written.
var ErrWrongPassphrase = errors.New("wrong passphrase")

var kCrypt = []byte("crypt")

// cryptMeta is the clear record of how an encrypted project's key is made.
type cryptMeta struct {
	KDF     string `json:"kdf"`        // "argon2id"
	Time    uint32 `json:"time"`       // Argon2id passes
	Memory  uint32 `json:"memory_kib"` // Argon2id memory in KiB
	Threads uint8  `json:"threads"`
	Salt    []byte `json:"salt"`
	Cipher  string `json:"cipher"` // "xchacha20-poly1305"
	Check   []byte `json:"check"`  // proves a derived key right without decrypting anything
}

// kdfParams are the Argon2id parameters new files are written with (the
// RFC 9106 second recommendation: 64 MiB, 3 passes). Tests lower them.
var kdfParams = cryptMeta{KDF: "argon2id", Time: 3, Memory: 64 * 1024, Threads: 4, Cipher: "xchacha20-poly1305"}

// sealer seals and opens the values of one encrypted project.
type sealer struct {
	meta  cryptMeta
	aead  cipher.AEAD
	names []byte // HMAC key for content-revealing keys
}

// newSealer makes a fresh salt and derives a key from passphrase with the
// current parameters.
func newSealer(passphrase string) (*sealer, error) {
	if passphrase == "" {
		return nil, qda.Errorf("passphrase", "it is empty", "type a passphrase")
	}
	m := kdfParams
	m.Salt = make([]byte, 16)
	if _, err := rand.Read(m.Salt); err != nil {
		return nil, err
	}
	s, check, err := derive(m, passphrase)
	if err != nil {
		return nil, err
	}
	s.meta.Check = check
	return s, nil
}

// unlock derives the key from passphrase with the parameters m records and
// checks it against m's check value.
func unlock(m cryptMeta, passphrase string) (*sealer, error) {
	s, check, err := derive(m, passphrase)
	if err != nil {
		return nil, err
	}
	if !hmac.Equal(check, m.Check) {
		return nil, ErrWrongPassphrase
	}
	return s, nil
}

func derive(m cryptMeta, passphrase string) (*sealer, []byte, error) {
	if m.KDF != "argon2id" || m.Cipher != "xchacha20-poly1305" || m.Time == 0 || m.Memory == 0 || m.Threads == 0 || len(m.Salt) < 16 {
		return nil, nil, fmt.Errorf("the file's encryption record names a scheme this Coder does not know (%s, %s)", m.KDF, m.Cipher)
	}
	if m.Memory > 4<<20 || m.Time > 100 {
		return nil, nil, fmt.Errorf("the file's encryption record asks for an unreasonable key derivation (%d passes, %d KiB)", m.Time, m.Memory)
	}
	master := argon2.IDKey([]byte(passphrase), m.Salt, m.Time, m.Memory, m.Threads, 32)
	sub := func(label string) []byte {
		k, err := hkdf.Key(sha256.New, master, m.Salt, label, 32)
		if err != nil {
			panic(err) // only for lengths hkdf cannot produce
		}
		return k
	}
	aead, err := chacha20poly1305.NewX(sub("coder values"))
	if err != nil {
		return nil, nil, err
	}
	return &sealer{meta: m, aead: aead, names: sub("coder names")}, sub("coder check"), nil
}

// hashedKey reports whether a bucket's keys reveal content, and are stored
// as a keyed hash in encrypted projects.
func hashedKey(bucket []byte) bool { return string(bucket) == string(bDocNames) }

// clearKey reports whether a key's value stays in clear in an encrypted
// project: what Open must read before it has the key, and the counter.
func clearKey(bucket, key []byte) bool {
	if string(bucket) != string(bMeta) {
		return false
	}
	switch string(key) {
	case string(kSchema), string(kCounter), string(kCrypt):
		return true
	}
	return false
}

// fileKey returns the key under which a logical key is stored.
func (s *sealer) fileKey(bucket, key []byte) []byte {
	if s == nil || !hashedKey(bucket) {
		return key
	}
	mac := hmac.New(sha256.New, s.names)
	mac.Write(key)
	return mac.Sum(nil)
}

// seal encrypts value for storage under bucket and (stored) key; the
// bucket and key are bound in, so a value moved elsewhere no longer opens.
func (s *sealer) seal(bucket, key, value []byte) ([]byte, error) {
	if s == nil || clearKey(bucket, key) {
		return value, nil
	}
	n := s.aead.NonceSize()
	out := make([]byte, n, n+len(value)+s.aead.Overhead())
	if _, err := rand.Read(out); err != nil {
		return nil, err
	}
	return s.aead.Seal(out, out[:n], value, aad(bucket, key)), nil
}

// open decrypts a stored value; it never returns nil for a stored value.
func (s *sealer) open(bucket, key, stored []byte) ([]byte, error) {
	if s == nil || stored == nil || clearKey(bucket, key) {
		return stored, nil
	}
	n := s.aead.NonceSize()
	if len(stored) < n+s.aead.Overhead() {
		return nil, fmt.Errorf("an encrypted value in %s is cut short", bucket)
	}
	v, err := s.aead.Open(make([]byte, 0, len(stored)-n-s.aead.Overhead()), stored[:n], stored[n:], aad(bucket, key))
	if err != nil {
		return nil, fmt.Errorf("an encrypted value in %s does not decrypt (it was changed or damaged)", bucket)
	}
	return v, nil
}

func aad(bucket, key []byte) []byte {
	return append(append(append([]byte(nil), bucket...), 0), key...)
}

// readCryptMeta returns the file's encryption record, or nil for a plain
// project.
func (tx *Tx) readCryptMeta() (*cryptMeta, error) {
	data, _ := tx.get(bMeta, kCrypt) // in clear, see clearKey
	if data == nil {
		return nil, nil
	}
	var m cryptMeta
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("the file's encryption record is damaged: %w", err)
	}
	return &m, nil
}

// Encrypted reports whether the project is encrypted.
func (db *DB) Encrypted() bool { return db.seal != nil }

func passphraseError(path string, err error) error {
	switch {
	case errors.Is(err, ErrWrongPassphrase):
		return &qda.Error{What: path, Why: ErrWrongPassphrase.Error() + " (it does not unlock this project; letter case and spaces count)", Err: err}
	case errors.Is(err, ErrPassphraseNeeded):
		return &qda.Error{What: path, Why: ErrPassphraseNeeded.Error(), Fix: "type it when asked, or set CODER_PASSPHRASE", Err: err}
	}
	return &qda.Error{What: path, Why: "cannot unlock the encrypted project: " + err.Error(), Fix: "update Coder, or restore one of its backups", Err: err}
}

// putCryptMeta records how s's key is made.
func (tx *Tx) putCryptMeta(s *sealer) error {
	data, err := json.Marshal(s.meta)
	if err != nil {
		return err
	}
	return tx.put(bMeta, kCrypt, data)
}
