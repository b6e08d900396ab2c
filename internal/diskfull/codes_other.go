//go:build !windows

package diskfull

import "syscall"

var codes = []syscall.Errno{syscall.ENOSPC}
