package ui

import (
	"os/exec"
	"runtime"
	"strings"
	"sync"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// fontCheck tells the user, once per session, when a document holds Chinese,
// Japanese or Korean text and the system has no font for it: Fyne draws such
// glyphs from system fonts, and without one they show as boxes.
type fontCheck struct {
	once sync.Once
	// missing reports whether no CJK font is installed; nil means ask
	// fontconfig.
	missing func() bool
}

func (f *fontCheck) check(w fyne.Window, text string) {
	if !hasCJK(text) {
		return
	}
	f.once.Do(func() {
		missing := f.missing
		if missing == nil {
			missing = noCJKFont
		}
		if missing() {
			showMessage(dialog.NewInformation("Chinese text needs a font",
				"This document contains Chinese (or Japanese or Korean) characters, but no font on this system covers them,\n"+
					"so they may show as empty boxes. Install a CJK font and restart Coder:\n\n"+
					"  Debian, Ubuntu:  sudo apt install fonts-noto-cjk\n"+
					"  Fedora:          sudo dnf install google-noto-sans-cjk-fonts\n"+
					"  Arch:            sudo pacman -S noto-fonts-cjk", w), w)
		}
	})
}

// hasCJK reports whether s holds Han, kana or Hangul characters; it looks
// only at the first part of a long text, which is enough to know.
func hasCJK(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
			return true
		}
		if n++; n > 200000 {
			return false
		}
	}
	return false
}

// noCJKFont asks fontconfig for a font covering Chinese. Where fontconfig is
// absent (Windows, macOS, which ship CJK fonts) it assumes one exists.
func noCJKFont() bool {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		return false
	}
	path, err := exec.LookPath("fc-list")
	if err != nil {
		return false
	}
	out, err := exec.Command(path, ":lang=zh", "family").Output()
	if err != nil {
		return false
	}
	return strings.TrimSpace(string(out)) == ""
}
