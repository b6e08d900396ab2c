package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"

	"coder/project"
	"coder/qda"
)

func cmdExport(args []string) int {
	const usage = "coder export PROJECT --format qdpx|qdc|csv|xlsx|html|md|docx --out PATH [--code PATH] [--case NAME] [--doc NAME] [--by-coder NAME] [--attr NAME=VALUE|NAME>N|NAME=FROM..TO] [--codebook] [--pseudonymise]"
	f := newFlags("export")
	format := f.String("format", "", "")
	out := f.String("out", "", "")
	ff := addFilterFlags(f)
	codebookOnly := f.Bool("codebook", false, "")
	pseudo := f.Bool("pseudonymise", false, "")
	f.BoolVar(pseudo, "pseudonymize", false, "")
	if err := f.parse(args, 1, 1, usage); err != nil {
		return fail(err)
	}
	if *format == "" || *out == "" {
		return usageError("export", "give --format and --out (usage: "+usage+")")
	}
	fm := strings.ToLower(*format)
	if (fm == "qdpx" || fm == "qdc" || *codebookOnly) && ff.set() {
		whole := fm + " exports the whole project"
		switch {
		case *codebookOnly:
			whole = "--codebook exports the codebook"
		case fm == "qdc":
			whole = "qdc exports the codebook"
		}
		return usageError("export", "--code, --doc, --case, --by-coder and --attr choose coded excerpts, but "+whole+" (leave them out, or export csv, md, html, xlsx or docx)")
	}
	return withProject(f.pos[0], "", func(p *project.Project) error {
		filter, err := ff.filter(p)
		if err != nil {
			return err
		}
		// Write beside the target and rename, so a failed export never
		// leaves a half-written file where the researcher expects one.
		tmp, err := os.CreateTemp(filepath.Dir(*out), ".coder-export-*")
		if err != nil {
			return &qda.Error{What: *out, Why: "cannot write there: " + err.Error(), Fix: "choose a folder you can write to"}
		}
		defer os.Remove(tmp.Name())
		w := bufio.NewWriter(tmp)
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt) // Ctrl+C leaves no file
		defer stop()
		if *codebookOnly {
			err = p.ExportCodebook(ctx, w, fm, progressLine("exporting"), project.ExportOptions{Pseudonymise: *pseudo})
		} else {
			err = p.Export(ctx, w, fm, filter, progressLine("exporting"), project.ExportOptions{Pseudonymise: *pseudo})
		}
		if err == nil {
			err = w.Flush()
		}
		if cerr := tmp.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
		if err := os.Rename(tmp.Name(), *out); err != nil {
			return &qda.Error{What: *out, Why: err.Error(), Fix: "choose another output path"}
		}
		fmt.Fprintf(stdout, "wrote %s\n", *out)
		return nil
	})
}

// importExchange brings REFI-QDA files into a project.
func importExchange(path, coder string, files []string) int {
	return withProject(path, coder, func(p *project.Project) error {
		for _, file := range files {
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt) // Ctrl+C merges nothing
			rep, err := p.ImportExchange(ctx, file, progressLine("merging"))
			stop()
			if rep != nil {
				for _, w := range rep.Warnings {
					fmt.Fprintf(stderr, "coder: %s: warning: %s\n", filepath.Base(file), w)
				}
				for _, m := range rep.MissingSources {
					n := rep.LostSelections[m]
					fmt.Fprintf(stderr, "coder: %s: source %q is not in the file: it and the %s on it were not imported\n", filepath.Base(file), m, qda.Plural(n, "selection", "selections"))
				}
			}
			if err != nil {
				return err
			}
			fmt.Fprintf(stdout, "imported %s", filepath.Base(file))
			if rep != nil && rep.Producer != "" {
				fmt.Fprintf(stdout, " (written by %s)", rep.Producer)
			}
			fmt.Fprintln(stdout)
		}
		return nil
	})
}
