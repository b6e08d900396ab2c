//go:build !ci

package main

import (
	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// screenPixels returns the size, in pixels, of the primary screen's area
// for windows (without task bars), or false when it cannot be told. GLFW is
// initialised by the first fyne window; like every GLFW call this must run
// on the main thread, before the app's loop starts.
func screenPixels() (fyne.Size, bool) {
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return fyne.Size{}, false
	}
	_, _, w, h := m.GetWorkarea()
	if w <= 0 || h <= 0 {
		if mode := m.GetVideoMode(); mode != nil {
			w, h = mode.Width, mode.Height
		}
	}
	if w <= 0 || h <= 0 {
		return fyne.Size{}, false
	}
	return fyne.NewSize(float32(w), float32(h)), true
}
