package store

import "os"

// makeBackupDir makes the folder that holds a project's backups, if it is
// not there yet, and hides it where a leading dot does not (Windows).
func makeBackupDir(projectPath string) (string, error) {
	dir := BackupDir(projectPath)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return dir, err
	}
	hide(dir)
	return dir, nil
}
