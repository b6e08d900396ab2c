package main

import (
	"os/exec"
	"syscall"
	"unsafe"
)

// coder.exe is a console program, so that `coder.exe search ...` prints in a
// Command Prompt. Double-clicked, Windows gives it a console window of its
// own; detachConsole closes that window when the app opens, and leaves the
// console of a Command Prompt the user started it from alone.
func detachConsole() {
	kernel32 := syscall.NewLazyDLL("kernel32.dll")
	list := kernel32.NewProc("GetConsoleProcessList")
	if list.Find() != nil {
		return
	}
	var pids [2]uint32
	// Only this process attached: the console was created for it.
	if n, _, _ := list.Call(uintptr(unsafe.Pointer(&pids[0])), 2); n == 1 {
		kernel32.NewProc("FreeConsole").Call()
	}
}

// hideChildConsole keeps a child process (the PDF reader) from opening a
// console window of its own when the app has none.
func hideChildConsole(cmd *exec.Cmd) {
	const createNoWindow = 0x08000000
	cmd.SysProcAttr = &syscall.SysProcAttr{HideWindow: true, CreationFlags: createNoWindow}
}
