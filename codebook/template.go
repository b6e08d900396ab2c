package codebook

import (
	"fmt"
	"strings"

	"coder/qda"
)

// templateNamespace roots the name-based IDs of template codes: every project
// created from the same template gets the same code IDs, so a field team's
// separate projects merge code by code.
const templateNamespace qda.ID = "6f1c2a7e-3b4d-5e8f-9a0b-1c2d3e4f5a6b"

// Template names accepted by FromTemplate.
const (
	TemplateLogics = "logics"
	TemplateEmpty  = "empty"
)

// Templates lists the built-in codebooks with a one-line description each.
func Templates() [][2]string {
	return [][2]string{
		{TemplateLogics, "Multiple institutional logics: political, bureaucratic and community logics, context and outcomes"},
		{TemplateEmpty, "An empty codebook"},
	}
}

// FromTemplate returns fresh codes for a built-in template.
func FromTemplate(name string) ([]qda.Code, error) {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case TemplateEmpty, "":
		return nil, nil
	case TemplateLogics:
		return Build(TemplateLogics, logicsTemplate)
	}
	return nil, fmt.Errorf("no codebook template %q (use %s or %s, or a .qdc file)", name, TemplateLogics, TemplateEmpty)
}

// Build turns template codes, given by path in tree order, into codes with
// stable name-based IDs; missing parents become folders.
func Build(template string, codes []TemplateCode) ([]qda.Code, error) {
	var out []qda.Code
	index := map[string]int{}
	order := map[qda.ID]int{}
	var ensure func(names []string, tc *TemplateCode) (qda.ID, error)
	ensure = func(names []string, tc *TemplateCode) (qda.ID, error) {
		path := strings.Join(names, "/")
		if i, ok := index[path]; ok {
			if tc != nil {
				out[i].Color, out[i].Folder, out[i].Description = tc.Color, tc.Folder, tc.Description
			}
			return out[i].ID, nil
		}
		var parent qda.ID
		if len(names) > 1 {
			p, err := ensure(names[:len(names)-1], nil)
			if err != nil {
				return "", err
			}
			parent = p
		}
		c := qda.Code{
			ID:     qda.NameID(templateNamespace, template+"/"+path),
			Parent: parent,
			Name:   names[len(names)-1],
			Folder: true,
			Order:  order[parent],
		}
		order[parent]++
		if tc != nil {
			c.Color, c.Folder, c.Description = tc.Color, tc.Folder, tc.Description
		}
		if c.Color == "" {
			c.Color = Palette[len(out)%len(Palette)]
		}
		if err := c.Validate(); err != nil {
			return "", fmt.Errorf("template %s: %w", template, err)
		}
		index[path] = len(out)
		out = append(out, c)
		return c.ID, nil
	}
	for i := range codes {
		names := SplitPath(codes[i].Path)
		if len(names) == 0 {
			return nil, fmt.Errorf("template %s: code %d has no path", template, i+1)
		}
		if _, err := ensure(names, &codes[i]); err != nil {
			return nil, err
		}
	}
	return out, NewTree(out).Validate()
}
