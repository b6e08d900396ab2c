package project

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"coder/exchange"
	"coder/ingest"
	"coder/qda"
	"coder/store"
)

// readQDC reads a REFI-QDA codebook file for a new project's starting codes.
func readQDC(path string) ([]qda.Code, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &qda.Error{What: path, Why: "cannot open the codebook file", Fix: "check the path", Err: err}
	}
	defer f.Close()
	codes, _, err := exchange.ReadQDC(f, filepath.Base(path))
	return codes, err
}

// ImportExchange merges a REFI-QDA file (.qdpx, .qde or .qdc) into the
// project by GUID, in one transaction: entities that exist are updated, new
// ones added. If anything conflicts (a document whose text differs, a code
// name taken by another code) nothing is changed. Cancelling ctx changes
// nothing either; progress hears once per document.
func (p *Project) ImportExchange(ctx context.Context, path string, progress func(Progress)) (*ExchangeReport, error) {
	rep, err := p.importExchange(ctx, path, progress)
	return exchangeReportFrom(rep), err
}

func (p *Project) importExchange(ctx context.Context, path string, progress func(Progress)) (*exchange.Report, error) {
	report(progress, Progress{Total: 1, Item: "reading " + filepath.Base(path)})
	var b *qda.Bundle
	var rep *exchange.Report
	var err error
	switch strings.ToLower(filepath.Ext(path)) {
	case ".qdc":
		f, ferr := os.Open(path)
		if ferr != nil {
			return nil, &qda.Error{What: path, Why: "cannot open the file", Err: ferr}
		}
		var codes []qda.Code
		codes, rep, err = exchange.ReadQDC(f, filepath.Base(path))
		f.Close()
		b = &qda.Bundle{Codes: codes}
		if rep != nil {
			b.CodeSets = rep.CodeSets
		}
	case ".qdpx", ".qde":
		b, rep, err = exchange.ReadQDPX(path)
	default:
		return nil, &qda.Error{What: filepath.Base(path), Why: "not a REFI-QDA file", Fix: "import a .qdpx project, a .qde file or a .qdc codebook"}
	}
	if err != nil {
		return rep, err
	}
	var ids []qda.ID
	for i := range b.Documents {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		report(progress, Progress{Done: i, Total: len(b.Documents) + 1, Item: b.Documents[i].Name})
		ids = append(ids, b.Documents[i].ID)
		repassage(&b.Documents[i])
	}
	report(progress, Progress{Done: len(b.Documents), Total: len(b.Documents) + 1, Item: "merging into this project"})
	err = p.act(Change{Action: "Import " + filepath.Ext(path), Documents: ids, Codebook: true, Cases: true, Memos: true, All: true}, func(tx *store.Tx) error {
		b.Project = qda.Project{} // the project keeps its own identity
		if err := settleNames(tx, b, rep); err != nil {
			return err
		}
		if err := tx.PutBundle(withoutProject(b)); err != nil {
			return &qda.Error{What: filepath.Base(path), Why: "cannot merge it into this project: " + err.Error(), Fix: "nothing was changed; import it into a new project instead", Err: err}
		}
		return ctx.Err() // a cancel while merging rolls the merge back
	})
	report(progress, Progress{Done: len(b.Documents) + 1, Total: len(b.Documents) + 1, Item: "merged"})
	return rep, err
}

// repassage splits an exchanged document into passages the way Coder's own
// importer does (paragraphs, long lines; never speaker turns: a source's
// passages come as it gives them), since REFI-QDA
// carries no structure and passages are the unit of search hits. The text
// must come out unchanged; if it would not, the exchange's passages stay.
func repassage(d *qda.Document) {
	res, err := ingest.Bytes(d.Name+".txt", []byte(d.Text), ingest.Options{Kind: d.Kind, NoTurns: true})
	if err != nil || res.Document.Text != d.Text {
		return
	}
	d.Passages = res.Document.Passages
	if d.Kind == "" || d.Kind == qda.KindOther {
		d.Kind = res.Document.Kind
	}
}

func withoutProject(b *qda.Bundle) *qda.Bundle {
	c := *b
	c.Project = qda.Project{}
	return &c
}

// Export writes the project, or the coded material in it, in a format:
// qdpx, qdc (the REFI-QDA exchange files), or an excerpt format (csv, xlsx,
// html, md, docx) filtered by f. Cancelling ctx stops the writing with
// ctx's error; the caller removes what was written. With
// ExportOptions.Pseudonymise, every real name of the pseudonym table is
// replaced first (see Pseudonymised).
func (p *Project) Export(ctx context.Context, w io.Writer, format string, f CodingFilter, progress func(Progress), opts ...ExportOptions) error {
	b, w, err := p.exportStart(ctx, w, format, progress, opts...)
	if err != nil {
		return err
	}
	defer report(progress, Progress{Done: 2, Total: 2, Item: "written"})
	switch format {
	case "qdpx":
		return exchange.WriteQDPX(w, b)
	case "qdc":
		return exchange.WriteQDC(w, b)
	case "csv", "xlsx", "html", "md", "docx":
		return exchange.WriteExcerpts(w, exchange.Format(format), b, f, exchange.ExcerptOptions{Title: b.Project.Name})
	}
	return &qda.Error{What: format, Why: "not an export format", Fix: "use qdpx, qdc, csv, xlsx, html, md or docx"}
}

// ExportCodebook writes the codebook with its definitions as docx, html, md
// or csv, as Export does.
func (p *Project) ExportCodebook(ctx context.Context, w io.Writer, format string, progress func(Progress), opts ...ExportOptions) error {
	b, w, err := p.exportStart(ctx, w, format, progress, opts...)
	if err != nil {
		return err
	}
	defer report(progress, Progress{Done: 2, Total: 2, Item: "written"})
	switch format {
	case "csv", "html", "md", "docx":
		return exchange.WriteCodebook(w, exchange.Format(format), b)
	}
	return fmt.Errorf("%q is not a codebook format (use docx, html, md or csv)", format)
}
