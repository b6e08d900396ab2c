package search

import (
	"strings"

	"coder/qda"
)

// CorpusFromBundle describes a whole in-memory project for Build. Code paths
// are made from the codes' parents ("Parent/Child"); attributes combine the
// document's own values with those of its cases. The caller may build a
// Corpus from the store instead to avoid loading every text at once.
func CorpusFromBundle(b *qda.Bundle, stamp uint64) Corpus {
	paths := CodePaths(b.Codes)
	coders := make(map[qda.ID]string, len(b.Coders))
	for _, c := range b.Coders {
		coders[c.ID] = c.Name
	}
	vars := make(map[qda.ID]qda.Variable, len(b.Variables))
	for _, v := range b.Variables {
		vars[v.ID] = v
	}
	values := make(map[qda.ID][]Attr) // by owner
	for _, v := range b.Values {
		if vr, ok := vars[v.Variable]; ok && v.Value != "" {
			values[v.Owner] = append(values[v.Owner], Attr{Name: vr.Name, Value: v.Value})
		}
	}
	casesOf := make(map[qda.ID][]qda.Case)
	for _, c := range b.Cases {
		for _, d := range c.Documents {
			casesOf[d] = append(casesOf[d], c)
		}
	}
	codingsOf := make(map[qda.ID][]CodingInput)
	for _, c := range b.Codings {
		codingsOf[c.Document] = append(codingsOf[c.Document], CodingInput{
			ID: c.ID, CodePath: paths[c.Code], Span: c.Span, Coder: coders[c.Coder], Memo: c.Memo,
		})
	}
	names := make(map[qda.ID]string)
	for _, d := range b.Documents {
		names[d.ID] = d.Name
	}
	for _, c := range b.Cases {
		names[c.ID] = c.Name
	}
	for id, p := range paths {
		names[id] = p
	}
	memos := make([]MemoInput, 0, len(b.Memos))
	for _, m := range b.Memos {
		memos = append(memos, MemoInput{
			ID: m.ID, On: m.On, Target: m.Target, TargetName: names[m.Target],
			Title: m.Title, Text: m.Text, Coder: coders[m.Coder],
		})
	}
	return Corpus{
		Docs: len(b.Documents),
		Doc: func(i int) (*DocInput, error) {
			d := &b.Documents[i]
			in := &DocInput{Doc: d, Codings: codingsOf[d.ID], Attrs: values[d.ID]}
			for _, c := range casesOf[d.ID] {
				in.Cases = append(in.Cases, c.Name)
				in.Attrs = append(in.Attrs, values[c.ID]...)
			}
			return in, nil
		},
		Memos: memos,
		Stamp: stamp,
	}
}

// CodePaths names every code by its path from the top of the codebook,
// "Parent/Child". A code whose parent is missing, or that sits in a cycle,
// is named from the last ancestor that can be reached.
func CodePaths(codes []qda.Code) map[qda.ID]string {
	byID := make(map[qda.ID]*qda.Code, len(codes))
	for i := range codes {
		byID[codes[i].ID] = &codes[i]
	}
	paths := make(map[qda.ID]string, len(codes))
	for _, c := range codes {
		var parts []string
		seen := map[qda.ID]bool{}
		for at := &c; at != nil && !seen[at.ID]; at = byID[at.Parent] {
			seen[at.ID] = true
			parts = append(parts, at.Name)
		}
		for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
			parts[i], parts[j] = parts[j], parts[i]
		}
		paths[c.ID] = strings.Join(parts, "/")
	}
	return paths
}
