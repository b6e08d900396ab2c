package project

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"time"

	"coder/assets"
	"coder/codebook"
	"coder/ingest"
	"coder/qda"
	"coder/store"
)

// demoSpec is assets/demo/project.json: the demo project described by names,
// so that it reads like the researcher's own notes and survives edits to the
// texts (codings are found by exact match, not by offsets).
type demoSpec struct {
	Name        string   `json:"name"`
	Description string   `json:"description"`
	Coders      []string `json:"coders"`
	Variables   []struct {
		Name  string `json:"name"`
		Type  string `json:"type"`
		Scope string `json:"scope"`
	} `json:"variables"`
	Documents []struct {
		File   string            `json:"file"`
		Name   string            `json:"name"`
		Kind   string            `json:"kind"`
		Values map[string]string `json:"values"`
	} `json:"documents"`
	Cases []struct {
		Name      string            `json:"name"`
		Documents []string          `json:"documents"`
		Values    map[string]string `json:"values"`
	} `json:"cases"`
	Codings []struct {
		Document string `json:"document"`
		Code     string `json:"code"`
		Match    string `json:"match"`
		Coder    string `json:"coder"`
		Memo     string `json:"memo"`
	} `json:"codings"`
	Memos []struct {
		On     string `json:"on"`
		Target string `json:"target"`
		Title  string `json:"title"`
		Text   string `json:"text"`
	} `json:"memos"`
}

// demoTime is when the demo's codings and memos claim to have been made, so
// the demo project is the same every time it is written.
var demoTime = time.Date(2024, 6, 1, 9, 0, 0, 0, time.UTC)

// demoNamespace roots the demo's name-based IDs: every demo project has the
// same IDs, so its exports are byte-for-byte repeatable (golden tests) and two
// people's demo projects merge cleanly.
const demoNamespace qda.ID = "0c0de0de-5e7a-4b1e-9d2c-6a1f3e5b7d90"

func demoID(kind, name string) qda.ID { return qda.NameID(demoNamespace, kind+"/"+name) }

// WriteDemo creates the bundled fictional demo project at path: documents,
// the institutional-logics codebook, cases with attributes, codings by two
// coders and memos.
func WriteDemo(path string, opt Options) (*Project, error) {
	b, err := DemoBundle()
	if err != nil {
		return nil, err
	}
	db, err := store.Create(path, b.Project, opt.store())
	if err != nil {
		return nil, err
	}
	if err := db.Update(func(tx *store.Tx) error { return tx.PutBundle(b) }); err != nil {
		db.Close()
		return nil, fmt.Errorf("writing the demo project: %w", err)
	}
	p, err := attach(db, opt)
	if err != nil {
		db.Close()
		return nil, err
	}
	return p, nil
}

