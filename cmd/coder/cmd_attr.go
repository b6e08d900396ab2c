package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"coder/project"
	"coder/qda"
)

// cmdAttr sets one attribute value, or with "import" or "export" as its
// first word reads or writes a whole attribute table.
func cmdAttr(args []string) int {
	if len(args) > 0 {
		switch args[0] {
		case "import":
			return cmdAttrImport(args[1:])
		case "export":
			return cmdAttrExport(args[1:])
		}
	}
	const usage = "coder attr PROJECT (--case NAME | --doc NAME) ATTRIBUTE VALUE [--type text|integer|float|boolean|date|choice] [--choices \"A,B,C\"]"
	f := newFlags("attr")
	caseName := f.String("case", "", "")
	doc := f.String("doc", "", "")
	typ := f.String("type", "", "")
	choices := f.String("choices", "", "")
	if err := f.parse(args, 3, 3, usage); err != nil {
		return fail(err)
	}
	if (*caseName == "") == (*doc == "") {
		return usageError("attr", "give exactly one of --case or --doc (usage: "+usage+")")
	}
	return withProject(f.pos[0], "", func(p *project.Project) error {
		scope, owner := qda.ScopeCase, qda.ID("")
		if *doc != "" {
			d, err := p.DocumentByName(*doc)
			if err != nil {
				return err
			}
			scope, owner = qda.ScopeDocument, d.ID
		} else {
			c, err := p.FindCase(*caseName)
			if err != nil {
				return err
			}
			owner = c.ID
		}
		t := qda.VarType("")
		if *typ != "" {
			var err error
			if t, err = qda.ParseVarType(*typ); err != nil {
				return fmt.Errorf("attr: %v: %w", err, errUsage)
			}
		}
		switch {
		case *choices != "":
			if t != "" && t != qda.VarChoice {
				return fmt.Errorf("attr: --choices gives the list of a choice attribute, not of a %s one: %w", t, errUsage)
			}
			if _, err := p.DefineChoices(scope, f.pos[1], qda.ParseChoices(*choices)); err != nil {
				return err
			}
		case t == qda.VarChoice:
			if v, err := findVariable(p, scope, f.pos[1]); err != nil || v.Type != qda.VarChoice {
				return fmt.Errorf("attr: a new choice attribute needs its list: add --choices \"A,B,C\": %w", errUsage)
			}
		case t != "":
			if _, err := p.AddVariable(f.pos[1], t, scope); err != nil && !strings.Contains(err.Error(), "already") {
				return err
			}
		}
		return p.SetValue(scope, owner, f.pos[1], f.pos[2])
	})
}

// findVariable finds the scope's attribute of a name, ignoring case.
func findVariable(p *project.Project, scope qda.VarScope, name string) (*qda.Variable, error) {
	vars, err := p.Variables()
	if err != nil {
		return nil, err
	}
	for _, v := range vars {
		if v.Scope == scope && strings.EqualFold(v.Name, strings.TrimSpace(name)) {
			return &v, nil
		}
	}
	return nil, qda.ErrNotFound
}

// attrScope reads --by case|doc.
func attrScope(cmd, by string) (qda.VarScope, error) {
	switch strings.ToLower(by) {
	case "case", "cases":
		return qda.ScopeCase, nil
	case "doc", "docs", "document", "documents":
		return qda.ScopeDocument, nil
	}
	return "", fmt.Errorf("%s: --by must be case or doc, not %q: %w", cmd, by, errUsage)
}

