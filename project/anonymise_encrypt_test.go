package project_test

import (
	"errors"
	"path/filepath"
	"testing"

	"coder/project"
)

// Ensure that a pseudonymised copy written under a passphrase opens only
// with it and says so in its report, and that one written without is in
// clear and says that.
func TestWriteAnonymisedWith_PassphraseEncryptsTheCopy(t *testing.T) {
	p := demoWithTable(t)
	dir := t.TempDir()
	locked := filepath.Join(dir, "shared locked.coder")
	rep, err := p.WriteAnonymisedWith(locked, "mossy gate 7")
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Encrypted {
		t.Errorf("the report of the encrypted copy says it is in clear: %+v", rep)
	}
	if _, err := project.Open(locked, project.Options{Backups: -1, ReadOnly: true, IndexDir: t.TempDir()}); !errors.Is(err, project.ErrPassphraseNeeded) {
		t.Fatalf("the copy opens without its passphrase (%v)", err)
	}
	c, err := project.Open(locked, project.Options{Backups: -1, ReadOnly: true, IndexDir: t.TempDir(), Passphrase: "mossy gate 7"})
	if err != nil {
		t.Fatalf("the copy does not open with its passphrase: %v", err)
	}
	docs, _ := c.Documents()
	c.Close()
	if len(docs) != rep.Documents {
		t.Errorf("the copy holds %d documents, the report says %d", len(docs), rep.Documents)
	}
	clear, err := p.WriteAnonymisedWith(filepath.Join(dir, "shared clear.coder"), "")
	if err != nil || clear.Encrypted {
		t.Errorf("the copy in clear: %+v, %v", clear, err)
	}
}
