package project

import "coder/store"

// Encrypted reports whether the project file is encrypted with a
// passphrase (its search index then lives in memory only).
func (p *Project) Encrypted() bool { return p.db.Encrypted() }

// ChangePassphrase re-encrypts the whole project under a new passphrase in
// one transaction; undo history stays valid (it is kept in clear, in memory).
func (p *Project) ChangePassphrase(passphrase string) error {
	p.actMu.Lock()
	defer p.actMu.Unlock()
	if err := p.db.ChangePassphrase(passphrase); err != nil {
		return err
	}
	p.opt.Passphrase = passphrase
	return nil
}

// SaveCopy writes a copy of the project to path: encrypted under passphrase,
// or in clear when passphrase is "". The open project is not changed.
func (p *Project) SaveCopy(path, passphrase string) error {
	p.actMu.Lock()
	defer p.actMu.Unlock()
	return p.db.SaveCopy(path, passphrase)
}

var (
	// ErrPassphraseNeeded: the project is encrypted and Open was given no
	// passphrase; ask for one and open again.
	ErrPassphraseNeeded = store.ErrPassphraseNeeded
	// ErrWrongPassphrase: the passphrase does not unlock the project.
	ErrWrongPassphrase = store.ErrWrongPassphrase
)
