package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"

	"golang.org/x/term"

	"coder/project"
	"coder/qda"
)

func cmdNew(args []string) int {
	const usage = "coder new PROJECT [--codebook logics|empty|FILE.qdc] [--name NAME] [--encrypt]"
	f := newFlags("new")
	cb := f.String("codebook", "logics", "")
	name := f.String("name", "", "")
	coder := f.String("coder", "", "")
	encrypt := f.Bool("encrypt", false, "")
	if err := f.parse(args, 1, 1, usage); err != nil {
		return fail(err)
	}
	opt := project.Options{Coder: *coder}
	if err := encryptFlag(*encrypt, f.pos[0], &opt); err != nil {
		return fail(err)
	}
	p, err := project.Create(f.pos[0], project.CreateOptions{Name: *name, Codebook: *cb, Options: opt})
	if err != nil {
		return fail(err)
	}
	defer p.Close()
	t, _ := p.Codebook()
	fmt.Fprintf(stdout, "created %s with %s\n", f.pos[0], qda.Plural(t.Len(), "code", "codes"))
	return 0
}

func cmdDemo(args []string) int {
	f := newFlags("demo")
	encrypt := f.Bool("encrypt", false, "")
	if err := f.parse(args, 1, 1, "coder demo PROJECT [--encrypt]"); err != nil {
		return fail(err)
	}
	var opt project.Options
	if err := encryptFlag(*encrypt, f.pos[0], &opt); err != nil {
		return fail(err)
	}
	p, err := project.WriteDemo(f.pos[0], opt)
	if err != nil {
		return fail(err)
	}
	defer p.Close()
	docs, _ := p.Documents()
	fmt.Fprintf(stdout, "wrote the demo project to %s (%s)\n", f.pos[0], qda.Plural(len(docs), "document", "documents"))
	return 0
}

func cmdImport(args []string) int {
	const usage = "coder import PROJECT PATH... [--kind KIND] [--case NAME]"
	f := newFlags("import")
	kind := f.String("kind", "", "")
	caseName := f.String("case", "", "")
	coder := f.String("coder", "", "")
	if err := f.parse(args, 2, -1, usage); err != nil {
		return fail(err)
	}
	var k qda.Kind
	if *kind != "" {
		var err error
		if k, err = qda.ParseKind(*kind); err != nil {
			return fail(fmt.Errorf("import: %v: %w", err, errUsage))
		}
	}
	if strings.HasSuffix(strings.ToLower(f.pos[1]), ".qdpx") || strings.HasSuffix(strings.ToLower(f.pos[1]), ".qdc") || strings.HasSuffix(strings.ToLower(f.pos[1]), ".qde") {
		return importExchange(f.pos[0], *coder, f.pos[1:])
	}
	failed := 0
	code := withProject(f.pos[0], *coder, func(p *project.Project) error {
		// Ctrl+C stops after the current file, keeping what went in; a
		// second Ctrl+C ends the process at once (each file is its own
		// transaction, so nothing committed is lost either way).
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
		defer stop()
		context.AfterFunc(ctx, stop)
		rep, err := p.Import(ctx, f.pos[1:], project.ImportOptions{Kind: k, Case: *caseName}, progressLine("importing"))
		if rep != nil {
			for _, im := range rep.Imported {
				fmt.Fprintf(stdout, "imported %s as %q\n", printable(filepath.Base(im.Path)), im.Name)
				for _, w := range im.Warnings {
					fmt.Fprintf(stderr, "coder: %s: warning: %s\n", printable(filepath.Base(im.Path)), w)
				}
			}
			for _, d := range rep.Duplicates {
				fmt.Fprintf(stderr, "coder: %v\n", d.Err)
			}
			for _, s := range rep.Skipped {
				fmt.Fprintf(stderr, "coder: %s: skipped: %s\n", printable(s.Path), s.Reason)
			}
			printFailures(f.pos[0], rep.Failed)
			failed = len(rep.Failed)
			if rep.Cancelled {
				return fmt.Errorf("import cancelled after %s; those are kept", qda.Plural(len(rep.Imported), "file", "files"))
			}
		}
		return err
	})
	if code == 0 && failed > 0 {
		return 1
	}
	return code
}

// progressLine returns a progress callback that redraws one line on stderr
// when stderr is a terminal, and nil otherwise.
func progressLine(verb string) func(project.Progress) {
	if !term.IsTerminal(int(os.Stderr.Fd())) {
		return nil
	}
	return func(pr project.Progress) {
		if pr.Done >= pr.Total {
			fmt.Fprintf(os.Stderr, "\r\033[K")
			return
		}
		fmt.Fprintf(os.Stderr, "\r\033[K%s %d/%d %s", verb, pr.Done+1, pr.Total, printable(pr.Item))
	}
}

func cmdCheck(args []string) int {
	f := newFlags("check")
	if err := f.parse(args, 1, 1, "coder check PROJECT"); err != nil {
		return fail(err)
	}
	var problems int
	code := withProject(f.pos[0], "", func(p *project.Project) error {
		probs, err := p.Check()
		if err != nil {
			return err
		}
		for _, pr := range probs {
			fmt.Fprintln(stdout, pr)
		}
		problems = len(probs)
		if problems == 0 {
			fmt.Fprintln(stdout, "ok: pages, references and spans are sound")
		}
		return nil
	})
	if code == 0 && problems > 0 {
		return fail(explain(f.pos[0], &qda.Error{What: f.pos[0], Why: fmt.Sprintf("the project file is damaged (%s found, listed above)", qda.Plural(problems, "problem", "problems")), Err: project.ErrDamaged}))
	}
	return code
}
