package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"

	"coder/analysis"
	"coder/project"
	"coder/qda"
)

func cmdStats(args []string) int {
	const usage = "coder stats PROJECT freq [--by case|doc|attr:NAME] [--rollup] [--json] | cooc [--unit overlap|passage|near:N] [--codes PATH,PATH…] [--rollup] [--json] | matrix [--rows case|doc|attr:NAME] [--codes PATH,…] [--rollup] [--json] [--out FILE.xlsx|FILE.docx [--pseudonymise]]; any table: [--chart FILE.png] [--case NAME]... [--doc NAME]... [--by-coder NAME]... [--attr NAME=VALUE|NAME>N|NAME=FROM..TO]..."
	f := newFlags("stats")
	// The filter options of coder codings (but --code: --codes chooses
	// columns), narrowing the codings every table counts.
	ff := &filterFlags{}
	f.Var(&ff.doc, "doc", "")
	f.Var(&ff.caseName, "case", "")
	f.Var(&ff.coder, "by-coder", "")
	f.Var(&ff.coder, "coder", "") // an alias: nothing is written here
	f.Var(&ff.attr, "attr", "")
	by := f.String("by", "", "")
	rows := f.String("rows", "case", "")
	unit := f.String("unit", "overlap", "")
	codes := f.String("codes", "", "")
	rollup := f.Bool("rollup", false, "")
	asJSON := f.Bool("json", false, "")
	out := f.String("out", "", "")
	pseudo := f.Bool("pseudonymise", false, "")
	chartPath := f.String("chart", "", "") // writes the table's chart as PNG (see statsChart)
	if err := f.parse(args, 2, 2, usage); err != nil {
		return fail(err)
	}
	table := strings.ToLower(f.pos[1])
	switch table {
	case "freq", "cooc", "matrix":
	default:
		return usageError("stats", fmt.Sprintf("%q is not a table (use freq, cooc or matrix; usage: %s)", f.pos[1], usage))
	}
	dimArg := *by
	if table == "matrix" {
		dimArg = *rows
	}
	dim, err := analysis.ParseDimension(dimArg)
	if err != nil {
		return usageError("stats", err.Error())
	}
	u, err := analysis.ParseUnit(*unit)
	if err != nil {
		return usageError("stats", err.Error())
	}
	return withProject(f.pos[0], "", func(p *project.Project) error {
		var ids []string
		if *codes != "" {
			ids = strings.Split(*codes, ",")
		}
		codeIDs, err := p.CodeIDs(ids)
		if err != nil {
			return err
		}
		filter, err := ff.filter(p)
		if err != nil {
			return err
		}
		d, err := p.Analysis()
		if err != nil {
			return err
		}
		if d, err = d.Only(filter); err != nil {
			return err
		}
		if *chartPath != "" {
			if err := writeStatsChart(*chartPath, d, table, dim, codeIDs, u, *rollup); err != nil {
				return err
			}
		}
		switch table {
		case "freq":
			t, err := d.Frequencies(dim, *rollup)
			if err != nil {
				return err
			}
			return printFreq(t, *asJSON)
		case "cooc":
			return printCooc(d.Cooccurrence(codeIDs, u, *rollup), *asJSON)
		default:
			m, err := d.Matrix(dim, codeIDs, *rollup)
			if err != nil {
				return err
			}
			if *out != "" {
				return writeMatrixFile(p, m, *out, project.ExportOptions{Pseudonymise: *pseudo})
			}
			return printMatrix(m, *asJSON)
		}
	})
}

// freqJSON is the stable shape of `coder stats PROJECT freq --json`.
type freqJSON struct {
	Code      string         `json:"code"`
	Codings   int            `json:"codings"`
	Chars     int            `json:"chars"`
	Documents int            `json:"documents"`
	Cases     int            `json:"cases"`
	By        map[string]int `json:"by,omitempty"`
}

