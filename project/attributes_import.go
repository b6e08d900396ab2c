package project

import (
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"coder/exchange"
	"coder/qda"
	"coder/store"
)

// AttributeImport is what importing an attribute table did, or found wrong.
// Its JSON shape is what `coder attr import --json` prints.
type AttributeImport struct {
	File      string            `json:"file"`
	Scope     qda.VarScope      `json:"by"`
	Rows      int               `json:"rows"`      // rows with a name, after the header
	Matched   int               `json:"matched"`   // of those, rows naming a case or document
	Set       int               `json:"set"`       // values written (new or changed)
	Unchanged int               `json:"unchanged"` // values the project held already
	Columns   []AttributeColumn `json:"columns"`
	Unknown   []SheetProblem    `json:"unknown_rows"`
	Bad       []SheetProblem    `json:"bad_values"`
	Applied   bool              `json:"applied"` // false when nothing was changed
}

// AttributeColumn is a column of an imported table: the attribute it fills,
// its type, and whether the import defines it.
type AttributeColumn struct {
	Name string      `json:"name"`
	Type qda.VarType `json:"type"`
	New  bool        `json:"new"`
}

// SheetProblem is a row or cell of an imported table that cannot go in.
// Line counts the file's rows from 1, the header being line 1.
type SheetProblem struct {
	Line      int    `json:"line"`
	Name      string `json:"name"`
	Attribute string `json:"attribute,omitempty"`
	Value     string `json:"value,omitempty"`
	Why       string `json:"why"`
}

// AttributeImportOptions change how ImportAttributes treats a table.
type AttributeImportOptions struct {
	// SkipUnknown imports the rows that name a case or document and
	// leaves out the others (they are still reported); without it a row
	// naming none refuses the whole import.
	SkipUnknown bool
	// DryRun checks the table and reports without changing the project.
	DryRun bool
	// Types gives the type of new attributes by name, instead of the type
	// their values share.
	Types map[string]qda.VarType
}

// ReadAttributeTable reads a CSV or XLSX attribute table (see
// exchange.ReadSheet).
func ReadAttributeTable(path string) ([][]string, error) { return exchange.ReadSheet(path) }

// ImportAttributes sets attribute values from a table whose first column
// names cases or documents (by scope) and whose header row names
// attributes. A column of an attribute the scope has takes that
// attribute's type; a new one is defined with the type its values share
// (whole number, number, date, yes/no, else text). An empty cell leaves the
// value as it is. The whole table goes in as one undoable action, or
// nothing does: a value that does not fit its type, a row naming no case or
// document (unless opt.SkipUnknown), a name given twice or a heading twice
// refuses it, and the report says where.
func (p *Project) ImportAttributes(scope qda.VarScope, file string, rows [][]string, opt AttributeImportOptions) (*AttributeImport, error) {
	rep := &AttributeImport{File: filepath.Base(file), Scope: scope, Columns: []AttributeColumn{}, Unknown: []SheetProblem{}, Bad: []SheetProblem{}}
	apply := func(tx *store.Tx) error {
		plan, err := planAttributeImport(tx, rep, rows, opt.Types)
		if err != nil {
			return err
		}
		if err := rep.refusal(opt.SkipUnknown); err != nil {
			return err
		}
		if opt.DryRun {
			return nil
		}
		return plan(tx)
	}
	var err error
	if opt.DryRun {
		err = p.view(apply)
	} else {
		err = p.act(sheetChange("Import attributes", scope), apply)
		rep.Applied = err == nil && rep.Set > 0
	}
	return rep, err
}

// refusal is the error that stops an import, or nil.
func (rep *AttributeImport) refusal(skipUnknown bool) error {
	var why []string
	if n := len(rep.Bad); n > 0 {
		why = append(why, qda.Plural(n, "value does", "values do")+" not fit")
	}
	if n := len(rep.Unknown); n > 0 && !skipUnknown {
		noun := "case"
		if rep.Scope == qda.ScopeDocument {
			noun = "document"
		}
		why = append(why, fmt.Sprintf("%s no %s of the project", qda.Plural(n, "row names", "rows name"), noun))
	}
	if len(why) == 0 {
		return nil
	}
	fix := "correct the file and import it again"
	if len(rep.Bad) == 0 {
		fix = "correct the names, or skip those rows with --skip-unknown"
	}
	return &qda.Error{What: rep.File, Why: strings.Join(why, " and ") + "; nothing was imported", Fix: fix}
}

