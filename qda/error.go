package qda

// Error is a failure explained for a researcher: what was being done (usually
// naming the file or entity), why it failed, and what to do about it. The CLI
// prints it as "coder: What: Why (Fix)".
type Error struct {
	What string // the file, entity or action concerned, e.g. "interview-07.docx"
	Why  string // what is wrong, e.g. "the file is empty"
	Fix  string // what to do, e.g. "choose a file with text in it"; may be empty
	Err  error  // the underlying cause, if any, for errors.Is and errors.As
}

func (e *Error) Error() string {
	s := e.What + ": " + e.Why
	if e.What == "" {
		s = e.Why
	}
	if e.Fix != "" {
		s += " (" + e.Fix + ")"
	}
	return s
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf builds an *Error.
func Errorf(what, why, fix string) *Error { return &Error{What: what, Why: why, Fix: fix} }