func cmdAttrImport(args []string) int {
	const usage = "coder attr import PROJECT FILE.csv|FILE.xlsx --by case|doc [--type NAME=TYPE]... [--skip-unknown] [--dry-run] [--json]"
	f := newFlags("attr import")
	var types listFlag
	f.Var(&types, "type", "")
	by := f.String("by", "", "")
	skip := f.Bool("skip-unknown", false, "")
	dry := f.Bool("dry-run", false, "")
	asJSON := f.Bool("json", false, "")
	if err := f.parse(args, 2, 2, usage); err != nil {
		return fail(err)
	}
	if *by == "" {
		return usageError("attr import", "give --by case or --by doc (usage: "+usage+")")
	}
	scope, err := attrScope("attr import", *by)
	if err != nil {
		return fail(err)
	}
	opt := project.AttributeImportOptions{SkipUnknown: *skip, DryRun: *dry, Types: map[string]qda.VarType{}}
	for _, t := range types {
		name, typ, ok := strings.Cut(t, "=")
		vt, err := qda.ParseVarType(typ)
		if !ok || strings.TrimSpace(name) == "" || err != nil {
			return usageError("attr import", fmt.Sprintf("--type %q: write NAME=TYPE, TYPE one of text, integer, float, boolean, date", t))
		}
		if vt == qda.VarChoice {
			return usageError("attr import", fmt.Sprintf("--type %q: a choice attribute is defined with its list first (coder attr ... --choices \"A,B,C\"); the import then checks values against it", t))
		}
		opt.Types[strings.TrimSpace(name)] = vt
	}
	rows, err := project.ReadAttributeTable(f.pos[1])
	if err != nil {
		return fail(err)
	}
	return withProject(f.pos[0], "", func(p *project.Project) error {
		rep, err := p.ImportAttributes(scope, f.pos[1], rows, opt)
		if *asJSON {
			if jerr := printJSON(rep); jerr != nil {
				return jerr
			}
		} else {
			printAttributeImport(rep, *dry, err == nil)
		}
		return err
	})
}

// printAttributeImport prints an import's report for a person.
func printAttributeImport(rep *project.AttributeImport, dry, ok bool) {
	owners := "cases"
	if rep.Scope == qda.ScopeDocument {
		owners = "documents"
	}
	fmt.Fprintf(stdout, "%s: %s, %d naming %s of the project\n", rep.File, qda.Plural(rep.Rows, "row", "rows"), rep.Matched, owners)
	for _, c := range rep.Columns {
		state := "existing"
		if c.New {
			state = "new"
		}
		fmt.Fprintf(stdout, "  attribute %q: %s, %s\n", c.Name, c.Type, state)
	}
	w := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	for _, u := range rep.Unknown {
		fmt.Fprintf(w, "  line %d\t%s\t%s\n", u.Line, oneLine(u.Name, 40), u.Why)
	}
	for _, b := range rep.Bad {
		fmt.Fprintf(w, "  line %d\t%s\t%s = %q is %s\n", b.Line, oneLine(b.Name, 40), b.Attribute, oneLine(b.Value, 40), b.Why)
	}
	w.Flush()
	switch {
	case ok && dry:
		fmt.Fprintf(stdout, "would set %s (%d unchanged); nothing was changed (--dry-run)\n", qda.Plural(rep.Set, "value", "values"), rep.Unchanged)
	case ok:
		fmt.Fprintf(stdout, "set %s (%d unchanged)\n", qda.Plural(rep.Set, "value", "values"), rep.Unchanged)
	}
}

func cmdAttrExport(args []string) int {
	const usage = "coder attr export PROJECT OUT.csv|OUT.xlsx --by case|doc [--pseudonymise]"
	f := newFlags("attr export")
	by := f.String("by", "", "")
	pseudo := f.Bool("pseudonymise", false, "")
	if err := f.parse(args, 2, 2, usage); err != nil {
		return fail(err)
	}
	if *by == "" {
		return usageError("attr export", "give --by case or --by doc (usage: "+usage+")")
	}
	scope, err := attrScope("attr export", *by)
	if err != nil {
		return fail(err)
	}
	out := f.pos[1]
	ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(out)), ".")
	if ext != "csv" && ext != "xlsx" {
		return usageError("attr export", out+": the file must end in .csv or .xlsx")
	}
	return withProject(f.pos[0], "", func(p *project.Project) error {
		// Write beside the target and rename: a failed export leaves no
		// half-written file.
		tmp, err := os.CreateTemp(filepath.Dir(out), ".coder-attr-*")
		if err != nil {
			return &qda.Error{What: out, Why: "cannot write there: " + err.Error(), Fix: "choose a folder you can write to"}
		}
		defer os.Remove(tmp.Name())
		err = p.ExportAttributes(tmp, ext, scope, project.ExportOptions{Pseudonymise: *pseudo})
		if cerr := tmp.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
		if err := os.Rename(tmp.Name(), out); err != nil {
			return &qda.Error{What: out, Why: err.Error(), Fix: "choose another output path"}
		}
		fmt.Fprintf(stdout, "wrote %s\n", out)
		return nil
	})
}
