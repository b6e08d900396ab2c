package diskfull_test

import "syscall"

// What a Windows write returns when the disk is full: ERROR_DISK_FULL (112)
// and ERROR_HANDLE_DISK_FULL (39).
var fullDisk = []syscall.Errno{112, 39}
