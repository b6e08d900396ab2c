package project

import (
	"coder/store"
)

// What can go wrong with the project file itself, and the ways back: backups,
// restore and salvage. Callers test errors with errors.Is against these.
var (
	// ErrDamaged: the file's pages or records cannot be read.
	ErrDamaged = store.ErrDamaged
	// ErrEmpty: the file is 0 bytes long; it is refused, not rewritten.
	ErrEmpty = store.ErrEmpty
	// ErrReadOnly: a write on a project opened read-only.
	ErrReadOnly = store.ErrReadOnly
	// ErrLocked: another Coder process has the project open.
	ErrLocked = store.ErrLocked
)

// Backup is one backup of a project file: when it was taken, its size, and
// how many documents, codings and memos it holds.
type Backup = store.Backup

// SalvageReport says what Salvage copied and what it lost.
type SalvageReport = store.SalvageReport

// Backups lists the backups of the project file at path, newest first.
func Backups(path string) ([]Backup, error) { return store.ListBackups(path) }

// FindBackup resolves a backup named by its number in Backups (1 is the
// newest), its file name, or a path.
func FindBackup(path, name string) (string, error) { return store.FindBackup(path, name) }

// Restore replaces the project file at path with a backup after saving the
// current file as a backup itself, whose path it returns. The project must
// not be open (in this process or another).
func Restore(path, backup string) (string, error) { return store.Restore(path, backup) }

// Salvage copies every record that can still be read from a damaged project
// file into a new project at newPath, and reports what was lost.
func Salvage(damaged, newPath string) (*SalvageReport, error) {
	return store.Salvage(damaged, newPath)
}

// ReadOnly reports whether the project is open read-only: every action then
// fails with ErrReadOnly.
func (p *Project) ReadOnly() bool { return p.db.ReadOnly() }

// Warnings returns what went wrong without stopping work, such as a backup
// that could not be written or a damaged search index that was rebuilt.
func (p *Project) Warnings() []string {
	p.ixMu.Lock()
	defer p.ixMu.Unlock()
	return append(p.db.Warnings(), p.healed...)
}
