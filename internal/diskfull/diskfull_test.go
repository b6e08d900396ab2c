package diskfull_test

import (
	"errors"
	"fmt"
	"io/fs"
	"syscall"
	"testing"

	"coder/internal/diskfull"
)

// Ensure that a full disk is recognised however deeply its error is
// wrapped, and that other failures of the same write are not.
func TestIs_FullDiskWrappedOrNot(t *testing.T) {
	for _, errno := range fullDisk {
		write := &fs.PathError{Op: "write", Path: "study.coder", Err: errno}
		for _, err := range []error{errno, write, fmt.Errorf("import notes.txt: %w", write)} {
			if !diskfull.Is(err) {
				t.Errorf("Is(%v) = false, want true (errno %d)", err, uintptr(errno))
			}
		}
	}
	for _, err := range []error{nil, errors.New("the disk is full"), &fs.PathError{Op: "write", Path: "study.coder", Err: syscall.EACCES}, fs.ErrPermission} {
		if diskfull.Is(err) {
			t.Errorf("Is(%v) = true, want false", err)
		}
	}
}
