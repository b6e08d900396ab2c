//go:build !windows

package main

import "os/exec"

// detachConsole is needed on Windows only (see console_windows.go).
func detachConsole() {}

// hideChildConsole is needed on Windows only (see console_windows.go).
func hideChildConsole(*exec.Cmd) {}
