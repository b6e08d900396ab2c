package ui

import (
	"os"
	"testing"
)

// TestMain runs background work in place, so that what it draws is drawn
// before the test reads the widgets, on the test's own goroutine.
func TestMain(m *testing.M) {
	inBackground = func(f func()) { f() }
	os.Exit(m.Run())
}
