package qda

import (
	"regexp"
	"strings"
	"time"
)

// Project is the identity and description of one project file.
type Project struct {
	ID          ID        `json:"id"`
	Name        string    `json:"name"`
	Description string    `json:"description,omitempty"`
	Created     time.Time `json:"created"`
}

// Coder is a person who codes. Codings and memos record their coder, which is
// what makes inter-coder agreement and merging a team's work possible.
type Coder struct {
	ID    ID     `json:"id"`
	Name  string `json:"name"`
	Color string `json:"color,omitempty"`
}

// Code is one node of the codebook tree. A Folder groups codes but cannot be
// applied to text itself.
type Code struct {
	ID          ID     `json:"id"`
	Parent      ID     `json:"parent,omitempty"` // empty for a top-level code
	Name        string `json:"name"`
	Color       string `json:"color"` // #RRGGBB
	Description string `json:"description,omitempty"`
	Folder      bool   `json:"folder,omitempty"`
	Order       int    `json:"order"` // position among its siblings
	Edit
}

// Validate checks a code's own rules; tree rules live in package codebook.
func (c *Code) Validate() error {
	name := strings.TrimSpace(c.Name)
	if name == "" {
		return Invalidf("a code needs a name")
	}
	if strings.Contains(c.Name, "/") {
		return Invalidf("code name %q contains '/', which separates levels in a code path", c.Name)
	}
	if !ValidColor(c.Color) {
		return Invalidf("code %q: colour %q is not #RRGGBB", c.Name, c.Color)
	}
	if c.Parent == c.ID {
		return Invalidf("code %q cannot be its own parent", c.Name)
	}
	return nil
}

var colorRE = regexp.MustCompile(`^#[0-9A-Fa-f]{6}$`)

// ValidColor reports whether s is a #RRGGBB colour.
func ValidColor(s string) bool { return colorRE.MatchString(s) }

// Coding applies a code to a span of a document.
type Coding struct {
	ID       ID        `json:"id"`
	Document ID        `json:"document"`
	Code     ID        `json:"code"`
	Span     Span      `json:"span"`
	Coder    ID        `json:"coder"`
	Created  time.Time `json:"created"`
	Memo     string    `json:"memo,omitempty"` // a note on this coding
	// EventDate (YYYY-MM-DD) is when the coded event happened, for process
	// tracing; empty means the document's Date attribute stands for it.
	EventDate string `json:"eventDate,omitempty"`
	Edit
}

// CheckOn checks the coding against the document and code it refers to: a
// folder cannot be applied, and the span must lie inside the document.
func (c *Coding) CheckOn(doc *Document, code *Code) error {
	if code.Folder {
		return Invalidf("%q is a folder, which groups codes but cannot be applied", code.Name)
	}
	if err := c.Span.CheckIn(doc.Chars); err != nil {
		return Invalidf("document %q: %w", doc.Name, err)
	}
	return nil
}

// Case groups documents that belong to one unit of analysis: an informant, a
// village, an organisation. A document may belong to several cases.
type Case struct {
	ID          ID     `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	Documents   []ID   `json:"documents"`
	Edit
}

// Has reports whether the case includes document id.
func (c *Case) Has(id ID) bool {
	for _, d := range c.Documents {
		if d == id {
			return true
		}
	}
	return false
}

// TargetKind says what a memo is written about.
type TargetKind string

// Memo targets.
const (
	OnProject  TargetKind = "project"
	OnDocument TargetKind = "document"
	OnCode     TargetKind = "code"
	OnCoding   TargetKind = "coding"
	OnCase     TargetKind = "case"
)

// Memo is the analyst's writing: a note on the project, a document, a code, a
// coding or a case.
type Memo struct {
	ID     ID         `json:"id"`
	On     TargetKind `json:"on"`
	Target ID         `json:"target,omitempty"` // empty for project memos
	// Cell is set on a project memo written on a framework-matrix cell: the
	// cell's key (row key and code, see analysis.CellKey).
	Cell     string    `json:"cell,omitempty"`
	Title    string    `json:"title,omitempty"`
	Text     string    `json:"text"`
	Coder    ID        `json:"coder,omitempty"`
	Created  time.Time `json:"created"`
	Modified time.Time `json:"modified"`
	// ModifiedBy and Replaces are as in Edit (see Versioned).
	ModifiedBy ID     `json:"modifiedBy,omitempty"`
	Replaces   string `json:"replaces,omitempty"`
	// ConflictOf is set on a version of memo ConflictOf that a merge kept
	// beside it because the two were edited concurrently: a person reads
	// both, keeps what matters and deletes this one.
	ConflictOf ID `json:"conflictOf,omitempty"`
	// Settled lists, space-separated and sorted, the versions of this memo
	// (see Versioned) that merges dropped as seen or resolved and that its
	// own history does not name: what a version it superseded had seen
	// travels on with the memo, so an old copy of it never comes back as a
	// conflict (see package merge).
	Settled string `json:"settled,omitempty"`
}

// Validate checks what a memo is on: the project (with no target), a
// document, a code, a coding or a case.
func (m *Memo) Validate() error {
	switch m.On {
	case OnProject:
		if m.Target != "" {
			return Invalidf("a project memo has no target")
		}
	case OnDocument, OnCode, OnCoding, OnCase:
	default:
		return Invalidf("a memo must be on the project, a document, a code, a coding or a case, not %q", m.On)
	}
	return nil
}
