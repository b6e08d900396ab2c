package main_test

import (
	"runtime"
	"strings"
	"testing"
)

// Ensure that starting the app where there is no display says so once,
// as every other error does ("coder: <what>"), not "coder: coder: …".
func TestGUI_NoDisplaySaysSoOnce(t *testing.T) {
	if runtime.GOOS != "linux" && runtime.GOOS != "freebsd" {
		t.Skip("only X11 and Wayland systems name their display in the environment")
	}
	t.Setenv("DISPLAY", "")
	t.Setenv("WAYLAND_DISPLAY", "")
	r := coder(t)
	if r.code != 1 {
		t.Errorf("exit %d, want 1", r.code)
	}
	if !strings.HasPrefix(r.stderr, "coder: there is no display") || strings.Count(r.stderr, "coder:") != 1 {
		t.Errorf("stderr %q, want one 'coder: there is no display…'", r.stderr)
	}
}
