package store

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// Ensure that on Windows the backups folder beside a project is hidden in
// Explorer, as its leading dot hides it elsewhere (make wine-test runs this).
func TestMakeBackupDir_HiddenOnWindows(t *testing.T) {
	// Not t.TempDir: Wine 8 cannot remove a folder holding files, and the
	// failed clean-up would fail the test (see scripts/wine-test.sh).
	tmp, err := os.MkdirTemp("", "hidden")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.RemoveAll(tmp) })
	dir, err := makeBackupDir(filepath.Join(tmp, "field notes.coder"))
	if err != nil {
		t.Fatal(err)
	}
	p, _ := syscall.UTF16PtrFromString(dir)
	attrs, err := syscall.GetFileAttributes(p)
	if err != nil {
		t.Fatal(err)
	}
	if attrs&syscall.FILE_ATTRIBUTE_HIDDEN == 0 {
		t.Errorf("%s is not hidden (attributes %#x)", dir, attrs)
	}
}
