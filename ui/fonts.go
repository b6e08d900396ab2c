package ui

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
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
					"so they may show as empty boxes. "+installCJKFont(runtime.GOOS), w), w)
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

// installCJKFont says how to get a font covering Chinese on goos.
func installCJKFont(goos string) string {
	switch goos {
	case "windows":
		return "Windows normally has Microsoft YaHei and SimSun; add them back in\n" +
			"Settings ▸ Time & language ▸ Language & region ▸ Add a language ▸ Chinese (Simplified),\n" +
			"or right-click a font file such as NotoSansCJK-Regular.ttc ▸ Install, then restart Coder."
	case "darwin":
		return "macOS normally has PingFang and Hiragino; restore them in Font Book\n" +
			"(File ▸ Restore Standard Fonts), then restart Coder."
	}
	return "Install a CJK font and restart Coder:\n\n" +
		"  Debian, Ubuntu:  sudo apt install fonts-noto-cjk\n" +
		"  Fedora:          sudo dnf install google-noto-sans-cjk-fonts\n" +
		"  Arch:            sudo pacman -S noto-fonts-cjk"
}

// noCJKFont reports whether no font on this system covers Chinese. Where
// fontconfig answers (Linux, BSD) it decides; elsewhere (Windows, macOS, or
// Linux without fc-list) the font folders Fyne's fallback reads are looked
// through for a font known to cover Chinese.
func noCJKFont() bool {
	if runtime.GOOS != "windows" && runtime.GOOS != "darwin" {
		if path, err := exec.LookPath("fc-list"); err == nil {
			if out, err := exec.Command(path, ":lang=zh", "family").Output(); err == nil {
				return strings.TrimSpace(string(out)) == ""
			}
		}
	}
	home, _ := os.UserHomeDir()
	return findCJKFont(fontDirs(runtime.GOOS, os.Getenv, home)) == ""
}

// fontDirs lists the folders where goos keeps fonts: those go-text's
// fontscan, which Fyne's fallback for missing glyphs uses, scans.
func fontDirs(goos string, getenv func(string) string, home string) []string {
	switch goos {
	case "windows":
		var dirs []string
		for _, root := range []string{getenv("WINDIR"), getenv("SYSTEMROOT")} {
			if root != "" {
				dirs = append(dirs, filepath.Join(root, "Fonts"))
			}
		}
		dirs = append(dirs, `C:\Windows\Fonts`)
		if local := getenv("LOCALAPPDATA"); local != "" {
			dirs = append(dirs, filepath.Join(local, "Microsoft", "Windows", "Fonts"))
		}
		return dirs
	case "darwin":
		return []string{"/System/Library/Fonts", "/Library/Fonts", filepath.Join(home, "Library", "Fonts"),
			"/System/Library/Assets/com_apple_MobileAsset_Font3", "/System/Library/Assets/com_apple_MobileAsset_Font4",
			"/System/Library/Assets/com_apple_MobileAsset_Font5", "/System/Library/AssetsV2"}
	default:
		dirs := []string{"/usr/share/fonts", "/usr/local/share/fonts", filepath.Join(home, ".fonts"), filepath.Join(home, ".local", "share", "fonts")}
		if data := getenv("XDG_DATA_HOME"); data != "" {
			dirs = append(dirs, filepath.Join(data, "fonts"))
		}
		return dirs
	}
}

// cjkFontNames begin the file names (lower case, without spaces, hyphens
// or underscores) of fonts that cover Chinese: those Windows (Microsoft
// YaHei, SimSun, SimHei, DengXian, and the Japanese and Korean system fonts,
// which carry the common Han characters) and macOS (PingFang, Hiragino,
// STHeiti, Songti) ship, and the usual free ones.
var cjkFontNames = []string{
	"msyh", "simsun", "simhei", "simkai", "simfang", "deng", "msjh", "mingliu", "kaiu", "arialuni",
	"meiryo", "msgothic", "msmincho", "yugoth", "yumin", "malgun", "gulim", "batang",
	"pingfang", "hiragino", "stheiti", "songti", "stsong", "stkaiti", "heiti", "lantinghei",
	"notosanscjk", "notoserifcjk", "notosanssc", "notoserifsc", "notosanstc", "sourcehan",
	"wqy", "droidsansfallback", "uming", "ukai", "arplumingcn",
}

// findCJKFont returns the first font file under dirs whose name says it
// covers Chinese, or "" when there is none. Folders that do not exist or
// cannot be read are passed over.
func findCJKFont(dirs []string) string {
	squash := strings.NewReplacer(" ", "", "-", "", "_", "")
	found := ""
	for _, dir := range dirs {
		filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			name := squash.Replace(strings.ToLower(d.Name()))
			switch filepath.Ext(name) {
			case ".ttf", ".ttc", ".otf", ".otc":
			default:
				return nil
			}
			for _, prefix := range cjkFontNames {
				if strings.HasPrefix(name, prefix) {
					found = path
					return fs.SkipAll
				}
			}
			return nil
		})
		if found != "" {
			return found
		}
	}
	return ""
}
