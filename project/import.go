package project

import (
	"context"
	"fmt"
	"path/filepath"

	"coder/ingest"
	"coder/qda"
	"coder/store"
)

// Progress reports how far long work has got.
type Progress struct {
	Done, Total int
	Item        string // what is being worked on now, e.g. a file name
}

// ImportOptions configure an import.
type ImportOptions struct {
	Kind    qda.Kind // "" lets the importer guess
	Case    string   // put every imported document into this case ("" for none)
	MaxSize int64    // per-file size limit; 0 means the default (100 MB)
}

// ImportReport says what happened to every file of a batch.
type ImportReport struct {
	Imported   []Imported
	Failed     []Failure // files that could not be read; nothing of them was stored
	Skipped    []Skipped // files a folder scan passed over
	Duplicates []Failure // files whose bytes were already imported
	Cancelled  bool
}

// Imported is one document that went in.
type Imported struct {
	Path     string
	Document qda.ID
	Name     string
	Warnings []string
}

// Failure is one file that did not go in, and why.
type Failure struct {
	Path string
	Err  error
}

// Import reads files and folders (recursively) into the project. Each file
// is committed on its own, so a bad file is reported and skipped while the
// rest go in; the whole batch undoes as one step. Cancelling ctx stops after
// the current file, keeping what was imported.
func (p *Project) Import(ctx context.Context, paths []string, opt ImportOptions, progress func(Progress)) (*ImportReport, error) {
	files, skipped, err := ingest.Collect(paths)
	if err != nil {
		return nil, err
	}
	rep := &ImportReport{Skipped: skippedFrom(skipped)}
	seen, err := p.importedHashes()
	if err != nil {
		return nil, err
	}
	act := p.begin()
	var touched []qda.ID
	for i, path := range files {
		if progress != nil {
			progress(Progress{Done: i, Total: len(files), Item: filepath.Base(path)})
		}
		if ctx.Err() != nil {
			rep.Cancelled = true
			break
		}
		res, err := ingest.File(path, ingest.Options{Kind: opt.Kind, MaxSize: opt.MaxSize, Context: ctx})
		if err != nil {
			rep.Failed = append(rep.Failed, Failure{path, err})
			continue
		}
		doc := &res.Document
		if prev, dup := seen[doc.Source.SHA256]; dup {
			rep.Duplicates = append(rep.Duplicates, Failure{path, &qda.Error{What: filepath.Base(path), Why: "the same file is already in the project as " + prev, Fix: "nothing to do; it was not imported twice"}})
			continue
		}
		if err := act.do(func(tx *store.Tx) error { return storeImported(tx, doc, opt.Case) }); err != nil {
			rep.Failed = append(rep.Failed, Failure{path, err})
			continue
		}
		seen[doc.Source.SHA256] = doc.Name
		touched = append(touched, doc.ID)
		rep.Imported = append(rep.Imported, Imported{Path: path, Document: doc.ID, Name: doc.Name, Warnings: res.Warnings})
	}
	if progress != nil {
		progress(Progress{Done: len(files), Total: len(files)})
	}
	act.end(Change{Action: "Import", Documents: touched, Cases: opt.Case != ""})
	if len(files) == 0 && len(skipped) > 0 {
		return rep, &qda.Error{What: skipped[0].Path, Why: skipped[0].Reason, Fix: "choose files Coder can import"}
	}
	return rep, nil
}

// storeImported writes one imported document (with a unique name) and its
// case membership.
func storeImported(tx *store.Tx, doc *qda.Document, caseName string) error {
	name, err := tx.UniqueDocName(doc.Name)
	if err != nil {
		return err
	}
	doc.Name = name
	if err := tx.PutDocument(doc); err != nil {
		return err
	}
	if caseName != "" {
		if _, err := assignToCase(tx, caseName, []qda.ID{doc.ID}); err != nil {
			return fmt.Errorf("putting %s into case %q: %w", doc.Name, caseName, err)
		}
	}
	return nil
}

func (p *Project) importedHashes() (map[string]string, error) {
	seen := map[string]string{}
	err := p.view(func(tx *store.Tx) error {
		docs, err := tx.Documents()
		for _, d := range docs {
			if d.Source.SHA256 != "" {
				seen[d.Source.SHA256] = d.Name
			}
		}
		return err
	})
	return seen, err
}
