package main

import (
	"fyne.io/fyne/v2/app"

	"coder/ui"
)

// gui opens the desktop app, on a project when path is not empty.
func gui(path string) int {
	a := app.NewWithID(ui.AppID)
	w := a.NewWindow("Coder")
	ui.Create(a, w, path)
	w.ShowAndRun()
	return 0
}
