package project

import (
	"errors"
	"sort"
	"strings"

	"coder/qda"
	"coder/store"
)

// Cases lists the cases, sorted by name.
func (p *Project) Cases() ([]qda.Case, error) {
	var out []qda.Case
	err := p.view(func(tx *store.Tx) error {
		var err error
		out, err = tx.Cases()
		return err
	})
	return out, err
}

// FindCase returns a case by name.
func (p *Project) FindCase(name string) (*qda.Case, error) {
	var c *qda.Case
	err := p.view(func(tx *store.Tx) error {
		var err error
		c, err = tx.CaseByName(name)
		return err
	})
	if errors.Is(err, qda.ErrNotFound) {
		return nil, &qda.Error{What: name, Why: "no such case", Fix: "list cases with 'coder cases', or add it with 'coder cases add'", Err: err}
	}
	return c, err
}

// AddCase makes a new case.
func (p *Project) AddCase(name, description string) (*qda.Case, error) {
	c := &qda.Case{ID: qda.NewID(), Name: strings.TrimSpace(name), Description: description}
	err := p.act(Change{Action: "Add case", Cases: true}, func(tx *store.Tx) error { return tx.PutCase(c) })
	return c, err
}

// AssignToCase puts documents into a case, creating the case by that name if
// it does not exist.
func (p *Project) AssignToCase(caseName string, docs ...qda.ID) (*qda.Case, error) {
	var c *qda.Case
	err := p.act(Change{Action: "Assign to case", Cases: true, Documents: docs}, func(tx *store.Tx) error {
		var err error
		c, err = assignToCase(tx, caseName, docs)
		return err
	})
	return c, err
}

func assignToCase(tx *store.Tx, caseName string, docs []qda.ID) (*qda.Case, error) {
	c, err := tx.CaseByName(caseName)
	if errors.Is(err, qda.ErrNotFound) {
		c, err = &qda.Case{ID: qda.NewID(), Name: strings.TrimSpace(caseName)}, nil
	}
	if err != nil {
		return nil, err
	}
	c.Documents = append(c.Documents, docs...)
	return c, tx.PutCase(c)
}

// RemoveFromCase takes documents out of a case.
func (p *Project) RemoveFromCase(caseID qda.ID, docs ...qda.ID) error {
	return p.act(Change{Action: "Remove from case", Cases: true, Documents: docs}, func(tx *store.Tx) error {
		c, err := tx.Case(caseID)
		if err != nil {
			return err
		}
		drop := idSet(docs)
		kept := c.Documents[:0:0]
		for _, d := range c.Documents {
			if !drop[d] {
				kept = append(kept, d)
			}
		}
		c.Documents = kept
		return tx.PutCase(c)
	})
}

// RenameCase renames a case.
func (p *Project) RenameCase(id qda.ID, name string) error {
	return p.act(Change{Action: "Rename case", Cases: true, All: true}, func(tx *store.Tx) error {
		c, err := tx.Case(id)
		if err != nil {
			return err
		}
		c.Name = strings.TrimSpace(name)
		return tx.PutCase(c)
	})
}

// DescribeCase sets a case's description.
func (p *Project) DescribeCase(id qda.ID, description string) error {
	return p.act(Change{Action: "Describe case", Cases: true}, func(tx *store.Tx) error {
		c, err := tx.Case(id)
		if err != nil {
			return err
		}
		c.Description = description
		return tx.PutCase(c)
	})
}

// DeleteCase deletes a case; its documents stay.
func (p *Project) DeleteCase(id qda.ID) error {
	return p.act(Change{Action: "Delete case", Cases: true, All: true}, func(tx *store.Tx) error {
		return tx.DeleteCase(id)
	})
}

// Variables lists the attributes cases and documents can carry.
func (p *Project) Variables() ([]qda.Variable, error) {
	var out []qda.Variable
	err := p.view(func(tx *store.Tx) error {
		var err error
		out, err = tx.Variables()
		return err
	})
	return out, err
}

// AddVariable defines a new attribute.
func (p *Project) AddVariable(name string, typ qda.VarType, scope qda.VarScope) (*qda.Variable, error) {
	v := &qda.Variable{ID: qda.NewID(), Name: strings.TrimSpace(name), Type: typ, Scope: scope}
	if err := v.CheckChoices(); err != nil {
		return nil, err // a choice attribute is defined with its list (AddAttributeOf, DefineChoices)
	}
	err := p.act(Change{Action: "Add attribute", Cases: true}, func(tx *store.Tx) error { return tx.PutVariable(v) })
	return v, err
}

