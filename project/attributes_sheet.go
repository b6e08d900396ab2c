package project

import (
	"sort"
	"strings"

	"coder/qda"
	"coder/store"
)

// AttributeSheet is the cases × attributes or documents × attributes table
// (NVivo's classification sheet, MAXQDA's document variables): one row per
// case or document, one column per attribute of that scope.
type AttributeSheet struct {
	Scope      qda.VarScope
	Attributes []qda.Variable // the columns, sorted by name
	Rows       []AttributeRow // sorted by name
}

// AttributeRow is one case or document of a sheet.
type AttributeRow struct {
	ID     qda.ID
	Name   string
	Values []string // one per column of the sheet, "" where none is set
}

// Column returns the index of the attribute named name (ignoring case), or -1.
func (s *AttributeSheet) Column(name string) int {
	for i, v := range s.Attributes {
		if strings.EqualFold(v.Name, strings.TrimSpace(name)) {
			return i
		}
	}
	return -1
}

// AttributeSheet reads the attribute table of a scope in one transaction.
func (p *Project) AttributeSheet(scope qda.VarScope) (*AttributeSheet, error) {
	var s *AttributeSheet
	err := p.view(func(tx *store.Tx) error {
		var err error
		s, err = readSheet(tx, scope)
		return err
	})
	return s, err
}

func readSheet(tx *store.Tx, scope qda.VarScope) (*AttributeSheet, error) {
	if scope != qda.ScopeCase && scope != qda.ScopeDocument {
		return nil, qda.Invalidf("attributes belong to cases or documents, not %q", scope)
	}
	s := &AttributeSheet{Scope: scope}
	vars, err := tx.Variables()
	if err != nil {
		return nil, err
	}
	col := map[qda.ID]int{}
	for _, v := range vars {
		if v.Scope == scope {
			col[v.ID] = len(s.Attributes)
			s.Attributes = append(s.Attributes, v)
		}
	}
	if scope == qda.ScopeCase {
		cases, err := tx.Cases()
		if err != nil {
			return nil, err
		}
		for _, c := range cases {
			s.Rows = append(s.Rows, AttributeRow{ID: c.ID, Name: c.Name})
		}
	} else {
		docs, err := tx.Documents()
		if err != nil {
			return nil, err
		}
		for _, d := range docs {
			s.Rows = append(s.Rows, AttributeRow{ID: d.ID, Name: d.Name})
		}
	}
	sort.SliceStable(s.Rows, func(i, j int) bool { return strings.ToLower(s.Rows[i].Name) < strings.ToLower(s.Rows[j].Name) })
	row := map[qda.ID]int{}
	for i := range s.Rows {
		row[s.Rows[i].ID] = i
		s.Rows[i].Values = make([]string, len(s.Attributes))
	}
	vals, err := tx.Values()
	if err != nil {
		return nil, err
	}
	for _, v := range vals {
		r, okR := row[v.Owner]
		c, okC := col[v.Variable]
		if okR && okC {
			s.Rows[r].Values[c] = v.Value
		}
	}
	return s, nil
}

// SetAttribute sets one attribute's value on one case or document as one
// undoable action, checked against the attribute's type; an empty value
// clears it. Unlike SetValue it never defines an attribute: the sheet edits
// the columns it shows.
func (p *Project) SetAttribute(scope qda.VarScope, owner qda.ID, attribute qda.ID, value string) error {
	return p.act(sheetChange("Set attribute", scope, owner), func(tx *store.Tx) error {
		v, err := tx.Variable(attribute)
		if err != nil {
			return err
		}
		if v.Scope != scope {
			return qda.Invalidf("attribute %q describes a %s, not a %s", v.Name, v.Scope, scope)
		}
		return tx.SetValue(qda.Value{Variable: v.ID, Owner: owner, Value: value})
	})
}

// sheetChange is the Change an attribute edit makes: a document attribute
// touches its document, a case attribute every document of the case.
func sheetChange(action string, scope qda.VarScope, owners ...qda.ID) Change {
	c := Change{Action: action, Cases: true}
	if scope == qda.ScopeDocument && len(owners) > 0 {
		c.Documents = owners
	} else {
		c.All = true
	}
	return c
}