func printFreq(t *analysis.Freq, asJSON bool) error {
	if asJSON {
		out := make([]freqJSON, 0, len(t.Rows))
		for _, r := range t.Rows {
			row := freqJSON{Code: r.Path, Codings: r.Codings, Chars: r.Chars, Documents: r.Documents, Cases: r.Cases}
			if t.Groups != nil {
				row.By = map[string]int{}
				for g, n := range r.By {
					row.By[t.Groups[g].Label] += n
				}
			}
			out = append(out, row)
		}
		return printJSON(out)
	}
	w := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
	head := "code\tcodings\tchars\tdocuments\tcases\t"
	for _, g := range t.Groups {
		head += oneLine(g.Label, 24) + "\t"
	}
	fmt.Fprintln(w, head)
	for _, r := range t.Rows {
		line := fmt.Sprintf("%s%s\t%d\t%d\t%d\t%d\t", strings.Repeat("  ", r.Depth), r.Path[strings.LastIndex(r.Path, "/")+1:], r.Codings, r.Chars, r.Documents, r.Cases)
		for _, n := range r.By {
			line += strconv.Itoa(n) + "\t"
		}
		fmt.Fprintln(w, line)
	}
	return w.Flush()
}

// coocJSON is the stable shape of `coder stats PROJECT cooc --json`.
type coocJSON struct {
	Unit   string       `json:"unit"`
	Codes  []string     `json:"codes"`
	Counts [][]int      `json:"counts"`
	C      [][]*float64 `json:"c"`
}

func printCooc(t *analysis.Cooc, asJSON bool) error {
	paths := make([]string, len(t.Codes))
	for i, c := range t.Codes {
		paths[i] = c.Path
	}
	if asJSON {
		c := make([][]*float64, len(t.C))
		for i, row := range t.C {
			c[i] = make([]*float64, len(row))
			for j, x := range row {
				if x != nil {
					v, _ := strconv.ParseFloat(strconv.FormatFloat(*x, 'f', 4, 64), 64)
					c[i][j] = &v
				}
			}
		}
		return printJSON(coocJSON{Unit: t.Unit.String(), Codes: paths, Counts: t.Counts, C: c})
	}
	fmt.Fprintf(stdout, "co-occurrence (%s): count, c-coefficient in brackets\n", t.Unit)
	return printGrid(paths, paths, t.Cell)
}

// matrixJSON is the stable shape of `coder stats PROJECT matrix --json`.
type matrixJSON struct {
	Rows   []string `json:"rows"`
	Codes  []string `json:"codes"`
	Counts [][]int  `json:"counts"`
}

func printMatrix(m *analysis.Matrix, asJSON bool) error {
	rows := make([]string, len(m.Rows))
	for i, r := range m.Rows {
		rows[i] = r.Label
	}
	codes := make([]string, len(m.Codes))
	for i, c := range m.Codes {
		codes[i] = c.Path
	}
	if asJSON {
		return printJSON(matrixJSON{Rows: rows, Codes: codes, Counts: m.Counts})
	}
	return printGrid(rows, codes, func(i, j int) string { return strconv.Itoa(m.Counts[i][j]) })
}

// writeMatrixFile exports a matrix with its excerpts and memos, the format
// taken from the file's extension, writing beside the target and renaming so
// a failed export leaves no half-written file.
func writeMatrixFile(p *project.Project, m *analysis.Matrix, out string, opts project.ExportOptions) error {
	ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(out)), ".")
	if ext != "xlsx" && ext != "docx" {
		return fmt.Errorf("stats matrix: --out %s: the file must end in .xlsx or .docx: %w", out, errUsage)
	}
	tmp, err := os.CreateTemp(filepath.Dir(out), ".coder-matrix-*")
	if err != nil {
		return &qda.Error{What: out, Why: "cannot write there: " + err.Error(), Fix: "choose a folder you can write to"}
	}
	defer os.Remove(tmp.Name())
	err = p.ExportMatrix(tmp, ext, m, opts)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), out); err != nil {
		return &qda.Error{What: out, Why: err.Error(), Fix: "choose another output path"}
	}
	fmt.Fprintf(stdout, "wrote %s (%d rows by %d codes)\n", out, len(m.Rows), len(m.Codes))
	return nil
}