// DemoBundle builds the demo project in memory.
func DemoBundle() (*qda.Bundle, error) {
	raw, err := fs.ReadFile(assets.Demo, "demo/project.json")
	if err != nil {
		return nil, fmt.Errorf("demo project: %w", err)
	}
	var spec demoSpec
	if err := json.Unmarshal(raw, &spec); err != nil {
		return nil, fmt.Errorf("demo project.json: %w", err)
	}
	b := &qda.Bundle{Project: qda.Project{ID: demoID("project", spec.Name), Name: spec.Name, Description: spec.Description, Created: demoTime}}
	if b.Codes, err = codebook.FromTemplate(codebook.TemplateLogics); err != nil {
		return nil, err
	}
	tree := codebook.NewTree(b.Codes)
	coders := map[string]qda.ID{}
	for _, name := range spec.Coders {
		c := qda.Coder{ID: demoID("coder", name), Name: name}
		coders[name] = c.ID
		b.Coders = append(b.Coders, c)
	}
	vars := map[string]*qda.Variable{}
	for _, v := range spec.Variables {
		typ, err := qda.ParseVarType(v.Type)
		if err != nil {
			return nil, fmt.Errorf("demo variable %q: %w", v.Name, err)
		}
		b.Variables = append(b.Variables, qda.Variable{ID: demoID("variable/"+v.Scope, v.Name), Name: v.Name, Type: typ, Scope: qda.VarScope(v.Scope)})
	}
	for i := range b.Variables {
		vars[string(b.Variables[i].Scope)+"/"+b.Variables[i].Name] = &b.Variables[i]
	}
	setValues := func(scope qda.VarScope, owner qda.ID, values map[string]string) error {
		for name, val := range values {
			v, ok := vars[string(scope)+"/"+name]
			if !ok {
				return fmt.Errorf("demo: no %s attribute %q", scope, name)
			}
			norm, err := v.Normalize(val)
			if err != nil {
				return err
			}
			b.Values = append(b.Values, qda.Value{Variable: v.ID, Owner: owner, Value: norm})
		}
		return nil
	}
	docs := map[string]*qda.Document{}
	for _, d := range spec.Documents {
		data, err := fs.ReadFile(assets.Demo, path.Join("demo", d.File))
		if err != nil {
			return nil, fmt.Errorf("demo document %s: %w", d.File, err)
		}
		kind, err := qda.ParseKind(d.Kind)
		if err != nil {
			return nil, err
		}
		res, err := ingest.Bytes(d.File, data, ingest.Options{Kind: kind})
		if err != nil {
			return nil, err
		}
		doc := res.Document
		doc.ID = demoID("document", d.Name)
		doc.Name = d.Name
		doc.Imported = demoTime
		b.Documents = append(b.Documents, doc)
		if err := setValues(qda.ScopeDocument, doc.ID, d.Values); err != nil {
			return nil, err
		}
	}
	for i := range b.Documents {
		docs[b.Documents[i].Name] = &b.Documents[i]
	}
	cases := map[string]qda.ID{}
	for _, c := range spec.Cases {
		cs := qda.Case{ID: demoID("case", c.Name), Name: c.Name}
		for _, name := range c.Documents {
			d, ok := docs[name]
			if !ok {
				return nil, fmt.Errorf("demo case %q: no document %q", c.Name, name)
			}
			cs.Documents = append(cs.Documents, d.ID)
		}
		cases[c.Name] = cs.ID
		b.Cases = append(b.Cases, cs)
		if err := setValues(qda.ScopeCase, cs.ID, c.Values); err != nil {
			return nil, err
		}
	}
	for i, c := range spec.Codings {
		d, ok := docs[c.Document]
		if !ok {
			return nil, fmt.Errorf("demo coding %d: no document %q", i+1, c.Document)
		}
		code, ok := tree.Find(c.Code)
		if !ok {
			return nil, fmt.Errorf("demo coding %d: no code %q", i+1, c.Code)
		}
		spans := findAll(d.Text, c.Match)
		if len(spans) == 0 {
			return nil, fmt.Errorf("demo coding %d: %q does not occur in %q", i+1, c.Match, c.Document)
		}
		b.Codings = append(b.Codings, qda.Coding{
			ID: demoID("coding", fmt.Sprint(i)), Document: d.ID, Code: code.ID, Span: spans[0],
			Coder: coders[c.Coder], Created: demoTime.Add(time.Duration(i) * time.Minute), Memo: c.Memo,
		})
	}
	if err := demoEventDates(b, docs); err != nil {
		return nil, err
	}
	for i, m := range spec.Memos {
		memo := qda.Memo{ID: demoID("memo", fmt.Sprint(i)), On: qda.TargetKind(m.On), Title: m.Title, Text: m.Text, Created: demoTime.Add(time.Duration(i) * time.Hour)}
		memo.Modified = memo.Created
		if len(b.Coders) > 0 {
			memo.Coder = b.Coders[0].ID
		}
		switch memo.On {
		case qda.OnProject:
		case qda.OnCode:
			c, ok := tree.Find(m.Target)
			if !ok {
				return nil, fmt.Errorf("demo memo %d: no code %q", i+1, m.Target)
			}
			memo.Target = c.ID
		case qda.OnDocument:
			d, ok := docs[m.Target]
			if !ok {
				return nil, fmt.Errorf("demo memo %d: no document %q", i+1, m.Target)
			}
			memo.Target = d.ID
		case qda.OnCase:
			id, ok := cases[m.Target]
			if !ok {
				return nil, fmt.Errorf("demo memo %d: no case %q", i+1, m.Target)
			}
			memo.Target = id
		default:
			return nil, fmt.Errorf("demo memo %d: cannot attach a memo to %q", i+1, m.On)
		}
		b.Memos = append(b.Memos, memo)
	}
	return b, nil
}

// demoEventDates gives the demo's codings the dates of the events the
// interviews recount (assets/demo/events.json), so that the timeline shows
// the process from the winter of 2021 to the meeting of May 2024 rather
// than the week of the interviews. A coding overlapping an event's words
// takes its date, whoever coded it.
func demoEventDates(b *qda.Bundle, docs map[string]*qda.Document) error {
	raw, err := fs.ReadFile(assets.Demo, "demo/events.json")
	if err != nil {
		return fmt.Errorf("demo events: %w", err)
	}
	var spec struct {
		Events []struct {
			Document string `json:"document"`
			At       string `json:"at"`
			Date     string `json:"date"`
		} `json:"events"`
	}
	if err := json.Unmarshal(raw, &spec); err != nil {
		return fmt.Errorf("demo events.json: %w", err)
	}
	for i, e := range spec.Events {
		d, ok := docs[e.Document]
		if !ok {
			return fmt.Errorf("demo event %d: no document %q", i+1, e.Document)
		}
		spans := findAll(d.Text, e.At)
		if len(spans) == 0 {
			return fmt.Errorf("demo event %d: %q does not occur in %q", i+1, e.At, e.Document)
		}
		if _, err := time.Parse("2006-01-02", e.Date); err != nil {
			return fmt.Errorf("demo event %d: %q is not a date (YYYY-MM-DD)", i+1, e.Date)
		}
		n := 0
		for j := range b.Codings {
			c := &b.Codings[j]
			if c.Document == d.ID && c.EventDate == "" && c.Span.Overlaps(spans[0]) {
				c.EventDate = e.Date
				n++
			}
		}
		if n == 0 {
			return fmt.Errorf("demo event %d: no coding covers %q", i+1, e.At)
		}
	}
	return nil
}
