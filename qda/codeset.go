package qda

import (
	"fmt"
	"strings"
)

// CodeSet is a named group of codes that cuts across the code tree, as
// ATLAS.ti's code groups and REFI-QDA's sets of codes are ("Feelings",
// "Breakfast food"). A code may be in several sets; a set changes no coding.
type CodeSet struct {
	ID          ID     `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	Codes       []ID   `json:"codes"`
}

// Validate checks a set's own rules: an ID, a name, no code listed twice.
func (s *CodeSet) Validate() error {
	if !s.ID.Valid() {
		return fmt.Errorf("code set %q: ID %q is not a UUID: %w", s.Name, s.ID, ErrInvalid)
	}
	if strings.TrimSpace(s.Name) == "" {
		return fmt.Errorf("a code set needs a name: %w", ErrInvalid)
	}
	seen := map[ID]bool{}
	for _, c := range s.Codes {
		if seen[c] {
			return fmt.Errorf("code set %q lists code %s twice: %w", s.Name, c, ErrInvalid)
		}
		seen[c] = true
	}
	return nil
}

// Has reports whether the set includes code id.
func (s *CodeSet) Has(id ID) bool {
	for _, c := range s.Codes {
		if c == id {
			return true
		}
	}
	return false
}
