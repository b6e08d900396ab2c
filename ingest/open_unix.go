//go:build unix

package ingest

import "syscall"

// openNoBlock keeps an open from waiting on a named pipe that replaced a
// checked regular file; on a regular file it changes nothing.
const openNoBlock = syscall.O_NONBLOCK
