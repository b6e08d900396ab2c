//go:build !windows

package diskfull_test

import "syscall"

var fullDisk = []syscall.Errno{syscall.ENOSPC}
