package store

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// BackupDir returns the folder where a project's rotating backups are kept:
// beside the project, so a copied folder carries them along.
func BackupDir(projectPath string) string {
	dir, name := filepath.Split(projectPath)
	return filepath.Join(dir, "."+strings.TrimSuffix(name, filepath.Ext(name))+".backups")
}

// Backups lists a project's backups, newest first.
func Backups(projectPath string) ([]string, error) {
	entries, err := os.ReadDir(BackupDir(projectPath))
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".coder") {
			out = append(out, filepath.Join(BackupDir(projectPath), e.Name()))
		}
	}
	sort.Sort(sort.Reverse(sort.StringSlice(out)))
	return out, nil
}

// backup copies the open file with bbolt's online copy (a consistent snapshot
// even while others read) unless the newest backup already holds the same
// change count, then keeps only the newest keep copies.
func (db *DB) backup(keep int, every time.Duration) error {
	var changes uint64
	db.View(func(tx *Tx) error { changes = tx.Changes(); return nil })
	if changes == 0 {
		return nil
	}
	dir := BackupDir(db.path)
	existing, _ := Backups(db.path)
	suffix := fmt.Sprintf("-c%d.coder", changes)
	if len(existing) > 0 && strings.HasSuffix(existing[0], suffix) {
		return nil
	}
	if len(existing) > 0 && every > 0 {
		if st, err := os.Stat(existing[0]); err == nil && time.Since(st.ModTime()) < every {
			return nil
		}
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("cannot make the backup folder %s: %w (check the folder is writable)", dir, err)
	}
	name := filepath.Join(dir, time.Now().UTC().Format("20060102T150405.000000000")+suffix)
	err := db.bolt.View(func(tx *bolt.Tx) error { return tx.CopyFile(name, 0o600) })
	if err != nil {
		os.Remove(name)
		return fmt.Errorf("backing up %s: %w (check there is free disk space)", db.path, err)
	}
	all, _ := Backups(db.path)
	for _, old := range all[min(keep, len(all)):] {
		os.Remove(old)
	}
	return nil
}
