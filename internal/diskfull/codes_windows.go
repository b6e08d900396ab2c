package diskfull

import "syscall"

// Windows system error codes (winerror.h). Go's syscall.ENOSPC is an
// invented value on Windows that no file call returns; it stays in the list
// for errors made by Go code itself.
const (
	errorHandleDiskFull syscall.Errno = 39  // ERROR_HANDLE_DISK_FULL: "The disk is full."
	errorDiskFull       syscall.Errno = 112 // ERROR_DISK_FULL: "There is not enough space on the disk."
)

var codes = []syscall.Errno{errorDiskFull, errorHandleDiskFull, syscall.ENOSPC}
