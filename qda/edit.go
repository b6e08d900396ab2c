package qda

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"slices"
	"strings"
	"time"
)

// Edit records who last changed an entity and when, and which earlier
// versions of it that change replaced. It is what lets a merge decide that
// "the later edit wins" and tell a concurrent edit (a conflict, reported)
// from an old copy that someone simply did not touch (no conflict).
type Edit struct {
	Modified   time.Time `json:"modified,omitzero"`
	ModifiedBy ID        `json:"modifiedBy,omitempty"`
	// Replaces lists the version hashes (see Versioned) this entity's
	// history passed through, oldest first, at most MaxReplaces of them,
	// separated by spaces (a string keeps the entities comparable with ==).
	Replaces string `json:"replaces,omitempty"`
}

// MaxReplaces bounds the version history an entity carries.
const MaxReplaces = 32

// Edited returns the last edit's time, coder and replaced versions.
func (e *Edit) Edited() (time.Time, ID, string) { return e.Modified, e.ModifiedBy, e.Replaces }

// SetEdited records an edit.
func (e *Edit) SetEdited(at time.Time, by ID, replaces string) {
	e.Modified, e.ModifiedBy, e.Replaces = at, by, replaces
}

// Versioned is an entity whose concurrent edits merge by "the later wins":
// codes, documents, cases, attribute values, codings and memos.
type Versioned interface {
	// Version is a hash of what a person edits in the entity (not its
	// identity, references a merge may rewrite, or edit stamp): two copies
	// with the same Version say the same thing.
	Version() string
	Edited() (at time.Time, by ID, replaces string)
	SetEdited(at time.Time, by ID, replaces string)
}

// Replacing returns the history of an entity whose version old is being
// replaced: replaces with old appended (once), capped at MaxReplaces.
func Replacing(replaces string, old string) string {
	hist := strings.Fields(replaces)
	if slices.Contains(hist, old) {
		return replaces
	}
	hist = append(hist, old)
	if len(hist) > MaxReplaces {
		hist = hist[len(hist)-MaxReplaces:]
	}
	return strings.Join(hist, " ")
}

// Supersedes reports whether version a has seen version b: b is the same as
// a, or a's history passed through b. Of two versions neither of which
// supersedes the other, both were edited concurrently.
func Supersedes(a, b Versioned) bool {
	vb := b.Version()
	if a.Version() == vb {
		return true
	}
	_, _, hist := a.Edited()
	return slices.Contains(strings.Fields(hist), vb)
}

func versionHash(v any) string {
	data, err := json.Marshal(v)
	if err != nil {
		return ""
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:12])
}

// Version implements Versioned: a code's name, colour, definition, place
// and kind.
func (c *Code) Version() string {
	return versionHash([]any{c.Name, c.Color, c.Description, c.Parent, c.Folder})
}

// Version implements Versioned: a document's name, kind and passages (its
// text never changes).
func (d *Document) Version() string { return versionHash([]any{d.Name, d.Kind, d.Passages}) }

// Edited implements Versioned: a document never edited was last changed
// when it was imported.
func (d *Document) Edited() (time.Time, ID, string) {
	if d.Modified.IsZero() {
		return d.Imported, d.ModifiedBy, d.Replaces
	}
	return d.Modified, d.ModifiedBy, d.Replaces
}

// Version implements Versioned: a case's name, description and documents.
func (c *Case) Version() string { return versionHash([]any{c.Name, c.Description, c.Documents}) }

// Version implements Versioned: the value itself.
func (v *Value) Version() string { return versionHash(v.Value) }

// Version implements Versioned: a coding's span, note and event date (its
// document, code and coder are what it is, not edits to it).
func (c *Coding) Version() string { return versionHash([]any{c.Span, c.Memo, c.EventDate}) }

// Edited implements Versioned: a coding never edited was last changed when
// it was made.
func (c *Coding) Edited() (time.Time, ID, string) {
	if c.Modified.IsZero() {
		return c.Created, c.ModifiedBy, c.Replaces
	}
	return c.Modified, c.ModifiedBy, c.Replaces
}

// Version implements Versioned: a memo's title and text.
func (m *Memo) Version() string { return versionHash([]any{m.Title, m.Text, m.ConflictOf}) }

// Edited implements Versioned.
func (m *Memo) Edited() (time.Time, ID, string) { return m.Modified, m.ModifiedBy, m.Replaces }

// SetEdited implements Versioned.
func (m *Memo) SetEdited(at time.Time, by ID, replaces string) {
	m.Modified, m.ModifiedBy, m.Replaces = at, by, replaces
}

// Tombstone kinds: what was deleted.
const (
	GoneCoding   = "coding"
	GoneCode     = "code"
	GoneMemo     = "memo"
	GoneDocument = "document"
	GoneCase     = "case"
	GoneCoder    = "coder"
	GoneVariable = "variable"
)

// Tombstone records that an entity was deleted, by whom and when, so that
// merging an older copy that still has it does not bring it back. A
// tombstone with Into records instead that the entity was unified with
// another (a code merged into another, the same document imported twice):
// what refers to it now refers to Into.
type Tombstone struct {
	ID    ID        `json:"id"`
	Kind  string    `json:"kind"`
	At    time.Time `json:"at"`
	Coder ID        `json:"coder,omitempty"`
	Into  ID        `json:"into,omitempty"`
}
