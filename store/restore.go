package store

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"coder/qda"
)

// FindBackup resolves what a person names a backup by: its number in the
// list (1 is the newest), its file name in the backup folder, or a path.
func FindBackup(projectPath, name string) (string, error) {
	list, err := backupFiles(projectPath)
	if err != nil {
		return "", err
	}
	if n, err := strconv.Atoi(name); err == nil {
		if n < 1 || n > len(list) {
			return "", &qda.Error{What: projectPath, Why: fmt.Sprintf("there is no backup number %d (there are %d)", n, len(list)), Fix: "list them with: coder backups " + projectPath}
		}
		return list[n-1].Path, nil
	}
	for _, b := range list {
		if b.Name() == name {
			return b.Path, nil
		}
	}
	if st, err := os.Stat(name); err == nil && !st.IsDir() {
		return name, nil
	}
	return "", &qda.Error{What: name, Why: "no such backup of " + filepath.Base(projectPath), Fix: "list them with: coder backups " + projectPath}
}

// Restore replaces the project file at path with the backup file, after
// saving the current file as a backup itself (note "before restore"; a raw
// copy noted "damaged" when it cannot be read). It refuses a damaged backup,
// and a project that another process has open. It returns the path of the
// saved copy ("" when there was no current file).
func Restore(path, backup string) (saved string, err error) {
	if err := checkHeader(backup); err != nil {
		return "", err
	}
	if err := verifyFile(backup); err != nil {
		return "", damagedError(backup, err.Error())
	}
	var held *DB
	st, statErr := os.Stat(path)
	switch {
	case statErr != nil:
	case st.Size() == 0:
		saved, err = rawBackup(path, "empty")
	case checkHeader(path) != nil:
		saved, err = rawBackup(path, "damaged")
	default:
		held, err = openBolt(path, false, LockTimeout)
		if errors.Is(err, ErrLocked) {
			return "", err
		}
		if err == nil && verifyFile(path) == nil {
			var changes uint64
			if err = held.View(func(tx *Tx) error { changes = tx.Changes(); return nil }); err == nil {
				saved, err = held.writeBackup(changes, "before restore")
			}
		} else {
			saved, err = rawBackup(path, "damaged")
		}
	}
	if held != nil {
		defer held.bolt.Close()
	}
	if err != nil {
		return "", fmt.Errorf("the current file could not be saved first, so nothing was restored: %w", err)
	}
	tmp := path + ".restoring"
	if err := copyFile(backup, tmp); err != nil {
		os.Remove(tmp)
		return saved, &qda.Error{What: path, Why: "the backup could not be copied (" + unwrapPath(err).Error() + "); the project is as it was", Fix: "free some disk space and try again"}
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return saved, &qda.Error{What: path, Why: "the backup could not replace it (" + unwrapPath(err).Error() + "); the project is as it was", Fix: "check the folder is writable"}
	}
	return saved, nil
}

// rawBackup copies a file that bbolt cannot read, byte for byte, into the
// backup folder, so restoring over it never loses it.
func rawBackup(path, note string) (string, error) {
	dir, err := makeBackupDir(path)
	if err != nil {
		return "", err
	}
	name := filepath.Join(dir, backupName(time.Now(), 0, note))
	if err := copyFile(path, name); err != nil {
		os.Remove(name)
		return "", err
	}
	return name, nil
}

// copyFile copies src to dst and syncs it to disk.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
