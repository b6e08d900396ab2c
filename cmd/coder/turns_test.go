package main_test

import (
	"path/filepath"
	"strings"
	"testing"
)

// Ensure that 'coder turns --doc NAME off' removes a document's speakers
// and 'on' finds them again, as 'coder speakers' shows, and that a bad mode
// is a usage error.
func TestCLI_TurnsOffAndOn(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "p.coder")
	ok(t, "new", p)
	f := writeTemp(t, dir, "ferry.txt", "Interviewer: When did the ferry stop?\n\nMr Okafor: In the winter.\n\nInterviewer: Why?\n\nMr Okafor: Money, they said.\n")
	ok(t, "import", p, f)
	if out := ok(t, "speakers", p); !strings.Contains(out, "Mr Okafor") {
		t.Fatalf("speakers after import = %q", out)
	}
	if out := ok(t, "turns", p, "--doc", "ferry", "off"); !strings.Contains(out, "0 speaker turns") {
		t.Errorf("turns off said %q", out)
	}
	if out := ok(t, "speakers", p); strings.Contains(out, "Mr Okafor") {
		t.Errorf("speakers after turns off = %q, want none", out)
	}
	if out := ok(t, "turns", p, "--doc", "ferry", "on"); !strings.Contains(out, "4 speaker turns") {
		t.Errorf("turns on said %q", out)
	}
	if out := ok(t, "speakers", p); !strings.Contains(out, "Mr Okafor\t") && !strings.Contains(out, "Mr Okafor ") {
		t.Errorf("speakers after turns on = %q", out)
	}
	if r := coder(t, "turns", p, "--doc", "ferry", "maybe"); r.code != 2 {
		t.Errorf("turns maybe: exit %d, want 2 (%s)", r.code, r.stderr)
	}
	if r := coder(t, "turns", p, "--doc", "nothere", "on"); r.code == 0 {
		t.Errorf("turns on a missing document succeeded")
	}
}
