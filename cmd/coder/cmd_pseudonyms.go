package main

import (
	"fmt"
	"text/tabwriter"

	"coder/project"
	"coder/qda"
)

// cmdPseudonyms lists and edits the project's pseudonym table, and
// suggests names it may need.
func cmdPseudonyms(args []string) int {
	const usage = "coder pseudonyms PROJECT [--json] | pseudonyms PROJECT add REAL REPLACEMENT | pseudonyms PROJECT remove REAL | pseudonyms PROJECT suggest [--json]"
	f := newFlags("pseudonyms")
	asJSON := f.Bool("json", false, "")
	if err := f.parse(args, 1, 4, usage); err != nil {
		return fail(err)
	}
	verb := arg(f.pos, 1)
	want := map[string]int{"": 1, "add": 4, "remove": 3, "suggest": 2}
	if n, ok := want[verb]; !ok || len(f.pos) != n {
		return usageError("pseudonyms", "usage: "+usage)
	}
	return withProject(f.pos[0], "", func(p *project.Project) error {
		switch verb {
		case "add":
			if err := p.SetPseudonym(f.pos[2], f.pos[3]); err != nil {
				return err
			}
			fmt.Fprintf(stdout, "%s → %s\n", f.pos[2], f.pos[3])
			return nil
		case "remove":
			if err := p.RemovePseudonym(f.pos[2]); err != nil {
				return err
			}
			fmt.Fprintf(stdout, "removed %s\n", f.pos[2])
			return nil
		case "suggest":
			ss, err := p.SuggestPseudonyms()
			if err != nil {
				return err
			}
			if *asJSON {
				if ss == nil {
					ss = []qda.NameSuggestion{}
				}
				return printJSON(ss)
			}
			tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "NAME\tKIND\tCOUNT\tSUGGESTED REPLACEMENT")
			for _, s := range ss {
				fmt.Fprintf(tw, "%s\t%s\t%d\t%s\n", s.Name, s.Kind, s.Count, s.Replacement)
			}
			return tw.Flush()
		}
		table, err := p.Pseudonyms()
		if err != nil {
			return err
		}
		if *asJSON {
			type row struct {
				Real        string `json:"real"`
				Replacement string `json:"replacement"`
			}
			out := []row{}
			for _, r := range table {
				out = append(out, row{r.Real, r.Replacement})
			}
			return printJSON(out)
		}
		if len(table) == 0 {
			fmt.Fprintln(stdout, "the pseudonym table is empty (add names with 'coder pseudonyms PROJECT add REAL REPLACEMENT', or see 'suggest')")
			return nil
		}
		tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "REAL\tREPLACEMENT")
		for _, r := range table {
			fmt.Fprintf(tw, "%s\t%s\n", r.Real, r.Replacement)
		}
		return tw.Flush()
	})
}

// cmdAnonymise writes a pseudonymised copy of a project.
func cmdAnonymise(args []string) int {
	const usage = "coder anonymise PROJECT OUT.coder"
	f := newFlags("anonymise")
	if err := f.parse(args, 2, 2, usage); err != nil {
		return fail(err)
	}
	return withProject(f.pos[0], "", func(p *project.Project) error {
		rep, err := p.WriteAnonymised(f.pos[1])
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "wrote %s: %s, %s, %s replaced (the copy has no pseudonym table; keep the original safe)\n", rep.Path,
			qda.Plural(rep.Documents, "document", "documents"), qda.Plural(rep.Codings, "coding", "codings"), qda.Plural(rep.Replaced, "name", "names"))
		if p.Encrypted() {
			fmt.Fprintf(stderr, "coder: note: %s is encrypted, but the copy %s is not encrypted: anyone who can read that file can read its documents (with the names replaced); to share it encrypted, run: coder encrypt %s ENCRYPTED.coder\n", f.pos[0], rep.Path, rep.Path)
		}
		return nil
	})
}
