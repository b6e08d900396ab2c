package ui

import (
	"os"
	"path/filepath"
	"testing"
)

// fakeFonts makes dir/rel (folders included) holding empty files of the
// given names, and returns dir/rel.
func fakeFonts(t *testing.T, dir, rel string, names ...string) string {
	t.Helper()
	folder := filepath.Join(dir, rel)
	if err := os.MkdirAll(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		if err := os.WriteFile(filepath.Join(folder, n), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return folder
}

// Ensure that on Windows the Chinese fonts Windows ships (Microsoft YaHei,
// SimSun) are found in %WINDIR%\Fonts without fontconfig, and that a Fonts
// folder with only Latin fonts (as under Wine) counts as having none.
func TestFindCJKFont_WindowsFontsFolder(t *testing.T) {
	windir := t.TempDir()
	env := func(k string) string {
		if k == "WINDIR" {
			return windir
		}
		return ""
	}
	folder := fakeFonts(t, windir, "Fonts", "arial.ttf", "tahoma.ttf", "segoeui.ttf")
	if got := findCJKFont(fontDirs("windows", env, "")); got != "" {
		t.Errorf("a Fonts folder of Latin fonts has a CJK font: %s", got)
	}
	fakeFonts(t, windir, "Fonts", "msyh.ttc", "simsun.ttc")
	got := findCJKFont(fontDirs("windows", env, ""))
	if filepath.Dir(got) != folder || (filepath.Base(got) != "msyh.ttc" && filepath.Base(got) != "simsun.ttc") {
		t.Errorf("found %q, want msyh.ttc or simsun.ttc in %s", got, folder)
	}
}

// Ensure that a font the user installed for themselves on Windows
// (%LOCALAPPDATA%\Microsoft\Windows\Fonts) counts too.
func TestFindCJKFont_WindowsUserFonts(t *testing.T) {
	local := t.TempDir()
	env := func(k string) string {
		if k == "LOCALAPPDATA" {
			return local
		}
		return ""
	}
	fakeFonts(t, local, filepath.Join("Microsoft", "Windows", "Fonts"), "NotoSansCJKsc-Regular.otf")
	if got := findCJKFont(fontDirs("windows", env, "")); filepath.Base(got) != "NotoSansCJKsc-Regular.otf" {
		t.Errorf("found %q, want the user's NotoSansCJKsc-Regular.otf", got)
	}
}

// Ensure that on macOS a font in a subfolder of the user's Library/Fonts
// is found, and names with spaces and capitals ("Hiragino Sans GB.ttc")
// match.
func TestFindCJKFont_MacLibraryFonts(t *testing.T) {
	home := t.TempDir()
	fakeFonts(t, home, filepath.Join("Library", "Fonts", "Supplemental"), "Helvetica.ttc", "Hiragino Sans GB.ttc")
	got := findCJKFont(fontDirs("darwin", os.Getenv, home))
	if filepath.Base(got) != "Hiragino Sans GB.ttc" {
		t.Errorf("found %q, want Hiragino Sans GB.ttc", got)
	}
	dirs := fontDirs("darwin", os.Getenv, home)
	if dirs[0] != "/System/Library/Fonts" || dirs[1] != "/Library/Fonts" {
		t.Errorf("macOS font folders start %v, want /System/Library/Fonts, /Library/Fonts", dirs[:2])
	}
}

// Ensure that missing or unreadable folders and files that only look like
// fonts are passed over.
func TestFindCJKFont_NoFolderNoFont(t *testing.T) {
	dir := t.TempDir()
	fakeFonts(t, dir, "Fonts", "msyh.txt", "simsun.ttc.bak", "Deng.afm")
	if got := findCJKFont([]string{filepath.Join(dir, "missing"), filepath.Join(dir, "Fonts")}); got != "" {
		t.Errorf("found %q in a folder without fonts", got)
	}
}
