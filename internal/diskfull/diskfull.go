// Package diskfull recognises the errors an operating system returns when a
// write fails because the disk (or the user's quota of it) is full, so that
// Coder can say "the disk is full" and what to do instead of an errno.
package diskfull

import "errors"

// Is reports whether err, or an error it wraps, says the disk is full:
// ENOSPC on Linux and macOS; ERROR_DISK_FULL or ERROR_HANDLE_DISK_FULL on
// Windows, whose file calls never return ENOSPC.
func Is(err error) bool {
	if err == nil {
		return false
	}
	for _, code := range codes {
		if errors.Is(err, code) {
			return true
		}
	}
	return false
}
