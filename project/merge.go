package project

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"coder/exchange"
	"coder/merge"
	"coder/qda"
	"coder/store"
)

// MergeReport says what a merge did: what came in, what was unified, what
// conflicted, what deletions were applied (see merge.Report).
type MergeReport = merge.Report

// Merge merges a colleague's copy of the project into this one: another
// project file (opened read-only, never changed) or a REFI-QDA .qdpx
// export. The rules are package merge's; the merge is one transaction and
// one undo step, and the search index follows it. Cancelling ctx before
// the merge is written changes nothing.
func (p *Project) Merge(ctx context.Context, path string, progress func(Progress)) (*MergeReport, error) {
	return p.MergeUnlocking(ctx, path, "", progress)
}

// MergeUnlocking is Merge of a copy encrypted under a passphrase of its
// own: passphrase unlocks it ("" tries this project's). When it is needed
// or does not unlock the copy, the error is ErrPassphraseNeeded or
// ErrWrongPassphrase, so the caller can ask for it.
func (p *Project) MergeUnlocking(ctx context.Context, path, passphrase string, progress func(Progress)) (*MergeReport, error) {
	name := filepath.Base(path)
	report(progress, Progress{Total: 3, Item: "reading " + name})
	// Two whole projects and the merged one are in memory at once, and
	// decoding them leaves as much garbage again: collect more often while
	// merging, so the peak stays near what is live (300 MB for two copies
	// of 100,000 codings, see bench/cmd/mergebench).
	defer debug.SetGCPercent(debug.SetGCPercent(40))
	theirs, err := p.readOther(path, passphrase)
	exported := isExport(path)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	report(progress, Progress{Done: 1, Total: 3, Item: "merging " + name})
	var rep *MergeReport
	err = p.act(Change{Action: "Merge " + name, Codebook: true, Cases: true, Memos: true, All: true}, func(tx *store.Tx) error {
		ours, err := tx.Bundle()
		if err != nil {
			return err
		}
		if ours.Tombstones, err = tx.Tombstones(); err != nil {
			return err
		}
		if exported {
			keepWhatExportsCannotCarry(ours, theirs)
		}
		var merged *qda.Bundle
		merged, rep = merge.Merge(ours, theirs)
		theirs = nil
		if err := ctx.Err(); err != nil {
			return err
		}
		report(progress, Progress{Done: 2, Total: 3, Item: "writing the merged project"})
		if err := tx.Replace(ours, merged); err != nil {
			return &qda.Error{What: name, Why: "cannot merge it into this project: " + err.Error(), Fix: "nothing was changed", Err: err}
		}
		return ctx.Err() // a cancel while writing rolls the merge back
	})
	if err != nil {
		return nil, err
	}
	p.followCoder()
	report(progress, Progress{Done: 3, Total: 3, Item: "merged"})
	return rep, nil
}

// followCoder makes the session code as the coder its name now is: a merge
// unifies coders by name, and the session's own may be the one that went
// into another (one person's two copies), whose next action would write it
// back as a second coder of that name.
func (p *Project) followCoder() {
	name := p.Coder().Name
	p.view(func(tx *store.Tx) error {
		cs, err := tx.Coders()
		for _, c := range cs {
			if c.Name == name {
				p.actMu.Lock()
				p.coder = c
				p.actMu.Unlock()
			}
		}
		return err
	})
}

// readOther reads the project to merge in, with its tombstones, unlocking
// it with passphrase or else this project's.
func (p *Project) readOther(path, passphrase string) (*qda.Bundle, error) {
	name := filepath.Base(path)
	if a, err := filepath.Abs(path); err == nil {
		if b, err := filepath.Abs(p.Path()); err == nil && a == b {
			return nil, &qda.Error{What: name, Why: "it is this project", Fix: "choose a colleague's copy"}
		}
	}
	if _, err := os.Stat(path); err != nil {
		return nil, &qda.Error{What: path, Why: "cannot open it", Fix: "check the path", Err: err}
	}
	if isExport(path) {
		b, _, err := exchange.ReadQDPX(path)
		if err != nil {
			return nil, err
		}
		for i := range b.Documents {
			repassage(&b.Documents[i])
		}
		return b, nil
	}
	typed := passphrase != ""
	if !typed {
		passphrase = p.opt.Passphrase
	}
	db, err := store.Open(path, store.Options{ReadOnly: true, Backups: -1, Passphrase: passphrase})
	if err != nil {
		switch {
		case typed && errors.Is(err, store.ErrWrongPassphrase):
			return nil, &qda.Error{What: name, Why: "wrong passphrase: it does not unlock this copy", Fix: "type it again; letter case and spaces count", Err: ErrWrongPassphrase}
		case errors.Is(err, store.ErrPassphraseNeeded) || errors.Is(err, store.ErrWrongPassphrase):
			return nil, &qda.Error{What: name, Why: "it is encrypted, and not with this project's passphrase", Fix: "give its passphrase, or ask for a copy decrypted", Err: ErrPassphraseNeeded}
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	defer db.Close()
	var b *qda.Bundle
	err = db.View(func(tx *store.Tx) error {
		var err error
		if b, err = tx.Bundle(); err != nil {
			return err
		}
		b.Tombstones, err = tx.Tombstones()
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return b, nil
}

// isExport reports whether path is a REFI-QDA export rather than a project file.
func isExport(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	return ext == ".qdpx" || ext == ".qde"
}

// keepWhatExportsCannotCarry gives the documents and codings of a REFI-QDA
// export what the format has no place for, from this project's own: a
// coding's event date, and the passages and speaker turns of a document
// whose text is unchanged. Without it, an export merged back would "edit"
// them away as a later version of the same record.
func keepWhatExportsCannotCarry(ours, theirs *qda.Bundle) {
	docs := make(map[qda.ID]*qda.Document, len(ours.Documents))
	for i := range ours.Documents {
		docs[ours.Documents[i].ID] = &ours.Documents[i]
	}
	for i := range theirs.Documents {
		d := &theirs.Documents[i]
		if o := docs[d.ID]; o != nil && o.Text == d.Text {
			d.Passages = o.Passages
		}
	}
	codings := make(map[qda.ID]*qda.Coding, len(ours.Codings))
	for i := range ours.Codings {
		codings[ours.Codings[i].ID] = &ours.Codings[i]
	}
	for i := range theirs.Codings {
		c := &theirs.Codings[i]
		if o := codings[c.ID]; o != nil && c.EventDate == "" {
			c.EventDate = o.EventDate
		}
	}
}