// planAttributeImport checks the table against the project, filling rep,
// and returns what writes it.
func planAttributeImport(tx *store.Tx, rep *AttributeImport, rows [][]string, types map[string]qda.VarType) (func(*store.Tx) error, error) {
	sheet, err := readSheet(tx, rep.Scope)
	if err != nil {
		return nil, err
	}
	bad := func(why string) error {
		return &qda.Error{What: rep.File, Why: why + "; nothing was imported", Fix: "correct the file and import it again"}
	}
	if len(rows) == 0 {
		return nil, bad("is empty: the first row must name the attributes")
	}
	header := rows[0]
	type column struct {
		idx int // in the file
		v   qda.Variable
		new bool
	}
	var cols []column
	seen := map[string]int{}
	for i := 1; i < len(header); i++ {
		name := header[i]
		if name == "" {
			for _, r := range rows[1:] {
				if i < len(r) && r[i] != "" {
					return nil, bad(fmt.Sprintf("column %d has values but no heading", i+1))
				}
			}
			continue
		}
		key := strings.ToLower(name)
		if j, ok := seen[key]; ok {
			return nil, bad(fmt.Sprintf("the heading %q is in columns %d and %d", name, j+1, i+1))
		}
		seen[key] = i
		c := column{idx: i}
		if k := sheet.Column(name); k >= 0 {
			c.v = sheet.Attributes[k]
		} else {
			c.v = qda.Variable{ID: qda.NewID(), Name: name, Scope: rep.Scope, Type: inferType(rows[1:], i)}
			for n, t := range types {
				if strings.EqualFold(n, name) {
					c.v.Type = t
				}
			}
			c.new = true
		}
		cols = append(cols, c)
		rep.Columns = append(rep.Columns, AttributeColumn{Name: c.v.Name, Type: c.v.Type, New: c.new})
	}
	if len(cols) == 0 {
		return nil, bad("has no attribute columns: the first row must name the attributes after the name column")
	}
	owners := map[string]int{} // lower-case name -> sheet row
	for i, r := range sheet.Rows {
		owners[strings.ToLower(strings.TrimSpace(r.Name))] = i
	}
	type write struct {
		owner qda.ID
		v     *qda.Variable
		value string
	}
	var writes []write
	lineOf := map[string]int{}
	for n, r := range rows[1:] {
		line := n + 2
		name := ""
		if len(r) > 0 {
			name = r[0]
		}
		if name == "" {
			for _, c := range r {
				if c != "" {
					return nil, bad(fmt.Sprintf("line %d has values but no name in the first column", line))
				}
			}
			continue // a blank line
		}
		rep.Rows++
		key := strings.ToLower(name)
		if first, ok := lineOf[key]; ok {
			return nil, bad(fmt.Sprintf("%q is named on lines %d and %d", name, first, line))
		}
		lineOf[key] = line
		k, known := owners[key]
		if !known {
			rep.Unknown = append(rep.Unknown, SheetProblem{Line: line, Name: name, Why: "no " + string(rep.Scope) + " of that name"})
		} else {
			rep.Matched++
		}
		for ci := range cols {
			c := &cols[ci]
			if c.idx >= len(r) || r[c.idx] == "" {
				continue
			}
			norm, err := c.v.Normalize(r[c.idx])
			if err != nil {
				rep.Bad = append(rep.Bad, SheetProblem{Line: line, Name: name, Attribute: c.v.Name, Value: r[c.idx], Why: "not " + typeNoun(c.v.Type)})
				continue
			}
			if !known {
				continue
			}
			old := ""
			if !c.new {
				old = sheet.Rows[k].Values[sheet.Column(c.v.Name)]
			}
			if old == norm {
				rep.Unchanged++
				continue
			}
			rep.Set++
			writes = append(writes, write{owner: sheet.Rows[k].ID, v: &c.v, value: norm})
		}
	}
	return func(tx *store.Tx) error {
		for _, c := range cols {
			if c.new {
				if err := tx.PutVariable(&c.v); err != nil {
					return err
				}
			}
		}
		for _, w := range writes {
			if err := tx.SetValue(qda.Value{Variable: w.v.ID, Owner: w.owner, Value: w.value}); err != nil {
				return err
			}
		}
		return nil
	}, nil
}

// inferType is the narrowest type every value in column col fits: whole
// number, number, date, yes/no, else text. A column with no values is text.
func inferType(rows [][]string, col int) qda.VarType {
	fits := map[qda.VarType]bool{qda.VarInteger: true, qda.VarFloat: true, qda.VarDate: true, qda.VarBoolean: true}
	some := false
	for _, r := range rows {
		if col >= len(r) || r[col] == "" || r[0] == "" {
			continue
		}
		some = true
		for t := range fits {
			v := qda.Variable{Type: t}
			if _, err := v.Normalize(r[col]); err != nil {
				delete(fits, t)
			}
		}
	}
	if !some {
		return qda.VarText
	}
	for _, t := range []qda.VarType{qda.VarInteger, qda.VarFloat, qda.VarDate, qda.VarBoolean} {
		if fits[t] {
			return t
		}
	}
	return qda.VarText
}

func typeNoun(t qda.VarType) string {
	switch t {
	case qda.VarInteger:
		return "a whole number"
	case qda.VarFloat:
		return "a number"
	case qda.VarDate:
		return "a date (YYYY-MM-DD)"
	case qda.VarBoolean:
		return "yes or no"
	}
	return "text"
}

// ExportAttributes writes the attribute table of a scope as csv or xlsx:
// a header row ("Case" or "Document", then the attributes), a row per case
// or document. Numbers go to XLSX as numbers; ImportAttributes reads the
// file back unchanged. With ExportOptions.Pseudonymise, real names in case
// and document names and text values are replaced.
func (p *Project) ExportAttributes(w io.Writer, format string, scope qda.VarScope, opts ...ExportOptions) error {
	s, err := p.AttributeSheet(scope)
	if err != nil {
		return err
	}
	t := &exchange.Table{Title: "Case attributes", Header: []string{"Case"}}
	if scope == qda.ScopeDocument {
		t.Title, t.Header[0] = "Document attributes", "Document"
	}
	for _, a := range s.Attributes {
		t.Header = append(t.Header, a.Name)
	}
	xlsx := strings.EqualFold(strings.TrimPrefix(format, "."), "xlsx")
	for _, r := range s.Rows {
		row := []any{r.Name}
		for i, a := range s.Attributes {
			var cell any = r.Values[i]
			if xlsx && r.Values[i] != "" {
				switch a.Type {
				case qda.VarInteger:
					if n, err := strconv.Atoi(r.Values[i]); err == nil {
						cell = n
					}
				case qda.VarFloat:
					if f, err := strconv.ParseFloat(r.Values[i], 64); err == nil {
						cell = f
					}
				}
			}
			row = append(row, cell)
		}
		t.Rows = append(t.Rows, row)
	}
	return p.ExportTable(w, format, t, opts...)
}