// printGrid prints a table with numbered columns and a legend below, so long
// code paths do not stretch it.
func printGrid(rows, cols []string, cell func(i, j int) string) error {
	w := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
	head := "\t"
	for j := range cols {
		head += fmt.Sprintf("[%d]\t", j+1)
	}
	fmt.Fprintln(w, head)
	for i, r := range rows {
		line := oneLine(r, 40) + "\t"
		for j := range cols {
			line += cell(i, j) + "\t"
		}
		fmt.Fprintln(w, line)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	for j, c := range cols {
		fmt.Fprintf(stdout, "[%d] %s\n", j+1, c)
	}
	return nil
}

// queryJSON is the stable shape of `coder query --json`: codings-like rows.
type queryJSON struct {
	Document string   `json:"document"`
	Start    int      `json:"start"`
	End      int      `json:"end"`
	Text     string   `json:"text"`
	Codes    []string `json:"codes"`
}

func cmdQuery(args []string) int {
	const usage = `coder query PROJECT 'A AND B' [--near N] [--case NAME]... [--doc NAME]... [--by-coder NAME]... [--attr NAME=VALUE|NAME>N|NAME=FROM..TO]... [--code-as PATH [--coder NAME]] [--json]`
	f := newFlags("query")
	coder := f.String("coder", "", "") // who codes the results with --code-as
	near := f.Int("near", analysis.DefaultNear, "")
	// The filter options of coder codings, but --coder: here it names who
	// codes with --code-as.
	ff := &filterFlags{}
	f.Var(&ff.doc, "doc", "")
	f.Var(&ff.caseName, "case", "")
	f.Var(&ff.coder, "by-coder", "")
	f.Var(&ff.attr, "attr", "")
	codeAs := f.String("code-as", "", "")
	asJSON := f.Bool("json", false, "")
	if err := f.parse(args, 2, -1, usage); err != nil {
		return fail(err)
	}
	if *near < 0 {
		return usageError("query", "--near takes a number of characters, 0 or more")
	}
	expr := strings.Join(f.pos[1:], " ")
	return withProject(f.pos[0], *coder, func(p *project.Project) error {
		filter, err := ff.filter(p)
		if err != nil {
			return err
		}
		d, err := p.Analysis()
		if err != nil {
			return err
		}
		segs, err := d.Query(expr, analysis.QueryOptions{Near: *near, Filter: filter})
		if err != nil {
			return fmt.Errorf("%v: %w", err, errUsage)
		}
		if *codeAs != "" {
			if _, err := p.CodeSegments(segs, *codeAs, "Coded from the query "+expr); err != nil {
				return err
			}
		}
		rows, err := p.SegmentRows(segs)
		if err != nil {
			return err
		}
		if *asJSON {
			out := make([]queryJSON, 0, len(rows))
			for _, r := range rows {
				q := queryJSON{Document: r.DocName, Start: r.Span.Start, End: r.Span.End, Text: r.Text, Codes: []string{}}
				for _, c := range r.Codes {
					q.Codes = append(q.Codes, c.Path)
				}
				out = append(out, q)
			}
			return printJSON(out)
		}
		for _, r := range rows {
			var codes []string
			for _, c := range r.Codes {
				codes = append(codes, c.Path)
			}
			fmt.Fprintf(stdout, "%s %s  %s\n    %s\n", r.DocName, r.Span, strings.Join(codes, "; "), oneLine(r.Text, 160))
		}
		fmt.Fprintln(stdout, qda.Plural(len(rows), "passage", "passages"))
		if *codeAs != "" {
			fmt.Fprintf(stdout, "coded %s with %s\n", qda.Plural(len(rows), "passage", "passages"), *codeAs)
		}
		return nil
	})
}
