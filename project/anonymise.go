package project

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"coder/qda"
	"coder/store"
)

// AnonymiseReport says what an anonymised copy holds.
type AnonymiseReport struct {
	Path      string
	Documents int
	Codings   int
	Replaced  int  // occurrences of real names replaced in document texts
	Encrypted bool // the copy opens only with the passphrase it was written under
}

// WriteAnonymised writes a pseudonymised copy of the project to path, in
// clear (see WriteAnonymisedWith), even when the project is encrypted.
func (p *Project) WriteAnonymised(path string) (*AnonymiseReport, error) {
	return p.WriteAnonymisedWith(path, "")
}

// WriteAnonymisedWith writes a pseudonymised copy of the project to path
// (see Pseudonymised): a new project with its own identity, without the
// pseudonym table, the undo history or records of deletions, encrypted
// under passphrase, or in clear when it is "". path must not exist; if
// writing fails, nothing is left there.
func (p *Project) WriteAnonymisedWith(path, passphrase string) (*AnonymiseReport, error) {
	if _, err := os.Stat(path); err == nil {
		return nil, &qda.Error{What: path, Why: "the file exists already", Fix: "choose a new file name for the copy"}
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, &qda.Error{What: path, Why: err.Error(), Fix: "choose a folder you can write to"}
	}
	if abs, _ := filepath.Abs(path); abs == p.absPath() {
		return nil, &qda.Error{What: path, Why: "is the project itself", Fix: "choose a new file name for the copy"}
	}
	b, replaced, err := p.pseudonymised()
	if err != nil {
		return nil, err
	}
	rep := &AnonymiseReport{Path: path, Documents: len(b.Documents), Codings: len(b.Codings), Replaced: replaced, Encrypted: passphrase != ""}
	uniqueDocNames(b)
	b.Project.ID = qda.NewID()
	b.Project.Created = time.Now().UTC()
	b.Tombstones = nil
	db, err := store.Create(path, b.Project, store.Options{Backups: -1, Passphrase: passphrase})
	if err != nil {
		return nil, err
	}
	err = db.Update(func(tx *store.Tx) error { return tx.PutBundle(b) })
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		return nil, fmt.Errorf("writing the anonymised copy %s: %w", path, err)
	}
	return rep, nil
}

func (p *Project) absPath() string {
	abs, err := filepath.Abs(p.Path())
	if err != nil {
		return p.Path()
	}
	return abs
}

// uniqueDocNames renames documents whose pseudonymised names clash.
func uniqueDocNames(b *qda.Bundle) {
	seen := map[string]bool{}
	for i := range b.Documents {
		d := &b.Documents[i]
		name := d.Name
		for n := 2; seen[strings.ToLower(name)]; n++ {
			name = fmt.Sprintf("%s (%d)", d.Name, n)
		}
		d.Name = name
		seen[strings.ToLower(name)] = true
	}
}
