// Package cleanlocale rewrites the POSIX "C.UTF-8" locale, which Fyne's
// locale lookup cannot parse as a language tag and complains about on every
// start, into plain "C" for messages. It must be imported (blank) by the
// main package before anything that imports Fyne; Go initialises packages in
// import-path order once their dependencies are ready, and "coder/..." sorts
// before "fyne.io/...".
package cleanlocale

import (
	"os"
	"strings"
)

func init() {
	for _, env := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(env)
		if v == "" {
			continue
		}
		if strings.HasPrefix(v, "C.") || strings.HasPrefix(v, "POSIX.") {
			if env == "LC_ALL" {
				os.Setenv(env, "C")
			} else {
				os.Setenv("LC_MESSAGES", "C")
			}
		}
		return
	}
}