// SetValue sets an attribute's value on a case or document, defining the
// attribute as text when it does not exist yet. An empty value clears it.
func (p *Project) SetValue(scope qda.VarScope, owner qda.ID, variable, value string) error {
	c := Change{Action: "Set attribute", Cases: true}
	if scope == qda.ScopeDocument {
		c.Documents = []qda.ID{owner}
	} else {
		c.All = true // a case attribute shows on every document of the case
	}
	return p.act(c, func(tx *store.Tx) error { return setValue(tx, scope, owner, variable, value) })
}

// SetValues sets several attribute values of a case or document as one
// action, each checked against its attribute's type: if one does not fit,
// none is set.
func (p *Project) SetValues(scope qda.VarScope, owner qda.ID, values map[string]string) error {
	c := Change{Action: "Set attributes", Cases: true}
	if scope == qda.ScopeDocument {
		c.Documents = []qda.ID{owner}
	} else {
		c.All = true
	}
	names := make([]string, 0, len(values))
	for n := range values {
		names = append(names, n)
	}
	sort.Strings(names) // the first misfit named is the same every time
	return p.act(c, func(tx *store.Tx) error {
		for _, n := range names {
			if err := setValue(tx, scope, owner, n, values[n]); err != nil {
				return err
			}
		}
		return nil
	})
}

// AddAttribute gives a case or document a value of an attribute, defining
// the attribute with type typ first when the scope has none of that name,
// as one action. An attribute that exists keeps its type, and the value
// must fit it.
func (p *Project) AddAttribute(scope qda.VarScope, owner qda.ID, name string, typ qda.VarType, value string) error {
	return p.AddAttributeOf(scope, owner, qda.Variable{Name: name, Type: typ}, value)
}

// ValuesInUse lists, for each attribute, the different values cases or
// documents have, sorted: the choices a form offers.
func (p *Project) ValuesInUse() (map[qda.ID][]string, error) {
	out := map[qda.ID][]string{}
	err := p.view(func(tx *store.Tx) error {
		vals, err := tx.Values()
		if err != nil {
			return err
		}
		seen := map[qda.Value]bool{}
		for _, v := range vals {
			if k := (qda.Value{Variable: v.Variable, Value: v.Value}); !seen[k] {
				seen[k] = true
				out[v.Variable] = append(out[v.Variable], v.Value)
			}
		}
		return nil
	})
	for _, vs := range out {
		sort.Slice(vs, func(i, j int) bool { return strings.ToLower(vs[i]) < strings.ToLower(vs[j]) })
	}
	return out, err
}

func setValue(tx *store.Tx, scope qda.VarScope, owner qda.ID, variable, value string) error {
	v, err := tx.VariableByName(scope, variable)
	if errors.Is(err, qda.ErrNotFound) {
		v = &qda.Variable{ID: qda.NewID(), Name: strings.TrimSpace(variable), Type: qda.VarText, Scope: scope}
		err = tx.PutVariable(v)
	}
	if err != nil {
		return err
	}
	return tx.SetValue(qda.Value{Variable: v.ID, Owner: owner, Value: value})
}

// Attributes returns a case's or document's attribute values by attribute name.
func (p *Project) Attributes(owner qda.ID) (map[string]string, error) {
	out := map[string]string{}
	err := p.view(func(tx *store.Tx) error {
		vals, err := tx.ValuesOf(owner)
		if err != nil {
			return err
		}
		for _, val := range vals {
			if v, err := tx.Variable(val.Variable); err == nil {
				out[v.Name] = val.Value
			}
		}
		return nil
	})
	return out, err
}

// CasesFromSpeakers makes a case for each speaker (named after the speaker)
// holding the documents in which that speaker has turns, across the given
// documents or all of them. Existing cases of the same name are extended. It
// is one action and returns the number of cases touched.
func (p *Project) CasesFromSpeakers(docs ...qda.ID) (int, error) {
	n := 0
	err := p.act(Change{Action: "Cases from speakers", Cases: true, All: true}, func(tx *store.Tx) error {
		all, err := tx.Documents()
		if err != nil {
			return err
		}
		want := idSet(docs)
		bySpeaker := map[string][]qda.ID{}
		var order []string
		for _, d := range all {
			if want != nil && !want[d.ID] {
				continue
			}
			seen := map[string]bool{}
			for _, pa := range d.Passages {
				name := strings.TrimSpace(pa.Speaker)
				if name == "" || seen[strings.ToLower(name)] {
					continue
				}
				seen[strings.ToLower(name)] = true
				if _, ok := bySpeaker[name]; !ok {
					order = append(order, name)
				}
				bySpeaker[name] = append(bySpeaker[name], d.ID)
			}
		}
		if len(order) == 0 {
			return &qda.Error{What: "cases from speakers", Why: "no document has speaker turns", Fix: "import transcripts with speaker labels such as \"Name:\""}
		}
		for _, name := range order {
			if _, err := assignToCase(tx, name, bySpeaker[name]); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	return n, err
}
