package main

import (
	"os"
	"runtime"

	"fyne.io/fyne/v2/app"

	"coder/qda"
	"coder/ui"
)

// gui opens the desktop app, on a project when path is not empty.
func gui(path string) int {
	if err := checkDisplay(); err != nil {
		return fail(err)
	}
	detachConsole()
	a := app.NewWithID(ui.AppID)
	w := a.NewWindow("Coder")
	c := ui.Create(a, w, path)
	if screen, ok := screenPixels(); ok {
		// The window's scale is known once it is on the screen.
		a.Lifecycle().SetOnStarted(func() { c.FitScreen(screen) })
	}
	w.ShowAndRun()
	return 0
}

// checkDisplay refuses, with a message instead of a graphics library's
// panic, to open a window where there is no screen to put it on (a server,
// an SSH session). Only X11 and Wayland systems say so in the environment.
func checkDisplay() error {
	switch runtime.GOOS {
	case "windows", "darwin", "android", "ios", "js":
		return nil
	}
	if os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
		return &qda.Error{Why: "there is no display to open the app on (DISPLAY and WAYLAND_DISPLAY are not set)", Fix: "run it in a desktop session, or use the command line: coder help"}
	}
	return nil
}
