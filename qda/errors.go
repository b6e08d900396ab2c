package qda

import (
	"errors"
	"fmt"
)

// These errors are returned by the rules of this package, of package
// codebook, and by every layer that applies them (store, project), wrapped in
// a message that says which record and why. Test for them with errors.Is;
// show the message, not the sentinel's own text.
var (
	// ErrNotFound is returned when a record is looked up by ID or name, or
	// referred to by another record, and does not exist.
	ErrNotFound = errors.New("not found")

	// ErrConflict is returned when a change collides with what is already
	// there: a name taken by a sibling code or another document, a code
	// that still has codings.
	ErrConflict = errors.New("conflict")

	// ErrInvalid is returned when a record breaks a rule of its own or of
	// the codebook: an empty name, a colour that is not #RRGGBB, a span
	// outside its document, a value that is not of its attribute's type, a
	// code moved inside itself.
	ErrInvalid = errors.New("invalid")
)

// ruleError is a rule broken: its message is the whole story, and it
// matches its sentinel and whatever its message wrapped.
type ruleError struct {
	msg   string
	kind  error
	inner error
}

func (e *ruleError) Error() string        { return e.msg }
func (e *ruleError) Is(target error) bool { return target == e.kind }
func (e *ruleError) Unwrap() error        { return e.inner }

// Invalidf formats, as fmt.Errorf does, a message about a broken rule as an
// error that matches ErrInvalid, without adding the sentinel's text to it.
func Invalidf(format string, args ...any) error { return rule(ErrInvalid, format, args) }

// Conflictf is Invalidf for ErrConflict.
func Conflictf(format string, args ...any) error { return rule(ErrConflict, format, args) }

func rule(kind error, format string, args []any) error {
	err := fmt.Errorf(format, args...)
	return &ruleError{msg: err.Error(), kind: kind, inner: errors.Unwrap(err)}
}
