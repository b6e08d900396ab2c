package main

import (
	"runtime/debug"
	"strings"
)

// version and commit are set at build time by make (and scripts/dist.sh):
//
//	-ldflags "-X main.version=$(git describe --tags --always --dirty) -X main.commit=$(git rev-parse --short HEAD)"
//
// A plain `go build` leaves them empty; versionLine then falls back to the
// VCS stamp the Go toolchain records (when built with -buildvcs) and to
// "dev" / "unknown".
var (
	version = ""
	commit  = ""
)

// versionLine is what `coder --version` prints: "coder VERSION (commit COMMIT)".
func versionLine() string {
	v, c := version, commit
	if c == "" || v == "" {
		rev, modified := buildVCS()
		if c == "" {
			c = rev
		}
		if v == "" && rev != "" {
			v = rev
			if modified {
				v += "-dirty"
			}
		}
	}
	if v == "" {
		v = "dev"
	}
	if c == "" {
		c = "unknown"
	}
	return "coder " + v + " (commit " + c + ")"
}

// buildVCS reads the short revision and dirty flag that `go build -buildvcs`
// stamps into the binary; both are zero when the stamp is absent.
func buildVCS() (rev string, modified bool) {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "", false
	}
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if len(rev) > 7 {
		rev = rev[:7]
	}
	return strings.TrimSpace(rev), modified
}
