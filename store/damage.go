package store

import (
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"coder/qda"
)

// ErrDamaged is wrapped by every error about a project file whose pages
// cannot be read: cut short, overwritten or with flipped bits. The file is
// left as it is; restore a backup or salvage what can be read.
var ErrDamaged = errors.New("the project file is damaged")

// ErrEmpty is wrapped by the error about a 0-byte project file, which Open
// refuses rather than turning into a new, empty project.
var ErrEmpty = errors.New("the project file is empty")

// ErrReadOnly is wrapped by the error a write returns on a project that was
// opened read-only (the file or its folder cannot be written).
var ErrReadOnly = errors.New("this project is open read-only")

func damagedError(path, detail string) error {
	return &qda.Error{What: path, Why: ErrDamaged.Error() + " (" + detail + ")", Fix: "restore one of its backups, or salvage what can be read into a new project", Err: ErrDamaged}
}

// guard runs fn, which reads or writes through bbolt, and turns a panic or a
// memory fault that bbolt raises on a damaged page into an ErrDamaged error
// naming the file. Faults come from reading the memory map past the end of a
// file that is shorter than its pages say; Go reports them as panics only
// while debug.SetPanicOnFault is on for the goroutine. Panics raised by
// Coder's own code are not damage and go on up.
func guard(path string, fn func() error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		if !fromBolt(r) {
			panic(r)
		}
		err = damagedError(path, strings.TrimPrefix(fmt.Sprint(r), "runtime error: "))
	}()
	return nameDamage(path, fn())
}

// fromBolt reports whether the panic being recovered was raised by a memory
// fault or inside bbolt. It must be called from the deferred function.
func fromBolt(r any) bool {
	if re, ok := r.(runtime.Error); ok {
		if _, fault := re.(interface{ Addr() uintptr }); fault {
			return true
		}
	}
	pcs := make([]uintptr, 64)
	n := runtime.Callers(3, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	for {
		f, more := frames.Next()
		switch {
		case strings.HasPrefix(f.Function, "runtime."):
		case strings.HasPrefix(f.Function, "go.etcd.io/bbolt"):
			return true
		default:
			return false
		}
		if !more {
			return false
		}
	}
}

// damagedRecord is a record whose bytes no longer decode.
type damagedRecord struct{ msg string }

func (e damagedRecord) Error() string        { return e.msg }
func (e damagedRecord) Is(target error) bool { return target == ErrDamaged }

func recordDamage(what string, id qda.ID, err error) error {
	return damagedRecord{fmt.Sprintf("%s %s cannot be read: %v", what, id, err)}
}

// nameDamage makes an error that says the file is damaged, but not which
// file, into one that does.
func nameDamage(path string, err error) error {
	var qe *qda.Error
	if err == nil || !errors.Is(err, ErrDamaged) || errors.As(err, &qe) {
		return err
	}
	return damagedError(path, err.Error())
}
