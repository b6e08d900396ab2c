package ui

// inBackground runs f off the event goroutine; f hands its results back
// with fyne.Do. The package's tests run it in place (see TestMain): Fyne's
// test driver runs fyne.Do on the calling goroutine, so a background update
// would race the test's own reads of the same widgets.
var inBackground = func(f func()) { go f() }
