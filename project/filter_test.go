package project_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"sort"
	"strings"
	"testing"

	"coder/project"
	"coder/qda"
)

// codingSet is the sorted coding IDs of rows, joined for comparing.
func codingSet(ids []string) string {
	sort.Strings(ids)
	return strings.Join(ids, " ")
}

// csvCodings exports the codings f selects as CSV and reads back their IDs.
func csvCodings(t *testing.T, p *project.Project, f project.CodingFilter) string {
	t.Helper()
	var buf bytes.Buffer
	if err := p.Export(context.Background(), &buf, "csv", f, nil); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(buf.Bytes(), []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := -1
	for i, h := range rows[0] {
		if h == "Coding ID" {
			col = i
		}
	}
	if col < 0 {
		t.Fatalf("no Coding ID column in %q", rows[0])
	}
	var ids []string
	for _, r := range rows[1:] {
		ids = append(ids, r[col])
	}
	return codingSet(ids)
}

// Ensure that one filter selects the same codings through every path that
// takes one: Retrieve and `coder codings` (Project.Codings) and every excerpt
// export (Project.Export) and search over coded segments, including the case that once split them: a
// document and a case that does not hold it select nothing in both.
func TestFilter_RetrieveAndExportsSelectTheSameCodings(t *testing.T) {
	p := demo(t)
	doc := func(name string) qda.ID {
		d, err := p.DocumentByName(name)
		if err != nil {
			t.Fatal(err)
		}
		return d.ID
	}
	kase := func(name string) qda.ID {
		c, err := p.FindCase(name)
		if err != nil {
			t.Fatal(err)
		}
		return c.ID
	}
	code := func(path string) qda.ID {
		c, err := p.FindCode(path)
		if err != nil {
			t.Fatal(err)
		}
		return c.ID
	}
	cadre, activist := doc("Interview - community cadre"), doc("Interview - local activist")
	for _, c := range []struct {
		name  string
		f     project.CodingFilter
		empty bool
		query string // the same filter in the search syntax, over coded segments
	}{
		{name: "Everything", f: project.CodingFilter{}, query: "kind:interview OR -kind:interview"},
		{name: "DocumentAndACaseWithoutIt", f: project.CodingFilter{Documents: []qda.ID{cadre}, Cases: []qda.ID{kase("Local activist")}}, empty: true, query: `doc:"Interview - community cadre" case:"Local activist"`},
		{name: "DocumentAndACaseWithIt", f: project.CodingFilter{Documents: []qda.ID{cadre}, Cases: []qda.ID{kase("G Community")}}, query: `doc:"Interview - community cadre" case:"G Community"`},
		{name: "TwoDocumentsEither", f: project.CodingFilter{Documents: []qda.ID{cadre, activist}}, query: `doc:"Interview - community cadre" doc:"Interview - local activist"`},
		{name: "TwoCasesEither", f: project.CodingFilter{Cases: []qda.ID{kase("Local activist"), kase("Community cadre")}}, query: `case:"Local activist" case:"Community cadre"`},
		{name: "CodeAndCase", f: project.CodingFilter{Codes: []qda.ID{code("Community logic")}, Cases: []qda.ID{kase("Local activist")}}, query: `code:"Community logic" case:"Local activist"`},
		{name: "AttributeRange", f: project.CodingFilter{Attrs: []qda.AttrCond{{Name: "Years in community", Op: qda.AttrGreater, Value: "10"}}}, query: `attr:"Years in community>10"`},
		{name: "AttributeText", f: project.CodingFilter{Attrs: []qda.AttrCond{{Name: "Party member", Op: qda.AttrEq, Value: "TRUE"}}}, query: `attr:"Party member=TRUE"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			rows, err := p.Codings(c.f)
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, r := range rows {
				ids = append(ids, string(r.ID))
			}
			retrieve := codingSet(ids)
			if exported := csvCodings(t, p, c.f); exported != retrieve {
				t.Errorf("Retrieve selects %d codings, the CSV export %d", len(ids), len(strings.Fields(exported)))
			}
			res, err := p.Search(context.Background(), c.query, project.SearchOptions{Units: []project.SearchUnit{project.SearchSegments}, Limit: 100000})
			if err != nil {
				t.Fatalf("search %s: %v", c.query, err)
			}
			var found []string
			for _, h := range res.Hits {
				found = append(found, string(h.ID))
			}
			if searched := codingSet(found); searched != retrieve {
				t.Errorf("Retrieve selects %d codings, searching coded segments for %s %d", len(ids), c.query, len(found))
			}
			if c.empty != (len(ids) == 0) {
				t.Errorf("%d codings selected; want none: %v", len(ids), c.empty)
			}
		})
	}
}
