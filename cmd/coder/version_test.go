package main_test

import (
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
)

// Ensure that a binary built the way make builds it (-X main.version and
// -X main.commit) prints both with --version, and that a plain build still
// prints a well-formed line rather than an empty version.
func TestVersion_PrintsVersionAndCommitFromLdflags(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "coder")
	build := exec.Command("go", "build", "-tags", "ci", "-o", bin,
		"-ldflags", "-X main.version=v1.2.3-4-gabc1234-dirty -X main.commit=abc1234", ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building with ldflags: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "--version").Output()
	if err != nil {
		t.Fatalf("coder --version: %v", err)
	}
	if got, want := string(out), "coder v1.2.3-4-gabc1234-dirty (commit abc1234)\n"; got != want {
		t.Errorf("coder --version = %q, want %q", got, want)
	}

	r := coder(t, "--version")
	if r.code != 0 || !regexp.MustCompile(`^coder \S+ \(commit \S+\)\n$`).MatchString(r.stdout) {
		t.Errorf("plain build: coder --version = %d %q, want 'coder VERSION (commit COMMIT)'", r.code, r.stdout)
	}
}
