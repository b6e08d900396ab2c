package qda

import (
	"crypto/rand"
	"crypto/sha1"
	"fmt"
	"strings"
)

// ID identifies an entity for its whole life: a UUID in its canonical lower-case
// 36-character form. IDs are never reused or changed, which is what lets a
// project be merged with a colleague's copy or round-tripped through REFI-QDA.
type ID string

// NewID returns a fresh random (version 4) UUID.
func NewID() ID {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic("qda: no randomness: " + err.Error())
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return formatUUID(b)
}

// NameID returns a name-based (version 5) UUID: the same namespace and name give
// the same ID on every machine. Built-in codebook templates use it, so codes that
// two researchers each created from the template are the same codes when their
// projects are merged.
func NameID(namespace ID, name string) ID {
	ns, err := parseUUID(string(namespace))
	if err != nil {
		panic("qda: bad namespace " + string(namespace))
	}
	h := sha1.New()
	h.Write(ns[:])
	h.Write([]byte(name))
	var b [16]byte
	copy(b[:], h.Sum(nil))
	b[6] = b[6]&0x0f | 0x50
	b[8] = b[8]&0x3f | 0x80
	return formatUUID(b)
}

// ParseID accepts a UUID in any case, with or without braces (REFI-QDA files
// from different tools write all of these), and returns it in canonical form.
func ParseID(s string) (ID, error) {
	b, err := parseUUID(s)
	if err != nil {
		return "", err
	}
	return formatUUID(b), nil
}

// Valid reports whether id is a canonical UUID.
func (id ID) Valid() bool {
	b, err := parseUUID(string(id))
	return err == nil && formatUUID(b) == id
}

func formatUUID(b [16]byte) ID {
	return ID(fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16]))
}

func parseUUID(s string) ([16]byte, error) {
	var b [16]byte
	s = strings.TrimSpace(s)
	s = strings.TrimSuffix(strings.TrimPrefix(s, "{"), "}")
	if len(s) != 36 || s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-' {
		return b, fmt.Errorf("%q is not a UUID", s)
	}
	hex := strings.ReplaceAll(s, "-", "")
	if len(hex) != 32 {
		return b, fmt.Errorf("%q is not a UUID", s)
	}
	for i := 0; i < 16; i++ {
		hi, ok1 := unhex(hex[2*i])
		lo, ok2 := unhex(hex[2*i+1])
		if !ok1 || !ok2 {
			return b, fmt.Errorf("%q is not a UUID", s)
		}
		b[i] = hi<<4 | lo
	}
	return b, nil
}

func unhex(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}
